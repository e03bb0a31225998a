import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/gke-legacy-abac.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const cluster = (abac: string) => `resource "google_container_cluster" "main" {\n  name               = "main"\n  location           = "europe-west1"\n  initial_node_count = 1\n${abac}}\n`;
const dm = (enabled: string) =>
  `resources:\n  - name: legacy-cluster\n    type: container.v1.cluster\n    properties:\n      zone: europe-west1-b\n      cluster:\n        initialNodeCount: 1\n        legacyAbac:\n          enabled: ${enabled}\n`;

ruleTester(rule, {
  valid: [
    { code: cluster(''), path: 'gke.tf' },
    { code: cluster('  enable_legacy_abac = false\n'), path: 'gke.tf' },
    // judged where the variable is set
    { code: cluster('  enable_legacy_abac = var.enable_legacy_abac\n'), path: 'gke.tf' },
    { code: 'variable "enable_legacy_abac" {\n  type    = bool\n  default = false\n}\n', path: 'variables.tf' },
    { code: cluster('  enable_legacy_abac = true\n'), path: 'gke.tf', options: { allowClusters: ['google_container_cluster.main'] } },
    { code: dm('false'), path: 'dm/cluster.yaml' },
  ],
  invalid: [
    { code: cluster('  enable_legacy_abac = true\n'), path: 'gke.tf', count: 1, line: 5 },
    {
      code: 'module "gke" {\n  source             = "terraform-google-modules/kubernetes-engine/google//modules/gke-standard-cluster"\n  enable_legacy_abac = true\n}\n',
      path: 'main.tf',
      count: 1,
      line: 3,
    },
    { code: dm('true'), path: 'dm/cluster.yaml', count: 1, line: 9 },
  ],
});

describe('scopes/gke-legacy-abac message', () => {
  it('names the cluster', () => {
    const [f] = runRule(rule, { code: cluster('  enable_legacy_abac = true\n'), path: 'gke.tf' });
    expect(f!.message).toMatch(/^`google_container_cluster\.main` enables legacy authorization \(ABAC\)/);
    expect(f!.severity).toBe('high');
  });
});
