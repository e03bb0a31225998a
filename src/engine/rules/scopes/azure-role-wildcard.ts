/**
 * Azure custom role definitions that allow every action: `actions = ["*"]` is a custom Owner (critical
 * when assignable at a subscription, management group or the root `/` — also when `assignable_scopes`
 * is absent and the role's `scope` is a subscription; high on unknown scopes; not reported when
 * assignable only to resource groups or resources), `Microsoft.Authorization/*` lets the holder assign itself any role (high), and
 * `"*"` in `data_actions` reads and writes every data plane (storage blobs, key vault secrets) (high).
 * Other provider wildcards (`Microsoft.Compute/*`, `Microsoft.Support/*`) are not reported (checkov and
 * Sonar pass them). Terraform
 * `azurerm_role_definition` (`permissions { actions … }`, `assignable_scopes`) and ARM JSON
 * `Microsoft.Authorization/roleDefinitions` (template parameters resolved to their defaults).
 *
 * ```yaml
 * rules:
 *   scopes/azure-role-wildcard:
 *     options:
 *       allowRoles: []   # globs of role definitions allowed (Terraform address or ARM resource name)
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { AZURE_ROLES } from './lib/cloud-controls.js';
import { atLeastSubscription, azureRbac, broadest, type AzValue } from './lib/azure-rbac.js';
import { anyGlob, optList } from './lib/rule-options.js';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

const rule: Rule = {
  meta: {
    id: 'scopes/azure-role-wildcard',
    family: 'scopes',
    severity: 'critical',
    confidence: 'high',
    description: 'Azure custom role definition allows every action (`actions = ["*"]`) or role assignment (`Microsoft.Authorization/*`)',
    controls: [...AZURE_ROLES],
    remediation:
      'List the operations the role needs (e.g. `Microsoft.Storage/storageAccounts/read`, `Microsoft.Web/sites/restart/action`) instead of `*`, assign it at the narrowest scope (a resource group), and use the built-in Owner only for break-glass accounts.',
    options: {
      allowRoles: stringList('Globs of role definitions allowed (Terraform address or ARM resource name).'),
    },
  },
  // `assignablescopes`: a role definition written for `az role definition create` names no resource type.
  keywords: ['azurerm_role_definition', 'microsoft.authorization/roledefinitions', 'assignablescopes'],
  scope: 'file',
  globOptions: ['allowRoles'],
  appliesTo: (path) => /\.(?:tf|json)$/i.test(path),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowRoles', []);
    const out: RawFinding[] = [];
    for (const d of azureRbac(file.path, file.text).defs) {
      if (anyGlob(allow, d.address)) continue;
      const scope = broadest(d.scopes);
      const wide = atLeastSubscription(scope);
      const where = d.scopes.length
        ? `assignable at ${scope === 'unknown' ? 'an unresolved scope' : `the ${scope.replace('-', ' ')}${scope === 'root' ? ' (`/`, every subscription)' : ''}`}`
        : 'with no assignable scope';
      let worst: { at: AzValue; severity: Severity; message: string; remediation: string } | undefined;
      const consider = (at: AzValue, severity: Severity, message: string, remediation: string): void => {
        if (!worst || RANK[severity] > RANK[worst.severity]) worst = { at, severity, message, remediation };
      };
      for (const a of d.actions) {
        const v = a.v.trim();
        if (v === '*') {
          // Assignable only to resource groups or resources: an Owner of those, which peer checks
          // (Sonar, tfsec) accept — the assignment, not the definition, is what to judge then.
          const narrow = d.scopes.length > 0 && d.scopes.every((sc) => sc === 'resource-group' || sc === 'resource');
          // `notActions` taking back role assignment (`Microsoft.Authorization/*/write`): every action but
          // granting access, a custom Contributor role rather than an Owner one.
          const noGrant = d.notActions.some((n) => azureActionMatches(n.v.trim(), 'Microsoft.Authorization/roleAssignments/write'));
          if (!narrow && noGrant)
            consider(
              a,
              wide ? 'high' : 'medium',
              `\`${d.address}\` allows every action (\`"*"\`) but role assignment (taken back in \`notActions\`), ${where}: a custom Contributor role.`,
              rule.meta.remediation,
            );
          else if (!narrow) consider(a, wide ? 'critical' : 'high', `\`${d.address}\` allows every action (\`"*"\`), ${where}: a custom Owner role.`, rule.meta.remediation);
        } else if (/^Microsoft\.Authorization\/(?:\*|\*\/write|\*\/\*|role(?:Assignments|Definitions)\/(?:\*|write))$/i.test(v))
          consider(
            a,
            'high',
            `\`${d.address}\` allows \`${v}\`, ${where}: whoever holds the role can assign itself any role.`,
            'Remove `Microsoft.Authorization` write operations from the role; delegate role assignment with the built-in "Role Based Access Control Administrator" role and a condition restricting the roles it may assign.',
          );
      }
      for (const a of d.dataActions) {
        if (a.v.trim() === '*')
          consider(
            a,
            'high',
            `\`${d.address}\` allows every data action (\`"*"\`), ${where}: it reads and writes every blob, queue, secret and key in scope.`,
            'List the data actions needed (e.g. `Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read`) instead of `*`.',
          );
      }
      if (!worst) continue;
      const w = worst as { at: AzValue; severity: Severity; message: string; remediation: string };
      out.push({ line: w.at.line, column: w.at.column, message: w.message, construct: `azure-role-wildcard:${d.address}`, severity: w.severity, remediation: w.remediation });
    }
    return out;
  },
};

// Does an Azure action pattern (`Microsoft.Authorization/*/write`, `*/write`) cover `action`? Case-insensitive.
function azureActionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return re.test(action);
}

export default rule;
