/**
 * Google Cloud grants that let a member act as service accounts — and so use their tokens:
 *
 * - on a project, folder or organization, the impersonation roles cover EVERY service account under it:
 *   `roles/iam.serviceAccountTokenCreator`, `roles/iam.serviceAccountUser`,
 *   `roles/iam.workloadIdentityUser`, `roles/iam.serviceAccountOpenIdTokenCreator`,
 *   `roles/iam.serviceAccountKeyAdmin`, `roles/iam.serviceAccountAdmin` (critical on an organization or
 *   folder, high on a project), and roles that embed `iam.serviceAccounts.actAs`
 *   (`roles/iam.securityAdmin`, `roles/cloudbuild.builds.editor`, `roles/dataflow.developer`,
 *   `roles/deploymentmanager.editor`, service-agent roles, … — medium); a service-agent role
 *   (`roles/<service>.serviceAgent`, `roles/<…>ServiceAgent`) granted to the service agent itself — a
 *   `google_project_service_identity` (and the provider's other service-agent data sources), or
 *   `service-<project number>@gcp-sa-<service>.iam.gserviceaccount.com`, written out or built with
 *   `format()` — is Google's documented setup of that agent, not reported;
 * - on one service account (`google_service_account_iam_member` / `_binding`), the impersonation roles
 *   granted to broad members: `allUsers` / `allAuthenticatedUsers` (critical), a whole `domain:`, or every
 *   identity of a workload identity pool (`principalSet://…/workloadIdentityPools/<pool>/*`) (high).
 *
 * Basic roles (`roles/owner`, `roles/editor`) are reported by `scopes/gcp-basic-role`.
 *
 * ```yaml
 * rules:
 *   scopes/gcp-sa-impersonation:
 *     options:
 *       allowMembers: []   # member globs that may impersonate, e.g. ["serviceAccount:deployer@my-project.iam.gserviceaccount.com"]
 *       roles: []          # replaces the list of impersonation roles checked on projects, folders and organizations
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { GCP_IMPERSONATION } from './lib/cloud-controls.js';
import { appliesToTerraform, GCP_KEYWORDS, gcpGrants, memberBreadth, memberList } from './lib/gcp-iam.js';
import { anyGlob, optList } from './lib/rule-options.js';

/** Roles that mint tokens for, or act as, the service accounts in their scope. */
export const IMPERSONATION_ROLES: readonly string[] = [
  'roles/iam.serviceAccountTokenCreator',
  'roles/iam.serviceAccountUser',
  'roles/iam.workloadIdentityUser',
  'roles/iam.serviceAccountOpenIdTokenCreator',
  'roles/iam.serviceAccountKeyAdmin',
  'roles/iam.serviceAccountAdmin',
];

/** Roles that include `iam.serviceAccounts.actAs` or can otherwise run code as a service account. */
export const ACT_AS_ROLES: readonly string[] = [
  'roles/iam.securityAdmin',
  'roles/dataflow.developer',
  'roles/dataflow.admin',
  'roles/deploymentmanager.editor',
  'roles/cloudbuild.builds.editor',
  'roles/cloudbuild.builds.builder',
  'roles/composer.worker',
  'roles/run.sourceDeveloper',
  'roles/backupdr.computeEngineOperator',
  'roles/assuredoss.admin',
  'roles/securitycenter.admin',
  'roles/dataproc.hubAgent',
];

const isServiceAgent = (role: string): boolean => /^roles\/[\w.]+\.(?:serviceAgent|\w*ServiceAgent)$/.test(role);

/**
 * Domains of Google-managed service agents: `service-<project number>@<domain>`. Modules that also serve
 * other universes (sovereign clouds) write the IAM domain as a variable (`gcp-sa-managedkafka.${local.iam_gsa_domain}`).
 */
const AGENT_DOMAIN =
  /^(?:gcp-sa-[a-z0-9-]+|container-engine-robot|compute-system|gs-project-accounts|serverless-robot-prod|containerregistry|dataflow-service-producer-prod|cloudcomposer-accounts|dataproc-accounts|gcf-admin-robot|cloud-ml|cloud-redis|cloud-tpu|genomics-api|sourcerepo-service-accounts|firebase-rules)\.(?:iam\.gserviceaccount\.com|\$\{[^}]+\})$/i;

/** Terraform resources and data sources that name a project's Google-managed service agent. */
const AGENT_SOURCE =
  /\b(?:google_project_service_identity|google_storage_project_service_account|google_bigquery_default_service_account|google_storage_transfer_project_service_account|google_kms_project_service_identity)\.[\w-]+/;

/**
 * Whether a member is a Google-managed service agent: the email the provider's service-identity
 * resources give, or `service-<project number>@gcp-sa-<service>.iam.gserviceaccount.com` (the number may
 * be interpolated) — or an organization's or folder's agent, `service-org-<id>@…`, `service-folder-<id>@…`.
 */
function isAgentMember(member: string): boolean {
  if (AGENT_SOURCE.test(member)) return true;
  const m = /^(?:serviceAccount:)?service-(?:org-|folder-)?(?:\d+|\$\{[^}]+\})@([^@\s]+)$/i.exec(member.trim());
  return !!m && AGENT_DOMAIN.test(m[1]!);
}

