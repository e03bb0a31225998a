/**
 * AKS clusters created with Kubernetes RBAC turned off: no Role or binding limits what an authenticated
 * identity may do, so every user with a kubeconfig and every pod's service account token can do anything in
 * the cluster. Written as:
 *
 * - Terraform `azurerm_kubernetes_cluster` `role_based_access_control_enabled = false` (azurerm 3.x and
 *   later) or `role_based_access_control { enabled = false }` (2.x), and the `Azure/aks/azurerm` module's
 *   input `role_based_access_control_enabled = false`;
 * - ARM templates: `Microsoft.ContainerService/managedClusters` with `"enableRBAC": false`.
 *
 * High. Only a literal `false` is reported: the provider's default is RBAC on, and a value Terraform computes
 * (`var.rbac`) is judged where it is set. (The `Azure/aks/azurerm` module defaults its input to `false`; a
 * module call that leaves it out is not reported, since the default depends on the module version.)
 *
 * ```yaml
 * rules:
 *   scopes/aks-rbac-disabled:
 *     options:
 *       allowClusters: []   # globs of clusters (Terraform address, module address or ARM name), e.g. ["azurerm_kubernetes_cluster.sandbox"]
 * ```
 */
import type { Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { attr, parseHcl, type HclValue } from '../../parse/hcl.js';
import { parseYaml } from '../../parse/yaml.js';
import { K8S_CLUSTER_ADMIN } from './lib/cloud-controls.js';
import { optList } from './lib/rule-options.js';
import { ownedSettingFindings, type OwnedSetting } from './lib/owned-settings.js';

type Hit = OwnedSetting;

const isFalse = (v: HclValue | undefined): v is HclValue => v?.kind === 'bool' && !v.value;

function fromTerraform(text: string, out: Hit[]): void {
  const file = parseHcl(text);
  for (const b of file?.root.blocks ?? []) {
    const [type, name] = b.labels;
    if (b.type === 'resource' && type === 'azurerm_kubernetes_cluster') {
      const owner = `${type}.${name ?? ''}`;
      const v = attr(b, 'role_based_access_control_enabled')?.value;
      if (isFalse(v)) out.push({ line: v.pos.line, column: v.pos.column, owner });
      for (const legacy of b.blocks.filter((x) => x.type === 'role_based_access_control')) {
        const e = attr(legacy, 'enabled')?.value;
        if (isFalse(e)) out.push({ line: e.pos.line, column: e.pos.column, owner });
      }
    } else if (b.type === 'module') {
      const source = attr(b, 'source')?.value;
      if (source?.kind !== 'string' || !/^Azure\/aks\/azurerm\b|terraform-azurerm-aks/.test(source.value)) continue;
      const v = attr(b, 'role_based_access_control_enabled')?.value;
      if (isFalse(v)) out.push({ line: v.pos.line, column: v.pos.column, owner: `module.${type ?? ''}` });
    }
  }
}

function fromArm(text: string, path: string, out: Hit[]): void {
  const parsed = parseYaml(text, /\.json$/i.test(path) ? { uniqueKeys: false } : { tolerant: true, uniqueKeys: false });
  for (const doc of parsed?.docs ?? []) {
    const visit = (list: ReturnType<typeof doc.get>, depth: number): void => {
      if (depth > 3) return;
      for (const r of doc.items(list)) {
        if (/^Microsoft\.ContainerService\/managedClusters$/i.test(doc.str(doc.get(r, 'type')) ?? '')) {
          const v = doc.get(r, 'properties', 'enableRBAC');
          const p = doc.pos(v);
          if (p && doc.str(v) === 'false') out.push({ line: p.line, column: p.column, owner: doc.str(doc.get(r, 'name')) ?? 'managedClusters' });
        }
        // Nested deployments (`Microsoft.Resources/deployments` with an inline template).
        visit(doc.get(r, 'properties', 'template', 'resources'), depth + 1);
      }
    };
    visit(doc.get(doc.root, 'resources'), 0);
  }
}

const rule: Rule = {
  meta: {
    id: 'scopes/aks-rbac-disabled',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'AKS cluster with Kubernetes RBAC disabled: every authenticated identity, pods’ service accounts included, can do anything in the cluster',
    controls: [...K8S_CLUSTER_ADMIN],
    remediation:
      'Create the cluster with Kubernetes RBAC (`role_based_access_control_enabled = true`, ARM `"enableRBAC": true`; it cannot be turned on in place, so plan a new cluster), preferably with Microsoft Entra ID integration, and grant users and workloads Roles through bindings.',
    options: {
      allowClusters: stringList('Globs of clusters allowed to run without RBAC (Terraform address, module address or ARM name), e.g. `["azurerm_kubernetes_cluster.sandbox"]`.'),
    },
  },
  keywords: ['role_based_access_control', 'enablerbac'],
  scope: 'file',
  globOptions: ['allowClusters'],
  appliesTo: (path) => /\.(?:tf|json)$/i.test(path),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowClusters', []);
    const hits: Hit[] = [];
    if (/\.tf$/i.test(file.path)) fromTerraform(file.text, hits);
    else fromArm(file.text, file.path, hits);
    return ownedSettingFindings(
      hits,
      allow,
      'aks-rbac-disabled',
      (owner) =>
        `\`${owner}\` turns Kubernetes RBAC off: no Role or binding limits what an authenticated identity does, so any kubeconfig holder and any pod's service account token can do anything in the cluster.`,
    );
  },
};

export default rule;
