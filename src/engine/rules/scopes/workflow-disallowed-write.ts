/**
 * `write` scopes the policy does not allow for this workflow or job. The policy lists what may write:
 *
 * ```yaml
 * rules:
 *   scopes/workflow-disallowed-write:
 *     options:
 *       allow:
 *         - workflow: release.yml            # minimatch glob on the path (basename if no `/`)
 *           job: publish                     # optional glob on the job id
 *           permissions: { contents: write, id-token: write }   # or a list: [contents, id-token]
 * ```
 *
 * Without an `allow` list the rule is inactive (the other workflow rules still judge breadth).
 */
import type { Minimatch } from 'minimatch';
import { compileGlob, globMatches } from '../../glob.js';
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { listOf } from '../../option-schema.js';
import { WORKFLOW_TOKEN } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS, TOKEN_SCOPES, raiseSeverity, writeSeverity } from './lib/github-permissions.js';
import { at, code, isYamlPath, list, loadWorkflow, type Job, type PermissionsDecl } from './lib/workflow.js';

export interface AllowEntry {
  workflow?: string | string[];
  job?: string | string[];
  permissions?: Record<string, unknown> | string[] | 'write-all';
}

export interface DisallowedWriteOptions {
  allow?: AllowEntry[];
}

interface CompiledEntry {
  workflow: Minimatch[] | undefined;
  job: Minimatch[] | undefined;
  scopes: Set<string> | 'all';
}

const SEVERITY_RANK: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

let compiledFor: unknown;
let compiled: CompiledEntry[] | undefined;

function compile(allow: unknown): CompiledEntry[] | undefined {
  if (allow === compiledFor) return compiled;
  compiledFor = allow;
  compiled = undefined;
  if (!Array.isArray(allow)) return undefined;
  const globs = (v: unknown, base: boolean): Minimatch[] | undefined => {
    const arr = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
    // A glob the policy loader would reject allows nothing (the write stays reported).
    return arr?.flatMap((p) => compileGlob(p, { matchBase: base && !p.includes('/') }) ?? []);
  };
  compiled = allow
    .filter((e): e is AllowEntry => !!e && typeof e === 'object')
    .map((e) => {
      let scopes: Set<string> | 'all';
      const p = e.permissions;
      if (p === 'write-all') scopes = 'all';
      else if (Array.isArray(p)) scopes = new Set(p.map(String));
      else if (p && typeof p === 'object')
        scopes = new Set(
          Object.entries(p)
            .filter(([, v]) => v === 'write')
            .map(([k]) => k),
        );
      else scopes = new Set();
      return { workflow: globs(e.workflow, true), job: globs(e.job, false), scopes };
    });
  return compiled;
}

function allowed(entries: CompiledEntry[], path: string, jobId: string | undefined, scope: string): boolean {
  return entries.some(
    (e) =>
      (!e.workflow || e.workflow.some((m) => globMatches(m, path, false))) &&
      (jobId === undefined ? !e.job : !e.job || e.job.some((m) => globMatches(m, jobId, false))) &&
      (e.scopes === 'all' || e.scopes.has(scope)),
  );
}

