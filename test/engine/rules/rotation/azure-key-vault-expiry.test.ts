import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/azure-key-vault-expiry.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'azure/kv.tf';
const secret = (extra = ''): string =>
  `resource "azurerm_key_vault_secret" "s" {\n  name         = "db-password"\n  value        = random_password.db.result\n  key_vault_id = azurerm_key_vault.kv.id\n${extra}}\n`;
const key = (extra = ''): string =>
  `resource "azurerm_key_vault_key" "k" {\n  name         = "cmk"\n  key_vault_id = azurerm_key_vault.kv.id\n  key_type     = "RSA"\n  key_size     = 2048\n  key_opts     = ["unwrapKey", "wrapKey"]\n${extra}}\n`;
const arm = (type: string, props: string): string =>
  `{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [\n    {\n      "type": "${type}",\n      "apiVersion": "2021-10-01",\n      "name": "kv/item",\n      "properties": ${props}\n    }\n  ]\n}\n`;

ruleTester(rule, {
  valid: [
    // Identifiers kept in the vault beside credentials (aztfmod's CAF modules): nothing to renew.
    {
      code: 'resource "azurerm_key_vault_secret" "client_id" {\n  name         = format("%s-client-id", each.value.secret_prefix)\n  key_vault_id = var.keyvaults[each.key].id\n  value        = coalesce(try(var.resources.application.application_id, null))\n}\n',
      path: 'modules/azuread/credentials/keyvault_secrets.tf',
    },
    {
      code: 'resource "azurerm_key_vault_secret" "sql_admin" {\n  name         = "${var.name}-sql-admin"\n  value        = var.settings.sql_administrator_login\n  key_vault_id = var.kv_id\n}\n',
      path: 'modules/analytics/synapse/workspace.tf',
    },
    { code: secret('  expiration_date = "2026-12-31T00:00:00Z"\n'), path: TF },
    { code: secret('  expiration_date = azuread_application_password.app.end_date\n'), path: TF },
    { code: key('  expiration_date = "2026-12-31T00:00:00Z"\n'), path: TF },
    { code: key('  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n    expire_after = "P90D"\n  }\n'), path: TF },
    { code: arm('Microsoft.KeyVault/vaults/secrets', '{ "value": "[parameters(\'v\')]", "attributes": { "exp": 1798675200 } }'), path: 'arm/kv.json' },
    { code: arm('Microsoft.KeyVault/vaults/keys', '{ "kty": "RSA", "attributes": { "exp": "[parameters(\'exp\')]" } }'), path: 'arm/kv.json' },
    { code: key('  rotation_policy {\n    automatic {\n      time_after_create = "P90D"\n    }\n  }\n'), path: TF, name: 'rotates every 90 days after creation' },
    {
      code: key('  dynamic "rotation_policy" {\n    for_each = var.rotation_policy[*]\n    content {\n      expire_after = rotation_policy.value.expire_after\n    }\n  }\n'),
      path: TF,
      name: 'a dynamic rotation policy: not judged',
    },
    {
      code: 'resource "azurerm_key_vault_managed_hardware_security_module_key" "k" {\n  name = "k"\n  managed_hsm_id = azurerm_key_vault_managed_hardware_security_module.hsm.id\n  key_type = "EC-HSM"\n  key_opts = ["sign"]\n  expiration_date = "2027-01-01T00:00:00Z"\n}\n',
      path: TF,
      name: 'a Managed HSM key with an expiry',
    },
    {
      code: arm(
        'Microsoft.KeyVault/vaults/keys',
        '{ "kty": "RSA", "rotationPolicy": { "attributes": { "expiryTime": "P90D" }, "lifetimeActions": [{ "trigger": { "timeBeforeExpiry": "P30D" }, "action": { "type": "rotate" } }] } }',
      ),
      path: 'arm/kv.json',
      name: 'a rotation policy with a Rotate action',
    },
    { code: arm('Microsoft.KeyVault/vaults/keys', `{ "kty": "RSA", "rotationPolicy": "[parameters('policy')]" }`), path: 'arm/kv.json', name: 'a rotation policy from a parameter' },
    { code: 'resource "azurerm_key_vault" "kv" {\n  name = "kv"\n}\n', path: TF },
    {
      code: "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'kv'\n}\n\nresource s 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {\n  parent: kv\n  name: 'db'\n  properties: {\n    value: dbPassword\n    attributes: {\n      exp: dateTimeToEpoch(dateTimeAdd(utcNow(), 'P90D'))\n    }\n  }\n}\n",
      path: 'infra/kv.bicep',
      name: 'Bicep secret with a computed expiry',
    },
  ],
  invalid: [
    { code: secret(), path: TF, count: 1, line: 1 },
    // A client secret is a credential, whatever identifier words its name also holds.
    {
      code: 'resource "azurerm_key_vault_secret" "client_secret" {\n  name         = "app-client-secret"\n  value        = azuread_application_password.app.value\n  key_vault_id = var.kv_id\n}\n',
      path: TF,
      count: 1,
    },
    {
      code: "param name string\n\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: name\n  properties: {\n    tenantId: tenant().tenantId\n  }\n\n  resource s 'secrets' = {\n    name: 'db'\n    properties: {\n      value: 'x'\n    }\n  }\n}\n",
      path: 'infra/kv.bicep',
      count: 1,
      line: 9,
      name: 'Bicep secret declared in its vault, without an expiry',
    },
    {
      code: "resource k 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {\n  parent: kv\n  name: 'cmk'\n  properties: {\n    kty: 'RSA'\n  }\n}\n",
      path: 'infra/keys.bicep',
      count: 1,
      line: 1,
      name: 'Bicep key without an expiry or rotation',
    },
    {
      code: '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "languageVersion": "2.0",\n  "contentVersion": "1.0.0.0",\n  "resources": {\n    "kv": {\n      "existing": true,\n      "type": "Microsoft.KeyVault/vaults",\n      "apiVersion": "2023-07-01",\n      "name": "kv"\n    },\n    "secret": {\n      "type": "Microsoft.KeyVault/vaults/secrets",\n      "apiVersion": "2023-07-01",\n      "name": "kv/db",\n      "properties": { "value": "x" }\n    }\n  }\n}\n',
      path: 'arm/v2.json',
      count: 1,
      line: 13,
      name: 'languageVersion 2.0: resources keyed by symbolic name',
    },
    { code: key(), path: TF, count: 1, line: 1 },
    { code: secret() + key('  expiration_date = "2026-12-31T00:00:00Z"\n'), path: TF, count: 1 },
    { code: arm('Microsoft.KeyVault/vaults/secrets', '{ "value": "x" }'), path: 'arm/kv.json', count: 1, line: 5 },
    { code: arm('Microsoft.KeyVault/vaults/keys', '{ "kty": "RSA", "attributes": {} }'), path: 'arm/kv.json', count: 1 },
    {
      code: key('  rotation_policy {\n    expire_after         = "P90D"\n    notify_before_expiry = "P29D"\n  }\n'),
      path: TF,
      count: 1,
      name: 'a rotation policy that only notifies and sets the expiry of later versions',
    },
    {
      code: 'resource "azurerm_key_vault_managed_hardware_security_module_key" "k" {\n  name = "k"\n  managed_hsm_id = azurerm_key_vault_managed_hardware_security_module.hsm.id\n  key_type = "EC-HSM"\n  key_opts = ["sign"]\n}\n',
      path: TF,
      count: 1,
      name: 'a Managed HSM key without an expiry',
    },
    {
      code: arm('Microsoft.KeyVault/vaults/keys', '{ "kty": "RSA", "rotationPolicy": { "attributes": { "expiryTime": "P90D" } } }'),
      path: 'arm/kv.json',
      count: 1,
      name: 'a rotation policy without a Rotate action',
    },
    {
      code: arm('Microsoft.KeyVault/vaults/keys', '{ "kty": "RSA", "rotationPolicy": { "lifetimeActions": [{ "trigger": { "timeBeforeExpiry": "P30D" }, "action": { "type": "Notify" } }] } }'),
      path: 'arm/kv.json',
      count: 1,
      name: 'a rotation policy that only notifies',
    },
    // a child resource nested in its vault
    {
      code: '{"resources": [{"type": "Microsoft.KeyVault/vaults", "name": "kv", "properties": {}, "resources": [{"type": "secrets", "name": "db", "properties": {"value": "x"}}]}]}',
      path: 'arm/vault.json',
      count: 1,
    },
  ],
});

describe('rotation/azure-key-vault-expiry', () => {
  it('names the missing attribute', () => {
    expect(runRule(rule, { code: secret(), path: TF })[0]!.message).toBe(
      'Key Vault secret `azurerm_key_vault_secret.s` has no `expiration_date`: nothing says when the credential it holds must be renewed.',
    );
    expect(runRule(rule, { code: key(), path: TF })[0]!.message).toMatch(/no `expiration_date` and no `rotation_policy`/);
    expect(runRule(rule, { code: key('  rotation_policy {\n    expire_after = "P90D"\n  }\n'), path: TF })[0]!.message).toMatch(/its `rotation_policy` has no `automatic` block/);
    expect(runRule(rule, { code: 'resource "azurerm_key_vault_managed_hardware_security_module_key" "k" {\n  name = "k"\n  key_type = "EC-HSM"\n}\n', path: TF })[0]!.message).toMatch(
      /^Managed HSM key `azurerm_key_vault_managed_hardware_security_module_key.k` has no `expiration_date`/,
    );
  });
});
