/**
 * Google Cloud basic (primitive) roles granted in Terraform: `roles/owner` (critical), `roles/editor`
 * (high) and `roles/viewer` (low) — thousands of permissions across every service of the project,
 * folder or organization, instead of a predefined or custom role for the job. Granting any of them to
 * `allUsers` / `allAuthenticatedUsers` is critical. `google_{project,folder,organization}_iam_member`
 * and `_binding`, and `binding` blocks of `data "google_iam_policy"` (applied by `*_iam_policy`).
 *
 * ```yaml
 * rules:
 *   scopes/gcp-basic-role:
 *     options:
 *       roles: [roles/owner, roles/editor, roles/viewer]   # the roles to report
 *       allowMembers: []      # member globs that may hold them, e.g. ["group:gcp-org-admins@example.com"]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { GCP_BASIC_ROLES } from './lib/cloud-controls.js';
import { appliesToTerraform, GCP_KEYWORDS, gcpGrants, memberBreadth, memberList } from './lib/gcp-iam.js';
import { anyGlob, optList } from './lib/rule-options.js';

export const BASIC_ROLES: readonly string[] = ['roles/owner', 'roles/editor', 'roles/viewer'];
const SEVERITY: Record<string, Severity> = { 'roles/owner': 'critical', 'roles/editor': 'high', 'roles/viewer': 'low' };
const INSTEAD: Record<string, string> = {
  'roles/owner': 'a predefined admin role for the one service managed (e.g. `roles/compute.admin`), and keep `roles/owner` to a break-glass group',
  'roles/editor': 'the predefined roles of the services used (e.g. `roles/storage.objectAdmin`, `roles/cloudsql.client`, `roles/run.developer`) or a custom role',
  'roles/viewer': 'the predefined viewer roles of the services needed (e.g. `roles/compute.viewer`, `roles/storage.objectViewer`) or `roles/browser`',
};

const rule: Rule = {
  meta: {
    id: 'scopes/gcp-basic-role',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Google Cloud basic role (roles/owner, roles/editor, roles/viewer) granted on a project, folder or organization',
    controls: [...GCP_BASIC_ROLES],
    remediation: 'Grant predefined roles for the services the member uses (or a custom role) instead of a basic role; IAM Recommender lists the permissions actually used.',
    options: {
      roles: stringList('The basic roles to report.', BASIC_ROLES),
      allowMembers: stringList('Member globs that may hold them, e.g. `["group:gcp-org-admins@example.com"]`.'),
    },
  },
  keywords: GCP_KEYWORDS,
  scope: 'file',
  globOptions: ['allowMembers'],
  appliesTo: appliesToTerraform,
  check(file, ctx) {
    const roles = new Set(optList(ctx.options, 'roles', BASIC_ROLES).map((r) => r.toLowerCase()));
    const allowMembers = optList(ctx.options, 'allowMembers', []);
    const out: RawFinding[] = [];
    for (const g of gcpGrants(file.text)) {
      if (g.level === 'service-account' || !g.role || g.role.dynamic) continue;
      const role = g.role.v.toLowerCase();
      if (!roles.has(role)) continue;
      const members = g.members.filter((m) => !anyGlob(allowMembers, m.v));
      if (g.members.length && !members.length) continue;
      const publicMember = members.find((m) => memberBreadth(m.v) === 'public');
      const severity: Severity = publicMember ? 'critical' : (SEVERITY[role] ?? 'high');
      const who = memberList(members);
      const scope = g.level === 'policy' ? 'the resource the policy is applied to' : `the ${g.level}`;
      out.push({
        line: g.role.line,
        column: g.role.column,
        message: `\`${g.address}\` grants the basic role \`${g.role.v}\` on ${scope} to ${who}${publicMember ? ' — including everyone on the internet' : ''}.`,
        construct: `gcp-basic-role:${g.address}:${role}`,
        severity,
        remediation: `Replace \`${g.role.v}\` with ${INSTEAD[role] ?? 'a predefined or custom role with the permissions needed'}; IAM Recommender shows which permissions are actually used.`,
      });
    }
    return out;
  },
};

export default rule;
