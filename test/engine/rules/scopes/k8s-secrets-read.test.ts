import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-secrets-read.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const role = (kind: string, rule: string) => y`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ${kind}
  metadata:
    name: app
    namespace: shop
  rules:
    - apiGroups: [""]
      resources: [configmaps]
      verbs: [get]
    ${rule}
`;

ruleTester(rule, {
  valid: [
    { code: role('Role', '- apiGroups: [""]\n      resources: [secrets]\n      resourceNames: [app-db]\n      verbs: [get]'), path: 'rbac.yaml' },
    { code: role('ClusterRole', '- apiGroups: [""]\n      resources: [pods]\n      verbs: [get, list, watch]'), path: 'rbac.yaml' },
    { code: role('ClusterRole', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [get, list]'), path: 'rbac.yaml', options: { allowRoles: ['app'] } },
    { code: role('Role', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [create]'), path: 'rbac.yaml', options: { reportWrites: false } },
  ],
  invalid: [
    { code: role('ClusterRole', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [get, list, watch]'), path: 'rbac.yaml', count: 1, line: 11 },
    { code: role('Role', '- apiGroups: ["*"]\n      resources: [pods, secrets]\n      verbs: ["*"]'), path: 'rbac.yaml', count: 1, line: 11 },
    { code: role('Role', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [create, delete]'), path: 'rbac.yaml', count: 1, line: 11 },
  ],
});

describe('scopes/k8s-secrets-read severity', () => {
  it('is high cluster-wide, medium in a namespace, low for writes only', () => {
    const sev = (kind: string, r: string) => runRule(rule, { code: role(kind, r), path: 'rbac.yaml' })[0]?.severity;
    expect(sev('ClusterRole', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [list]')).toBe('high');
    expect(sev('Role', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [get]')).toBe('medium');
    expect(sev('Role', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [update]')).toBe('low');
  });
});

describe('scopes/k8s-secrets-read: a role in a Terraform kubernetes_manifest', () => {
  const tf = (names: string) =>
    `resource "kubernetes_manifest" "app" {\n  manifest = yamldecode(<<-EOT\n    apiVersion: rbac.authorization.k8s.io/v1\n    kind: Role\n    metadata:\n      name: app\n      namespace: shop\n    rules:\n      - apiGroups: [""]\n        resources: [secrets]${names}\n        verbs: [get, list]\n  EOT\n  )\n}\n`;

  it('flags reading every Secret as for the same YAML, and not named Secrets', () => {
    expect(runRule(rule, { code: tf(''), path: 'app.tf' }).map((f) => [f.startLine, f.severity])).toEqual([[10, 'medium']]);
    expect(runRule(rule, { code: tf('\n        resourceNames: [app-db]'), path: 'app.tf' })).toEqual([]);
  });
});

describe('scopes/k8s-secrets-read: the fix fits the verbs', () => {
  it('does not tell a controller that lists or watches Secrets to name them (resourceNames cannot narrow a list)', () => {
    const [watcher] = runRule(rule, { code: role('ClusterRole', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [get, list, watch]'), path: 'rbac.yaml' });
    expect(watcher!.remediation).toMatch(/cannot be limited with `resourceNames`/);
    expect(watcher!.remediation).toMatch(/per namespace/);
    const [getter] = runRule(rule, { code: role('Role', '- apiGroups: [""]\n      resources: [secrets]\n      verbs: [get]'), path: 'rbac.yaml' });
    expect(getter!.remediation ?? rule.meta.remediation).toMatch(/resourceNames: \[<secret>\]/);
  });
});
