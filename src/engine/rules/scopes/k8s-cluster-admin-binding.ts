/**
 * Kubernetes bindings that hand out cluster administration (CIS Kubernetes 5.1.1): a `ClusterRoleBinding`
 * to `cluster-admin` (high; critical when a subject is a broad group — `system:authenticated`,
 * `system:unauthenticated`, `system:serviceaccounts[:<ns>]` — the anonymous user, or a namespace's
 * `default` service account, which every pod without its own account runs as), a `RoleBinding` to
 * `cluster-admin` (full control of the namespace, medium), `ClusterRoleBinding`s to `admin` / `edit`
 * (medium), any binding that grants a role to anonymous or unauthenticated users (high), and any
 * other role bound to a broad group or to a `default` service account (medium; `system:` bootstrap
 * roles excepted). A namespace's `default` service account (CIS Kubernetes 5.1.5) is a subject written
 * as `{kind: ServiceAccount, name: default}` or as its user name `system:serviceaccount:<ns>:default`;
 * every pod of the namespace that names no service account runs with what it is bound to. When the
 * bound role is defined in the same file and is over-broad (`*`, Secrets read, `escalate`/`bind`,
 * `impersonate`), the finding says so; a role defined in another file is judged, for the same binding,
 * by `scopes/k8s-binding-privileged-role` (the role's content), while this rule reports who receives it.
 *
 * ```yaml
 * rules:
 *   scopes/k8s-cluster-admin-binding:
 *     options:
 *       adminRoles: [cluster-admin]      # roles treated as cluster administration
 *       broadRoles: [admin, edit]        # roles reported when bound cluster-wide
 *       allowSubjects: []                # globs of "Kind:namespace:name" (or just the name), e.g. ["ServiceAccount:argocd:argocd-application-controller"]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { K8S_CLUSTER_ADMIN } from './lib/cloud-controls.js';
import { appliesToK8sRbac, judgeRole, K8S_KEYWORDS, k8sRbac, type KBinding, type KSubject } from './lib/k8s.js';
import { anyGlob, optList } from './lib/rule-options.js';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/**
 * The namespace of a `default` service account subject — `{kind: ServiceAccount, name: default}` (its
 * namespace, or the binding's) or the user `system:serviceaccount:<ns>:default` — `''` when not written;
 * undefined for other subjects.
 */
function defaultAccountOf(s: KSubject, b: KBinding): string | undefined {
  if (s.kind === 'ServiceAccount' && s.name === 'default') return s.namespace ?? b.namespace ?? '';
  const m = s.kind === 'User' ? /^system:serviceaccount:([^:]+):default$/.exec(s.name) : null;
  return m ? m[1] : undefined;
}

