/**
 * A Kubernetes `RoleBinding` / `ClusterRoleBinding` whose role is defined in ANOTHER file of the
 * repository, when that role is over-broad: `*` in its apiGroups, resources or verbs, read access to
 * Secrets, or an escalation verb (`escalate`, `bind`, `impersonate`). The role's own file is judged by
 * `scopes/k8s-rbac-wildcard`, `k8s-secrets-read` and `k8s-rbac-escalation`; the binding is where the
 * power is handed to someone, and a review of the binding's file alone would not show it. (A role in
 * the binding's own file is reported there, once.) Cross-file: reads the other manifests through the
 * repository view. A `Role` is looked up in the binding's namespace; a `ClusterRole` by name. When the
 * view is incomplete (the search for roles stopped at a limit), a binding whose role is not found is not
 * judged (`ctx.notJudged`), unless the role is one every cluster defines itself. One grant, one finding:
 * when the role's file is scanned too (a scan of the whole tree), the role's own finding names this
 * binding and its subjects, and the binding is not reported again; it is reported here when only the
 * binding's file is scanned (a change that adds a binding to an existing role).
 */
import type { RawFinding, Rule } from '../../rule.js';
import { K8S_CLUSTER_ADMIN } from './lib/cloud-controls.js';
import { appliesToK8sRbac, definesK8sRole, isDefaultK8sRole, judgeRole, K8S_KEYWORDS, k8sRbac, rolesInRepo } from './lib/k8s.js';

const rule: Rule = {
  meta: {
    id: 'scopes/k8s-binding-privileged-role',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Kubernetes RoleBinding or ClusterRoleBinding grants an over-broad role defined in another file',
    controls: [...K8S_CLUSTER_ADMIN],
    remediation:
      'Bind a role that lists the API groups, resources and verbs the subjects use (no `*`, no Secrets read without `resourceNames`, no `escalate`/`bind`/`impersonate`), or narrow the role itself; prefer a namespaced RoleBinding to a ClusterRoleBinding.',
  },
  keywords: K8S_KEYWORDS,
  scope: 'file',
  appliesTo: appliesToK8sRbac,
  context: (path, text) => appliesToK8sRbac(path) && definesK8sRole(path, text),
  check(file, ctx) {
    const own = k8sRbac(file.text, file.path);
    if (!own.bindings.length || !ctx.repo) return [];
    const bindings = own.bindings.filter((b) => b.roleRef && (b.roleRef.kind === 'Role' || b.roleRef.kind === 'ClusterRole'));
    if (!bindings.length) return [];
    const ownRoles = new Set(own.roles.map((r) => `${r.kind}:${r.name}`));
    // Roles of the other files (the same file's are reported where they are defined).
    const elsewhere = rolesInRepo(ctx.repo).filter(({ path }) => path !== file.path);
    const out: RawFinding[] = [];
    for (const b of bindings) {
      const ref = b.roleRef!;
      if (ownRoles.has(`${ref.kind}:${ref.name}`)) continue;
      const found = elsewhere.find(
        ({ item: role }) => role.kind === ref.kind && role.name === ref.name && (ref.kind === 'ClusterRole' || !b.namespace || !role.namespace || role.namespace === b.namespace),
      );
      const construct = `k8s-binding:${b.kind}:${b.namespace ?? ''}:${b.name}:${ref.kind}:${ref.name}`;
      if (!found) {
        // Not found where the search stopped short: unknown, not absent (a gate fails closed).
        if (ctx.repo.incomplete && !isDefaultK8sRole(ref.kind, ref.name))
          ctx.notJudged?.(construct, `${b.kind} \`${b.name}\` binds the ${ref.kind} \`${ref.name}\`, which is not among the roles read (${ctx.repo.incomplete}), so the binding was not judged`);
        continue;
      }
      const verdict = judgeRole(found.item);
      if (!verdict) continue;
      // The role's file is reported by this scan: its finding names this binding (k8s-rbac-wildcard & co.).
      if (ctx.repo.own?.(found.path)) continue;
      const who = b.subjects.length
        ? b.subjects
            .slice(0, 3)
            .map((s) => `${s.kind} \`${s.namespace ? `${s.namespace}/` : ''}${s.name}\``)
            .join(', ') + (b.subjects.length > 3 ? ' …' : '')
        : 'its subjects';
      out.push({
        line: ref.line,
        column: ref.column,
        message: `${b.kind} \`${b.name}\` gives ${who} the ${ref.kind} \`${ref.name}\` (defined in ${found.path}), which grants ${verdict.what}.`,
        construct,
        severity: verdict.severity,
      });
    }
    return out;
  },
};

export default rule;
