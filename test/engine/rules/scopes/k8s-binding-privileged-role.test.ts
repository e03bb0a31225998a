import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-binding-privileged-role.js';
import wildcardRule from '../../../../src/engine/rules/scopes/k8s-rbac-wildcard.js';
import secretsRule from '../../../../src/engine/rules/scopes/k8s-secrets-read.js';
import escalationRule from '../../../../src/engine/rules/scopes/k8s-rbac-escalation.js';
import { scanFiles, type ScannerOptions } from '../../../../src/engine/scan.js';
import { repoViewOf, structuralChange } from '../../../../src/engine/structural.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { TODAY } from '../../../helpers/rule-tester.js';
import type { Finding } from '../../../../src/engine/finding.js';

const options = (): ScannerOptions => {
  const policy = basePolicy();
  policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
  policy.rules[rule.meta.id] = { level: 'warn' };
  return { policy, rules: [rule], today: TODAY };
};

/**
 * The files that bind a role are scanned; the others are read only (a change that adds a binding to an
 * existing role). When the role's file is scanned too, the role's own finding names the binding: see
 * "one grant, one finding" below.
 */
function scan(files: Record<string, string>): Finding[] {
  const scanned = Object.entries(files).filter(([, text]) => /\broleRef:/.test(text));
  const context = new Map(Object.entries(files).filter(([, text]) => !/\broleRef:/.test(text)));
  return scanFiles(
    scanned.map(([path, text]) => ({ path, text })),
    { ...options(), repo: repoViewOf(context) },
  ).findings;
}

