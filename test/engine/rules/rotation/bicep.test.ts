import { describe, expect, it } from 'vitest';
import { bicepAsArm } from '../../../../src/engine/rules/rotation/lib/bicep.js';
import { armResources } from '../../../../src/engine/rules/rotation/lib/cloud.js';

const BICEP = [
  "@description('Vault name')",
  "param vaultName string = 'kv-${uniqueString(resourceGroup().id)}'",
  'param disableLocal bool = false',
  'var location = resourceGroup().location',
  '',
  "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {",
  '  name: vaultName',
  '  location: location',
  '  properties: {',
  '    tenantId: subscription().tenantId',
  "    sku: { family: 'A', name: 'standard' }",
  '  }',
  '',
  "  resource dbPassword 'secrets' = {",
  "    name: 'db-password'",
  '    properties: {',
  "      value: 'x'",
  '    }',
  '  }',
  '',
  "  resource other 'keys' = {",
  "    name: 'k'",
  '    properties: {',
  "      kty: 'RSA'",
  '    }',
  '  }',
  '}',
  '',
  "resource existingKv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {",
  "  name: 'other'",
  '}',
  '',
  "resource topic 'Microsoft.EventGrid/topics@2022-06-15' = if (deployTopic) {",
  "  name: 'topic1'",
  '  properties: {',
  '    disableLocalAuth: disableLocal',
  '  }',
  '}',
  '',
  "resource sbs 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = [for i in range(0, 2): {",
  "  name: 'sb${i}'",
  '  properties: {',
  '    disableLocalAuth: true',
  '  }',
  '}]',
  '',
  '/* a comment with a resource keyword: resource x',
  '   spanning lines */',
  "resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {",
  '  parent: kv',
  "  name: 'cmk'",
  "  properties: { kty: 'RSA', attributes: { exp: 1798761600 } }",
  '}',
  '',
].join('\n');

describe('lib/bicep', () => {
  it('reads resource declarations as ARM resources on their Bicep lines', () => {
    const json = bicepAsArm(BICEP)!;
    expect(() => JSON.parse(json) as unknown).not.toThrow();
    const rs = armResources({ path: 'infra/main.bicep', text: BICEP } as Parameters<typeof armResources>[0]);
    expect(rs.map((r) => [r.type, r.id, r.line])).toEqual([
      ['Microsoft.KeyVault/vaults', 'kv', 6],
      ['Microsoft.KeyVault/vaults/secrets', 'dbPassword', 14],
      ['Microsoft.KeyVault/vaults/keys', 'other', 21],
      ['Microsoft.EventGrid/topics', 'topic', 33],
      ['Microsoft.ServiceBus/namespaces', 'sbs', 40],
      ['Microsoft.KeyVault/vaults/keys', 'key', 49],
    ]);
    const key = rs[5]!;
    expect(key.doc.str(key.doc.get(key.properties, 'attributes', 'exp'))).toBe('1798761600');
    expect(key.doc.pos(key.doc.entry(key.properties, 'kty')?.keyNode)?.line).toBe(52);
  });

  it('turns parameters and variables into ARM references, computed values into expressions', () => {
    const doc = JSON.parse(bicepAsArm(BICEP)!) as {
      resources: Array<{ location?: string; properties: Record<string, unknown> }>;
      parameters: Record<string, { defaultValue?: unknown }>;
    };
    expect(doc.resources[0]!.location).toBe("[variables('location')]");
    expect(doc.resources[0]!.properties.tenantId).toBe('[ subscription().tenantId ]');
    expect(doc.resources[1]!.properties.disableLocalAuth).toBe("[parameters('disableLocal')]");
    expect(doc.parameters.disableLocal).toEqual({ defaultValue: false });
    expect(doc.parameters.vaultName).toEqual({});
  });

  it('reads a ternary carried over several lines as one expression', () => {
    const src =
      "resource c 'Microsoft.ContainerService/managedClusters@2024-02-01' = {\n  name: 'c'\n  properties: {\n    addonProfiles: {\n      azureKeyvaultSecretsProvider: {\n        enabled: csi\n        config: csi\n          ? {\n              enableSecretRotation: 'true'\n            }\n          : null\n      }\n    }\n    disableLocalAccounts: true\n  }\n}\n";
    const doc = JSON.parse(bicepAsArm(src)!) as { resources: Array<{ properties: { addonProfiles: { azureKeyvaultSecretsProvider: { config: string } }; disableLocalAccounts: boolean } }> };
    expect(doc.resources[0]!.properties.addonProfiles.azureKeyvaultSecretsProvider.config).toMatch(/^\[ csi \? \{/);
    expect(doc.resources[0]!.properties.disableLocalAccounts).toBe(true);
  });

  it('has nothing to say about a file without resources', () => {
    expect(bicepAsArm('param x string\noutput y string = x\n')).toBeUndefined();
    expect(bicepAsArm("module m './m.bicep' = {\n  name: 'm'\n}\n")).toBeUndefined();
  });
});
