/**
 * `actions/checkout` keeps the job's token in the working copy's git config unless told
 * `persist-credentials: false` (v6+: in a file under $RUNNER_TEMP that the git config includes). Every
 * later step — and any artifact that uploads the workspace — can read it.
 *
 * Checkouts in jobs that declare no write scope (read-only `permissions:`, or none: the repository
 * default), that upload no workspace and push nothing, are one finding per workflow listing them (at
 * the highest severity among them): the fix is the same line in each. A checkout in a job that declares
 * a write scope, uploads the workspace, pushes or runs on a privileged trigger keeps its own finding.
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { SECRET_EXPOSURE } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS, lowerSeverity } from './lib/github-permissions.js';
import { allSteps, at, effectivePermissions, grantsWrite, input, isYamlPath, loadUnit, parseUses, peerIgnored, usesAction, withoutPeerIgnored, type Step } from './lib/workflow.js';

const FALSE = /^false$/i;
const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
const TRUE = /^true$/i;

/** `v6`, `v6.0.1` → 6; a SHA or branch → undefined. */
function majorVersion(uses: string): number | undefined {
  const ref = parseUses(uses).ref ?? '';
  const m = /^v?(\d+)(?:\.\d+)*$/.exec(ref);
  return m ? Number(m[1]) : undefined;
}

/** An `upload-artifact` whose path reaches the checkout (the workspace or its `.git`). */
function uploadsWorkspace(unit: ReturnType<typeof loadUnit>, step: Step): boolean {
  if (!unit || !usesAction(step.uses, 'actions/upload-artifact')) return false;
  const path = input(unit.doc, step, 'path')?.value ?? '';
  return path
    .split(/[\n,]/)
    .map((p) => p.trim())
    .some((p) => /^(?:\.\/?|\.\.\/?|\*\*?\/?\*?|\.git\/?.*)$/.test(p) || /github\.workspace/.test(p));
}

/** Actions that push with the credentials a checkout persisted (they take no token of their own, or default to it). */
const PUSH_ACTIONS = [
  'stefanzweifel/git-auto-commit-action',
  'ad-m/github-push-action',
  'endbug/add-and-commit',
  'planetscale/ghcommit-action',
  'changesets/action',
  'actions-js/push',
  'github-actions-x/commit',
  'devops-infra/action-commit-push',
  'peaceiris/actions-gh-pages',
  'jamesives/github-pages-deploy-action',
];
/** `git push`, `git push --tags`, tools that push tags or commits with the git config's credentials. */
const PUSH_COMMAND =
  /\bgit\s+(?:-C\s+\S+\s+)?push\b|\bsemantic-release\b|\blerna\s+(?:version|publish)\b|\bnpm\s+version\b.*&&.*\bgit\s+push|\bmvn\b.*\brelease:(?:prepare|perform)\b|\bcargo\s+release\b|\bgh-pages\b|\bmike\s+deploy\b.*--push|\bmkdocs\s+gh-deploy\b/i;

