import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/aks-secret-rotation.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'aks/main.tf';
const ARM = 'arm/aks.json';
const cluster = (body: string): string =>
  `resource "azurerm_kubernetes_cluster" "aks" {\n  name       = "aks1"\n  dns_prefix = "aks1"\n\n  default_node_pool {\n    name       = "default"\n    node_count = 1\n    vm_size    = "Standard_D2_v2"\n  }\n\n  identity {\n    type = "SystemAssigned"\n  }\n${body}}\n`;
const provider = (inner: string): string => `\n  key_vault_secrets_provider {\n${inner}  }\n`;
const arm = (addons: string, type = 'Microsoft.ContainerService/managedClusters'): string =>
  `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [\n    {\n      "type": "${type}",\n      "apiVersion": "2024-02-01",\n      "name": "aks1",\n      "properties": {\n        "dnsPrefix": "aks1",\n        "addonProfiles": ${addons}\n      }\n    }\n  ]\n}\n`;

ruleTester(rule, {
  valid: [
    { code: cluster(provider('    secret_rotation_enabled = true\n')), path: TF },
    { code: cluster(provider('    secret_rotation_enabled  = true\n    secret_rotation_interval = "5m"\n')), path: TF },
    { code: cluster(provider('    secret_rotation_enabled = "true"\n')), path: TF },
    { code: `variable "rotate" {\n  default = true\n}\n${cluster(provider('    secret_rotation_enabled = var.rotate\n'))}`, path: TF, name: 'a variable defaulting to true' },
    { code: cluster(''), path: TF, name: 'no Secrets Store CSI driver: nothing to rotate' },
    { code: cluster('  azure_policy_enabled = true\n'), path: TF },
    {
      code: cluster('  dynamic "key_vault_secrets_provider" {\n    for_each = var.csi ? [1] : []\n    content {\n      secret_rotation_enabled = true\n    }\n  }\n'),
      path: TF,
      name: 'a dynamic block that rotates',
    },
    { code: 'resource "azurerm_kubernetes_cluster_node_pool" "p" {\n  name = "user"\n}\n', path: TF },
    { code: '# key_vault_secrets_provider without rotation\n', path: 'README.md' },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": true, "config": { "enableSecretRotation": "true", "rotationPollInterval": "2m" } } }'), path: ARM },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": true, "config": { "enableSecretRotation": true } } }'), path: ARM, name: 'a boolean true' },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": false } }'), path: ARM, name: 'the add-on turned off' },
    { code: arm('{ "azurepolicy": { "enabled": true } }'), path: ARM, name: 'other add-ons only' },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": true } }', 'Microsoft.ContainerService/fleets'), path: ARM, name: 'another resource type' },
  ],
  invalid: [
    { code: cluster(provider('    secret_rotation_enabled = false\n')), path: TF, count: 1, line: 16 },
    { code: cluster(provider('    secret_rotation_interval = "2m"\n')), path: TF, count: 1, line: 15, name: 'an interval alone does not rotate' },
    { code: cluster(provider('')), path: TF, count: 1, name: 'an empty block' },
    {
      code: "param csi bool = true\n\nresource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {\n  name: 'aks1'\n  properties: {\n    addonProfiles: {\n      azureKeyvaultSecretsProvider: {\n        enabled: true\n        config: {\n          enableSecretRotation: 'false'\n        }\n      }\n    }\n  }\n}\n",
      path: 'infra/aks.bicep',
      count: 1,
      line: 10,
      name: 'Bicep cluster with rotation off',
    },
    {
      code: "resource aks 'Microsoft.ContainerService/managedClusters@2024-02-01' = {\n  name: 'aks1'\n  properties: {\n    addonProfiles: {\n      azureKeyvaultSecretsProvider: {\n        enabled: true\n        config: csi\n          ? { enableSecretRotation: rotate }\n          : null\n      }\n    }\n  }\n}\n",
      path: 'infra/aks.bicep',
      count: 1,
      name: 'Bicep cluster whose config is computed',
    },
    { code: cluster(provider('    secret_rotation_enabled = var.rotate\n')), path: TF, count: 1, name: 'unverifiable' },
    { code: `locals {\n  rotate = false\n}\n${cluster(provider('    secret_rotation_enabled = local.rotate\n'))}`, path: TF, count: 1, name: 'a local false' },
    {
      code: cluster('  dynamic "key_vault_secrets_provider" {\n    for_each = var.csi ? [1] : []\n    content {\n      secret_rotation_interval = "2m"\n    }\n  }\n'),
      path: TF,
      count: 1,
      name: 'a dynamic block without rotation',
    },
    { code: cluster(provider('    secret_rotation_enabled = false\n')) + cluster('').replace('"aks"', '"other"'), path: TF, count: 1, name: 'only the cluster with the driver' },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": true } }'), path: ARM, count: 1, line: 10 },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": true, "config": { "enableSecretRotation": "false" } } }'), path: ARM, count: 1 },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": "true", "config": {} } }'), path: ARM, count: 1, name: 'enabled as a string' },
    { code: arm('{ "AzureKeyVaultSecretsProvider": { "enabled": true, "config": { "rotationPollInterval": "2m" } } }'), path: ARM, count: 1, name: 'property names in another case' },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": true, "config": { "enableSecretRotation": "[parameters(\'rotate\')]" } } }'), path: ARM, count: 1, name: 'an ARM expression' },
    { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": "[parameters(\'csi\')]" } }'), path: ARM, count: 1, name: 'enabled by a parameter' },
  ],
});

describe('rotation/aks-secret-rotation', () => {
  it('says what is missing and why it matters', () => {
    const [f] = runRule(rule, { code: cluster(provider('    secret_rotation_interval = "2m"\n')), path: TF });
    expect(f!.message).toBe(
      'AKS cluster `azurerm_kubernetes_cluster.aks` mounts Key Vault secrets without automatic rotation: `secret_rotation_enabled` is not set (a `secret_rotation_interval` alone does not turn rotation on). A secret renewed in Key Vault reaches the pods only when they restart.',
    );
    expect(f!.confidence).toBe('high');
  });

  it('mentions the poll interval and its default in the remediation', () => {
    expect(rule.meta.remediation).toMatch(/`secret_rotation_interval`.*default 2m/);
  });

  it('reports what cannot be verified with low confidence', () => {
    expect(runRule(rule, { code: cluster(provider('    secret_rotation_enabled = var.rotate\n')), path: TF })[0]!.confidence).toBe('low');
    expect(runRule(rule, { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": true, "config": { "enableSecretRotation": "[parameters(\'r\')]" } } }'), path: ARM })[0]!.confidence).toBe('low');
    expect(runRule(rule, { code: arm('{ "azureKeyvaultSecretsProvider": { "enabled": true } }'), path: ARM })[0]!.confidence).toBe('high');
    const [c] = runRule(rule, { code: arm(`{ "azureKeyvaultSecretsProvider": { "enabled": true, "config": "[if(parameters('r'), variables('on'), null())]" } }`), path: ARM });
    expect(c!.confidence).toBe('low');
    expect(c!.message).toContain('`config` is computed');
  });
});