/** Subjects that are everyone (or every workload) rather than one identity. */
function broadSubject(s: KSubject, b: KBinding): string | undefined {
  if (s.kind === 'Group' && /^system:(?:authenticated|unauthenticated|serviceaccounts(?::.*)?)$/.test(s.name)) return `the group \`${s.name}\``;
  if (s.kind === 'User' && (s.name === 'system:anonymous' || s.name === 'system:unauthenticated')) return 'anonymous users';
  const ns = defaultAccountOf(s, b);
  if (ns !== undefined) return `the \`default\` service account${ns ? ` of \`${ns}\`` : ''} (every pod without its own account)`;
  return undefined;
}
const anonymous = (s: KSubject): boolean => (s.kind === 'Group' && s.name === 'system:unauthenticated') || (s.kind === 'User' && s.name === 'system:anonymous');

const rule: Rule = {
  meta: {
    id: 'scopes/k8s-cluster-admin-binding',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Kubernetes binding grants cluster-admin, admin/edit cluster-wide, or any role to anonymous users, broad groups or a default service account',
    controls: [...K8S_CLUSTER_ADMIN, 'CIS-K8S-5.1.5'],
    remediation:
      'Bind a Role (or ClusterRole through a namespaced RoleBinding) listing the verbs and resources the subject needs, to a dedicated service account, user or group; keep `cluster-admin` to a break-glass group.',
    options: {
      adminRoles: stringList('Roles treated as cluster administration.', ['cluster-admin']),
      broadRoles: stringList('Roles reported when bound cluster-wide.', ['admin', 'edit']),
      allowSubjects: stringList('Globs of subjects allowed, as `Kind:namespace:name` or the name alone, e.g. `["ServiceAccount:argocd:argocd-application-controller"]`.'),
    },
  },
  keywords: K8S_KEYWORDS,
  scope: 'file',
  globOptions: ['allowSubjects'],
  appliesTo: appliesToK8sRbac,
  check(file, ctx) {
    const adminRoles = optList(ctx.options, 'adminRoles', ['cluster-admin']);
    const broadRoles = optList(ctx.options, 'broadRoles', ['admin', 'edit']);
    const allow = optList(ctx.options, 'allowSubjects', []);
    const out: RawFinding[] = [];
    const { roles, bindings } = k8sRbac(file.text, file.path);
    for (const b of bindings) {
      if (!b.roleRef) continue;
      const subjects = b.subjects.filter((s) => !anyGlob(allow, `${s.kind}:${s.namespace ?? b.namespace ?? ''}:${s.name}`) && !anyGlob(allow, s.name));
      if (b.subjects.length && !subjects.length) continue;
      const role = b.roleRef.name;
      const cluster = b.kind === 'ClusterRoleBinding';
      const isAdmin = b.roleRef.kind === 'ClusterRole' && adminRoles.includes(role);
      const isBroad = b.roleRef.kind === 'ClusterRole' && broadRoles.includes(role);
      const broad = subjects.map((s) => ({ s, why: broadSubject(s, b) })).find((x) => x.why);
      let severity: Severity | undefined;
      let why = '';
      if (isAdmin) {
        severity = cluster ? (broad ? 'critical' : 'high') : broad ? 'high' : 'medium';
        why = cluster ? 'full control of every resource in every namespace' : `full control of namespace \`${b.namespace ?? 'default'}\`, its secrets and RBAC included`;
      } else if (isBroad && (cluster || broad)) {
        severity = broad ? 'high' : 'medium';
        why = cluster ? `\`${role}\` in every namespace (read and change secrets, workloads${role === 'admin' ? ' and RBAC' : ''})` : `\`${role}\` in namespace \`${b.namespace ?? 'default'}\``;
      }
      const anon = subjects.find(anonymous);
      if (anon && (!severity || RANK[severity] < RANK.high)) {
        severity = isAdmin ? 'critical' : 'high';
        why = why || `\`${role}\` to anyone who can reach the API server without credentials`;
      }
      if (!severity && broad && !role.startsWith('system:')) {
        severity = 'medium';
        const ns = defaultAccountOf(broad.s, b);
        why = ns !== undefined ? `every pod of ${ns ? `namespace \`${ns}\`` : 'the namespace'} that names no service account runs with it` : `\`${role}\` for every identity in the group`;
        // A role of this file that is over-broad: say what the pods get (a role of another file is judged by k8s-binding-privileged-role).
        const own = roles.find((r) => r.kind === b.roleRef!.kind && r.name === role && (r.kind === 'ClusterRole' || !r.namespace || !b.namespace || r.namespace === b.namespace));
        const verdict = own && judgeRole(own);
        if (verdict) why += `, and the ${own.kind} \`${role}\` (defined in this file) grants ${verdict.what}`;
      }
      if (!severity) continue;
      const who = broad
        ? broad.why
        : subjects.length
          ? subjects
              .slice(0, 3)
              .map((s) => `${s.kind} \`${s.name}\``)
              .join(', ')
          : 'its subjects';
      out.push({
        line: b.roleRef.line,
        column: b.roleRef.column,
        message: `${b.kind} \`${b.name}\` binds \`${role}\` to ${who}: ${why}.`,
        construct: `k8s-admin-binding:${b.kind}:${b.namespace ?? ''}:${b.name}`,
        severity,
        remediation: broad
          ? `Bind the role to a dedicated service account or named group instead of ${broad.why}, and replace \`${role}\` with a Role listing the verbs and resources needed.${
              defaultAccountOf(broad.s, b) !== undefined
                ? ' Give the pods that need it their own `serviceAccountName`, and set `automountServiceAccountToken: false` on the `default` service account (CIS Kubernetes 5.1.5).'
                : ''
            }`
          : `Replace \`${role}\` with a Role (or a ClusterRole bound per namespace with a RoleBinding) listing the verbs and resources ${who} needs.`,
      });
    }
    return out;
  },
};

export default rule;
