/**
 * Kubernetes `Role` / `ClusterRole` rules with wildcards (CIS Kubernetes 5.1.3): `*` in `verbs`,
 * `resources` or `apiGroups` of any rule grants every present and future verb, resource or API group.
 * All three at once is cluster-admin (critical in a ClusterRole, high in a Role); `*` verbs or
 * resources is high (medium in a Role); `*` API groups alone or partial wildcards (`deployments/*`) are medium
 * (low in a Role). A wildcard confined to the aggregated metrics APIs (`metrics.k8s.io`,
 * `custom.metrics.k8s.io`, `external.metrics.k8s.io` — what an HPA or a metrics adapter reads) is low:
 * those APIs serve metric values read-only, so `*` there reads metrics and nothing else. One finding per rule entry, at the wildcard; when the wildcard grants an escalation
 * (`scopes/k8s-rbac-escalation`: `bind`, `impersonate`, admission webhooks …) the finding names it and
 * takes its severity if that is higher (that rule leaves wildcard rules to this one). The same role
 * restated in several files (a generated `install.yaml` repeating `base/`) is one finding, at the first file.
 *
 * ```yaml
 * rules:
 *   scopes/k8s-rbac-wildcard:
 *     options:
 *       allowRoles: []   # globs of role names allowed to use wildcards, e.g. ["system:*", "argocd-application-controller"]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { K8S_WILDCARD } from './lib/cloud-controls.js';
import { appliesToK8sRbac, bindingsOf, bindsK8sRole, boundByText, K8S_KEYWORDS, k8sRbac, ruleKey, type KVal, roleId } from './lib/k8s.js';
import { escalations, RANK } from './lib/k8s-escalation.js';
import { anyGlob, optList } from './lib/rule-options.js';

/** The aggregated metrics APIs: they serve metric values, read-only (get, list, watch), and nothing else. */
const METRICS_GROUPS: ReadonlySet<string> = new Set(['metrics.k8s.io', 'custom.metrics.k8s.io', 'external.metrics.k8s.io']);
/**
 * A custom resource's API group (a CRD's: `config.gatekeeper.sh`, `*.gatekeeper.sh`, `monitoring.coreos.com`),
 * not Kubernetes' own (the core group, `apps`, `batch`, `policy`, `*.k8s.io`, `*.kubernetes.io`).
 */
function isCustomGroup(group: string): boolean {
  // `*.gatekeeper.sh` covers that project's groups; `*.io` or `*.k8s.io` would cover anyone's.
  const base = group.startsWith('*.') ? group.slice(2) : group;
  return base.includes('.') && !base.includes('*') && !/(?:^|\.)(?:k8s|kubernetes)\.io$/.test(base);
}

