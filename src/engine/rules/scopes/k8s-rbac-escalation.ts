/**
 * Kubernetes roles that let the holder escalate its own privileges (CIS Kubernetes 5.1.8 and friends):
 *
 * - `escalate` on `roles` / `clusterroles` (write roles with more rights than the holder has), `bind`
 *   on roles or bindings (bind any role, `cluster-admin` included), `impersonate` on `users`, `groups`,
 *   `serviceaccounts`, `uids` or `userextras` (act as anyone) — critical in a ClusterRole, high in a Role;
 * - `create` on `pods/exec` / `pods/attach` (a shell in any pod, with its service account token),
 *   `create` or `get` on `nodes/proxy` (the kubelet API: exec on every pod of the node), `create` on
 *   `serviceaccounts/token` (mint tokens for any service account) — high (medium in a Role); `update` or
 *   `patch` on `services/status` (set a LoadBalancer address and intercept the traffic to that IP,
 *   CVE-2020-8554) — medium;
 * - `create`, `update` or `patch` on `mutatingwebhookconfigurations` / `validatingwebhookconfigurations`
 *   (intercept or rewrite every API request), and approving CertificateSigningRequests (`update` on
 *   `certificatesigningrequests/approval` together with `approve` on `signers`: issue client
 *   certificates for any user) — high.
 *
 * `*` verbs, resources and API groups count as every verb, resource and group, but a rule with a wildcard
 * is left to `scopes/k8s-rbac-wildcard`, which names the escalation it grants (one finding per rule entry
 * across the two rules). The same role restated in several files (a generated `install.yaml` repeating
 * `base/`) is one finding, at the first file.
 *
 * ```yaml
 * rules:
 *   scopes/k8s-rbac-escalation:
 *     options:
 *       allowRoles: []   # globs of role names allowed these permissions, e.g. ["system:*", "kyverno:*"]
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { K8S_ESCALATION } from './lib/cloud-controls.js';
import { appliesToK8sRbac, bindingsOf, bindsK8sRole, boundByText, K8S_KEYWORDS, k8sRbac, ruleKey, roleId } from './lib/k8s.js';
import { escalations, hasWildcard } from './lib/k8s-escalation.js';
import { anyGlob, optList } from './lib/rule-options.js';

const REMEDIATION: Record<string, string> = {
  escalate: 'remove `escalate` (and `*`) on roles',
  bind: 'remove `bind` (and `*`); if the subject must create bindings, list the roles it may bind with `resourceNames`',
  impersonate: 'remove `impersonate`, or limit it to named identities with `resourceNames`',
  exec: 'remove `create` on `pods/exec`/`pods/attach`; debug through a break-glass role',
  'nodes-proxy': 'remove `nodes/proxy`; read metrics through `nodes/metrics` or the metrics API',
  token: 'remove `create` on `serviceaccounts/token`, or limit it to named accounts with `resourceNames`',
  'services-status': 'leave `services/status` to the load-balancer controller that owns it, and restrict external IPs with an admission policy (CVE-2020-8554)',
  webhooks: 'give webhook management to the one controller that owns its configuration, by `resourceNames`',
  csr: 'approve certificate requests through a dedicated controller limited by `resourceNames` to its signer',
};

const rule: Rule = {
  meta: {
    id: 'scopes/k8s-rbac-escalation',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'Kubernetes role allows privilege escalation: escalate, bind, impersonate, pods/exec, nodes/proxy, serviceaccounts/token, admission webhooks or CSR approval',
    controls: [...K8S_ESCALATION],
    remediation:
      'Remove the escalation verbs (`escalate`, `bind`, `impersonate`) and subresources (`pods/exec`, `nodes/proxy`, `serviceaccounts/token`) from the role, or limit them with `resourceNames` to the objects the workload manages.',
    options: {
      allowRoles: stringList('Globs of role names allowed these permissions, e.g. `["system:*", "kyverno:*"]`.'),
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
      const bound = (): string => (boundCache ??= boundByText(bindingsOf(role, file.path, file.text, ctx.repo), file.path));
      const cluster = role.kind === 'ClusterRole';
      for (const [index, hits] of escalations(role)) {
        const r = role.rules[index]!;
        // A wildcard that grants it is reported by scopes/k8s-rbac-wildcard, which names the escalation.
        if (hasWildcard(r)) continue;
        const top = hits[0]!;
        const severity = cluster ? top.op.cluster : top.op.namespaced;
        const scope = cluster ? 'cluster-wide' : `in namespace \`${role.namespace ?? 'default'}\``;
        out.push({
          line: top.at.line,
          column: top.at.column,
          message: `${role.kind} \`${role.name}\` rule ${index + 1} allows ${hits.map((h) => h.op.what).join('; ')}, ${scope}.${bound()}`,
          construct: `k8s-escalation:${roleId(role)}:${index}`,
          sameAs: ruleKey(role, r),
          severity,
          remediation: `${hits
            .map((h) => REMEDIATION[h.op.id] ?? '')
            .filter(Boolean)
            .join('; ')}.`.replace(/^./, (c) => c.toUpperCase()),
        });
      }
    }
    return out;
  },
};

export default rule;