const WHAT: Record<string, string> = {
  'roles/iam.serviceAccountTokenCreator': 'mint access and ID tokens for',
  'roles/iam.serviceAccountUser': 'run workloads as (actAs)',
  'roles/iam.workloadIdentityUser': 'impersonate from outside Google Cloud',
  'roles/iam.serviceAccountOpenIdTokenCreator': 'mint ID tokens for',
  'roles/iam.serviceAccountKeyAdmin': 'create long-lived keys for',
  'roles/iam.serviceAccountAdmin': 'administer (and grant itself access to)',
};

const rule: Rule = {
  meta: {
    id: 'scopes/gcp-sa-impersonation',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Google Cloud grant lets members impersonate every service account of a project, folder or organization, or one service account to broad members',
    controls: [...GCP_IMPERSONATION],
    remediation:
      'Grant the impersonation role on the one service account needed (`google_service_account_iam_member` with `service_account_id`) to a named member, not on the project, folder or organization, and never to allUsers, allAuthenticatedUsers, a whole domain or a whole identity pool.',
    options: {
      allowMembers: stringList('Member globs that may impersonate, e.g. `["serviceAccount:deployer@my-project.iam.gserviceaccount.com"]`.'),
      roles: stringList('Replaces the built-in list of impersonation roles checked on projects, folders and organizations (empty: the built-in list).'),
    },
  },
  keywords: GCP_KEYWORDS,
  scope: 'file',
  globOptions: ['allowMembers'],
  appliesTo: appliesToTerraform,
  check(file, ctx) {
    const allowMembers = optList(ctx.options, 'allowMembers', []);
    const custom = optList(ctx.options, 'roles', []);
    const impersonation = new Set((custom.length ? custom : IMPERSONATION_ROLES).map((r) => r.toLowerCase()));
    const actAs = new Set(custom.length ? [] : ACT_AS_ROLES.map((r) => r.toLowerCase()));
    const out: RawFinding[] = [];
    for (const g of gcpGrants(file.text)) {
      if (!g.role || g.role.dynamic) continue;
      const role = g.role.v;
      const lower = role.toLowerCase();
      const members = g.members.filter((m) => !anyGlob(allowMembers, m.v));
      if (g.members.length && !members.length) continue;
      const who = memberList(members);
      if (g.level === 'service-account') {
        if (!impersonation.has(lower)) continue;
        let worst: { m: (typeof members)[number]; severity: Severity; why: string } | undefined;
        for (const m of members) {
          const b = memberBreadth(m.v);
          if (!b) continue;
          const severity: Severity = b === 'public' ? 'critical' : 'high';
          const why =
            b === 'public'
              ? 'anyone on the internet'
              : b === 'domain'
                ? 'every account of the domain'
                : 'every identity of the workload identity pool (every repository or workload the provider admits)';
          if (!worst || (severity === 'critical' && worst.severity !== 'critical')) worst = { m, severity, why };
        }
        if (!worst) continue;
        out.push({
          line: worst.m.line,
          column: worst.m.column,
          message: `\`${g.address}\` grants \`${role}\` on a service account to \`${worst.m.v}\` — ${worst.why} can ${WHAT[role] ?? 'act as'} it.`,
          construct: `gcp-sa-impersonation:${g.address}:${lower}`,
          severity: worst.severity,
          remediation: worst.m.v.startsWith('principalSet://')
            ? 'Grant it to the one repository or workload: `principalSet://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/attribute.repository/<owner>/<repo>` (and set an `attribute_condition` on the provider).'
            : 'Grant it to the named service account, user or group that deploys as this service account.',
        });
        continue;
      }
      const direct = impersonation.has(lower);
      const agentRole = !direct && !custom.length && isServiceAgent(role) && !actAs.has(lower);
      const indirect = !direct && (actAs.has(lower) || agentRole);
      if (!direct && !indirect) continue;
      // A service-agent role for the service agent is how Google sets the agent up: only other members count.
      const others = agentRole ? members.filter((m) => !isAgentMember(m.v)) : members;
      if (members.length && !others.length) continue;
      const grantees = others === members ? who : memberList(others);
      const wide = g.level === 'organization' || g.level === 'folder';
      const severity: Severity = direct ? (wide ? 'critical' : 'high') : 'medium';
      const scope = g.level === 'policy' ? 'the resource the policy is applied to' : `the ${g.level}`;
      out.push({
        line: g.role.line,
        column: g.role.column,
        message: direct
          ? `\`${g.address}\` grants \`${role}\` on ${scope} to ${grantees}: they can ${WHAT[role] ?? 'act as'} every service account in it, and so use their permissions.`
          : `\`${g.address}\` grants \`${role}\` on ${scope} to ${grantees}: the role can act as service accounts of the ${g.level === 'policy' ? 'resource' : g.level}.`,
        construct: `gcp-sa-impersonation:${g.address}:${lower}`,
        severity,
        remediation: direct
          ? `Grant \`${role}\` on the one service account needed (\`google_service_account_iam_member\` with \`service_account_id\`), not on the ${g.level === 'policy' ? 'whole resource' : g.level}.`
          : `Grant \`${role}\` only where needed and pair it with \`roles/iam.serviceAccountUser\` on the one service account it should run as; service-agent roles belong to Google-managed service agents only.`,
      });
    }
    return out;
  },
};

export default rule;
