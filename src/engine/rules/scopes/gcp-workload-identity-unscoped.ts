/**
 * Google Cloud workload identity pool providers for external OIDC issuers without an
 * `attribute_condition`: every token the issuer mints is accepted — for GitHub Actions
 * (`token.actions.githubusercontent.com`), any workflow of any repository can exchange its token and,
 * with a pool-wide `principalSet` grant, act as the service account (critical for public issuers:
 * GitHub, GitLab.com, Terraform Cloud, CircleCI, Bitbucket; high otherwise). For GitHub's issuer, a
 * condition must also pin a repository: one on claims a workflow's author chooses (`ref`, `workflow`,
 * `event_name`) admits every repository on GitHub (critical); `sub` compared with a pattern (`== 'repo:*'`:
 * CEL's `==` has no wildcards) is high, with a subject GitHub never issues medium. A condition that only
 * checks the repository owner (`assertion.repository_owner == 'org'`) admits every repository of the
 * organization: info (off in the default policy, like checkov).
 *
 * ```yaml
 * rules:
 *   scopes/gcp-workload-identity-unscoped:
 *     options:
 *       orgWideSeverity: info   # severity of owner-only conditions
 * ```
 */
import type { Severity } from '../../finding.js';
import { SEVERITIES } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { severity } from '../../option-schema.js';
import { attr, parseHcl, type HclBlock } from '../../parse/hcl.js';
import { FEDERATED_TRUST } from './lib/cloud-controls.js';

const PUBLIC_ISSUERS =
  /token\.actions\.githubusercontent\.com|gitlab\.com|app\.terraform\.io|oidc\.circleci\.com|api\.bitbucket\.org|bitbucket\.org|vstoken\.actions\.githubusercontent|oidc\.buildkite\.com/i;

const issuerOf = (b: HclBlock): string | undefined => {
  const oidc = b.blocks.find((c) => c.type === 'oidc');
  const uri = oidc ? attr(oidc, 'issuer_uri') : undefined;
  return uri && (uri.value.kind === 'string' || uri.value.kind === 'template') ? uri.value.value : undefined;
};

const rule: Rule = {
  meta: {
    id: 'scopes/gcp-workload-identity-unscoped',
    family: 'scopes',
    severity: 'critical',
    confidence: 'high',
    description: 'Google Cloud workload identity pool provider accepts every token of an OIDC issuer (no attribute_condition, or for GitHub one that pins no repository)',
    controls: [...FEDERATED_TRUST],
    remediation:
      "Set `attribute_condition` to the one repository (or workload) allowed, e.g. `assertion.repository == '<owner>/<repo>' && assertion.ref == 'refs/heads/main'`, and grant `roles/iam.workloadIdentityUser` to that `principalSet://…/attribute.repository/<owner>/<repo>` only.",
    options: {
      orgWideSeverity: severity('The severity of conditions that only check the repository owner (every repository of the organization); `info` is off in the default policy.', 'info'),
    },
  },
  keywords: ['google_iam_workload_identity_pool_provider'],
  scope: 'file',
  appliesTo: (path) => /\.tf$/i.test(path),
  check(file, ctx) {
    const given = ctx.options.orgWideSeverity;
    const opt = typeof given === 'string' ? given.toLowerCase() : 'info';
    const orgWide: Severity = (SEVERITIES as readonly string[]).includes(opt) ? (opt as Severity) : 'info';
    const out: RawFinding[] = [];
    const hcl = parseHcl(file.text);
    for (const b of hcl?.root.blocks ?? []) {
      if (b.type !== 'resource' || b.labels[0] !== 'google_iam_workload_identity_pool_provider') continue;
      const address = `${b.labels[0]}.${b.labels[1] ?? ''}`;
      const issuer = issuerOf(b);
      if (!issuer && !b.blocks.some((c) => c.type === 'oidc')) continue; // AWS / SAML / X.509 providers
      const cond = attr(b, 'attribute_condition');
      const publicIssuer = issuer ? PUBLIC_ISSUERS.test(issuer) : false;
      if (!cond || (cond.value.kind === 'string' && !cond.value.value.trim())) {
        out.push({
          line: b.pos.line,
          column: b.pos.column,
          message: `\`${address}\` trusts every token from \`${issuer ?? 'its OIDC issuer'}\` (no \`attribute_condition\`)${publicIssuer ? ': any repository or project on that public service can exchange its token for Google credentials' : ''}.`,
          construct: `gcp-wif:${address}`,
          severity: publicIssuer ? 'critical' : 'high',
        });
        continue;
      }
      const text = cond.value.kind === 'string' || cond.value.kind === 'template' ? cond.value.value : '';
      // GitHub's claims are known: a condition that pins no repository admits every repository's workflows.
      const github = issuer !== undefined && /token\.actions\.githubusercontent\.com/i.test(issuer);
      const loose = github && cond.value.kind === 'string' ? unpinnedGithubCondition(text) : undefined;
      if (loose) {
        out.push({
          line: cond.pos.line,
          column: cond.pos.column,
          message: `\`${address}\` has an \`attribute_condition\` that pins no repository (\`${text.slice(0, 100)}\`): ${loose.why}.`,
          construct: `gcp-wif:${address}:unpinned`,
          severity: loose.severity,
        });
        continue;
      }
      if (text && /repository_owner|namespace_path|organization/.test(text) && !/\b(?:repository|repository_id|project_path|workspace|sub)\b\s*(?:==|\.startsWith|in\b)/.test(text)) {
        out.push({
          line: cond.pos.line,
          column: cond.pos.column,
          message: `\`${address}\` only checks the owner (\`${text.slice(0, 80)}\`): every repository of the organization can exchange its token.`,
          construct: `gcp-wif:${address}:owner`,
          severity: orgWide,
          confidence: 'medium',
        });
      }
    }
    return out;
  },
};