function writeScopes(decl: PermissionsDecl): Array<{ scope: string; node: PermissionsDecl['keyNode'] }> {
  if (decl.kind === 'write-all') {
    return Object.entries(TOKEN_SCOPES)
      .filter(([, s]) => s.values.includes('write'))
      .map(([scope]) => ({ scope, node: decl.keyNode }));
  }
  if (decl.kind !== 'map') return [];
  return decl.scopes.filter((s) => s.value === 'write').map((s) => ({ scope: s.name, node: s.keyNode }));
}

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-disallowed-write',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'GitHub Actions workflow or job grants a `write` scope the policy does not allow it',
    controls: [...WORKFLOW_TOKEN],
    remediation:
      'Remove the `write` scope, or — if the job really needs it — add an `allow` entry for this workflow and job to `scopes/workflow-disallowed-write` in the policy, reviewed like any access grant.',
    options: {
      allow: listOf('The workflows (and jobs) that may hold `write` scopes, and which. Without this list the rule is inactive; `[]` forbids every write.', undefined, {
        type: 'object',
        additionalProperties: false,
        properties: {
          workflow: {
            description: 'Globs of workflow paths (the file name alone when the glob has no `/`); any workflow when absent.',
            anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
          },
          job: { description: 'Globs of job ids; the workflow-level `permissions:` when absent.', anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          permissions: {
            description: 'The scopes allowed to write: `{ contents: write, id-token: write }`, a list of scopes, or `write-all`.',
            anyOf: [{ type: 'object', additionalProperties: { enum: ['read', 'write', 'none'] } }, { type: 'array', items: { type: 'string' } }, { const: 'write-all' }],
          },
        },
      }),
    },
  },
  keywords: ['write'],
  scope: 'file',
  globOptions: ['allow[].workflow', 'allow[].job'],
  appliesTo: isYamlPath,
  check(file, ctx) {
    const entries = compile((ctx.options as DisallowedWriteOptions).allow);
    if (!entries) return [];
    const wf = loadWorkflow(file);
    if (!wf) return [];
    const privileged = wf.triggers.some((t) => PRIVILEGED_TRIGGERS.has(t));
    const out: RawFinding[] = [];
    const report = (decl: PermissionsDecl, bad: Array<{ scope: string; node: PermissionsDecl['keyNode'] }>, who: string, ctxKey: string, jobs?: Job[], jobId?: string): void => {
      if (!bad.length) return;
      const sev = (s: string): Severity => (privileged ? raiseSeverity(writeSeverity(s)) : writeSeverity(s));
      const group = decl.kind === 'write-all' ? [bad] : bad.map((b) => [b]);
      for (const g of group) {
        const scopes = g.map((b) => b.scope);
        const severity = scopes.map(sev).reduce((a, b) => (SEVERITY_RANK.indexOf(b) > SEVERITY_RANK.indexOf(a) ? b : a));
        const jobsText = jobs ? ` (inherited by ${list(jobs.map((j) => code(j.id)))})` : '';
        const what = decl.kind === 'write-all' ? `\`write-all\` (${scopes.length === 1 ? '`' + scopes[0] + ': write`' : `write on ${list(scopes.map(code))}`})` : `\`${scopes[0]}: write\``;
        out.push(
          at(wf.doc, g[0]!.node ?? decl.keyNode, {
            message: `${who} grants ${what}${jobsText}, which the policy does not allow for ${file.path}.`,
            construct: `${ctxKey} disallowed:${scopes.join(',')}`,
            severity,
            remediation: `Drop ${decl.kind === 'write-all' ? '`write-all` for the scopes the job needs' : `\`${scopes[0]}: write\` (use \`read\` or \`none\`)`}, or, if it is needed, add \`{ workflow: "${file.path.split('/').pop()}"${jobId ? `, job: "${jobId}"` : jobs?.length === 1 ? `, job: "${jobs[0]!.id}"` : ''}, permissions: { ${scopes.map((s) => `${s}: write`).join(', ')} } }\` to the policy's \`allow\` list with the approval it requires.`,
          }),
        );
      }
    };
    if (wf.permissions) {
      const inheriting = wf.jobs.filter((j) => !j.permissions);
      const bad = writeScopes(wf.permissions).filter((w) =>
        inheriting.length ? inheriting.some((j) => !allowed(entries, file.path, j.id, w.scope)) : !allowed(entries, file.path, undefined, w.scope),
      );
      const offenders = inheriting.filter((j) => bad.some((w) => !allowed(entries, file.path, j.id, w.scope)));
      report(wf.permissions, bad, 'The workflow', 'workflow', offenders.length ? offenders : undefined);
    }
    for (const job of wf.jobs) {
      if (!job.permissions) continue;
      const bad = writeScopes(job.permissions).filter((w) => !allowed(entries, file.path, job.id, w.scope));
      report(job.permissions, bad, `Job \`${job.id}\``, `job:${job.id}`, undefined, job.id);
    }
    return out;
  },
};

export default rule;
