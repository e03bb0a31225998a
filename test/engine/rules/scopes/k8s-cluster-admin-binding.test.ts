import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-cluster-admin-binding.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const binding = (kind: string, role: string, subject: string, ns = '') => y`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ${kind}
  metadata:
    name: grant
    ${ns}
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: ${role}
  subjects:
    ${subject}
`;
const sa = (name: string, ns = 'ops') => `- kind: ServiceAccount\n      name: ${name}\n      namespace: ${ns}`;
const group = (name: string) => `- kind: Group\n      name: ${name}\n      apiGroup: rbac.authorization.k8s.io`;

ruleTester(rule, {
  valid: [
    { code: binding('ClusterRoleBinding', 'view', sa('dashboard')), path: 'rbac.yaml' },
    { code: binding('RoleBinding', 'edit', sa('deployer'), 'namespace: shop'), path: 'rbac.yaml' },
    { code: binding('ClusterRoleBinding', 'cluster-admin', sa('argocd-application-controller', 'argocd')), path: 'rbac.yaml', options: { allowSubjects: ['ServiceAccount:argocd:*'] } },
  ],
  invalid: [
    { code: binding('ClusterRoleBinding', 'cluster-admin', sa('tiller', 'kube-system')), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('ClusterRoleBinding', 'cluster-admin', group('system:authenticated')), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('RoleBinding', 'cluster-admin', sa('default', 'shop'), 'namespace: shop'), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('ClusterRoleBinding', 'edit', sa('ci')), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('ClusterRoleBinding', 'view', group('system:unauthenticated')), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('RoleBinding', 'app-reader', sa('default', 'shop'), 'namespace: shop'), path: 'rbac.yaml', count: 1, line: 9 },
  ],
});

describe('scopes/k8s-cluster-admin-binding severity', () => {
  it('is critical for broad groups and default service accounts, high otherwise', () => {
    const sev = (code: string) => runRule(rule, { code, path: 'rbac.yaml' })[0]?.severity;
    expect(sev(binding('ClusterRoleBinding', 'cluster-admin', group('system:authenticated')))).toBe('critical');
    expect(sev(binding('ClusterRoleBinding', 'cluster-admin', sa('default')))).toBe('critical');
    expect(sev(binding('ClusterRoleBinding', 'cluster-admin', sa('tiller')))).toBe('high');
    expect(sev(binding('RoleBinding', 'cluster-admin', sa('tiller'), 'namespace: ops'))).toBe('medium');
    expect(sev(binding('ClusterRoleBinding', 'edit', sa('ci')))).toBe('medium');
    expect(sev(binding('RoleBinding', 'app-reader', sa('default'), 'namespace: ops'))).toBe('medium');
    expect(sev(binding('ClusterRoleBinding', 'system:discovery', group('system:authenticated')))).toBeUndefined();
  });
});
