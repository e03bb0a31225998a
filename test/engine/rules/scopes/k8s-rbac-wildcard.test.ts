import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-rbac-wildcard.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const manifests = y`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: ops
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: ops-everything
  rules:
    - apiGroups: ["*"]
      resources: ["*"]
      verbs: ["*"]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: deployer
    namespace: shop
  rules:
    - apiGroups: [apps]
      resources: [deployments]
      verbs: [get, list, patch]
    - apiGroups: [""]
      resources: [configmaps]
      verbs: ["*"]
`;

ruleTester(rule, {
  valid: [
    {
      code: y`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: reader, namespace: shop }
        rules:
          - apiGroups: [""]
            resources: [pods, pods/log]
            verbs: [get, list, watch]
      `,
      path: 'k8s/role.yaml',
    },
    { code: manifests, path: 'k8s/rbac.yaml', options: { allowRoles: ['ops-*', 'deployer'] } },
    // a Deployment that happens to mention RBAC is not a role
    { code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: rbac-manager\n  annotations:\n    docs: rbac.authorization.k8s.io\nspec: {}\n', path: 'k8s/deploy.yaml' },
  ],
  invalid: [
    { code: manifests, path: 'k8s/rbac.yaml', count: 2, line: 11 },
    {
      code: JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'List',
          items: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'x' }, rules: [{ apiGroups: ['*'], resources: ['pods'], verbs: ['get'] }] }],
        },
        null,
        2,
      ),
      path: 'out/rbac.json',
      count: 1,
      line: 14,
    },
  ],
});

describe('scopes/k8s-rbac-wildcard severity', () => {
  it('is critical for a cluster-wide *,*,* and medium for * verbs in a Role', () => {
    const found = runRule(rule, { code: manifests, path: 'k8s/rbac.yaml' });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([
      [11, 'critical'],
      [26, 'medium'],
    ]);
    expect(found[0]!.message).toMatch(/cluster-admin/);
  });
});