/** A later step of the job that pushes with the persisted credentials (its label), or undefined. */
function laterPush(steps: ReadonlyArray<{ step: Step; job?: unknown }>, from: number, job: unknown): string | undefined {
  for (const { step, job: j } of steps.slice(from + 1)) {
    if (j !== job) continue;
    if (step.uses && PUSH_ACTIONS.some((a) => usesAction(step.uses, a, true))) return `\`${step.uses.split('@')[0]}\``;
    if (step.run && PUSH_COMMAND.test(step.run)) {
      // A push that brings its own credentials does not need the persisted ones.
      if (/x-access-token:|https:\/\/[^@\s]*:[^@\s]*@|git\s+remote\s+set-url|http\.extraheader/i.test(step.run)) continue;
      const m = PUSH_COMMAND.exec(step.run)!;
      return `\`${m[0].trim().slice(0, 40)}\``;
    }
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'scopes/checkout-persist-credentials',
    family: 'scopes',
    severity: 'medium',
    confidence: 'low',
    description: '`actions/checkout` leaves the token in the working copy (no `persist-credentials: false`)',
    controls: [...SECRET_EXPOSURE],
    remediation:
      'Add `with: { persist-credentials: false }` to the checkout; steps that push can pass the token explicitly (`git push https://x-access-token:${GH_TOKEN}@github.com/...` with `GH_TOKEN` from `env`).',
  },
  keywords: ['checkout'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const unit = loadUnit(file);
    if (!unit) return [];
    const privileged = unit.kind === 'workflow' && unit.triggers.some((t) => PRIVILEGED_TRIGGERS.has(t));
    const steps = allSteps(unit);
    const out: RawFinding[] = [];
    // Checkouts in jobs that declare no write, reported together (with the finding each would have had, for one alone).
    const readOnly: Array<{ jobId: string; undeclared: boolean; finding: RawFinding }> = [];
    for (const [i, { step, job }] of steps.entries()) {
      if (!usesAction(step.uses, 'actions/checkout') || step.withIsExpression) continue;
      const persist = input(unit.doc, step, 'persist-credentials')?.value;
      if (persist !== undefined && FALSE.test(persist)) continue;
      // An explicit `true` (or an expression) states intent: reported only where the job is privileged.
      const explicit = persist !== undefined && (TRUE.test(persist) || /\$\{\{/.test(persist));
      if (explicit && !privileged) continue;
      const leak = steps.slice(i + 1).find((s) => s.job === job && uploadsWorkspace(unit, s.step));
      const push = leak ? undefined : laterPush(steps, i, job);
      const v6 = (majorVersion(step.uses!) ?? 0) >= 6;
      let severity: Severity = leak ? 'high' : 'medium';
      if (v6) severity = leak ? 'medium' : 'low';
      if (privileged) severity = leak ? 'high' : 'medium';
      // A token that cannot write is worth less to whoever reads it: a read-only job's is low.
      else if (unit.kind === 'workflow' && job) {
        const decl = effectivePermissions(unit, job);
        if (decl && !grantsWrite(decl) && severity !== 'low') severity = leak ? lowerSeverity(severity) : 'low';
      }
      // The job pushes later with these credentials: `persist-credentials: false` alone would break it.
      if (push && !privileged) severity = 'low';
      const decl = unit.kind === 'workflow' && job ? effectivePermissions(unit, job) : undefined;
      const groupable = unit.kind === 'workflow' && !!job && !grantsWrite(decl) && !leak && !push && !privileged && !explicit;
      const remediation = push
        ? `A later step pushes with the persisted credentials (${push}), so \`persist-credentials: false\` alone would break it: either keep them and make sure no step before the push runs untrusted code or uploads the workspace, or set \`persist-credentials: false\` and give the push its token explicitly (\`git push https://x-access-token:\${GH_TOKEN}@github.com/\${{ github.repository }}\` with \`GH_TOKEN: \${{ github.token }}\` in that step's \`env\`, or the action's \`token:\` input).`
        : undefined;
      const finding = at(unit.doc, step.usesNode ?? step.node, {
        message:
          (explicit
            ? 'This checkout keeps the job’s token in the working copy (`persist-credentials` is not `false`)'
            : 'This checkout keeps the job’s token in the working copy (no `persist-credentials: false`)') +
          (leak
            ? `, and a later step uploads the workspace as an artifact (\`${leak.step.uses}\`), so the token can leak with it.`
            : privileged
              ? ', in a privileged workflow: every later step can read it.'
              : ': every later step can read it.'),
        construct: `${job ? `job:${job.id}` : 'action'}:${step.index} persist-credentials`,
        severity,
        confidence: leak ? 'high' : 'low',
        ...(remediation ? { remediation } : {}),
      });
      if (groupable && job) readOnly.push({ jobId: job.id, undeclared: !decl, finding });
      else out.push(finding);
    }
    // Peer-ignored checkouts first, so the grouped finding lists only the others.
    const open = readOnly.filter((r) => r.finding.line === undefined || !peerIgnored(file.text, r.finding.line, ['artipacked']));
    if (open.length === 1) out.push(open[0]!.finding);
    else if (open.length > 1) {
      const first = open[0]!.finding;
      const jobs = [...new Set(open.map((r) => r.jobId))];
      const undeclared = [...new Set(open.filter((r) => r.undeclared).map((r) => r.jobId))];
      const names = (ids: string[]): string =>
        ids
          .slice(0, 6)
          .map((j) => `\`${j}\``)
          .join(', ') + (ids.length > 6 ? ` and ${ids.length - 6} more` : '');
      const severity = open.map((r) => r.finding.severity ?? rule.meta.severity).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
      out.push({
        line: first.line,
        column: first.column,
        message:
          `${open.length} checkouts keep the job’s token in the working copy (no \`persist-credentials: false\`), at lines ${open.map((r) => r.finding.line).join(', ')} (${jobs.length === 1 ? 'job' : 'jobs'} ${names(jobs)}): every later step of those jobs can read it` +
          (undeclared.length
            ? ` (${names(undeclared)} ${undeclared.length === 1 ? 'sets' : 'set'} no \`permissions:\`, so ${undeclared.length === 1 ? 'its token has' : 'their tokens have'} the repository’s default rights).`
            : ', a token that can only read.'),
        construct: 'workflow persist-credentials:jobs-without-write',
        severity,
        confidence: 'low',
      });
    }
    return withoutPeerIgnored(file.text, out, ['artipacked']);
  },
};

export default rule;
