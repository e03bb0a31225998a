/**
 * GitHub App installation tokens minted in a workflow with every permission and repository of the
 * installation: `actions/create-github-app-token` without `permission-*` inputs, or with `owner` but
 * no `repositories`; or with the post-job revocation turned off.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { TOKEN_GRANTS } from './lib/controls.js';
import { jobNeeds } from './lib/needs.js';
import { allSteps, at, input, isYamlPath, loadUnit, usesAction, withoutPeerIgnored, type Job, type Step, type Workflow, type CompositeAction } from './lib/workflow.js';

/** Inputs that grant only organisation-level access: with only these, `repositories` is moot. */
const ORG_ONLY = new Set([
  'members',
  'organization-administration',
  'organization-announcement-banners',
  'organization-copilot-seat-management',
  'organization-custom-org-roles',
  'organization-custom-properties',
  'organization-custom-roles',
  'organization-events',
  'organization-hooks',
  'organization-packages',
  'organization-personal-access-token-requests',
  'organization-personal-access-tokens',
  'organization-plan',
  'organization-projects',
  'organization-secrets',
  'organization-self-hosted-runners',
  'organization-user-blocking',
  'custom-properties-for-organizations',
  'enterprise-custom-properties-for-organizations',
]);

const TRUE = /^true$/i;

function suggestInputs(unit: Workflow | CompositeAction, job: Job | undefined): string {
  // The GITHUB_TOKEN catalogue is a fair first guess of what the App token is used for.
  const needs = jobNeeds(unit, job);
  const writes = [...needs.grants].filter(([, v]) => v.access === 'write').map(([k]) => k);
  if (!writes.length) return '`permission-contents: read`';
  return writes.map((k) => `\`permission-${k}: write\``).join(', ');
}

const rule: Rule = {
  meta: {
    id: 'scopes/app-token-unscoped',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'GitHub App token minted in a workflow with all of the installation’s permissions or repositories',
    controls: [...TOKEN_GRANTS],
    remediation: 'Give `actions/create-github-app-token` the `permission-<name>: read|write` inputs the job needs and, with `owner`, the `repositories` it works on; leave token revocation on.',
  },
  keywords: ['github-app-token'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const unit = loadUnit(file);
    if (!unit) return [];
    const doc = unit.doc;
    const out: RawFinding[] = [];
    for (const { step, job } of allSteps(unit)) {
      if (usesAction(step.uses, 'actions/create-github-app-token')) out.push(...createAppToken(unit, step, job));
      else if (usesAction(step.uses, 'tibdex/github-app-token') && !step.withIsExpression && !input(doc, step, 'permissions')) {
        out.push(
          at(doc, step.usesNode, {
            message: `\`${step.uses}\` mints an installation token without \`permissions\`, so it carries every permission of the App installation.`,
            construct: `app-token:${job?.id ?? ''}:${step.index}:no-permissions`,
            confidence: 'medium',
            remediation: `Pass \`permissions: '{"contents": "read"}'\` (JSON) with only what the job needs — or switch to \`actions/create-github-app-token\` with ${suggestInputs(unit, job)}.`,
          }),
        );
      }
    }
    return withoutPeerIgnored(file.text, out, ['github-app']);
  },
};

function createAppToken(unit: Workflow | CompositeAction, step: Step, job: Job | undefined): RawFinding[] {
  const doc = unit.doc;
  if (step.withIsExpression) return [];
  const out: RawFinding[] = [];
  const where = `${job ? `job:${job.id}` : 'action'}:${step.index}`;
  const inputs = doc.entries(step.withNode).map((e) => e.key);
  const perms = inputs.filter((k) => k.startsWith('permission-')).map((k) => k.slice('permission-'.length));
  const skip = input(doc, step, 'skip-token-revoke');
  if (skip && (TRUE.test(skip.value ?? '') || /\$\{\{/.test(skip.value ?? ''))) {
    const dynamic = !TRUE.test(skip.value ?? '');
    out.push(
      at(doc, skip.keyNode, {
        message: `The App token ${dynamic ? 'may not be' : 'is not'} revoked when the job ends (\`skip-token-revoke\`): it stays valid for up to an hour after the job.`,
        construct: `app-token:${where}:skip-revoke`,
        confidence: dynamic ? 'low' : 'high',
        remediation: 'Remove `skip-token-revoke` so the action revokes the token in its post step.',
      }),
    );
  }
  const owner = input(doc, step, 'owner');
  if (owner && !input(doc, step, 'repositories') && !(perms.length && perms.every((p) => ORG_ONLY.has(p)))) {
    out.push(
      at(doc, owner.keyNode, {
        message: `The App token is requested for \`owner: ${owner.value ?? ''}\` without \`repositories\`, so it can reach every repository the App is installed on for that owner.`,
        construct: `app-token:${where}:owner-without-repositories`,
        remediation: 'Add `repositories:` with the repositories the job works on (comma- or newline-separated), or drop `owner` to scope the token to the current repository.',
      }),
    );
  }
  if (!perms.length) {
    out.push(
      at(doc, step.usesNode ?? step.node, {
        message: 'The App token is minted without `permission-*` inputs, so it carries every permission granted to the App installation.',
        construct: `app-token:${where}:no-permissions`,
        remediation: `Add the \`permission-<name>\` inputs the job needs, e.g. ${suggestInputs(unit, job)}.`,
      }),
    );
  }
  return out;
}

export default rule;
