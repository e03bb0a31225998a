import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/k8s-rbac-wildcard.js';
import secretsRule from '../../../../src/engine/rules/scopes/k8s-secrets-read.js';
import escalationRule from '../../../../src/engine/rules/scopes/k8s-rbac-escalation.js';
import { Scanner, scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { runRule, ruleTester, TODAY } from '../../../helpers/rule-tester.js';
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

describe('scopes/k8s-rbac-wildcard: the metrics APIs', () => {
  const role = (groups: string, resources: string, verbs: string) =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: metrics-reader\nrules:\n- apiGroups: ${groups}\n  resources: ${resources}\n  verbs: ${verbs}\n`;

  it('grades a wildcard confined to the read-only metrics APIs low (an HPA reader, a metrics adapter)', () => {
    const adapter = runRule(rule, { code: role('[custom.metrics.k8s.io]', '["*"]', '["*"]'), path: 'hpa/adapter.yaml' });
    expect(adapter.map((f) => f.severity)).toEqual(['low']);
    expect(adapter[0]!.message).toMatch(/grants every verb on every resource of `custom\.metrics\.k8s\.io` \(metrics, served read-only\)/);
    const hpa = runRule(rule, { code: role('[external.metrics.k8s.io, metrics.k8s.io]', '["*"]', '[list, get, watch]'), path: 'hpa/reader.yaml' });
    expect(hpa.map((f) => f.severity)).toEqual(['low']);
  });

  it('keeps the severity of a wildcard that reaches other API groups too', () => {
    expect(runRule(rule, { code: role('[custom.metrics.k8s.io, ""]', '["*"]', '[get, list]'), path: 'r.yaml' }).map((f) => f.severity)).toEqual(['high']);
    expect(runRule(rule, { code: role('["*"]', '["*"]', '[get]'), path: 'r.yaml' }).map((f) => f.severity)).toEqual(['high']);
    expect(runRule(rule, { code: role('[apps]', '["*"]', '["*"]'), path: 'r.yaml' }).map((f) => f.severity)).toEqual(['high']);
  });
});

describe('scopes/k8s-rbac-wildcard: escalation through a wildcard, and restated roles', () => {
  const clusterRole = (name: string, rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\nrules:\n${rules}`;
  const SERVER = '- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: [delete, get, patch]\n';

  it('names the escalation a wildcard grants, at its severity when higher', () => {
    const [f] = runRule(rule, { code: clusterRole('argocd-server', SERVER), path: 'rbac.yaml' });
    expect(f!.severity).toBe('high');
    expect(f!.message).toMatch(/grants `delete`, `get`, `patch` on every resource \(`\*`\) \(`\*` in apiGroups, resources\) — that includes write access to admission webhooks/);
    const bind = runRule(rule, { code: clusterRole('binder', '- apiGroups: [rbac.authorization.k8s.io]\n  resources: ["*"]\n  verbs: [bind]\n'), path: 'rbac.yaml' });
    expect(bind.map((x) => x.severity)).toEqual(['critical']);
    expect(bind[0]!.message).toMatch(/that includes `bind`/);
  });

  const scan = (files: Record<string, string>, ignore?: string[]) => {
    const policy = basePolicy();
    policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
    for (const r of [rule, secretsRule, escalationRule]) policy.rules[r.meta.id] = { level: 'warn', ...(ignore ? { ignore } : {}) };
    return scanFiles(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      { policy, rules: [rule, secretsRule, escalationRule], today: TODAY },
    ).findings;
  };
  const SECRETS = '- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get, list, watch]\n';
  const base = clusterRole('argocd-server', SERVER + SECRETS);
  const bundle = `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n---\n${base}`;

  it('reports a role restated in generated bundles once, at the first file, naming the others', () => {
    const found = scan({ 'manifests/install.yaml': bundle, 'manifests/base/server/role.yaml': base, 'manifests/ha/install.yaml': bundle });
    expect(found.map((f) => `${f.ruleId} ${f.path}:${f.startLine}`)).toEqual([
      'scopes/k8s-rbac-wildcard manifests/base/server/role.yaml:6',
      'scopes/k8s-secrets-read manifests/base/server/role.yaml:10',
    ]);
    for (const f of found) expect(f.message).toMatch(/\(Also in 2 other files: manifests\/ha\/install\.yaml, manifests\/install\.yaml\.\)$/);
  });

  it('keeps roles that differ in name, namespace, kind or rules apart', () => {
    const other = base.replace('name: argocd-server', 'name: argocd-server-2');
    const fewer = clusterRole('argocd-server', '- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: [get]\n');
    const found = scan({ 'a/role.yaml': base, 'b/role.yaml': other, 'c/role.yaml': fewer });
    expect(found.filter((f) => f.ruleId === rule.meta.id).map((f) => f.path)).toEqual(['a/role.yaml', 'b/role.yaml', 'c/role.yaml']);
    expect(found.every((f) => !/Also in/.test(f.message))).toBe(true);
  });

  it('gives the same result whatever order the files come in, and folds nothing a suppression or ignore removed', () => {
    const files = { 'manifests/install.yaml': bundle, 'manifests/base/server/role.yaml': base };
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    expect(scan(reversed)).toEqual(scan(files));
    // the first file's copy ignored by the rule: the next one reports it
    expect(scan(files, ['manifests/base/**']).map((f) => f.path)).toEqual(['manifests/install.yaml', 'manifests/install.yaml']);
    const suppressed = base.replace('- apiGroups: ["*"]\n  resources: ["*"]', '- apiGroups: ["*"] # tokenwarden:allow\n  resources: ["*"]');
    const left = scan({ 'manifests/install.yaml': bundle, 'manifests/base/server/role.yaml': suppressed }).filter((f) => f.ruleId === rule.meta.id);
    expect(left.map((f) => f.path)).toEqual(['manifests/install.yaml']);
    expect(left[0]!.message).not.toMatch(/Also in/);
  });
});

describe('scopes/k8s-rbac-wildcard: restated roles over a scan split across threads', () => {
  it('folds the same way when the files were scanned by other scanners and absorbed (--jobs)', () => {
    const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: [get]\n';
    const policy = basePolicy();
    policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
    policy.rules[rule.meta.id] = { level: 'warn' };
    const opts = { policy, rules: [rule], today: TODAY };
    const files = [
      { path: 'a/role.yaml', text: role },
      { path: 'b/install.yaml', text: role },
      { path: 'c/install.yaml', text: role },
    ];
    const one = scanFiles(files, opts).findings;
    const main = new Scanner(opts);
    for (const f of files) {
      const worker = new Scanner(opts);
      worker.scanFile(f);
      main.absorb(worker.drain());
    }
    expect(main.result().findings).toEqual(one);
    expect(one).toHaveLength(1);
    expect(one[0]!.message).toMatch(/\(Also in 2 other files: b\/install\.yaml, c\/install\.yaml\.\)$/);
    expect(one[0]).not.toHaveProperty('sameAs');
  });
});

describe('scopes/k8s-rbac-wildcard: Terraform Kubernetes provider roles', () => {
  const tf = (type: string, rule: string, meta = 'name = "ci"') => `resource "${type}" "r" {\n  metadata {\n    ${meta}\n  }\n  rule {\n${rule}\n  }\n}\n`;

  it('flags `*` in a kubernetes_cluster_role / kubernetes_role_v1 rule, at the wildcard', () => {
    const cluster = runRule(rule, { code: tf('kubernetes_cluster_role', '    api_groups = [""]\n    resources  = ["pods"]\n    verbs      = ["*"]'), path: 'k8s.tf' });
    expect(cluster.map((f) => [f.startLine, f.severity])).toEqual([[8, 'high']]);
    expect(cluster[0]!.message).toMatch(/ClusterRole `ci` rule 1 grants every verb/);
    const ns = runRule(rule, { code: tf('kubernetes_role_v1', '    api_groups = ["*"]\n    resources  = ["*"]\n    verbs      = ["*"]', 'name      = "ci"\n    namespace = "build"'), path: 'k8s.tf' });
    expect(ns.map((f) => f.severity)).toEqual(['high']);
  });

  it('reports each Terraform resource, also where two share a metadata name (`kubernetes_role` and its `_v1`)', () => {
    const policy = basePolicy();
    policy.families = { secrets: 'off', scopes: 'warn', rotation: 'off' };
    policy.rules[rule.meta.id] = { level: 'warn' };
    const body = '    api_groups = ["*"]\n    resources  = ["pods"]\n    verbs      = ["get"]';
    const text = tf('kubernetes_cluster_role', body) + tf('kubernetes_cluster_role_v1', body);
    const found = scanFiles([{ path: 'rbac.tf', text }], { policy, rules: [rule], today: TODAY }).findings;
    expect(found.map((f) => f.startLine)).toEqual([6, 16]);
    // The same role restated in another file is still one grant.
    const twice = scanFiles(
      [
        { path: 'a/rbac.tf', text: tf('kubernetes_role', body) },
        { path: 'b/rbac.tf', text: tf('kubernetes_role', body) },
      ],
      { policy, rules: [rule], today: TODAY },
    ).findings;
    expect(twice).toHaveLength(1);
  });

  it('names a role whose name or namespace Terraform computes as written', () => {
    const [f] = runRule(rule, {
      code: tf('kubernetes_role', '    api_groups = [""]\n    resources  = ["*"]\n    verbs      = ["get"]', 'name      = "${var.app}-ci"\n    namespace = var.namespace'),
      path: 'k8s.tf',
    });
    expect(f!.message).toMatch(/^Role `\$\{var\.app\}-ci` rule 1 grants/);
  });

  it('does not flag a listed rule, a reference it cannot read, or other resources', () => {
    expect(runRule(rule, { code: tf('kubernetes_role', '    api_groups = ["apps"]\n    resources  = ["deployments"]\n    verbs      = ["get", "list", "patch"]'), path: 'k8s.tf' })).toEqual([]);
    expect(runRule(rule, { code: tf('kubernetes_cluster_role', '    api_groups = var.api_groups\n    resources  = local.resources\n    verbs      = var.verbs'), path: 'k8s.tf' })).toEqual([]);
    expect(runRule(rule, { code: 'resource "kubernetes_config_map" "c" {\n  data = { verbs = "*" }\n}\n# kubernetes_role\n', path: 'k8s.tf' })).toEqual([]);
  });
});

describe('scopes/k8s-rbac-wildcard: manifests written inline in Terraform', () => {
  // kubernetes_manifest's `manifest` is the object as HCL (registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest).
  const hcl = (kind: string, rules: string) => y`
    resource "kubernetes_manifest" "role" {
      manifest = {
        apiVersion = "rbac.authorization.k8s.io/v1"
        kind       = "${kind}"
        metadata = {
          name      = "ops"
          namespace = "shop"
        }
        rules = [
          ${rules}
        ]
      }
    }
  `;

  it('flags `*` in an HCL manifest as in the YAML, at the wildcard and with the same severity', () => {
    const cluster = runRule(rule, { code: hcl('ClusterRole', '{\n      apiGroups = ["*"]\n      "resources" = ["*"]\n      verbs     = ["*"]\n    },'), path: 'rbac.tf' });
    expect(cluster.map((f) => [f.startLine, f.startColumn, f.severity])).toEqual([[11, 16, 'critical']]);
    expect(cluster[0]!.message).toMatch(/^ClusterRole `ops` rule 1 grants every verb on every resource of every API group/);
    const role = runRule(rule, { code: hcl('Role', '{\n      apiGroups = [""]\n      resources = ["configmaps"]\n      verbs     = ["*"]\n    }'), path: 'rbac.tf' });
    expect(role.map((f) => [f.startLine, f.severity])).toEqual([[13, 'medium']]);
  });

  it('flags YAML in yamldecode(<<-EOT …) and in kubectl_manifest yaml_body, at the line in the .tf file', () => {
    const decoded = y`
      resource "kubernetes_manifest" "ci" {
        manifest = yamldecode(<<-EOT
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: ci
          rules:
            - apiGroups: [""]
              resources: [pods]
              verbs: ["*"]
          EOT
        )
      }
    `;
    const a = runRule(rule, { code: decoded, path: 'ci.tf' });
    expect(a.map((f) => [f.startLine, f.startColumn, f.severity])).toEqual([[10, 17, 'high']]);
    const body = y`
      resource "kubectl_manifest" "ci" {
        yaml_body = <<YAML
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: \${var.name}
        namespace: ci
      rules:
      - apiGroups: ["*"]
        resources: ["*"]
        verbs: ["*"]
      YAML
      }
    `;
    const b = runRule(rule, { code: body, path: 'ci.tf' });
    expect(b.map((f) => [f.startLine, f.severity])).toEqual([[9, 'high']]);
    expect(b[0]!.message).toMatch(/^Role `\$\{var\.name\}` rule 1/);
  });

  it('does not flag a listed rule, a manifest of another kind, a reference, or a manifest read from another file', () => {
    expect(runRule(rule, { code: hcl('Role', '{\n      apiGroups = ["apps"]\n      resources = ["deployments"]\n      verbs     = ["get", "list"]\n    }'), path: 'rbac.tf' })).toEqual([]);
    expect(runRule(rule, { code: hcl('ConfigMap', '{\n      apiGroups = ["*"]\n      resources = ["*"]\n      verbs     = ["*"]\n    }'), path: 'rbac.tf' })).toEqual([]);
    expect(runRule(rule, { code: hcl('ClusterRole', '{\n      apiGroups = var.groups\n      resources = local.resources\n      verbs     = var.verbs\n    }'), path: 'rbac.tf' })).toEqual([]);
    const refs =
      'resource "kubernetes_manifest" "a" {\n  manifest = yamldecode(file("${path.module}/role.yaml"))\n}\nresource "kubernetes_manifest" "b" {\n  for_each = local.rbac\n  manifest = each.value\n}\n# rbac.authorization.k8s.io\n';
    expect(runRule(rule, { code: refs, path: 'rbac.tf' })).toEqual([]);
  });
});

describe("scopes/k8s-rbac-wildcard: an operator's own custom resources", () => {
  const role = (groups: string) =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: manager-role\nrules:\n  - apiGroups: [${groups}]\n    resources: ["*"]\n    verbs: [create, delete, get, list, patch, update, watch]\n`;
  it('is medium in a ClusterRole and names the group, where the wildcard stays inside custom API groups', () => {
    for (const groups of ['config.gatekeeper.sh', '"*.gatekeeper.sh"', 'monitoring.coreos.com']) {
      const [f] = runRule(rule, { code: role(groups), path: 'config/rbac/role.yaml' });
      expect(f!.severity, groups).toBe('medium');
      expect(f!.message).toMatch(/custom resources/);
    }
  });
  it('is low where the role is aggregated into the built-in admin or edit role (what it is for)', () => {
    const aggregated = (label: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: knative-serving-namespaced-admin\n  labels:\n    ${label}: "true"\nrules:\n  - apiGroups: ["serving.knative.dev"]\n    resources: ["*"]\n    verbs: ["*"]\n`;
    const [f] = runRule(rule, { code: aggregated('rbac.authorization.k8s.io/aggregate-to-admin'), path: 'config/core/200-roles/clusterrole-namespaced.yaml' });
    expect(f!.severity).toBe('low');
    expect(f!.message).toMatch(/aggregated into the built-in `admin` role/);
    expect(runRule(rule, { code: aggregated('app.kubernetes.io/part-of'), path: 'config/core/200-roles/clusterrole-namespaced.yaml' })[0]!.severity).toBe('medium');
  });
  it("stays high for Kubernetes' own groups and for group wildcards that reach anyone's", () => {
    for (const groups of ['""', 'apps', 'networking.k8s.io', '"*.io"']) expect(runRule(rule, { code: role(groups), path: 'config/rbac/role.yaml' })[0]!.severity, groups).toBe('high');
  });
});

describe('scopes/k8s-rbac-wildcard: a ClusterRole bound only in namespaces', () => {
  it('is judged as a Role where only RoleBindings bind it, cluster-wide where a ClusterRoleBinding does', () => {
    const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ns-admin\nrules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n';
    const binding = (kind: string) =>
      `---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ns-admin\n${kind === 'RoleBinding' ? '  namespace: team-a\n' : ''}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ns-admin\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: team-a\n`;
    const [ns] = runRule(rule, { code: role + binding('RoleBinding'), path: 'rbac.yaml' });
    expect(ns!.severity).toBe('high');
    expect(ns!.message).toMatch(/in the namespace/);
    expect(runRule(rule, { code: role + binding('ClusterRoleBinding'), path: 'rbac.yaml' })[0]!.severity).toBe('critical');
    expect(runRule(rule, { code: role, path: 'rbac.yaml' })[0]!.severity).toBe('critical');
  });
});
