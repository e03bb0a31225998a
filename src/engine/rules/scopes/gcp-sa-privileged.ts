/**
 * Google Cloud service accounts holding privileged roles on a project, folder or organization: an
 * `…admin` predefined role (`roles/storage.admin`, `roles/resourcemanager.projectIamAdmin`, …) granted
 * to a `serviceAccount:` member (high — whoever gets one of its keys or tokens administers the
 * service), and any role granted to the Compute Engine / App Engine default service accounts (medium —
 * every VM or App Engine app running as them inherits it). Basic roles (`roles/owner`, `roles/editor`)
 * are reported by `scopes/gcp-basic-role`.
 *
 * ```yaml
 * rules:
 *   scopes/gcp-sa-privileged:
 *     options:
 *       allowMembers: []        # service account globs allowed, e.g. ["serviceAccount:terraform@*"]
 *       allowRoles: []          # admin role globs accepted for service accounts, e.g. [roles/logging.admin]
 *       defaultServiceAccounts: true   # report grants to the default compute / App Engine service accounts
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { boolean, stringList } from '../../option-schema.js';
import { GCP_IMPERSONATION } from './lib/cloud-controls.js';
import { appliesToTerraform, GCP_KEYWORDS, gcpGrants, isDefaultServiceAccount, isServiceAccount } from './lib/gcp-iam.js';
import { anyGlob, optBool, optList } from './lib/rule-options.js';
import { BASIC_ROLES } from './gcp-basic-role.js';

const isAdminRole = (role: string): boolean => /admin$/i.test(role) && role.toLowerCase().startsWith('roles/');

const rule: Rule = {
  meta: {
    id: 'scopes/gcp-sa-privileged',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Google Cloud service account granted an admin role, or a default service account granted any role, on a project, folder or organization',
    controls: [...GCP_IMPERSONATION],
    remediation:
      'Give each workload its own user-managed service account with the narrowest predefined roles it needs (e.g. `roles/storage.objectUser` rather than `roles/storage.admin`), and grant nothing to the default compute / App Engine service accounts.',
    options: {
      allowMembers: stringList('Service account globs allowed, e.g. `["serviceAccount:terraform@*"]`.'),
      allowRoles: stringList('Admin role globs accepted for service accounts, e.g. `[roles/logging.admin]`.'),
      defaultServiceAccounts: boolean('Report grants to the default Compute Engine and App Engine service accounts.', true),
    },
  },
  keywords: GCP_KEYWORDS,
  scope: 'file',
  globOptions: ['allowMembers', 'allowRoles'],
  appliesTo: appliesToTerraform,
  check(file, ctx) {
    const allowMembers = optList(ctx.options, 'allowMembers', []);
    const allowRoles = optList(ctx.options, 'allowRoles', []);
    const defaults = optBool(ctx.options, 'defaultServiceAccounts', true);
    const out: RawFinding[] = [];
    for (const g of gcpGrants(file.text)) {
      if (g.level === 'service-account' || !g.role || g.role.dynamic) continue;
      const role = g.role.v;
      if (BASIC_ROLES.includes(role.toLowerCase())) continue;
      const scope = g.level === 'policy' ? 'the resource the policy is applied to' : `the ${g.level}`;
      for (const m of g.members) {
        const member = m.v.replace(/^user:(?=[^@]+@[^@]+\.iam\.gserviceaccount\.com$)/i, 'serviceAccount:');
        if (m.dynamic || anyGlob(allowMembers, member)) continue;
        if (defaults && isDefaultServiceAccount(member)) {
          out.push({
            line: m.line,
            column: m.column,
            message: `\`${g.address}\` grants \`${role}\` on ${scope} to the default service account \`${m.v}\`: every VM or app that runs as it gets the role.`,
            construct: `gcp-sa-privileged:${g.address}:default`,
            severity: 'medium',
            remediation:
              'Create a dedicated service account for the workload, grant it the role, and run the workload as it; leave the default service accounts without roles (or disable them with the `iam.automaticIamGrantsForDefaultServiceAccounts` constraint).',
          });
          break;
        }
        if (/gserviceaccount\.com$/i.test(member) && (isServiceAccount(member) || /^user:/i.test(m.v)) && isAdminRole(role) && !anyGlob(allowRoles, role)) {
          out.push({
            line: g.role.line,
            column: g.role.column,
            message: `\`${g.address}\` grants the admin role \`${role}\` on ${scope} to the service account \`${m.v}\`: its keys and tokens administer the service.`,
            construct: `gcp-sa-privileged:${g.address}:${role.toLowerCase()}`,
            severity: 'high',
            remediation: `Grant the service account the narrower role it uses instead of \`${role}\` (a \`…user\`, \`…viewer\`, \`…editor\` or custom role), on the resource rather than the ${g.level}.`,
          });
          break;
        }
      }
    }
    return out;
  },
};

export default rule;
