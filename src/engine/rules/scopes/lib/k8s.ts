/**
 * Kubernetes RBAC objects with positions: `Role`, `ClusterRole`, `RoleBinding`, `ClusterRoleBinding`
 * from YAML streams (`---`), JSON, and `kind: List` / `*List` wrappers (kubectl and kustomize output),
 * and the Terraform Kubernetes provider's `kubernetes_role`, `kubernetes_cluster_role`,
 * `kubernetes_role_binding`, `kubernetes_cluster_role_binding` (and their `_v1` names), and manifests
 * written inline in Terraform (`kubernetes_manifest`'s `manifest`, `kubectl_manifest`'s `yaml_body`), read
 * by the same reader as the YAML. Documents that do not parse (Helm templates with `{{ }}`) are skipped one by one. Parsed once per file.
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
  /**
   * The built-in user-facing role this ClusterRole is aggregated into (`rbac.authorization.k8s.io/aggregate-to-admin:
   * "true"`, `-edit`, `-view`): what a project adds to `admin`/`edit`/`view` for its own resources.
   */
  aggregatesTo?: 'admin' | 'edit' | 'view';
  /**
   * A Terraform resource's address (`kubernetes_cluster_role_v1.reader`): each resource is an object of its
   * own in the state, so two that share a metadata name (`kubernetes_role` and `kubernetes_role_v1`) are
   * two findings, not one grant restated.
   */
  address?: string;
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
/** … or holds a manifest (`kubernetes_manifest`, `kubectl_manifest`) whose `kind` may be one, in HCL or YAML. */
const TF_MANIFEST_RESOURCE = /\bresource\s+"(?:kubernetes|kubectl)_manifest"/;
const DEFINES_TF_MANIFEST_ROLE = /\bkind["']?\s*[:=]\s*["']?(?:Cluster)?Role["']?\s*(?:[,}\r\n]|$)/m;
export const definesK8sRole = (path: string, text: string): boolean =>
  /\.tf$/i.test(path) ? DEFINES_TF_ROLE.test(text) || (TF_MANIFEST_RESOURCE.test(text) && DEFINES_TF_MANIFEST_ROLE.test(text)) : DEFINES_K8S_ROLE.test(text);