const rule: Rule = {
  meta: {
    id: 'scopes/k8s-rbac-wildcard',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Kubernetes Role or ClusterRole uses `*` in verbs, resources or apiGroups',
    controls: [...K8S_WILDCARD],
    remediation: 'List the API groups, resources and verbs the workload uses (e.g. `apiGroups: [apps]`, `resources: [deployments]`, `verbs: [get, list, watch, patch]`) instead of `*`.',
    options: {
      allowRoles: stringList('Globs of role names allowed to use wildcards, e.g. `["system:*", "argocd-application-controller"]`.'),
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
    const out: RawFinding[] = [];
    for (const role of k8sRbac(file.text, file.path).roles) {
      if (anyGlob(allow, role.name)) continue;
      // Who holds it: the bindings of this file and of the others (a binding elsewhere is not reported again).
      let boundCache: string | undefined;
      let foundCache: ReturnType<typeof bindingsOf> | undefined;
      const found = (): ReturnType<typeof bindingsOf> => (foundCache ??= bindingsOf(role, file.path, file.text, ctx.repo));
      const bound = (): string => (boundCache ??= boundByText(found(), file.path));
      // A ClusterRole that only RoleBindings bind grants its rules in their namespaces, not cluster-wide.
      let clusterCache: boolean | undefined;
      const isCluster = (): boolean => (clusterCache ??= role.kind === 'ClusterRole' && !(found().length > 0 && found().every((f) => f.binding.kind === 'RoleBinding')));
      const escalating = escalations(role);
      for (const r of role.rules) {
        const star = (l: KVal[]): KVal | undefined => l.find((x) => x.v === '*');
        const partial = (l: KVal[]): KVal | undefined => l.find((x) => x.v !== '*' && x.v.includes('*'));
        const g = star(r.apiGroups);
        const res = star(r.resources);
        const v = star(r.verbs);
        const stars = [g, res, v].filter((x): x is KVal => !!x).sort((a, b) => a.line - b.line || a.column - b.column);
        const any = stars[0] ?? partial(r.apiGroups) ?? partial(r.resources) ?? partial(r.verbs);
        if (!any) continue;
        let severity: Severity;
        let what: string;
        const metrics = !g && r.apiGroups.length > 0 && r.apiGroups.every((x) => METRICS_GROUPS.has(x.v));
        if (metrics) {
          severity = 'low';
          const groups = r.apiGroups.map((x) => `\`${x.v}\``).join(', ');
          what = `${v ? 'every verb' : r.verbs.map((x) => `\`${x.v}\``).join(', ') || 'its verbs'} on ${res ? 'every resource' : r.resources.map((x) => `\`${x.v}\``).join(', ') || 'its resources'} of ${groups} (metrics, served read-only)`;
        } else if (!g && (v || res) && r.apiGroups.length > 0 && r.apiGroups.every((x) => isCustomGroup(x.v))) {
          // Confined to custom resources (an operator's own `config.gatekeeper.sh`, `monitoring.coreos.com`): the
          // holder manages those objects, not Secrets, Pods or RBAC; what they can escalate to is added below.
          // Aggregated into `admin`/`edit`/`view`: what the project's own resources add to the roles namespace users
          // are given, which is what such a role is for (low).
          severity = isCluster() && !role.aggregatesTo ? 'medium' : 'low';
          const groups = r.apiGroups.map((x) => `\`${x.v}\``).join(', ');
          what = `${v ? 'every verb' : r.verbs.map((x) => `\`${x.v}\``).join(', ') || 'its verbs'} on ${res ? 'every resource' : r.resources.map((x) => `\`${x.v}\``).join(', ') || 'its resources'} of ${groups} (custom resources${role.aggregatesTo ? `; aggregated into the built-in \`${role.aggregatesTo}\` role, so whoever holds \`${role.aggregatesTo}\` in a namespace gets it there` : ''})`;
        } else if (g && res && v) {
          severity = isCluster() ? 'critical' : 'high';
          what = `every verb on every resource of every API group${isCluster() ? ' — the same as `cluster-admin`' : ' in the namespace — the same as `admin` plus RBAC'}`;
        } else if (v || res) {
          severity = isCluster() ? 'high' : 'medium';
          what =
            v && res
              ? 'every verb on every resource'
              : v
                ? `every verb (\`*\`) on ${r.resources.map((x) => `\`${x.v}\``).join(', ') || 'its resources'}`
                : `${r.verbs.map((x) => `\`${x.v}\``).join(', ') || 'its verbs'} on every resource (\`*\`)`;
        } else {
          severity = isCluster() ? 'medium' : 'low';
          what = g ? 'resources of every API group (`apiGroups: ["*"]`)' : `a wildcard (\`${any.v}\`)`;
        }
        const fields = [g && 'apiGroups', res && 'resources', v && 'verbs'].filter(Boolean).join(', ');
        // What the wildcard lets the holder escalate to (never for `*` in all three: that is cluster-admin already).
        const hits = escalating.get(r.index) ?? [];
        let also = '';
        if (hits.length) {
          const top = isCluster() ? hits[0]!.op.cluster : hits[0]!.op.namespaced;
          if (RANK[top] > RANK[severity]) severity = top;
          also = ` — that includes ${hits.map((h) => h.op.what).join('; ')}`;
        }
        out.push({
          line: any.line,
          column: any.column,
          message: `${role.kind} \`${role.name}\` rule ${r.index + 1} grants ${what}${fields ? ` (\`*\` in ${fields})` : ''}${also}.${bound()}`,
          construct: `k8s-wildcard:${roleId(role)}:${r.index}`,
          sameAs: ruleKey(role, r),
          severity,
        });
      }
    }
    return out;
  },
};

export default rule;