/** A CEL comparison of a GitHub claim with a literal: `assertion.x == 'v'`, `'v' == assertion.x`, `assertion.x.startsWith('v')`, `assertion.x in ['v', …]`. */
const CLAIM_TEST = /assertion\.(\w+)\s*(==|\.startsWith\(|\.matches\(|in\s*\[)\s*(?:'([^']*)'|"([^"]*)")|(?:'([^']*)'|"([^"]*)")\s*==\s*assertion\.(\w+)/g;
/** What GitHub puts in `sub` for a repository's workflow: `repo:<owner>/<repo>` and a context. */
const REPO_SUBJECT = /^repo:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?::|$)/;
/** Claims the workflow's own author sets (its name, branch, event, environment, actor): any repository can match them. */
const CHOSEN_CLAIMS = new Set([
  'ref',
  'ref_type',
  'ref_protected',
  'workflow',
  'workflow_ref',
  'event_name',
  'environment',
  'actor',
  'actor_id',
  'head_ref',
  'base_ref',
  'runner_environment',
  'aud',
  'iss',
]);

/**
 * Whether each alternative (`||`) of a GitHub provider's condition pins one repository: a literal
 * `repository`/`repository_id`, a `sub` of GitHub's `repo:<owner>/<repo>` form, or a called workflow's
 * `job_workflow_ref`. Checks on what a workflow's author chooses (`ref`, `workflow`, `event_name`) pin
 * nothing: every repository has a `main`. CEL's `==` has no wildcards: `sub == 'repo:org/*'` matches no token
 * as written, and is the whole organization as meant. Owner-only conditions are left to the caller (org-wide).
 */
function unpinnedGithubCondition(text: string): { why: string; severity: Severity } | undefined {
  if (/\bassertion\.\w+\s*(?:!=|\.contains|\.endsWith)|\$\{/.test(text)) return undefined; // beyond this reading: leave it
  const alternatives = text.split('||');
  let worst: { why: string; severity: Severity } | undefined;
  for (const alt of alternatives) {
    const tests = [...alt.matchAll(CLAIM_TEST)].map((m) => ({ claim: (m[1] ?? m[7])!, op: m[2] ?? '==', value: (m[3] ?? m[4] ?? m[5] ?? m[6])! }));
    if (tests.length === 0) return undefined; // a condition written some other way (a function, a variable)
    const pins = tests.some(
      (t) =>
        ((t.claim === 'repository' || t.claim === 'repository_id') &&
          t.op !== '.matches(' &&
          t.value !== '' &&
          !t.value.includes('*') &&
          (t.op !== '.startsWith(' || /^[^/]+\/[^/]+$/.test(t.value))) ||
        (t.claim === 'sub' && t.op !== '.matches(' && REPO_SUBJECT.test(t.value) && !/^repo:[^:]*\*/.test(t.value)) ||
        (t.claim === 'job_workflow_ref' && /^[^/*]+\/[^/*]+\/./.test(t.value)),
    );
    if (pins) continue;
    if (tests.some((t) => t.claim === 'repository_owner' || t.claim === 'repository_owner_id' || (t.claim === 'sub' && /^repo:[A-Za-z0-9_.-]+\/\*?$/.test(t.value)))) return undefined; // owner-wide: the caller's
    const sub = tests.find((t) => t.claim === 'sub');
    const why = sub
      ? sub.value.includes('*')
        ? `\`'${sub.value}'\` is a pattern, but CEL's \`==\` compares whole strings: as written no token matches it, and as meant it admits every repository`
        : `GitHub issues no subject \`'${sub.value}'\` for a repository's workflow (its form is \`repo:<owner>/<repo>:<context>\`)`
      : tests.every((t) => CHOSEN_CLAIMS.has(t.claim))
        ? `it checks only what any workflow's author chooses (${[...new Set(tests.map((t) => `\`${t.claim}\``))].join(', ')}), so every repository on GitHub can match it`
        : 'no alternative names one repository';
    // Only chosen claims: every repository matches today. A wildcard under `==`: none matches until someone
    // "fixes" it with `startsWith`. A subject GitHub never issues: a broken condition.
    const severity: Severity = !sub ? 'critical' : sub.value.includes('*') ? 'high' : 'medium';
    if (!worst || SEVERITIES.indexOf(severity) < SEVERITIES.indexOf(worst.severity)) worst = { why, severity };
  }
  return worst;
}

export default rule;
