import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/azure-storage-sas-expiry.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'storage/main.tf';
const ARM = 'arm/storage.json';
const account = (body: string, name = 'sa'): string =>
  `resource "azurerm_storage_account" "${name}" {\n  name                     = "examplesa"\n  resource_group_name      = azurerm_resource_group.rg.name\n  location                 = "westeurope"\n  account_tier             = "Standard"\n  account_replication_type = "LRS"\n${body}}\n`;
const sas = '  sas_policy {\n    expiration_period = "1.00:00:00"\n  }\n';
const arm = (props: string, type = 'Microsoft.Storage/storageAccounts'): string =>
  `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [\n    {\n      "type": "${type}",\n      "apiVersion": "2023-01-01",\n      "name": "examplesa",\n      "kind": "StorageV2",\n      "properties": ${props}\n    }\n  ]\n}\n`;

ruleTester(rule, {
  valid: [
    { code: account(sas), path: TF },
    { code: account('  sas_policy {\n    expiration_period = "0.04:00:00"\n    expiration_action = "Log"\n  }\n'), path: TF },
    { code: account('  sas_policy {\n    expiration_period = var.sas_period\n  }\n'), path: TF, name: 'a policy whose period comes from a variable' },
    { code: account('  shared_access_key_enabled = false\n'), path: TF, name: 'Shared Key turned off' },
    { code: `variable "shared_key" {\n  default = false\n}\n${account('  shared_access_key_enabled = var.shared_key\n')}`, path: TF, name: 'Shared Key off through a variable default' },
    { code: `locals {\n  shared_key = false\n}\n${account('  shared_access_key_enabled = local.shared_key\n')}`, path: TF, name: 'Shared Key off through a local' },
    { code: account(`  shared_access_key_enabled = true\n${sas}`), path: TF },
    { code: 'resource "azurerm_storage_container" "c" {\n  name                 = "data"\n  storage_account_name = azurerm_storage_account.sa.name\n}\n', path: TF },
    { code: 'data "azurerm_storage_account" "existing" {\n  name                = "examplesa"\n  resource_group_name = "rg"\n}\n', path: TF },
    { code: 'resource "azurerm_storage_account_network_rules" "r" {\n  storage_account_id = azurerm_storage_account.sa.id\n  default_action     = "Deny"\n}\n', path: TF },
    { code: arm('{ "sasPolicy": { "sasExpirationPeriod": "1.00:00:00", "expirationAction": "Log" } }'), path: ARM },
    { code: arm('{ "sasPolicy": { "sasExpirationPeriod": "[parameters(\'sasPeriod\')]" } }'), path: ARM, name: 'a period from a parameter' },
    { code: arm('{ "allowSharedKeyAccess": false }'), path: ARM },
    { code: arm('{ "allowSharedKeyAccess": "false" }'), path: ARM, name: 'false as a string' },
    { code: arm('{ "sasPolicy": { "sasExpirationPeriod": "1.00:00:00" } }', 'Microsoft.Storage/storageAccounts/blobServices'), path: ARM, name: 'a child resource' },
    { code: arm('{ "accessTier": "Hot" }', 'Microsoft.KeyVault/vaults'), path: ARM },
  ],
  invalid: [
    { code: account(''), path: TF, count: 1, line: 1 },
    { code: account('  shared_access_key_enabled = true\n'), path: TF, count: 1 },
    { code: account('  sas_policy {\n    expiration_action = "Log"\n  }\n'), path: TF, count: 1, name: 'a sas_policy without its period' },
    { code: account('  shared_access_key_enabled = var.shared_key\n'), path: TF, count: 1, name: 'unverifiable Shared Key setting' },
    {
      code: account(
        '  dynamic "sas_policy" {\n    for_each = var.sas_policy == null ? [] : [var.sas_policy]\n    content {\n      expiration_period = sas_policy.value.expiration_period\n    }\n  }\n',
      ),
      path: TF,
      count: 1,
      name: 'a dynamic policy that may not be generated',
    },
    { code: account('') + account(sas, 'ok') + account('', 'logs'), path: TF, count: 2, name: 'each account judged' },
    { code: arm('{ "supportsHttpsTrafficOnly": true }'), path: ARM, count: 1, line: 5 },
    { code: arm('{ "allowSharedKeyAccess": true }'), path: ARM, count: 1 },
    { code: arm('{ "allowSharedKeyAccess": null, "sasPolicy": {} }'), path: ARM, count: 1, name: 'null means allowed; an empty policy' },
    { code: arm('{ "AllowSharedKeyAccess": "[parameters(\'sharedKey\')]" }'), path: ARM, count: 1, name: 'unverifiable, in another case' },
    { code: arm('{ "keyPolicy": { "keyExpirationPeriodInDays": 90 } }'), path: ARM, count: 1, name: 'a key expiration policy is no SAS policy' },
    {
      code: '{"resources": [{"type": "Microsoft.Resources/deployments", "name": "nested", "properties": {}, "resources": [{"type": "Microsoft.Storage/storageAccounts", "name": "inner", "properties": {}}]}]}',
      path: 'arm/nested.json',
      count: 1,
    },
  ],
});

describe('rotation/azure-storage-sas-expiry', () => {
  it('says what a user needs to know', () => {
    const [f] = runRule(rule, { code: account(''), path: TF });
    expect(f!.message).toBe(
      'Storage account `azurerm_storage_account.sa` allows Shared Key authorization (the default) and sets no SAS expiration policy (`sas_policy`): SAS tokens signed with the account key can be made valid for years and cannot be revoked short of rotating the key.',
    );
    expect(f!.severity).toBe('low');
    expect(f!.confidence).toBe('medium');
  });

  it('says when the Shared Key setting cannot be verified, with low confidence', () => {
    const [f] = runRule(rule, { code: account('  shared_access_key_enabled = var.shared_key\n'), path: TF });
    expect(f!.message).toMatch(/may allow Shared Key authorization/);
    expect(f!.confidence).toBe('low');
    const [g] = runRule(rule, { code: arm('{ "allowSharedKeyAccess": "[parameters(\'k\')]" }'), path: ARM });
    expect(g!.confidence).toBe('low');
  });

  it('offers turning Shared Key off as the alternative', () => {
    expect(rule.meta.remediation).toMatch(/expiration_period = "1\.00:00:00"/);
    expect(rule.meta.remediation).toMatch(/shared_access_key_enabled = false/);
  });
});