const clusterRole = (name: string, rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\nrules:\n${rules}`;
const role = (name: string, ns: string, rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nrules:\n${rules}`;
const binding = (kind: string, refKind: string, ref: string, ns?: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\n${ns ? `  namespace: ${ns}\n` : ''}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${refKind}\n  name: ${ref}\nsubjects:\n  - kind: ServiceAccount\n    name: app\n    namespace: apps\n`;
const WILD = '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n';
const NARROW = '  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get", "list"]\n';
const SECRETS = '  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list"]\n';

describe('scopes/k8s-binding-privileged-role', () => {
  it('flags a binding to a wildcard role defined in another file', () => {
    const found = scan({ 'k8s/role.yaml': clusterRole('wide', WILD), 'k8s/binding.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'wide') });
    expect(found.map((f) => `${f.path}:${f.startLine} ${f.severity}`)).toEqual(['k8s/binding.yaml:8 critical']);
    expect(found[0]!.message).toMatch(/ServiceAccount `apps\/app` the ClusterRole `wide` \(defined in k8s\/role.yaml\)/);
  });

  it('flags every kind of over-broad role: a wildcard in one field, Secrets read, escalation', () => {
    expect(scan({ 'a.yaml': clusterRole('r', '  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["*"]\n'), 'b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'r') })).toHaveLength(1);
    expect(scan({ 'a.yaml': clusterRole('r', '  - apiGroups: ["*"]\n    resources: ["pods"]\n    verbs: ["get"]\n'), 'b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'r') })).toHaveLength(1);
    expect(scan({ 'a.yaml': role('r', 'apps', SECRETS), 'b.yaml': binding('RoleBinding', 'Role', 'r', 'apps') })[0]!.message).toMatch(/read access to Secrets/);
    expect(
      scan({
        'a.yaml': clusterRole('r', '  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    verbs: ["bind"]\n'),
        'b.yaml': binding('RoleBinding', 'ClusterRole', 'r', 'apps'),
      }),
    ).toHaveLength(1);
    // JSON manifests and multi-document streams
    const json = JSON.stringify({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] });
    expect(scan({ 'a.json': json, 'b.yaml': `---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n---\n${binding('ClusterRoleBinding', 'ClusterRole', 'r')}` })).toHaveLength(1);
  });

  it('does not flag narrow roles, roles in the same file, unknown roles or other namespaces', () => {
    expect(scan({ 'a.yaml': clusterRole('r', NARROW), 'b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'r') })).toEqual([]);
    // the same file: the role rules report the role there
    expect(scan({ 'a.yaml': `${clusterRole('r', WILD)}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'r')}` })).toEqual([]);
    // a role nobody defines here (a built-in, or another repository's)
    expect(scan({ 'b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'view') })).toEqual([]);
    // a Role of another namespace is not the one a RoleBinding names
    expect(scan({ 'a.yaml': role('r', 'other', WILD), 'b.yaml': binding('RoleBinding', 'Role', 'r', 'apps') })).toEqual([]);
    // a Role is not a ClusterRole of the same name
    expect(scan({ 'a.yaml': role('r', 'apps', WILD), 'b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'r') })).toEqual([]);
    // secrets with resourceNames
    expect(
      scan({ 'a.yaml': role('r', 'apps', '  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["tls"]\n    verbs: ["get"]\n'), 'b.yaml': binding('RoleBinding', 'Role', 'r', 'apps') }),
    ).toEqual([]);
  });

  it('gives the same answer whatever order the files come in', () => {
    const files = { 'k8s/binding.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'wide'), 'k8s/role.yaml': clusterRole('wide', WILD) };
    expect(scan(files)).toHaveLength(1);
  });
});

describe('scopes/k8s-binding-privileged-role: the roles read are incomplete (a search cut short)', () => {
  const CUT = 'the search for Kubernetes roles stops at 100 files read, and 130 were candidates';
  /** `files` scanned against `context` (read, not judged), as a change's head is. */
  const scanWith = (files: Record<string, string>, context: Record<string, string>, incomplete: string | null = CUT) =>
    scanFiles(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { ...options(), repo: repoViewOf(new Map(Object.entries(context)), incomplete ?? undefined) },
    );

  it('lists a binding whose role is not among the roles read as not judged, naming the limit', () => {
    const r = scanWith({ 'k8s/binding.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'elsewhere') }, { 'k8s/role.yaml': clusterRole('wide', WILD) });
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([
      {
        path: 'k8s/binding.yaml',
        reason: 'limit',
        detail: `ClusterRoleBinding \`b\` binds the ClusterRole \`elsewhere\`, which is not among the roles read (${CUT}), so the binding was not judged`,
      },
    ]);
    // A RoleBinding to a Role found only in another namespace was not found either.
    expect(scanWith({ 'b.yaml': binding('RoleBinding', 'Role', 'r', 'apps') }, { 'a.yaml': role('r', 'other', NARROW) }).skipped).toHaveLength(1);
  });

  it('keeps what was judged: a file with a found binding and an unfound one has the finding and is listed once', () => {
    const two = `${binding('ClusterRoleBinding', 'ClusterRole', 'wide')}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'gone1').replace('name: b\n', 'name: c\n')}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'gone2').replace('name: b\n', 'name: d\n')}`;
    const r = scanWith({ 'k8s/bindings.yaml': two }, { 'k8s/role.yaml': clusterRole('wide', WILD) });
    expect(r.findings.map((f) => `${f.ruleId} ${f.path}:${f.startLine}`)).toEqual(['scopes/k8s-binding-privileged-role k8s/bindings.yaml:8']);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.detail).toMatch(/^ClusterRoleBinding `c` binds the ClusterRole `gone1`, .* \(and 1 more such in this file\)$/);
  });

  it('does not list bindings to a role that was found, is in the same file or is defined by every cluster; nor any when the search was complete', () => {
    const context = { 'k8s/role.yaml': clusterRole('narrow', NARROW) };
    expect(scanWith({ 'b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'narrow') }, context)).toMatchObject({ findings: [], skipped: [] });
    expect(scanWith({ 'b.yaml': `${clusterRole('own', WILD)}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'own')}` }, context).skipped).toEqual([]);
    for (const [kind, name] of [
      ['ClusterRole', 'view'],
      ['ClusterRole', 'edit'],
      ['ClusterRole', 'admin'],
      ['ClusterRole', 'cluster-admin'],
      ['ClusterRole', 'system:auth-delegator'],
      ['Role', 'system::leader-locking-kube-scheduler'],
    ])
      expect(scanWith({ 'b.yaml': binding('RoleBinding', kind!, name!, 'apps') }, context).skipped, name).toEqual([]);
    // A namespaced Role named like a default ClusterRole is the repository's own: looked for.
    expect(scanWith({ 'b.yaml': binding('RoleBinding', 'Role', 'view', 'apps') }, context).skipped).toHaveLength(1);
    // The search read every candidate: a role not found is not in the repository (a built-in, or another repository's).
    expect(scanWith({ 'b.yaml': binding('ClusterRoleBinding', 'ClusterRole', 'elsewhere') }, context, null)).toMatchObject({ findings: [], skipped: [] });
  });

  it('a change: a binding added or changed is listed, one the base had unchanged is not', () => {
    const o = options();
    const context = new Map([['k8s/role.yaml', clusterRole('wide', WILD)]]);
    const side = (files: Record<string, string>) => ({ files: new Map(Object.entries(files)), context, contextIncomplete: CUT });
    const path = 'k8s/binding.yaml';
    const old = binding('ClusterRoleBinding', 'ClusterRole', 'elsewhere');
    // Added.
    expect(structuralChange(o, side({ [path]: old }), side({})).skipped.map((s) => s.path)).toEqual([path]);
    // Unchanged (a comment added): the same binding against the same unread files is not new.
    expect(structuralChange(o, side({ [path]: `# owned by platform\n${old}` }), side({ [path]: old })).skipped).toEqual([]);
    // Its role changed, or a second binding joined it: listed.
    expect(structuralChange(o, side({ [path]: binding('ClusterRoleBinding', 'ClusterRole', 'other') }), side({ [path]: old })).skipped.map((s) => s.path)).toEqual([path]);
    const added = structuralChange(o, side({ [path]: `${old}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'other').replace('name: b\n', 'name: c\n')}` }), side({ [path]: old }));
    expect(added.skipped.map((s) => s.detail)).toEqual([expect.stringMatching(/^ClusterRoleBinding `c` binds the ClusterRole `other`,/)]);
    // A binding to a role that is found is judged as before (the finding, no listing).
    const wide = structuralChange(o, side({ [path]: binding('ClusterRoleBinding', 'ClusterRole', 'wide') }), side({}));
    expect(wide.findings.map((f) => f.ruleId)).toEqual(['scopes/k8s-binding-privileged-role']);
    expect(wide.skipped).toEqual([]);
  });
});

describe('scopes/k8s-binding-privileged-role: one grant, one finding', () => {
  const all = (files: Record<string, string>) => {
    const policy = basePolicy();
    policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
    const rules = [rule, wildcardRule, secretsRule, escalationRule];
    for (const r of rules) policy.rules[r.meta.id] = { level: 'warn' };
    return scanFiles(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { policy, rules, today: TODAY },
    ).findings;
  };

  it('reports a role and its binding in another file once, at the role, naming the binding and its subjects', () => {
    const found = all({ 'k8s/role.yaml': role('reader', 'apps', SECRETS), 'k8s/binding.yaml': binding('RoleBinding', 'Role', 'reader', 'apps') });
    expect(found.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['scopes/k8s-secrets-read k8s/role.yaml']);
    expect(found[0]!.message).toMatch(/every Secret in namespace `apps`.* Bound by RoleBinding `b` \(k8s\/binding\.yaml\) to ServiceAccount `apps\/app`\.$/);
  });

  it('names a binding of the same file without a path, and says nothing for an unbound role', () => {
    const [same] = all({ 'k8s/rbac.yaml': `${clusterRole('wide', WILD)}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'wide')}` });
    expect(same!.message).toMatch(/Bound by ClusterRoleBinding `b` to ServiceAccount `apps\/app`\.$/);
    const [alone] = all({ 'k8s/role.yaml': clusterRole('wide', WILD) });
    expect(alone!.message).not.toMatch(/Bound by/);
    // a Role of another namespace is not the one the RoleBinding names
    const [other] = all({ 'a.yaml': role('r', 'other', SECRETS), 'b.yaml': binding('RoleBinding', 'Role', 'r', 'apps') });
    expect(other!.message).not.toMatch(/Bound by/);
  });

  it('reports the binding itself when only its file is scanned (a change adding a binding to an existing role)', () => {
    const found = scan({ 'k8s/role.yaml': role('reader', 'apps', SECRETS), 'k8s/binding.yaml': binding('RoleBinding', 'Role', 'reader', 'apps') });
    expect(found.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['scopes/k8s-binding-privileged-role k8s/binding.yaml']);
    expect(found[0]!.message).toMatch(/defined in k8s\/role\.yaml\), which grants read access to Secrets/);
  });
});

