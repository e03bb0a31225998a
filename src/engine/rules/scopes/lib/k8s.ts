/**
 * Kubernetes RBAC objects with positions: `Role`, `ClusterRole`, `RoleBinding`, `ClusterRoleBinding`
 * from YAML streams (`---`), JSON, and `kind: List` / `*List` wrappers (kubectl and kustomize output),
 * and the Terraform Kubernetes provider's `kubernetes_role`, `kubernetes_cluster_role`,
 * `kubernetes_role_binding`, `kubernetes_cluster_role_binding` (and their `_v1` names).
 * Documents that do not parse (Helm templates with `{{ }}`) are skipped one by one. Parsed once per file.
 */
import type { Severity } from '../../../finding.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../../parse/yaml.js';
import { attr, parseHcl, type HclBlock, type HclValue } from '../../../parse/hcl.js';
import type { RepoView } from '../../../rule.js';

export interface KVal {
  v: string;
  line: number;
  column: number;
}

export interface KRule {
  index: number;
  line: number;
  column: number;
  apiGroups: KVal[];
  resources: KVal[];
  verbs: KVal[];
  resourceNames: KVal[];
  nonResourceURLs: KVal[];
}

export interface KRole {
  kind: 'Role' | 'ClusterRole';
  name: string;
  namespace: string | undefined;
  line: number;
  rules: KRule[];
}

export interface KSubject {
  kind: string;
  name: string;
  namespace: string | undefined;
  line: number;
  column: number;
}

export interface KBinding {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace: string | undefined;
  line: number;
  roleRef: { kind: string; name: string; line: number; column: number } | undefined;
  subjects: KSubject[];
}

export const K8S_KEYWORDS: readonly string[] = ['rbac.authorization.k8s.io', 'kubernetes_role', 'kubernetes_cluster_role'];
/** Manifests (YAML, JSON): what the App's change mode searches for roles. */
export const appliesToK8s = (path: string): boolean => /\.(?:ya?ml|json)$/i.test(path);
/** What the RBAC rules read: manifests and Terraform (the Kubernetes provider's RBAC resources). */
export const appliesToK8sRbac = (path: string): boolean => /\.(?:ya?ml|json|tf)$/i.test(path);

