/**
 * Google Cloud roles granted to individual users (`user:alice@example.com`) on a project, folder or
 * organization instead of to a group: access that follows a person rather than a job, which nobody
 * revokes when the person changes teams or leaves, and which an access review has to chase account by
 * account (Google's IAM guidance and the CIS benchmark: grant roles to groups). Terraform
 * `google_{project,folder,organization}_iam_member` / `_binding` and `data "google_iam_policy"` bindings.
 * Service accounts written as `user:…gserviceaccount.com` are not users; basic roles are reported by
 * `scopes/gcp-basic-role` as well.
 *
 * ```yaml
 * rules:
 *   scopes/gcp-user-grant:
 *     options:
 *       allowMembers: []   # member globs allowed, e.g. ["user:breakglass@example.com"]
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { LEAST_PRIVILEGE } from './lib/controls.js';
import { appliesToTerraform, GCP_KEYWORDS, gcpGrants } from './lib/gcp-iam.js';
import { anyGlob, optList } from './lib/rule-options.js';

const USER = /^user:(?!.*\.gserviceaccount\.com$)[^@\s]+@[^@\s]+$/i;

const rule: Rule = {
  meta: {
    id: 'scopes/gcp-user-grant',
    family: 'scopes',
    severity: 'low',
    confidence: 'high',
    description: 'Google Cloud role granted to an individual user instead of a group on a project, folder or organization',
    controls: [...LEAST_PRIVILEGE, 'NIST-800-53-AC-2', 'CIS-GCP-1.1'],
    remediation: 'Grant the role to a Google group (`group:team@example.com`) and manage membership there, so access follows the job and is reviewed and revoked in one place.',
    options: {
      allowMembers: stringList('Member globs allowed, e.g. `["user:breakglass@example.com"]`.'),
    },
  },
  keywords: GCP_KEYWORDS,
  scope: 'file',
  globOptions: ['allowMembers'],
  appliesTo: appliesToTerraform,
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowMembers', []);
    const out: RawFinding[] = [];
    for (const g of gcpGrants(file.text)) {
      if (g.level === 'service-account' || !g.role) continue;
      const users = g.members.filter((m) => !m.dynamic && USER.test(m.v.trim()) && !anyGlob(allow, m.v));
      if (!users.length) continue;
      const scope = g.level === 'policy' ? 'the resource the policy is applied to' : `the ${g.level}`;
      const first = users[0]!;
      out.push({
        line: first.line,
        column: first.column,
        message: `\`${g.address}\` grants \`${g.role.v}\` on ${scope} to ${
          users.length === 1
            ? `the user \`${first.v}\``
            : `${users.length} individual users (${users
                .slice(0, 3)
                .map((u) => `\`${u.v}\``)
                .join(', ')}${users.length > 3 ? ' …' : ''})`
        } rather than to a group.`,
        construct: `gcp-user-grant:${g.address}:${g.role.v.toLowerCase()}`,
      });
    }
    return out;
  },
};

export default rule;
