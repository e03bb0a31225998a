/**
 * `actions/checkout` keeps the job's token in the working copy's git config unless told
 * `persist-credentials: false` (v6+: in a file under $RUNNER_TEMP that the git config includes). Every
 * later step — and any artifact that uploads the workspace — can read it.
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { SECRET_EXPOSURE } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS, lowerSeverity } from './lib/github-permissions.js';
import { allSteps, at, effectivePermissions, grantsWrite, input, isYamlPath, loadUnit, parseUses, usesAction, withoutPeerIgnored, type Step } from './lib/workflow.js';

const FALSE = /^false$/i;
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
    for (const [i, { step, job }] of steps.entries()) {
      if (!usesAction(step.uses, 'actions/checkout') || step.withIsExpression) continue;
      const persist = input(unit.doc, step, 'persist-credentials')?.value;
      if (persist !== undefined && FALSE.test(persist)) continue;
      // An explicit `true` (or an expression) states intent: reported only where the job is privileged.
      const explicit = persist !== undefined && (TRUE.test(persist) || /\$\{\{/.test(persist));
      if (explicit && !privileged) continue;
      const leak = steps.slice(i + 1).find((s) => s.job === job && uploadsWorkspace(unit, s.step));
      const v6 = (majorVersion(step.uses!) ?? 0) >= 6;
      let severity: Severity = leak ? 'high' : 'medium';
      if (v6) severity = leak ? 'medium' : 'low';
      if (privileged) severity = leak ? 'high' : 'medium';
      // A token that cannot write is worth less to whoever reads it.
      else if (unit.kind === 'workflow' && job) {
        const decl = effectivePermissions(unit, job);
        if (decl && !grantsWrite(decl) && severity !== 'low') severity = lowerSeverity(severity);
      }
      out.push(
        at(unit.doc, step.usesNode ?? step.node, {
          message:
            (explicit ? 'This checkout keeps the job’s token in the working copy (`persist-credentials` is not `false`)' : 'This checkout keeps the job’s token in the working copy (no `persist-credentials: false`)') +
            (leak ? `, and a later step uploads the workspace as an artifact (\`${leak.step.uses}\`), so the token can leak with it.` : privileged ? ', in a privileged workflow: every later step can read it.' : ': every later step can read it.'),
          construct: `${job ? `job:${job.id}` : 'action'}:${step.index} persist-credentials`,
          severity,
          confidence: leak ? 'high' : 'low',
        }),
      );
    }
    return withoutPeerIgnored(file.text, out, ['artipacked']);
  },
};

export default rule;
