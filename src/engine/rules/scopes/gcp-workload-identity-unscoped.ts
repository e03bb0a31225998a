/**
 * Google Cloud workload identity pool providers for external OIDC issuers without an
 * `attribute_condition`: every token the issuer mints is accepted — for GitHub Actions
 * (`token.actions.githubusercontent.com`), any workflow of any repository can exchange its token and,
 * with a pool-wide `principalSet` grant, act as the service account (critical for public issuers:
 * GitHub, GitLab.com, Terraform Cloud, CircleCI, Bitbucket; high otherwise). A condition that only
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
    description: 'Google Cloud workload identity pool provider accepts every token of an OIDC issuer (no attribute_condition)',
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

export default rule;
