/**
 * `permissions:` keys or values GitHub does not know: a typo (`pull_request: write`) or a wrong level
 * (`id-token: read`, `models: write`). GitHub refuses to run a workflow whose `permissions:` do not
 * validate, or grants something other than what the author meant.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { WORKFLOW_TOKEN } from './lib/controls.js';
import { TOKEN_SCOPES, TOKEN_SCOPE_NAMES } from './lib/github-permissions.js';
import { at, isYamlPath, loadWorkflow, type PermissionsDecl } from './lib/workflow.js';
import { closest as nearest } from '../../suggest.js';

/** Permission names are kebab-case: compare `pull_request` as `pull-request`. */
const closest = (word: string, options: readonly string[]): string | undefined => nearest(word.toLowerCase().replace(/_/g, '-'), options, 2);

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-unknown-permission',
    family: 'scopes',
    severity: 'low',
    confidence: 'high',
    description: 'GitHub Actions `permissions:` names a scope or level GitHub does not accept',
    controls: [...WORKFLOW_TOKEN],
    remediation: `Use the GITHUB_TOKEN scopes GitHub documents (${TOKEN_SCOPE_NAMES.join(', ')}) with \`read\`, \`write\` or \`none\` (\`id-token\`, \`copilot-requests\`: write or none; \`models\`: read or none), or \`read-all\` / \`write-all\` / \`{}\`.`,
  },
  keywords: ['permissions'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const wf = loadWorkflow(file);
    if (!wf) return [];
    const out: RawFinding[] = [];
    const decls: Array<{ owner: string; ctx: string; decl: PermissionsDecl | undefined }> = [
      { owner: 'the workflow', ctx: 'workflow', decl: wf.permissions },
      ...wf.jobs.map((j) => ({ owner: `job \`${j.id}\``, ctx: `job:${j.id}`, decl: j.permissions })),
    ];
    for (const { owner, ctx, decl } of decls) {
      if (!decl) continue;
      if (decl.kind === 'invalid') {
        const raw = decl.raw ?? '';
        const guess = /^w/i.test(raw) ? 'write-all' : /^r/i.test(raw) ? 'read-all' : undefined;
        out.push(
          at(wf.doc, decl.valueNode ?? decl.keyNode, {
            message: `\`permissions: ${raw}\` on ${owner} is not valid: GitHub accepts \`read-all\`, \`write-all\`, \`{}\` or a mapping of scopes, and will not run this workflow.`,
            construct: `${ctx} permissions:invalid:${raw}`,
            remediation: `Write the scopes the job needs, e.g. \`permissions: { contents: read }\`${guess ? ` (\`${guess}\` is valid too, but broader than any job needs)` : ''}.`,
          }),
        );
        continue;
      }
      if (decl.kind !== 'map') continue;
      for (const s of decl.scopes) {
        const spec = TOKEN_SCOPES[s.name];
        const value = s.value;
        if (!spec) {
          const guess = closest(s.name, TOKEN_SCOPE_NAMES);
          out.push(
            at(wf.doc, s.keyNode, {
              message: `\`${s.name}\` in the \`permissions:\` of ${owner} is not a GITHUB_TOKEN scope; GitHub rejects the workflow${guess ? ` (did you mean \`${guess}\`?)` : ''}.`,
              construct: `${ctx} permissions:unknown:${s.name}`,
              severity: value === 'write' ? 'medium' : 'low',
              remediation: guess ? `Rename it to \`${guess}\`${value ? ` (\`${guess}: ${value}\`)` : ''}.` : `Remove it; the scopes are ${TOKEN_SCOPE_NAMES.join(', ')}.`,
            }),
          );
          continue;
        }
        if (value !== undefined && /\$\{\{/.test(value)) {
          out.push(
            at(wf.doc, s.valueNode ?? s.keyNode, {
              message: `\`${s.name}\` in the \`permissions:\` of ${owner} is an expression; GitHub does not evaluate expressions in \`permissions:\`.`,
              construct: `${ctx} permissions:expression:${s.name}`,
              remediation: `Use a literal level (${spec.values.join(', ')}); split the job if it needs different permissions in different runs.`,
            }),
          );
          continue;
        }
        if (value === undefined || !(spec.values as readonly string[]).includes(value)) {
          const shown = value ?? (wf.doc.source(s.valueNode) || '(empty)');
          const grantsNothing = s.name === 'id-token' && value === 'read';
          out.push(
            at(wf.doc, s.valueNode ?? s.keyNode, {
              message: grantsNothing
                ? `\`id-token: read\` on ${owner} does not let the job request an OIDC token: GitHub documents only \`write\` and \`none\` for \`id-token\`.`
                : `\`${s.name}: ${shown}\` on ${owner} is not a level GitHub accepts for \`${s.name}\` (${spec.values.join(', ')}).`,
              construct: `${ctx} permissions:value:${s.name}:${shown}`,
              remediation: grantsNothing
                ? 'Use `id-token: write` in the one job that exchanges the OIDC token with a cloud provider, and `none` (or nothing) elsewhere.'
                : `Use one of ${spec.values.map((v) => `\`${s.name}: ${v}\``).join(', ')}.`,
            }),
          );
          continue;
        }
        if (spec.retired) {
          out.push(
            at(wf.doc, s.keyNode, {
              message: `\`${s.name}\` in the \`permissions:\` of ${owner} is a retired scope (${spec.retired}).`,
              construct: `${ctx} permissions:retired:${s.name}`,
              severity: 'info',
              remediation: `Remove \`${s.name}\` unless this workflow runs on a GitHub Enterprise Server that still has it.`,
            }),
          );
        }
      }
    }
    return out;
  },
};

export default rule;
