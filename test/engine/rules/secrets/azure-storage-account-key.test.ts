import rule from '../../../../src/engine/rules/secrets/azure-storage-account-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64 } from '../../../helpers/tokens.js';

const k1 = cat(rand(86, B64, 'st-1'), '==');
const k2 = cat(rand(86, B64, 'st-2'), '==');
const k3 = cat(rand(86, B64, 'st-3'), '==');
// The storage emulator's published development key (Azurite, devstoreaccount1).
const emulator = cat('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', '/K1SZFPTOtr/KBHBeksoGMGw==');

ruleTester(rule, {
  valid: [
    `DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=${emulator};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
    `AccountKey=${rand(86, B64, 'st-1').slice(0, 80)}==`, // too short
    `AccountKey=${rand(88, B64, 'st-long')}==`, // too long
    `ANY_VALUE = ${k1}`, // 64 random bytes without an account-key name
    `AccountKey=${'A'.repeat(86)}==`,
    'AZURE_STORAGE_KEY=${AZURE_STORAGE_KEY}',
    `storageAccountKey = "${'x'.repeat(86)}=="`,
  ],
  invalid: [
    { code: `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${k1};EndpointSuffix=core.windows.net`, secret: k1, count: 1 },
    { code: `private const string storageAccountKey = "${k2}";`, path: 'Program.cs', secret: k2 },
    { code: `public static final String DEFAULT_ACCOUNT_KEY\n        = "${k3}";`, path: 'Azurite.java', secret: k3, line: 2 },
    { code: `{ "AccountName", "acme" },\n{ "AccountKey", "${k1}" },\n{ "SecondaryAccountKey", "${k2}" },`, count: 2 },
    { code: `AZURE_STORAGE_ACCESS_KEY=${k2}`, path: '.env', secret: k2 },
    { code: `cosmos:\n  primary_key: ${k3}\n`, path: 'config.yaml', secret: k3, line: 2 },
    { code: `resource "azurerm_storage_account" "x" {}\nstorage_account_key = "${k1}"`, path: 'main.tf', secret: k1, line: 2 },
  ],
});
