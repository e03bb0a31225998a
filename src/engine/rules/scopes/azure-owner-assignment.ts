/**
 * Azure privileged built-in roles assigned at a subscription, management group or the root scope:
 * `Owner` and `User Access Administrator` (critical — they can grant any access, themselves included),
 * `Role Based Access Control Administrator` (high) and `Contributor` (high — every resource of the
 * subscription). The same roles on a resource group are medium for Owner / User Access Administrator
 * and not reported for Contributor. Terraform `azurerm_role_assignment` (`role_definition_name` or the
 * built-in role GUID in `role_definition_id`) and ARM `Microsoft.Authorization/roleAssignments`
 * (subscription-deployment templates count as subscription scope).
 *
 * ```yaml
 * rules:
 *   scopes/azure-owner-assignment:
 *     options:
 *       roles: [Owner, User Access Administrator, Role Based Access Control Administrator, Contributor]
 *       allowPrincipals: []   # globs of principal ids / references allowed, e.g. ["var.breakglass_group_id"]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { AZURE_ROLES } from './lib/cloud-controls.js';
import { atLeastSubscription, azureRbac, roleName } from './lib/azure-rbac.js';
import { anyGlob, optList } from './lib/rule-options.js';

export const PRIVILEGED_ROLES: readonly string[] = ['Owner', 'User Access Administrator', 'Role Based Access Control Administrator', 'Contributor'];

const rule: Rule = {
  meta: {
    id: 'scopes/azure-owner-assignment',
    family: 'scopes',
    severity: 'critical',
    confidence: 'high',
    description: 'Azure Owner, User Access Administrator or Contributor role assigned at subscription (or wider) scope',
    controls: [...AZURE_ROLES],
    remediation:
      'Assign a narrower built-in role (e.g. "Reader", "Website Contributor", "Storage Blob Data Contributor") or a custom role at the resource group or resource that needs it; keep Owner to a break-glass group activated through Privileged Identity Management.',
    options: {
      roles: stringList('The privileged roles reported when assigned.', PRIVILEGED_ROLES),
      allowPrincipals: stringList('Globs of principal ids or references allowed, e.g. `["var.breakglass_group_id"]`.'),
    },
  },
  keywords: ['azurerm_role_assignment', 'microsoft.authorization/roleassignments'],
  scope: 'file',
  globOptions: ['allowPrincipals'],
  appliesTo: (path) => /\.(?:tf|json)$/i.test(path),
  check(file, ctx) {
    const roles = optList(ctx.options, 'roles', PRIVILEGED_ROLES);
    const allow = optList(ctx.options, 'allowPrincipals', []);
    const out: RawFinding[] = [];
    for (const a of azureRbac(file.path, file.text).assigns) {
      if (!a.role || anyGlob(allow, a.principal)) continue;
      const name = roleName(a.role.v);
      const known = roles.find((r) => r.toLowerCase() === name?.toLowerCase());
      if (!known) continue;
      const grants = /owner|user access administrator/i.test(known);
      let severity: Severity | undefined;
      if (atLeastSubscription(a.scope)) severity = grants ? 'critical' : 'high';
      else if (a.scope === 'resource-group' || a.scope === 'unknown') severity = grants ? 'medium' : undefined;
      if (!severity) continue;
      const where = a.scope === 'unknown' ? `scope \`${a.scopeText || '?'}\`` : `${a.scope.replace('-', ' ')} scope`;
      out.push({
        line: a.role.line,
        column: a.role.column,
        message: `\`${a.address}\` assigns \`${known}\` at ${where}${a.principal ? ` to \`${a.principal}\`` : ''}${grants ? ': the principal can grant any access, itself included' : ': the principal can change every resource in it'}.`,
        construct: `azure-owner:${a.address}`,
        severity,
      });
    }
    return out;
  },
};

export default rule;
