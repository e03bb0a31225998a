/**
 * Kubernetes roles that let the holder escalate its own privileges (CIS Kubernetes 5.1.8 and friends):
 *
 * - `escalate` on `roles` / `clusterroles` (write roles with more rights than the holder has), `bind`
 *   on roles or bindings (bind any role, `cluster-admin` included), `impersonate` on `users`, `groups`,
 *   `serviceaccounts`, `uids` or `userextras` (act as anyone) — critical in a ClusterRole, high in a Role;
 * - `create` on `pods/exec` / `pods/attach` (a shell in any pod, with its service account token),
 *   `create` or `get` on `nodes/proxy` (the kubelet API: exec on every pod of the node), `create` on
 *   `serviceaccounts/token` (mint tokens for any service account) — high (medium in a Role);
 * - `create`, `update` or `patch` on `mutatingwebhookconfigurations` / `validatingwebhookconfigurations`
 *   (intercept or rewrite every API request), and approving CertificateSigningRequests (`update` on
 *   `certificatesigningrequests/approval` together with `approve` on `signers`: issue client
 *   certificates for any user) — high.
 *
 * `*` verbs, resources and API groups count as every verb, resource and group; rules that are `*` in all
 * three are left to `scopes/k8s-rbac-wildcard` (they are cluster-admin). One finding per rule entry.
 *
 * ```yaml
 * rules:
 *   scopes/k8s-rbac-escalation:
 *     options:
 *       allowRoles: []   # globs of role names allowed these permissions, e.g. ["system:*", "kyverno:*"]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { K8S_ESCALATION } from './lib/cloud-controls.js';
import { appliesToK8s, covers, coversResource, K8S_KEYWORDS, k8sRbac, RBAC_GROUP, type KRule, type KVal } from './lib/k8s.js';
import { anyGlob, optList } from './lib/rule-options.js';

interface Op {
  id: string;
  groups: string[];
  resources: string[];
  verbs: string[];
  what: string;
  /** Severity in a ClusterRole / in a Role. */
  cluster: Severity;
  namespaced: Severity;
  /** Cluster-scoped resources: meaningless in a Role. */
  clusterOnly?: boolean;
}

const OPS: Op[] = [
  {
    id: 'escalate',
    groups: [RBAC_GROUP],
    resources: ['roles', 'clusterroles'],
    verbs: ['escalate'],
    what: '`escalate` on roles (create roles with more rights than it holds)',
    cluster: 'critical',
    namespaced: 'high',
  },
  {
    id: 'bind',
    groups: [RBAC_GROUP],
    resources: ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'],
    verbs: ['bind'],
    what: '`bind` (bind any role, `cluster-admin` included, to itself)',
    cluster: 'critical',
    namespaced: 'high',
  },
  {
    id: 'impersonate',
    groups: ['', 'authentication.k8s.io'],
    resources: ['users', 'groups', 'serviceaccounts', 'uids', 'userextras'],
    verbs: ['impersonate'],
    what: '`impersonate` (act as other users, groups or service accounts)',
    cluster: 'critical',
    namespaced: 'high',
  },
  {
    id: 'exec',
    groups: [''],
    resources: ['pods/exec', 'pods/attach'],
    verbs: ['create'],
    what: '`create` on `pods/exec` (a shell in any pod, with its service account token)',
    cluster: 'high',
    namespaced: 'medium',
  },
  {
    id: 'nodes-proxy',
    groups: [''],
    resources: ['nodes/proxy'],
    verbs: ['create', 'get'],
    what: '`nodes/proxy` (the kubelet API: run commands in every pod of a node)',
    cluster: 'high',
    namespaced: 'low',
  },
  {
    id: 'token',
    groups: [''],
    resources: ['serviceaccounts/token'],
    verbs: ['create'],
    what: '`create` on `serviceaccounts/token` (mint tokens for any service account)',
    cluster: 'high',
    namespaced: 'medium',
  },
  {
    id: 'webhooks',
    groups: ['admissionregistration.k8s.io'],
    resources: ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'],
    verbs: ['create', 'update', 'patch'],
    what: 'write access to admission webhooks (intercept and rewrite every API request)',
    cluster: 'high',
    namespaced: 'high',
    clusterOnly: true,
  },
];

