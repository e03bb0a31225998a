/**
 * Kubernetes roles that can read Secrets (CIS Kubernetes 5.1.2): `get`, `list`, `watch` (or `*`) on
 * `secrets` without `resourceNames` reads every token, password and key in the namespace — or in every
 * namespace for a ClusterRole (high; medium in a Role). `list` and `watch` return the secret values too,
 * not just names. Write-only access (`create`, `update`, `patch`, `delete`) lets the holder replace
 * credentials and TLS keys: low. Limiting the rule to named secrets (`resourceNames`) passes.
 * `*` resources are reported by `scopes/k8s-rbac-wildcard`. The same role restated in several files (a
 * generated `install.yaml` repeating `base/`) is one finding, at the first file.
 *
 * ```yaml
 * rules:
 *   scopes/k8s-secrets-read:
 *     options:
 *       allowRoles: []     # globs of role names allowed to read secrets, e.g. ["external-secrets*", "cert-manager*"]
 *       reportWrites: true # report write-only access to secrets (low)
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { boolean, stringList } from '../../option-schema.js';
import { K8S_SECRETS } from './lib/cloud-controls.js';
import { appliesToK8sRbac, bindingsOf, bindsK8sRole, boundByText, covers, K8S_KEYWORDS, k8sRbac, ruleKey, roleId } from './lib/k8s.js';
import { anyGlob, optBool, optList } from './lib/rule-options.js';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];

const rule: Rule = {
  meta: {
    id: 'scopes/k8s-secrets-read',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Kubernetes Role or ClusterRole can read (get/list/watch) every Secret in its scope',
    controls: [...K8S_SECRETS],
    remediation:
      'Limit the rule to the secrets the workload needs with `resourceNames: [<secret>]` and the `get` verb only (no `list`/`watch`), in a namespaced Role; mount secrets into pods instead of reading them through the API where possible.',
    options: {
      allowRoles: stringList('Globs of role names allowed to read secrets, e.g. `["external-secrets*", "cert-manager*"]`.'),
      reportWrites: boolean('Report write-only access to secrets (low).', true),
    },
  },
  keywords: K8S_KEYWORDS,
  scope: 'file',
  globOptions: ['allowRoles'],
  appliesTo: appliesToK8sRbac,
  // Reads the bindings of other files, to name who holds the role.
  context: (path, text) => appliesToK8sRbac(path) && bindsK8sRole(path, text),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowRoles', []);
    const reportWrites = optBool(ctx.options, 'reportWrites', true);
    const out: RawFinding[] = [];
    for (const role of k8sRbac(file.text, file.path).roles) {
      if (anyGlob(allow, role.name)) continue;
      // Who holds it: the bindings of this file and of the others (a binding elsewhere is not reported again).
      let boundCache: string | undefined;
      const bound = (): string => (boundCache ??= boundByText(bindingsOf(role, file.path, file.text, ctx.repo), file.path));
      const cluster = role.kind === 'ClusterRole';
      for (const r of role.rules) {
        const secrets = r.resources.find((x) => x.v === 'secrets');
        if (!secrets || r.resourceNames.length) continue;
        if (r.apiGroups.length && !covers(r.apiGroups, '')) continue;
        const reads = r.verbs.filter((v) => v.v === '*' || READ.includes(v.v));
        const writes = r.verbs.filter((v) => WRITE.includes(v.v));
        const scope = cluster ? 'in every namespace' : `in namespace \`${role.namespace ?? 'default'}\``;
        if (reads.length) {
          const verbs = reads.map((v) => v.v);
          out.push({
            line: secrets.line,
            column: secrets.column,
            message: `${role.kind} \`${role.name}\` can ${verbs.map((v) => `\`${v}\``).join(', ')} every Secret ${scope}: service account tokens, passwords and keys included.${bound()}`,
            construct: `k8s-secrets:${roleId(role)}:${r.index}`,
            sameAs: ruleKey(role, r),
            severity: cluster ? 'high' : 'medium',
            // `list` and `watch` are how a controller's informer reads Secrets; `resourceNames` cannot narrow
            // them (the API server rejects a list by name), so naming secrets would break it.
            ...(verbs.some((v) => v === 'list' || v === 'watch' || v === '*')
              ? {
                  remediation: `Check that the workload needs every Secret: \`list\`/\`watch\` (an informer) cannot be limited with \`resourceNames\`, so ${cluster ? 'bind it per namespace it serves (a Role and RoleBinding in each) instead of cluster-wide, ' : ''}have it watch only the Secrets it owns (a label selector in its code), and give \`get\` with \`resourceNames\` where it reads named ones only.`,
                }
              : {}),
          });
        } else if (writes.length && reportWrites) {
          out.push({
            line: secrets.line,
            column: secrets.column,
            message: `${role.kind} \`${role.name}\` can ${writes.map((v) => `\`${v.v}\``).join(', ')} every Secret ${scope}: it can replace credentials and TLS keys other workloads trust.${bound()}`,
            construct: `k8s-secrets:${roleId(role)}:${r.index}`,
            sameAs: ruleKey(role, r),
            severity: 'low',
            remediation: 'Limit the rule to the secrets the workload manages with `resourceNames: [<secret>]` (`create` cannot be limited by name: give it to a dedicated controller account only).',
          });
        }
      }
    }
    return out;
  },
};

export default rule;