/** Cheap test for a manifest that may define a `Role` or `ClusterRole`. */
export const DEFINES_K8S_ROLE = /\bkind["']?\s*:\s*["']?(?:Cluster)?Role["']?\s*(?:[,}\r\n]|$)/m;
/** … or a Terraform file that may (`resource "kubernetes_role"`, `"kubernetes_cluster_role_v1"`). */
const DEFINES_TF_ROLE = /\bresource\s+"kubernetes_(?:cluster_)?role(?:_v1)?"/;
export const definesK8sRole = (path: string, text: string): boolean => (/\.tf$/i.test(path) ? DEFINES_TF_ROLE.test(text) : DEFINES_K8S_ROLE.test(text));
/** Cheap test for a manifest that may bind a role (a `RoleBinding` / `ClusterRoleBinding`'s `roleRef`). */
export const BINDS_K8S_ROLE = /\broleRef["']?\s*:/;
const BINDS_TF_ROLE = /\bresource\s+"kubernetes_(?:cluster_)?role_binding(?:_v1)?"/;
export const bindsK8sRole = (path: string, text: string): boolean => (/\.tf$/i.test(path) ? BINDS_TF_ROLE.test(text) : BINDS_K8S_ROLE.test(text));

function vals(doc: YamlDoc, node: YamlNode | undefined): KVal[] {
  const items = doc.isSeq(node) ? doc.items(node) : node && !doc.isNull(node) ? [node] : [];
  const out: KVal[] = [];
  for (const i of items) {
    const s = doc.str(i);
    const p = doc.pos(i) ?? { line: 1, column: 1 };
    if (s !== undefined) out.push({ v: s, line: p.line, column: p.column });
  }
  return out;
}

let cache: { text: string; roles: KRole[]; bindings: KBinding[] } | undefined;

export function k8sRbac(text: string, path: string): { roles: KRole[]; bindings: KBinding[] } {
  if (cache?.text === text) return cache;
  const roles: KRole[] = [];
  const bindings: KBinding[] = [];
  if (/\.tf$/i.test(path)) {
    cache = { text, ...fromTerraform(text) };
    return cache;
  }
  const parsed = parseYaml(text, /\.json$/i.test(path) ? { uniqueKeys: false } : { tolerant: true, uniqueKeys: false, version: '1.1' });
  const visit = (doc: YamlDoc, obj: YamlNode | undefined, depth: number): void => {
    if (!obj || depth > 3) return;
    const kind = doc.str(doc.get(obj, 'kind'));
    if (!kind) return;
    if (/List$/.test(kind)) {
      for (const item of doc.items(doc.get(obj, 'items'))) visit(doc, item, depth + 1);
      return;
    }
    const name = doc.str(doc.get(obj, 'metadata', 'name')) ?? '';
    const namespace = doc.str(doc.get(obj, 'metadata', 'namespace'));
    const line = doc.pos(obj)?.line ?? 1;
    if (kind === 'Role' || kind === 'ClusterRole') {
      const rules: KRule[] = [];
      doc.items(doc.get(obj, 'rules')).forEach((r, index) => {
        const p = doc.pos(r) ?? { line, column: 1 };
        rules.push({
          index,
          line: p.line,
          column: p.column,
          apiGroups: vals(doc, doc.get(r, 'apiGroups')),
          resources: vals(doc, doc.get(r, 'resources')),
          verbs: vals(doc, doc.get(r, 'verbs')),
          resourceNames: vals(doc, doc.get(r, 'resourceNames')),
          nonResourceURLs: vals(doc, doc.get(r, 'nonResourceURLs')),
        });
      });
      roles.push({ kind, name, namespace, line, rules });
    } else if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
      const ref = doc.get(obj, 'roleRef');
      const refName = doc.get(ref, 'name');
      const rp = doc.pos(refName) ?? doc.pos(ref) ?? { line, column: 1 };
      const subjects: KSubject[] = doc.items(doc.get(obj, 'subjects')).map((s) => {
        const p = doc.pos(s) ?? { line, column: 1 };
        return { kind: doc.str(doc.get(s, 'kind')) ?? '', name: doc.str(doc.get(s, 'name')) ?? '', namespace: doc.str(doc.get(s, 'namespace')), line: p.line, column: p.column };
      });
      bindings.push({
        kind,
        name,
        namespace,
        line,
        roleRef: ref ? { kind: doc.str(doc.get(ref, 'kind')) ?? '', name: doc.str(refName) ?? '', line: rp.line, column: rp.column } : undefined,
        subjects,
      });
    }
  };
  for (const doc of parsed?.docs ?? []) visit(doc, doc.root, 0);
  cache = { text, roles, bindings };
  return cache;
}

// ---------------------------------------------------------------------------------------------------
// Terraform Kubernetes provider

const TF_ROLE: Record<string, 'Role' | 'ClusterRole'> = {
  kubernetes_role: 'Role',
  kubernetes_role_v1: 'Role',
  kubernetes_cluster_role: 'ClusterRole',
  kubernetes_cluster_role_v1: 'ClusterRole',
};
const TF_BINDING: Record<string, 'RoleBinding' | 'ClusterRoleBinding'> = {
  kubernetes_role_binding: 'RoleBinding',
  kubernetes_role_binding_v1: 'RoleBinding',
  kubernetes_cluster_role_binding: 'ClusterRoleBinding',
  kubernetes_cluster_role_binding_v1: 'ClusterRoleBinding',
};

/** A literal string attribute, or undefined (references and interpolations are unknown). */
function tfStr(b: HclBlock | undefined, name: string): string | undefined {
  const a = b && attr(b, name);
  return a?.value.kind === 'string' ? a.value.value : undefined;
}

/** A computed attribute as written (`var.namespace`, `${local.app}-sync`), or undefined. */
function tfText(b: HclBlock | undefined, name: string): string | undefined {
  const v = b && attr(b, name)?.value;
  return v?.kind === 'expr' ? v.text : v?.kind === 'template' ? v.value : undefined;
}

/** The literal strings of a list attribute; references and interpolations are left out (unknown). */
function tfVals(b: HclBlock, name: string): KVal[] {
  const a = attr(b, name);
  if (!a) return [];
  const items: HclValue[] = a.value.kind === 'tuple' ? a.value.items : [a.value];
  return items.flatMap((i) => (i.kind === 'string' ? [{ v: i.value, line: i.pos.line, column: i.pos.column }] : []));
}

