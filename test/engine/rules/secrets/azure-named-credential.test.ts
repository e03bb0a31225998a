import rule from '../../../../src/engine/rules/secrets/azure-named-credential.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const s1 = rand(40, ALNUM, 'az-1');
const s2 = `${rand(43, B64, 'az-2')}=`;
const s3 = rand(52, ALNUM, 'az-3');
const guid = `${rand(8, HEX, 'g1')}-${rand(4, HEX, 'g2')}-${rand(4, HEX, 'g3')}-${rand(4, HEX, 'g4')}-${rand(12, HEX, 'g5')}`;

ruleTester(rule, {
  valid: [
    'addonProfiles[azurePolicyKey] = managedclusters.ManagedClusterAddonProfile{', // code, not a value
    `provider "azurerm" {\n  client_secret = var.client_secret\n}\nvariable "other" {\n  default = "${s1}"\n}`, // a variable, and the value outside the block
    `AZURE_CLIENT_ID=${guid}`, // an identifier, not a secret
    `AZURE_CLIENT_SECRET=${guid}`, // GUID-shaped: an ID pasted under the wrong name
    `azure_key: ${rand(52, LOWER_ALNUM, 'lower')}`, // one case only: not base64 of random bytes
    `AZURE_CLIENT_SECRET=${cat(rand(3, ALNUM, 'n'), '8Q~', rand(34, ALNUM, 'n2'))}`, // Q~ format: its own rule
    `AZURE_STORAGE_ACCOUNT_NAME=${s1}`, // not a credential name
    `azure_key_vault_name = "${s1}"`,
    `CLIENT_SECRET=${s1}`, // no Azure name
    'AZURE_CLIENT_SECRET=${AZURE_CLIENT_SECRET}',
    `azure_client_secret = "${rand(20, ALNUM, 'short')}"`,
    `azure:\n  region: ${s1}`, // nested, not a credential key
    `azure:\n  client_id: ${s1}`, // nested, an id
    `azure:\n  client_secret: ${'a'.repeat(40)}`, // nested placeholder
    `azure:\n  client_id: ${guid}`, // nested, the client id
  ],
  invalid: [
    { code: `provider "azurerm" {\n  region = "eu-1"\n  client_secret = "${s1}"\n}`, path: 'providers.tf', secret: s1, line: 3, count: 1 },
    { code: `var azureClientSecret := "${s1}"`, path: 'main.go', secret: s1, count: 1 },
    { code: `AZURE_CLIENT_SECRET=${s2}`, path: '.env', secret: s2 },
    { code: `export ARM_CLIENT_SECRET="${s1}"`, path: 'ci.sh', secret: s1 },
    { code: `azure:\n  azureKey: ${s3}\n  azureService: search01\n`, path: 'config.yaml', secret: s3, line: 2 },
    { code: `spring.cloud.azure.active-directory.credential.client-secret=${s2}`, path: 'application.properties', secret: s2 },
    { code: `<azureFunctionKey>\n  ${s1}\n</azureFunctionKey>`, path: 'settings.xml', secret: s1, line: 2 },
    { code: `azure:\n  client_secret: ${s1}\n`, path: 'config.yml', secret: s1, count: 1 },
    { code: `[azure]\nclient_secret = "${s1}"\n`, path: 'settings.toml', secret: s1 },
    { code: `services:\n  - azure:\n      client_secret: ${s1}\n`, path: 'config.yml', secret: s1 },
  ],
});
