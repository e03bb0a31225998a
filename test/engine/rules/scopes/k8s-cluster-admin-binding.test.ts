import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-cluster-admin-binding.js';
import privilegedRole from '../../../../src/engine/rules/scopes/k8s-binding-privileged-role.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { TODAY } from '../../../helpers/rule-tester.js';
import { repoViewOf } from '../../../../src/engine/structural.js';
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
const user = (name: string) => `- kind: User\n      name: ${name}\n      apiGroup: rbac.authorization.k8s.io`;
const role = (name: string, rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\nrules:\n${rules}`;
const WILD = '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n';
const NARROW = '  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get"]\n';

ruleTester(rule, {
  valid: [
    { code: binding('ClusterRoleBinding', 'view', sa('dashboard')), path: 'rbac.yaml' },
    { code: binding('RoleBinding', 'edit', sa('deployer'), 'namespace: shop'), path: 'rbac.yaml' },
    { code: binding('ClusterRoleBinding', 'cluster-admin', sa('argocd-application-controller', 'argocd')), path: 'rbac.yaml', options: { allowSubjects: ['ServiceAccount:argocd:*'] } },
    // a service account of its own, a narrow role: what CIS 5.1.5 asks for
    { code: binding('RoleBinding', 'app-reader', sa('app', 'shop'), 'namespace: shop'), path: 'rbac.yaml' },
    // an account whose name merely contains "default"
    { code: binding('RoleBinding', 'app-reader', sa('default-reader', 'shop'), 'namespace: shop'), path: 'rbac.yaml' },
    { code: binding('RoleBinding', 'app-reader', user('system:serviceaccount:shop:defaults'), 'namespace: shop'), path: 'rbac.yaml' },
    // a user called default is a person's account, not the namespace's service account
    { code: binding('RoleBinding', 'app-reader', user('default'), 'namespace: shop'), path: 'rbac.yaml' },
    // bootstrap roles the control plane binds itself
    { code: binding('ClusterRoleBinding', 'system:auth-delegator', sa('default', 'kube-system')), path: 'rbac.yaml' },
    // allowed by policy
    { code: binding('RoleBinding', 'app-reader', sa('default', 'shop'), 'namespace: shop'), path: 'rbac.yaml', options: { allowSubjects: ['ServiceAccount:shop:default'] } },
    // Helm templates that do not parse are skipped
    { code: binding('RoleBinding', 'app-reader', sa('{{ .Values.sa }}', 'shop'), 'namespace: {{ .Release.Namespace }}'), path: 'templates/rbac.yaml' },
  ],
  invalid: [
    { code: binding('ClusterRoleBinding', 'cluster-admin', sa('tiller', 'kube-system')), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('ClusterRoleBinding', 'cluster-admin', group('system:authenticated')), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('RoleBinding', 'cluster-admin', sa('default', 'shop'), 'namespace: shop'), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('ClusterRoleBinding', 'edit', sa('ci')), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('ClusterRoleBinding', 'view', group('system:unauthenticated')), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('RoleBinding', 'app-reader', sa('default', 'shop'), 'namespace: shop'), path: 'rbac.yaml', count: 1, line: 9 },
    // the default service account by its user name (CIS Kubernetes 5.1.5)
    { code: binding('RoleBinding', 'app-reader', user('system:serviceaccount:shop:default'), 'namespace: shop'), path: 'rbac.yaml', count: 1, line: 9 },
    { code: binding('ClusterRoleBinding', 'view', user('system:serviceaccount:shop:default')), path: 'rbac.yaml', count: 1, line: 9 },
    // one finding per binding, whatever the number of subjects; multi-document streams
    {
      code: `---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n---\n${binding('RoleBinding', 'app-reader', `${sa('app', 'shop')}\n    ${sa('default', 'shop')}`, 'namespace: shop')}`,
      path: 'rbac.yaml',
      count: 1,
      line: 15,
    },
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

describe('scopes/k8s-cluster-admin-binding: the default service account (CIS Kubernetes 5.1.5)', () => {
  const found = (code: string) => runRule(rule, { code, path: 'rbac.yaml' });

  it('says every pod of the namespace without its own account runs with the role', () => {
    const [f] = found(binding('RoleBinding', 'app-reader', sa('default', 'shop'), 'namespace: shop'));
    expect(f!.message).toBe(
      'RoleBinding `grant` binds `app-reader` to the `default` service account of `shop` (every pod without its own account): every pod of namespace `shop` that names no service account runs with it.',
    );
    expect(f!.remediation).toMatch(/automountServiceAccountToken: false/);
    expect(rule.meta.controls).toContain('CIS-K8S-5.1.5');
  });

  it('takes the namespace from the user name, or from the binding', () => {
    expect(found(binding('RoleBinding', 'app-reader', user('system:serviceaccount:shop:default'), 'namespace: shop'))[0]!.message).toMatch(/service account of `shop`/);
    const noNs = binding('RoleBinding', 'app-reader', '- kind: ServiceAccount\n      name: default', 'namespace: web');
    expect(found(noNs)[0]!.message).toMatch(/service account of `web`.*every pod of namespace `web`/);
  });

  it('keeps the severity of privileged built-in roles', () => {
    const sev = (code: string) => found(code)[0]?.severity;
    expect(sev(binding('RoleBinding', 'cluster-admin', user('system:serviceaccount:shop:default'), 'namespace: shop'))).toBe('high');
    expect(sev(binding('RoleBinding', 'edit', sa('default', 'shop'), 'namespace: shop'))).toBe('high');
    expect(sev(binding('ClusterRoleBinding', 'cluster-admin', user('system:serviceaccount:shop:default')))).toBe('critical');
  });

  it('names an over-broad role defined in the same file', () => {
    const [f] = found(`${role('app-all', WILD)}---\n${binding('RoleBinding', 'app-all', sa('default', 'shop'), 'namespace: shop')}`);
    expect(f!.severity).toBe('medium');
    expect(f!.message).toMatch(/and the ClusterRole `app-all` \(defined in this file\) grants every verb on every resource/);
    const [narrow] = found(`${role('app-reader', NARROW)}---\n${binding('RoleBinding', 'app-reader', sa('default', 'shop'), 'namespace: shop')}`);
    expect(narrow!.message).not.toMatch(/defined in this file/);
  });

  it('and k8s-binding-privileged-role keep distinct facts for a role defined in another file', () => {
    const policy = basePolicy();
    policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
    policy.rules[rule.meta.id] = { level: 'warn' };
    policy.rules[privilegedRole.meta.id] = { level: 'warn' };
    // Only the binding's file scanned (a change adding it); with the role's file scanned too, the role's
    // own finding names the binding instead (k8s-binding-privileged-role.test.ts).
    const result = scanFiles([{ path: 'k8s/binding.yaml', text: binding('RoleBinding', 'app-all', sa('default', 'shop'), 'namespace: shop') }], {
      policy,
      rules: [rule, privilegedRole],
      today: TODAY,
      repo: repoViewOf(new Map([['k8s/role.yaml', role('app-all', WILD)]])),
    });
    const byRule = new Map(result.findings.map((f) => [f.ruleId, f.message]));
    expect([...byRule.keys()].sort()).toEqual(['scopes/k8s-binding-privileged-role', 'scopes/k8s-cluster-admin-binding']);
    // who receives the role here; what the role grants there — neither restates the other
    expect(byRule.get('scopes/k8s-cluster-admin-binding')).toMatch(/`default` service account of `shop`/);
    expect(byRule.get('scopes/k8s-cluster-admin-binding')).not.toMatch(/every verb|defined in/);
    expect(byRule.get('scopes/k8s-binding-privileged-role')).toMatch(/defined in k8s\/role\.yaml\), which grants every verb on every resource/);
  });
});

describe('scopes/k8s-cluster-admin-binding: Terraform Kubernetes provider bindings', () => {
  const binding = (type: string, role: string, subject: string) =>
    `resource "${type}" "b" {\n  metadata {\n    name = "ci"\n  }\n  role_ref {\n    api_group = "rbac.authorization.k8s.io"\n    kind      = "ClusterRole"\n    name      = "${role}"\n  }\n  subject {\n${subject}\n  }\n}\n`;
  const sa = (name: string) => `    kind      = "ServiceAccount"\n    name      = "${name}"\n    namespace = "ci"`;

  it('flags cluster-admin bound cluster-wide, and a role bound to the default service account', () => {
    const admin = runRule(rule, { code: binding('kubernetes_cluster_role_binding_v1', 'cluster-admin', sa('deployer')), path: 'rbac.tf' });
    expect(admin.map((f) => [f.startLine, f.severity])).toEqual([[8, 'high']]);
    expect(admin[0]!.message).toMatch(/ClusterRoleBinding `ci` binds `cluster-admin` to ServiceAccount `deployer`/);
    const dflt = runRule(rule, { code: binding('kubernetes_role_binding', 'pod-reader', sa('default')), path: 'rbac.tf' });
    expect(dflt.map((f) => f.severity)).toEqual(['medium']);
  });

  it('does not flag a narrow role bound to a named service account, or a role name it cannot read', () => {
    expect(runRule(rule, { code: binding('kubernetes_role_binding', 'pod-reader', sa('deployer')), path: 'rbac.tf' })).toEqual([]);
    expect(runRule(rule, { code: binding('kubernetes_cluster_role_binding', '${var.role}', sa('deployer')), path: 'rbac.tf' })).toEqual([]);
  });
});

describe('scopes/k8s-cluster-admin-binding: bindings in a Terraform kubernetes_manifest', () => {
  const manifest = (role: string, subject: string) => y`
    resource "kubernetes_manifest" "admin" {
      manifest = {
        "apiVersion" = "rbac.authorization.k8s.io/v1"
        "kind"       = "ClusterRoleBinding"
        "metadata"   = { "name" = "ci-admin" }
        "roleRef" = {
          "apiGroup" = "rbac.authorization.k8s.io"
          "kind"     = "ClusterRole"
          "name"     = "${role}"
        }
        "subjects" = [${subject}]
      }
    }
  `;

  it('flags cluster-admin bound cluster-wide, at the role name, as for the same YAML', () => {
    const admin = runRule(rule, { code: manifest('cluster-admin', '{ kind = "ServiceAccount", name = "deployer", namespace = "ci" }'), path: 'rbac.tf' });
    expect(admin.map((f) => [f.startLine, f.severity])).toEqual([[9, 'high']]);
    expect(admin[0]!.message).toMatch(/ClusterRoleBinding `ci-admin` binds `cluster-admin` to ServiceAccount `deployer`/);
    const everyone = runRule(rule, { code: manifest('cluster-admin', '{ kind = "Group", name = "system:authenticated", apiGroup = "rbac.authorization.k8s.io" }'), path: 'rbac.tf' });
    expect(everyone.map((f) => f.severity)).toEqual(['critical']);
  });

  it('flags a kubectl_manifest whose yaml_body is yamlencode({ … }) of the binding', () => {
    const code = y`
      resource "kubectl_manifest" "admins" {
        yaml_body = yamlencode({
          apiVersion = "rbac.authorization.k8s.io/v1"
          kind       = "ClusterRoleBinding"
          metadata   = { name = "platform-admins" }
          subjects   = [{ kind = "Group", name = "platform-admins", apiGroup = "rbac.authorization.k8s.io" }]
          roleRef    = { kind = "ClusterRole", name = "cluster-admin", apiGroup = "rbac.authorization.k8s.io" }
        })
      }
    `;
    expect(runRule(rule, { code, path: 'rbac.tf' }).map((f) => [f.startLine, f.severity])).toEqual([[7, 'high']]);
  });

  it('flags a heredoc binding; does not flag a narrow role, or a role Terraform computes', () => {
    const heredoc =
      'resource "kubernetes_manifest" "b" {\n  manifest = yamldecode(<<EOF\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: all\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n- kind: Group\n  name: system:serviceaccounts\nEOF\n  )\n}\n';
    expect(runRule(rule, { code: heredoc, path: 'rbac.tf' }).map((f) => [f.startLine, f.severity])).toEqual([[10, 'critical']]);
    expect(runRule(rule, { code: manifest('pod-reader', '{ kind = "ServiceAccount", name = "deployer", namespace = "ci" }'), path: 'rbac.tf' })).toEqual([]);
    expect(runRule(rule, { code: manifest('${var.role}', '{ kind = "ServiceAccount", name = "deployer", namespace = "ci" }'), path: 'rbac.tf' })).toEqual([]);
  });
});