function fromTerraform(text: string): { roles: KRole[]; bindings: KBinding[] } {
  const roles: KRole[] = [];
  const bindings: KBinding[] = [];
  const file = parseHcl(text);
  for (const block of file?.root.blocks ?? []) {
    if (block.type !== 'resource') continue;
    const type = block.labels[0] ?? '';
    const roleKind = TF_ROLE[type];
    const bindingKind = TF_BINDING[type];
    if (!roleKind && !bindingKind) continue;
    const meta = block.blocks.find((b) => b.type === 'metadata');
    // A name or namespace computed by Terraform is shown as written (`var.ns`), not as `default`.
    const name = tfStr(meta, 'name') ?? tfStr(meta, 'generate_name') ?? tfText(meta, 'name') ?? block.labels[1] ?? '';
    const namespace = tfStr(meta, 'namespace') ?? tfText(meta, 'namespace');
    const line = block.pos.line;
    if (roleKind) {
      const rules: KRule[] = block.blocks
        .filter((b) => b.type === 'rule')
        .map((r, index) => ({
          index,
          line: r.pos.line,
          column: r.pos.column,
          apiGroups: tfVals(r, 'api_groups'),
          resources: tfVals(r, 'resources'),
          verbs: tfVals(r, 'verbs'),
          resourceNames: tfVals(r, 'resource_names'),
          nonResourceURLs: tfVals(r, 'non_resource_urls'),
        }));
      roles.push({ kind: roleKind, name, namespace, line, rules });
    } else if (bindingKind) {
      const ref = block.blocks.find((b) => b.type === 'role_ref');
      const refName = ref && attr(ref, 'name');
      const subjects: KSubject[] = block.blocks
        .filter((b) => b.type === 'subject')
        .map((sb) => ({ kind: tfStr(sb, 'kind') ?? '', name: tfStr(sb, 'name') ?? '', namespace: tfStr(sb, 'namespace'), line: sb.pos.line, column: sb.pos.column }));
      bindings.push({
        kind: bindingKind,
        name,
        namespace,
        line,
        roleRef: ref ? { kind: tfStr(ref, 'kind') ?? '', name: tfStr(ref, 'name') ?? '', line: (refName ?? ref).pos.line, column: (refName ?? ref).pos.column } : undefined,
        subjects,
      });
    }
  }
  return { roles, bindings };
}

/**
 * A role every cluster defines itself, so a repository's manifests do not: the user-facing ClusterRoles
 * (`cluster-admin`, `admin`, `edit`, `view`) and the `system:`-prefixed roles of the control plane
 * (kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings).
 */
export const isDefaultK8sRole = (kind: string, name: string): boolean =>
  name.startsWith('system:') || (kind === 'ClusterRole' && (name === 'cluster-admin' || name === 'admin' || name === 'edit' || name === 'view'));

/** Whether a rule list (apiGroups, resources, verbs) covers `want`: `*` covers everything. */
export const covers = (list: readonly KVal[], want: string): boolean => list.some((x) => x.v === '*' || x.v === want);
/** `*` (or `*` + `/sub`) covering `resource/sub`. */
export function coversResource(list: readonly KVal[], want: string): boolean {
  return list.some((x) => x.v === '*' || x.v === want || (want.includes('/') && x.v === `*/${want.split('/')[1]}`));
}
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * What makes two role rules the same grant wherever they are written: the role's kind, namespace and name
 * and the rule's content (lists sorted), for `RawFinding.sameAs` — a generated bundle (`install.yaml`)
 * restating the roles of `base/` is reported once.
 */