describe('scopes/k8s-binding-privileged-role: bindings restated in bundles', () => {
  it('names a binding restated in several files once', () => {
    const policy = basePolicy();
    policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
    for (const r of [rule, secretsRule]) policy.rules[r.meta.id] = { level: 'warn' };
    const b = binding('RoleBinding', 'Role', 'reader', 'apps');
    const files = {
      'base/role.yaml': role('reader', 'apps', SECRETS),
      'base/binding.yaml': b,
      'install.yaml': `${b}---\n${binding('RoleBinding', 'Role', 'reader', 'apps').replace('name: app\n', 'name: other\n')}`,
    };
    const found = scanFiles(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { policy, rules: [rule, secretsRule], today: TODAY },
    ).findings;
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/Bound by RoleBinding `b` \(base\/binding\.yaml\) to ServiceAccount `apps\/app`; RoleBinding `b` \(install\.yaml\) to ServiceAccount `apps\/other`\.$/);
  });
});

describe('scopes/k8s-binding-privileged-role: roles and bindings in Terraform kubernetes_manifest', () => {
  const tfRole = (rules: string) =>
    `resource "kubernetes_manifest" "wide" {\n  manifest = {\n    apiVersion = "rbac.authorization.k8s.io/v1"\n    kind       = "ClusterRole"\n    metadata   = { name = "wide" }\n    rules      = [${rules}]\n  }\n}\n`;
  const tfBinding =
    'resource "kubernetes_manifest" "b" {\n  manifest = {\n    apiVersion = "rbac.authorization.k8s.io/v1"\n    kind       = "ClusterRoleBinding"\n    metadata   = { name = "b" }\n    roleRef    = { apiGroup = "rbac.authorization.k8s.io", kind = "ClusterRole", name = "wide" }\n    subjects   = [{ kind = "ServiceAccount", name = "app", namespace = "apps" }]\n  }\n}\n';

  function scanTf(files: Record<string, string>, bindingPath: string): Finding[] {
    const context = new Map(Object.entries(files).filter(([p]) => p !== bindingPath));
    return scanFiles([{ path: bindingPath, text: files[bindingPath]! }], { ...options(), repo: repoViewOf(context) }).findings;
  }

  it('judges a binding (HCL manifest) to a role defined by a kubernetes_manifest in another file', () => {
    const found = scanTf({ 'k8s/role.tf': tfRole('{ apiGroups = ["*"], resources = ["*"], verbs = ["*"] }'), 'k8s/binding.tf': tfBinding }, 'k8s/binding.tf');
    expect(found.map((f) => `${f.path}:${f.startLine} ${f.severity}`)).toEqual(['k8s/binding.tf:6 critical']);
    expect(found[0]!.message).toMatch(/the ClusterRole `wide` \(defined in k8s\/role\.tf\)/);
    expect(scanTf({ 'k8s/role.tf': tfRole('{ apiGroups = [""], resources = ["configmaps"], verbs = ["get"] }'), 'k8s/binding.tf': tfBinding }, 'k8s/binding.tf')).toEqual([]);
  });
});

describe('scopes/k8s-binding-privileged-role: many files', () => {
  it('reads each other manifest once per scan, however many files bind roles (release bundles: 44 files of 1.2 MB)', () => {
    const context = new Map<string, string>();
    for (let i = 0; i < 20; i++) context.set(`roles/r${i}.yaml`, clusterRole(`r${i}`, WILD));
    const view = repoViewOf(context);
    const reads = new Map<string, number>();
    const counting = { ...view, read: (p: string) => (reads.set(p, (reads.get(p) ?? 0) + 1), view.read(p)) };
    const bindings = Array.from({ length: 20 }, (_, i) => ({ path: `bind/b${i}.yaml`, text: binding('ClusterRoleBinding', 'ClusterRole', `r${i}`) }));
    const found = scanFiles(bindings, { ...options(), repo: counting }).findings;
    expect(found).toHaveLength(20);
    expect(Math.max(...[...reads.entries()].filter(([p]) => p.startsWith('roles/')).map(([, n]) => n))).toBe(1);
  });
});