const CSR_APPROVAL: Op = {
  id: 'csr-approval',
  groups: ['certificates.k8s.io'],
  resources: ['certificatesigningrequests/approval'],
  verbs: ['update', 'patch'],
  what: '',
  cluster: 'high',
  namespaced: 'high',
  clusterOnly: true,
};
const CSR_SIGNERS: Op = { id: 'csr-signers', groups: ['certificates.k8s.io'], resources: ['signers'], verbs: ['approve'], what: '', cluster: 'high', namespaced: 'high', clusterOnly: true };

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** The value that grants `op` in rule `r` (for the finding's position), or undefined. */
function grants(r: KRule, op: Op): KVal | undefined {
  const group = op.groups.some((g) => covers(r.apiGroups, g)) || (r.apiGroups.length === 0 && op.groups.includes(''));
  if (!group) return undefined;
  if (!op.resources.some((res) => coversResource(r.resources, res))) return undefined;
  // `get` on `*` is a read-only wildcard (scopes/k8s-rbac-wildcard); the kubelet proxy needs naming.
  const explicit = op.resources.some((res) => r.resources.some((x) => x.v === res));
  const verbs = op.id === 'nodes-proxy' && !explicit ? ['create'] : op.verbs;
  return r.verbs.find((v) => v.v === '*' || verbs.includes(v.v));
}

const allStar = (r: KRule): boolean => [r.apiGroups, r.resources, r.verbs].every((l) => l.some((x) => x.v === '*'));

const REMEDIATION: Record<string, string> = {
  escalate: 'remove `escalate` (and `*`) on roles',
  bind: 'remove `bind` (and `*`); if the subject must create bindings, list the roles it may bind with `resourceNames`',
  impersonate: 'remove `impersonate`, or limit it to named identities with `resourceNames`',
  exec: 'remove `create` on `pods/exec`/`pods/attach`; debug through a break-glass role',
  'nodes-proxy': 'remove `nodes/proxy`; read metrics through `nodes/metrics` or the metrics API',
  token: 'remove `create` on `serviceaccounts/token`, or limit it to named accounts with `resourceNames`',
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
  appliesTo: appliesToK8s,
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowRoles', []);
    const out: RawFinding[] = [];
    for (const role of k8sRbac(file.text, file.path).roles) {
      if (anyGlob(allow, role.name)) continue;
      const cluster = role.kind === 'ClusterRole';
      const found = new Map<number, Array<{ op: Op; at: KVal }>>();
      const add = (r: KRule, op: Op, at: KVal): void => {
        const list = found.get(r.index) ?? [];
        list.push({ op, at });
        found.set(r.index, list);
      };
      for (const r of role.rules) {
        if (allStar(r)) continue;
        for (const op of OPS) {
          if (op.clusterOnly && !cluster) continue;
          // Named objects only (`resourceNames`) is the least-privilege form of bind / impersonate.
          if (r.resourceNames.length && (op.id === 'bind' || op.id === 'impersonate' || op.id === 'token' || op.id === 'webhooks')) continue;
          const at = grants(r, op);
          if (at) add(r, op, at);
        }
      }
      if (cluster) {
        const approval = role.rules.map((r) => ({ r, at: allStar(r) ? undefined : grants(r, CSR_APPROVAL) })).find((x) => x.at);
        const signers = role.rules.map((r) => ({ r, at: allStar(r) ? undefined : grants(r, CSR_SIGNERS) })).find((x) => x.at);
        if (approval && signers)
          add(
            approval.r,
            { ...CSR_APPROVAL, id: 'csr', what: 'approval of CertificateSigningRequests (`certificatesigningrequests/approval` + `approve` on `signers`: client certificates for any user)' },
            approval.at!,
          );
      }
      for (const [index, hits] of found) {
        hits.sort((a, b) => RANK[cluster ? b.op.cluster : b.op.namespaced] - RANK[cluster ? a.op.cluster : a.op.namespaced]);
        const top = hits[0]!;
        const severity = cluster ? top.op.cluster : top.op.namespaced;
        const scope = cluster ? 'cluster-wide' : `in namespace \`${role.namespace ?? 'default'}\``;
        out.push({
          line: top.at.line,
          column: top.at.column,
          message: `${role.kind} \`${role.name}\` rule ${index + 1} allows ${hits.map((h) => h.op.what).join('; ')}, ${scope}.`,
          construct: `k8s-escalation:${role.kind}:${role.namespace ?? ''}:${role.name}:${index}`,
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
