import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aks-rbac-disabled.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const cluster = (rbac: string) =>
  `resource "azurerm_kubernetes_cluster" "main" {\n  name                = "main"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  dns_prefix          = "main"\n${rbac}}\n`;
const arm = (enabled: string) =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        { type: 'Microsoft.ContainerService/managedClusters', apiVersion: '2024-01-01', name: 'aks', location: 'westeurope', properties: { dnsPrefix: 'aks', enableRBAC: JSON.parse(enabled) } },
      ],
    },
    null,
    2,
  );

ruleTester(rule, {
  valid: [
    { code: cluster(''), path: 'aks.tf' },
    { code: cluster('  role_based_access_control_enabled = true\n'), path: 'aks.tf' },
    { code: cluster('  role_based_access_control_enabled = var.rbac_enabled\n'), path: 'aks.tf' },
    { code: cluster('  role_based_access_control {\n    enabled = true\n  }\n'), path: 'aks.tf' },
    { code: cluster('  role_based_access_control_enabled = false\n'), path: 'aks.tf', options: { allowClusters: ['azurerm_kubernetes_cluster.main'] } },
    // another module's input of the same name is not an AKS cluster's
    { code: 'module "x" {\n  source                            = "./modules/x"\n  role_based_access_control_enabled = false\n}\n', path: 'main.tf' },
    { code: arm('true'), path: 'azuredeploy.json' },
  ],
  invalid: [
    { code: cluster('  role_based_access_control_enabled = false\n'), path: 'aks.tf', count: 1, line: 6 },
    { code: cluster('  role_based_access_control {\n    enabled = false\n  }\n'), path: 'aks.tf', count: 1, line: 7 },
    { code: 'module "aks" {\n  source                            = "Azure/aks/azurerm"\n  role_based_access_control_enabled = false\n}\n', path: 'main.tf', count: 1, line: 3 },
    { code: arm('false'), path: 'azuredeploy.json', count: 1, line: 12 },
  ],
});

describe('scopes/aks-rbac-disabled message', () => {
  it('names the cluster, high', () => {
    const [f] = runRule(rule, { code: cluster('  role_based_access_control_enabled = false\n'), path: 'aks.tf' });
    expect(f!.severity).toBe('high');
    expect(f!.message).toMatch(/^`azurerm_kubernetes_cluster\.main` turns Kubernetes RBAC off/);
  });
});
