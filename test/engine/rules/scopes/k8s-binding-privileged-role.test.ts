import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-binding-privileged-role.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { TODAY } from '../../../helpers/rule-tester.js';
import type { Finding } from '../../../../src/engine/finding.js';

function scan(files: Record<string, string>): Finding[] {
  const policy = basePolicy();
  policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
  policy.rules[rule.meta.id] = { level: 'warn' };
  return scanFiles(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { policy, rules: [rule], today: TODAY },
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