export function ruleKey(role: KRole, r: KRule): string {
  const list = (l: readonly KVal[]): string => [...new Set(l.map((x) => x.v))].sort().join(',');
  return [role.kind, role.namespace ?? '', role.name, list(r.apiGroups), list(r.resources), list(r.verbs), list(r.resourceNames), list(r.nonResourceURLs)].join('\u0000');
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

/**
 * What makes a role over-broad, and how bad, or undefined: `*` in apiGroups, resources or verbs, read
 * access to Secrets without `resourceNames`, `escalate`/`bind` on RBAC objects, `impersonate`.
 */
export function judgeRole(role: KRole): { what: string; severity: Severity } | undefined {
  const cluster = role.kind === 'ClusterRole';
  let worst: { what: string; severity: Severity } | undefined;
  const consider = (what: string, severity: Severity): void => {
    if (!worst || RANK[severity] > RANK[worst.severity]) worst = { what, severity };
  };
  for (const r of role.rules) {
    const star = (l: typeof r.verbs): boolean => l.some((x) => x.v === '*');
    const fields = [star(r.apiGroups) && 'apiGroups', star(r.resources) && 'resources', star(r.verbs) && 'verbs'].filter(Boolean) as string[];
    if (fields.length === 3) consider('every verb on every resource (`*` in apiGroups, resources and verbs)', cluster ? 'critical' : 'high');
    else if (fields.length) consider(`\`*\` in ${fields.join(' and ')}`, star(r.verbs) || star(r.resources) ? (cluster ? 'high' : 'medium') : cluster ? 'medium' : 'low');
    const core = covers(r.apiGroups, '') || r.apiGroups.length === 0;
    if (core && coversResource(r.resources, 'secrets') && !r.resourceNames.length && r.verbs.some((v) => ['*', 'get', 'list', 'watch'].includes(v.v)))
      consider('read access to Secrets', cluster ? 'high' : 'medium');
    const rbac = covers(r.apiGroups, RBAC_GROUP);
    if (rbac && r.verbs.some((v) => v.v === 'escalate' || v.v === 'bind')) consider('`escalate`/`bind` on RBAC objects', cluster ? 'critical' : 'high');
    if (r.verbs.some((v) => v.v === 'impersonate')) consider('`impersonate`', cluster ? 'critical' : 'high');
  }
  return worst;
}

// ---------------------------------------------------------------------------------------------------
// Who a role is bound to

/** Whether a binding's `roleRef` names this role (a `Role` in the binding's namespace, a `ClusterRole` by name). */
export const bindsRole = (b: KBinding, role: KRole): boolean =>
  !!b.roleRef && b.roleRef.kind === role.kind && b.roleRef.name === role.name && (role.kind === 'ClusterRole' || !b.namespace || !role.namespace || role.namespace === b.namespace);

const bindingIndex = new WeakMap<RepoView, Array<{ path: string; binding: KBinding }>>();

/**
 * The bindings of a role: in its own file, and — for a cross-file rule — in the other files of the
 * repository view (indexed once per view).
 */
export function bindingsOf(role: KRole, path: string, text: string, repo: RepoView | undefined): Array<{ path: string; binding: KBinding }> {
  const here = k8sRbac(text, path)
    .bindings.filter((b) => bindsRole(b, role))
    .map((binding) => ({ path, binding }));
  if (!repo) return here;
  let all = bindingIndex.get(repo);
  if (!all) {
    all = [];
    for (const p of repo.paths()) {
      if (!appliesToK8sRbac(p)) continue;
      const t = repo.read(p);
      if (!t || !bindsK8sRole(p, t)) continue;
      for (const binding of k8sRbac(t, p).bindings) all.push({ path: p, binding });
    }
    bindingIndex.set(repo, all);
  }
  // A binding restated in generated bundles (`install.yaml`) is one binding: the first copy is named.
  const seen = new Set<string>();
  return [...here, ...all.filter((x) => x.path !== path && bindsRole(x.binding, role))].filter(({ binding: b }) => {
    const key = [b.kind, b.namespace ?? '', b.name, ...b.subjects.map((s) => `${s.kind}:${s.namespace ?? ''}:${s.name}`).sort()].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** ` Bound by RoleBinding `x` (other/file.yaml) to ServiceAccount `ns/app`.` — or nothing for an unbound role. */
export function boundByText(found: ReadonlyArray<{ path: string; binding: KBinding }>, here: string): string {
  if (!found.length) return '';
  const subjects = (b: KBinding): string =>
    b.subjects.length
      ? b.subjects
          .slice(0, 2)
          .map((s) => `${s.kind} \`${s.namespace ? `${s.namespace}/` : ''}${s.name}\``)
          .join(', ') + (b.subjects.length > 2 ? ' …' : '')
      : 'no subject';
  const shown = found.slice(0, 2).map(({ path, binding: b }) => `${b.kind} \`${b.name}\`${path === here ? '' : ` (${path})`} to ${subjects(b)}`);
  return ` Bound by ${shown.join('; ')}${found.length > 2 ? ` and ${found.length - 2} more` : ''}.`;
}