/** Cheap test for a manifest that may bind a role (a `RoleBinding` / `ClusterRoleBinding`'s `roleRef`). */
export const BINDS_K8S_ROLE = /\broleRef["']?\s*:/;
const BINDS_TF_ROLE = /\bresource\s+"kubernetes_(?:cluster_)?role_binding(?:_v1)?"/;
const BINDS_TF_MANIFEST_ROLE = /\broleRef["']?\s*[:=]/;
export const bindsK8sRole = (path: string, text: string): boolean =>
  /\.tf$/i.test(path) ? BINDS_TF_ROLE.test(text) || (TF_MANIFEST_RESOURCE.test(text) && BINDS_TF_MANIFEST_ROLE.test(text)) : BINDS_K8S_ROLE.test(text);

/**
 * The few reads the RBAC reader makes of a manifest, over a YAML document or an HCL object value
 * (a Terraform `kubernetes_manifest`'s `manifest = { kind = "ClusterRole" … }`): one reader for both.
 */
interface Tree<N> {
  get(node: N | undefined, ...path: string[]): N | undefined;
  str(node: N | undefined): string | undefined;
  items(node: N | undefined): N[];
  isSeq(node: N | undefined): boolean;
  isNull(node: N | undefined): boolean;
  pos(node: N | undefined): { line: number; column: number } | undefined;
}

/** A YAML document's reads; `lines` moves its positions (YAML embedded in a Terraform file, from its first line). */
const yamlTree = (doc: YamlDoc, lines = 0): Tree<YamlNode> => ({
  get: (n, ...path) => doc.get(n, ...path),
  str: (n) => doc.str(n),
  items: (n) => doc.items(n),
  isSeq: (n) => doc.isSeq(n),
  isNull: (n) => doc.isNull(n),
  pos: (n) => {
    const p = doc.pos(n);
    return p && lines ? { line: p.line + lines, column: p.column } : p;
  },
});

/** An HCL object key as written, quotes or not (`kind`, `"apiGroups"`). */
const hclKey = (k: string): string => k.replace(/^"(.*)"$/, '$1');

const hclTree: Tree<HclValue> = {
  get(n, ...path) {
    let cur = n;
    for (const seg of path) cur = cur?.kind === 'object' ? cur.entries.find((e) => hclKey(e.key) === seg)?.value : undefined;
    return cur;
  },
  // A string with `${…}` is kept as written: a name shows as `${var.app}-reader`, and no verb or resource is `*` by it.
  str: (n) => (n?.kind === 'string' || n?.kind === 'template' ? n.value : undefined),
  items: (n) => (n?.kind === 'tuple' ? n.items : []),
  isSeq: (n) => n?.kind === 'tuple',
  isNull: (n) => !n || n.kind === 'null',
  pos: (n) => n?.pos,
};

function vals<N>(t: Tree<N>, node: N | undefined): KVal[] {
  const items = t.isSeq(node) ? t.items(node) : node && !t.isNull(node) ? [node] : [];
  const out: KVal[] = [];
  for (const i of items) {
    const s = t.str(i);
    const p = t.pos(i) ?? { line: 1, column: 1 };
    if (s !== undefined) out.push({ v: s, line: p.line, column: p.column });
  }
  return out;
}

/** The RBAC objects of one manifest (and of the items of a `kind: List`), into `roles` and `bindings`. */
function readManifest<N>(t: Tree<N>, obj: N | undefined, depth: number, roles: KRole[], bindings: KBinding[]): void {
  if (!obj || depth > 3) return;
  const kind = t.str(t.get(obj, 'kind'));
  if (!kind) return;
  if (/List$/.test(kind)) {
    for (const item of t.items(t.get(obj, 'items'))) readManifest(t, item, depth + 1, roles, bindings);
    return;
  }
  const name = t.str(t.get(obj, 'metadata', 'name')) ?? '';
  const namespace = t.str(t.get(obj, 'metadata', 'namespace'));
  const line = t.pos(obj)?.line ?? 1;
  if (kind === 'Role' || kind === 'ClusterRole') {
    const rules: KRule[] = [];
    t.items(t.get(obj, 'rules')).forEach((r, index) => {
      const p = t.pos(r) ?? { line, column: 1 };
      rules.push({
        index,
        line: p.line,
        column: p.column,
        apiGroups: vals(t, t.get(r, 'apiGroups')),
        resources: vals(t, t.get(r, 'resources')),
        verbs: vals(t, t.get(r, 'verbs')),
        resourceNames: vals(t, t.get(r, 'resourceNames')),
        nonResourceURLs: vals(t, t.get(r, 'nonResourceURLs')),
      });
    });
    const aggregate = (['admin', 'edit', 'view'] as const).find((to) => t.str(t.get(obj, 'metadata', 'labels', `rbac.authorization.k8s.io/aggregate-to-${to}`)) === 'true');
    roles.push({ kind, name, namespace, line, rules, ...(aggregate && kind === 'ClusterRole' ? { aggregatesTo: aggregate } : {}) });
  } else if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const ref = t.get(obj, 'roleRef');
    const refName = t.get(ref, 'name');
    const rp = t.pos(refName) ?? t.pos(ref) ?? { line, column: 1 };
    const subjects: KSubject[] = t.items(t.get(obj, 'subjects')).map((s) => {
      const p = t.pos(s) ?? { line, column: 1 };
      return { kind: t.str(t.get(s, 'kind')) ?? '', name: t.str(t.get(s, 'name')) ?? '', namespace: t.str(t.get(s, 'namespace')), line: p.line, column: p.column };
    });
    bindings.push({
      kind,
      name,
      namespace,
      line,
      roleRef: ref ? { kind: t.str(t.get(ref, 'kind')) ?? '', name: t.str(refName) ?? '', line: rp.line, column: rp.column } : undefined,
      subjects,
    });
  }
}

/** Every manifest of a YAML stream or JSON text, into `roles` and `bindings`. */
function fromYaml(text: string, json: boolean, roles: KRole[], bindings: KBinding[], lines = 0): void {
  const parsed = parseYaml(text, json ? { uniqueKeys: false } : { tolerant: true, uniqueKeys: false, version: '1.1' });
  for (const doc of parsed?.docs ?? []) readManifest(yamlTree(doc, lines), doc.root, 0, roles, bindings);
}

/**
 * The roles and bindings read from each file, by path: the cross-file rules read every other manifest for
 * each file they judge, and one parse per file is what keeps that linear (44 release bundles of 1.2 MB
 * took 5.5 minutes when only the last file was remembered). Bounded; an entry holds only what was read
 * (names, rules, subjects), the text it was read from being the repository view's.
 */
const cache = new Map<string, { text: string; roles: KRole[]; bindings: KBinding[] }>();
const CACHE_ENTRIES = 4096;
/** The texts the entries were read from stay referenced (to compare): at most this many characters in all. */
const CACHE_CHARS = 64 * 1024 * 1024;
let cachedChars = 0;

export function k8sRbac(text: string, path: string): { roles: KRole[]; bindings: KBinding[] } {
  const hit = cache.get(path);
  if (hit?.text === text) return hit;
  const roles: KRole[] = [];
  const bindings: KBinding[] = [];
  if (/\.tf$/i.test(path)) fromTerraform(text, roles, bindings);
  else fromYaml(text, /\.json$/i.test(path), roles, bindings);
  if (cache.size >= CACHE_ENTRIES || cachedChars + text.length > CACHE_CHARS) {
    cache.clear();
    cachedChars = 0;
  }
  const entry = { text, roles, bindings };
  const old = cache.get(path);
  if (old) cachedChars -= old.text.length;
  cache.set(path, entry);
  cachedChars += text.length;
  return entry;
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

/**
 * Resources that hold a whole manifest, and the attribute that holds it: the Kubernetes provider's
 * `kubernetes_manifest` (`manifest = { kind = "ClusterRole" … }` or `yamldecode(<<EOT … EOT)`) and the
 * kubectl providers' `kubectl_manifest` (`yaml_body = <<YAML … YAML` or `yamlencode({ … })`).
 */
const TF_MANIFEST: Record<string, string> = { kubernetes_manifest: 'manifest', kubectl_manifest: 'yaml_body' };

/**
 * A manifest written inline in Terraform, read as the same manifest in a YAML file would be: an HCL
 * object (as is or through `yamlencode` / `jsonencode`), or YAML in a string or heredoc (`yamldecode(…)`,
 * or `yaml_body` as is). A manifest read from another file (`yamldecode(file("role.yaml"))`) is judged
 * in that file; references (`each.value`) are unknown.
 */
function fromTfManifest(v: HclValue, fileLines: () => string[], roles: KRole[], bindings: KBinding[]): void {
  // `yaml_body = yamlencode({ kind = "ClusterRoleBinding" … })` is the HCL object again.
  if (v.kind === 'call' && (v.name === 'yamlencode' || v.name === 'jsonencode') && v.args[0]?.kind === 'object') v = v.args[0]!;
  if (v.kind === 'object') {
    readManifest(hclTree, v, 0, roles, bindings);
    return;
  }
  if (v.kind === 'call' && v.name === 'yamldecode' && v.args.length === 1) v = v.args[0]!;
  if (v.kind !== 'string' && v.kind !== 'template') return;
  // A heredoc is read from the file as written (the parsed value loses its first line's indentation,
  // which `<<-` YAML needs); its positions are moved to the file's lines.
  const lines = fileLines();
  const heredoc = lines[v.pos.line - 1]?.slice(v.pos.column - 1).startsWith('<<');
  if (heredoc) fromYaml(lines.slice(v.pos.line, v.endLine - 1).join('\n'), false, roles, bindings, v.pos.line);
  else fromYaml(v.value, false, roles, bindings, v.pos.line - 1);
}

function fromTerraform(text: string, roles: KRole[], bindings: KBinding[]): void {
  const file = parseHcl(text);
  let split: string[] | undefined;
  const fileLines = (): string[] => (split ??= text.split('\n'));
  for (const block of file?.root.blocks ?? []) {
    if (block.type !== 'resource') continue;
    const type = block.labels[0] ?? '';
    const manifest = TF_MANIFEST[type];
    if (manifest) {
      const a = attr(block, manifest);
      if (a) fromTfManifest(a.value, fileLines, roles, bindings);
      continue;
    }
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
      roles.push({ kind: roleKind, name, namespace, line, rules, address: `${type}.${block.labels[1] ?? ''}` });
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
}

/**
 * A role every cluster defines itself, so a repository's manifests do not: the user-facing ClusterRoles
 * (`cluster-admin`, `admin`, `edit`, `view`) and the `system:`-prefixed roles of the control plane
 * (kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings).
 */
export const isDefaultK8sRole = (kind: string, name: string): boolean =>
  name.startsWith('system:') || (kind === 'ClusterRole' && (name === 'cluster-admin' || name === 'admin' || name === 'edit' || name === 'view'));

/** A role as a finding's construct names it: kind, namespace, name, and a Terraform resource's address. */
export const roleId = (role: KRole): string => `${role.kind}:${role.namespace ?? ''}:${role.name}${role.address ? `:${role.address}` : ''}`;

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
  return [role.kind, role.namespace ?? '', role.name, role.address ?? '', list(r.apiGroups), list(r.resources), list(r.verbs), list(r.resourceNames), list(r.nonResourceURLs)].join('\u0000');
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

/**
 * What every manifest of a repository view holds of one kind (roles, bindings), with its file: read once
 * per view, for every file a cross-file rule judges.
 */
function indexed<T>(
  index: WeakMap<RepoView, Array<{ path: string; item: T }>>,
  repo: RepoView,
  holds: (path: string, text: string) => boolean,
  pick: (rbac: { roles: KRole[]; bindings: KBinding[] }) => T[],
): ReadonlyArray<{ path: string; item: T }> {
  let all = index.get(repo);
  if (!all) {
    all = [];
    for (const p of repo.paths()) {
      if (!appliesToK8sRbac(p)) continue;
      const t = repo.read(p);
      if (!t || !holds(p, t)) continue;
      for (const item of pick(k8sRbac(t, p))) all.push({ path: p, item });
    }
    index.set(repo, all);
  }
  return all;
}
const bindingIndex = new WeakMap<RepoView, Array<{ path: string; item: KBinding }>>();
const roleIndex = new WeakMap<RepoView, Array<{ path: string; item: KRole }>>();

/** Every role defined in the repository view's manifests, with its file. */
export function rolesInRepo(repo: RepoView): ReadonlyArray<{ path: string; item: KRole }> {
  return indexed(roleIndex, repo, definesK8sRole, (r) => r.roles);
}

/**
 * The bindings of a role: in its own file, and — for a cross-file rule — in the other files of the
 * repository view (indexed once per view).
 */
export function bindingsOf(role: KRole, path: string, text: string, repo: RepoView | undefined): Array<{ path: string; binding: KBinding }> {
  const here = k8sRbac(text, path)
    .bindings.filter((b) => bindsRole(b, role))
    .map((binding) => ({ path, binding }));
  if (!repo) return here;
  const all = indexed(bindingIndex, repo, bindsK8sRole, (r) => r.bindings);
  // A binding restated in generated bundles (`install.yaml`) is one binding: the first copy is named.
  const seen = new Set<string>();
  const there = all.filter((x) => x.path !== path && bindsRole(x.item, role)).map((x) => ({ path: x.path, binding: x.item }));
  return [...here, ...there].filter(({ binding: b }) => {
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
