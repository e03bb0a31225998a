/**
 * What a Kubernetes role rule lets its holder escalate to (shared by `scopes/k8s-rbac-escalation`, which
 * reports it, and `scopes/k8s-rbac-wildcard`, which names it when a wildcard is what grants it).
 */
import type { Severity } from '../../../finding.js';
import { covers, coversResource, RBAC_GROUP, type KRole, type KRule, type KVal } from './k8s.js';

export interface Op {
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

export const OPS: Op[] = [
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
    id: 'services-status',
    groups: [''],
    resources: ['services/status'],
    verbs: ['update', 'patch'],
    what: '`update`/`patch` on `services/status` (set a LoadBalancer address and intercept traffic for that IP cluster-wide, CVE-2020-8554)',
    cluster: 'medium',
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

export const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/** The value that grants `op` in rule `r` (for the finding's position), or undefined. */
export function grants(r: KRule, op: Op): KVal | undefined {
  const group = op.groups.some((g) => covers(r.apiGroups, g)) || (r.apiGroups.length === 0 && op.groups.includes(''));
  if (!group) return undefined;
  if (!op.resources.some((res) => coversResource(r.resources, res))) return undefined;
  // `get` on `*` is a read-only wildcard (scopes/k8s-rbac-wildcard); the kubelet proxy needs naming.
  const explicit = op.resources.some((res) => r.resources.some((x) => x.v === res));
  const verbs = op.id === 'nodes-proxy' && !explicit ? ['create'] : op.verbs;
  return r.verbs.find((v) => v.v === '*' || verbs.includes(v.v));
}

export const allStar = (r: KRule): boolean => [r.apiGroups, r.resources, r.verbs].every((l) => l.some((x) => x.v === '*'));

export interface EscalationHit {
  op: Op;
  at: KVal;
}

/** The escalations of each rule of a role, by rule index (rules `*` in all three fields left out: cluster-admin). */
export function escalations(role: KRole): Map<number, EscalationHit[]> {
  const cluster = role.kind === 'ClusterRole';
  const found = new Map<number, EscalationHit[]>();
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
  for (const hits of found.values()) hits.sort((a, b) => RANK[cluster ? b.op.cluster : b.op.namespaced] - RANK[cluster ? a.op.cluster : a.op.namespaced]);
  return found;
}

/** Whether a rule has a wildcard (`*`, or `*` inside a value) in its API groups, resources or verbs: `scopes/k8s-rbac-wildcard` reports it. */
export const hasWildcard = (r: KRule): boolean => [r.apiGroups, r.resources, r.verbs].some((l) => l.some((x) => x.v.includes('*')));
