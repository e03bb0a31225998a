import rule from '../../../../src/engine/rules/secrets/azure-identifiable-key.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, B64, B64URL, ALNUM } from '../../../helpers/tokens.js';

// Each format: random characters around a fixed service signature at a fixed offset.
const storage = cat(rand(76, B64, 'id-st'), '+AS', 't', rand(5, B64, 'id-st2'), 'Q==');
const cosmos = cat(rand(76, B64, 'id-cdb'), 'AC', 'Db', rand(5, B64, 'id-cdb2'), 'w==');
const serviceBus = cat(rand(33, B64, 'id-sb'), '+AS', 'b', 'K', rand(5, B64, 'id-sb2'), '=');
const eventHub = cat(rand(33, B64, 'id-eh'), '+AE', 'h', 'C', rand(5, B64, 'id-eh2'), '=');
const functions = cat(rand(44, B64URL, 'id-fn'), 'Az', 'Fu', rand(5, B64URL, 'id-fn2'), 'A==');
const search = cat(rand(42, ALNUM, 'id-se'), 'Az', 'Se', 'B', rand(5, ALNUM, 'id-se2'));
const acr = cat(rand(42, B64, 'id-acr'), '+AC', 'R', 'A', rand(5, B64, 'id-acr2'));
const openai = cat(rand(52, ALNUM, 'id-oai'), 'JQ', 'QJ99', 'B', 'A', rand(12, ALNUM, 'id-oai2'), 'AAAB', 'ACOG', rand(4, ALNUM, 'id-oai3'));
const adoPat = cat(rand(52, ALNUM, 'id-ado'), 'JQ', 'QJ99', 'B', 'A', rand(12, ALNUM, 'id-ado2'), 'AAAA', 'AZDO', rand(4, ALNUM, 'id-ado3'));

ruleTester(rule, {
  valid: [
    `key = "${cat(rand(75, B64, 'id-st'), '+AS', 't', rand(5, B64, 'id-st2'), 'Q==')}"`, // signature at the wrong offset
    `key = "${cat(rand(76, B64, 'id-st'), '+AS', 't', rand(5, B64, 'id-st2'), 'B==')}"`, // impossible last character
    `key = "${cat(rand(33, B64, 'id-sb'), '+AS', 'b', 'Z', rand(5, B64, 'id-sb2'), '=')}"`, // [A-P] after the signature
    `key = "x${storage}"`, // inside a longer base64 run
    `pat = "${adoPat}"`, // an Azure DevOps PAT: its own rule
    `key = "${rand(88, B64, 'plain')}"`,
    `key = "${cat('A'.repeat(76), '+AS', 't', 'AAAAA', 'A==')}"`, // no entropy
  ],
  invalid: [
    { code: `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${storage}`, secret: storage, count: 1 },
    { code: `COSMOS_KEY=${cosmos}`, path: '.env', secret: cosmos },
    { code: `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${serviceBus}`, secret: serviceBus },
    { code: `eventhub:\n  key: "${eventHub}"\n`, path: 'config.yml', secret: eventHub, line: 2 },
    { code: `curl "https://acme.azurewebsites.net/api/run?code=${functions}"`, secret: functions },
    { code: `{"searchKey": "${search}", "registryPassword": "${acr}"}`, path: 'settings.json', count: 2 },
    { code: `AZURE_OPENAI_API_KEY=${openai}`, path: '.env', secret: openai },
  ],
});

describe('secrets/azure-identifiable-key messages', () => {
  it('names the service from the signature', () => {
    expect(runRule(rule, { code: `k = "${cosmos}"` })[0]!.message).toMatch(/Cosmos DB/);
    expect(runRule(rule, { code: `k = "${functions}"` })[0]!.message).toMatch(/Functions/);
  });
});
