import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-rbac-escalation.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const role = (kind: string, rules: string) => y`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ${kind}
  metadata:
    name: ops
    namespace: shop
  rules:
    - apiGroups: [""]
      resources: [pods]
      verbs: [get, list]
    ${rules}
`;
const r = (groups: string, resources: string, verbs: string, extra = '') => `- apiGroups: [${groups}]\n      resources: [${resources}]\n      verbs: [${verbs}]${extra}`;

ruleTester(rule, {
  valid: [
    { code: role('ClusterRole', r('rbac.authorization.k8s.io', 'roles, rolebindings', 'get, list, create')), path: 'rbac.yaml' },
    { code: role('ClusterRole', r('""', 'nodes/proxy, pods/log', 'list')), path: 'rbac.yaml' },
    // bind limited to named roles is the least-privilege form
    { code: role('Role', r('rbac.authorization.k8s.io', 'roles', 'bind', '\n      resourceNames: [app-reader]')), path: 'rbac.yaml' },
    // admission webhooks are cluster-scoped: a Role cannot grant them
    { code: role('Role', r('admissionregistration.k8s.io', 'validatingwebhookconfigurations', 'update')), path: 'rbac.yaml' },
    // rules with a wildcard are scopes/k8s-rbac-wildcard's (it names the escalation): one finding per rule
    { code: role('ClusterRole', r('"*"', '"*"', '"*"')), path: 'rbac.yaml' },
    { code: role('Role', r('rbac.authorization.k8s.io', 'rolebindings, roles', '"*"')), path: 'rbac.yaml' },
    { code: role('ClusterRole', r('"*"', '"*"', 'delete, get, patch')), path: 'rbac.yaml' },
    { code: role('ClusterRole', r('rbac.authorization.k8s.io', 'clusterroles', 'escalate')), path: 'rbac.yaml', options: { allowRoles: ['ops'] } },
  ],
  invalid: [
    { code: role('ClusterRole', r('rbac.authorization.k8s.io', 'clusterroles', 'get, escalate')), path: 'rbac.yaml', count: 1, line: 12 },
    { code: role('Role', r('rbac.authorization.k8s.io', 'rolebindings, roles', 'bind')), path: 'rbac.yaml', count: 1, line: 12 },
    { code: role('ClusterRole', r('""', 'users, groups', 'impersonate')), path: 'rbac.yaml', count: 1, line: 12 },
    { code: role('Role', r('""', 'pods/exec', 'create')), path: 'rbac.yaml', count: 1, line: 12 },
    { code: role('ClusterRole', r('""', 'serviceaccounts/token', 'create')), path: 'rbac.yaml', count: 1, line: 12 },
    { code: role('ClusterRole', r('admissionregistration.k8s.io', 'mutatingwebhookconfigurations', 'create, list')), path: 'rbac.yaml', count: 1, line: 12 },
    {
      code: role('ClusterRole', `${r('certificates.k8s.io', 'certificatesigningrequests/approval', 'update')}\n    ${r('certificates.k8s.io', 'signers', 'approve')}`),
      path: 'rbac.yaml',
      count: 1,
      line: 12,
    },
  ],
});

describe('scopes/k8s-rbac-escalation severity', () => {
  it('is critical for cluster-wide escalate/bind/impersonate, medium for exec in a namespace', () => {
    const sev = (kind: string, rules: string) => runRule(rule, { code: role(kind, rules), path: 'rbac.yaml' })[0]?.severity;
    expect(sev('ClusterRole', r('rbac.authorization.k8s.io', 'clusterroles', 'bind, create'))).toBe('critical');
    expect(sev('Role', r('""', 'pods/exec', 'create'))).toBe('medium');
    expect(sev('ClusterRole', r('""', 'pods/exec', 'create'))).toBe('high');
  });
});

describe('scopes/k8s-rbac-escalation: services/status (CVE-2020-8554)', () => {
  const cr = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: lb\nrules:\n${rules}`;

  it('flags update/patch on services/status, medium', () => {
    const found = runRule(rule, { code: cr('  - apiGroups: [""]\n    resources: ["services/status"]\n    verbs: ["patch", "update"]\n'), path: 'rbac.yaml' });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([[8, 'medium']]);
    expect(found[0]!.message).toMatch(/services\/status.*CVE-2020-8554/);
  });

  it('does not flag reading services or their status', () => {
    expect(runRule(rule, { code: cr('  - apiGroups: [""]\n    resources: ["services", "services/status"]\n    verbs: ["get", "list", "watch"]\n'), path: 'rbac.yaml' })).toEqual([]);
  });
});

describe('scopes/k8s-rbac-escalation: a role in a Terraform kubernetes_manifest', () => {
  const tf = (verbs: string, extra = '') =>
    `resource "kubernetes_manifest" "ops" {\n  manifest = {\n    apiVersion = "rbac.authorization.k8s.io/v1"\n    kind       = "ClusterRole"\n    metadata   = { name = "ops" }\n    rules = [{\n      apiGroups = [""]\n      resources = ["users", "groups", "serviceaccounts"]\n      verbs     = [${verbs}]${extra}\n    }]\n  }\n}\n`;

  it('flags impersonate as for the same YAML, and not a role without it', () => {
    expect(runRule(rule, { code: tf('"impersonate"'), path: 'ops.tf' }).map((f) => [f.startLine, f.severity])).toEqual([[9, 'critical']]);
    expect(runRule(rule, { code: tf('"get", "list"'), path: 'ops.tf' })).toEqual([]);
  });
});
