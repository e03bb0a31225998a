/**
 * GKE clusters with legacy authorization (ABAC) enabled (CIS GKE 5.8.3): the ABAC authorizer runs beside
 * RBAC and grants broad, statically defined permissions — identities in the cluster (service accounts,
 * nodes, controllers) hold rights no Role or binding shows and RBAC cannot take away. Written as:
 *
 * - Terraform `google_container_cluster` `enable_legacy_abac = true`, and module inputs of that name
 *   (terraform-google-kubernetes-engine's `gke-standard-cluster`);
 * - Deployment Manager `container.v1.cluster` (or `gcp-types/container-v1:…clusters`) with
 *   `legacyAbac: { enabled: true }` (under `properties` or `properties.cluster`).
 *
 * High. `false`, the default (off since GKE 1.8), and a value Terraform computes (`var.enable_legacy_abac`)
 * pass: the module's variable is judged where it is set.
 *
 * ```yaml
 * rules:
 *   scopes/gke-legacy-abac:
 *     options:
 *       allowClusters: []   # globs of clusters (Terraform address or Deployment Manager name), e.g. ["google_container_cluster.legacy"]
 * ```
 */
import type { Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { attr, parseHcl } from '../../parse/hcl.js';
import { parseYaml } from '../../parse/yaml.js';
import { K8S_CLUSTER_ADMIN } from './lib/cloud-controls.js';
import { optList } from './lib/rule-options.js';
import { ownedSettingFindings, type OwnedSetting } from './lib/owned-settings.js';

type Hit = OwnedSetting;

function fromTerraform(text: string, out: Hit[]): void {
  const file = parseHcl(text);
  for (const b of file?.root.blocks ?? []) {
    const [type, name] = b.labels;
    const cluster = b.type === 'resource' && type === 'google_container_cluster';
    if (!cluster && b.type !== 'module') continue;
    const v = attr(b, 'enable_legacy_abac')?.value;
    if (v?.kind === 'bool' && v.value) out.push({ line: v.pos.line, column: v.pos.column, owner: cluster ? `${type}.${name ?? ''}` : `module.${type ?? ''}` });
  }
}

function fromDeploymentManager(text: string, path: string, out: Hit[]): void {
  const parsed = parseYaml(text, /\.json$/i.test(path) ? { uniqueKeys: false } : { tolerant: true, uniqueKeys: false });
  for (const doc of parsed?.docs ?? []) {
    for (const r of doc.items(doc.get(doc.root, 'resources'))) {
      const type = doc.str(doc.get(r, 'type')) ?? '';
      if (!/^(?:container\.v1(?:beta1)?\.cluster|gcp-types\/container-v1(?:beta1)?:projects\.(?:locations|zones)\.clusters)$/.test(type)) continue;
      const props = doc.get(r, 'properties');
      for (const enabled of [doc.get(props, 'legacyAbac', 'enabled'), doc.get(props, 'cluster', 'legacyAbac', 'enabled')]) {
        const p = doc.pos(enabled);
        if (p && doc.str(enabled) === 'true') out.push({ line: p.line, column: p.column, owner: doc.str(doc.get(r, 'name')) ?? type });
      }
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'scopes/gke-legacy-abac',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'GKE cluster with legacy authorization (ABAC) enabled: broad static permissions beside RBAC, which no binding shows or revokes',
    controls: [...K8S_CLUSTER_ADMIN, 'CIS-GKE-5.8.3'],
    remediation:
      'Set `enable_legacy_abac = false` (`gcloud container clusters update … --no-enable-legacy-authorization`) after granting what users and workloads need through IAM and Kubernetes RBAC (Roles and bindings); check with `kubectl auth can-i --as=…`.',
    options: {
      allowClusters: stringList('Globs of clusters allowed to keep legacy ABAC (Terraform address or Deployment Manager name), e.g. `["google_container_cluster.legacy"]`.'),
    },
  },
  keywords: ['enable_legacy_abac', 'legacyabac'],
  scope: 'file',
  globOptions: ['allowClusters'],
  appliesTo: (path) => /\.(?:tf|ya?ml|json)$/i.test(path),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowClusters', []);
    const hits: Hit[] = [];
    if (/\.tf$/i.test(file.path)) fromTerraform(file.text, hits);
    else fromDeploymentManager(file.text, file.path, hits);
    return ownedSettingFindings(
      hits,
      allow,
      'gke-legacy-abac',
      (owner) =>
        `\`${owner}\` enables legacy authorization (ABAC): the cluster's identities get broad, statically defined permissions beside RBAC, which no Role or binding shows and RBAC cannot revoke.`,
    );
  },
};

export default rule;
