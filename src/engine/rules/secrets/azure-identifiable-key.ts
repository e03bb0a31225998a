import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Microsoft's "identifiable" key formats carry a fixed service signature at a fixed offset, so they are
 * recognisable without any context (the chance of a random string matching is about 1 in 16 million):
 *  - 88-char keys: 76 base64 + signature + 5 + [AQgw]== (Storage +ASt, Cosmos DB ACDb, Batch +ABa,
 *    ML classic +AMC, API Management APIM);
 *  - 44-char keys: 33 + signature + [A-P] + 5 + `=` (Service Bus +ASb, Event Hubs +AEh, Relay +ARm,
 *    IoT AIoT, Redis AzCa, Event Grid AZEG);
 *  - Functions (AzFu), Cognitive Search (AzSe), Container Registry (+ACR);
 *  - 84-char "common annotated security keys" with `JQQJ9` at offset 52 (Azure OpenAI, AI services,
 *    Maps, Communication Services, App Configuration, SQL …). Azure DevOps PATs of that format are
 *    left to secrets/azure-devops-pat.
 */
const B64 = 'A-Za-z0-9+/';
const PATTERN = new RegExp(
  `(?<![${B64}_\\-])(?<secret>` +
    [
      `[${B64}]{76}(?:\\+ASt|ACDb|\\+ABa|\\+AMC|APIM)[${B64}]{5}[AQgw]==`,
      `[${B64}]{33}(?:\\+ASb|\\+AEh|\\+ARm|AIoT|AzCa|AZEG)[A-P][${B64}]{5}=`,
      `[A-Za-z0-9_\\-]{44}AzFu[A-Za-z0-9_\\-]{5}[AQgw]==`,
      `[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5}`,
      `[${B64}]{42}\\+ACR[A-D][${B64}]{5}`,
      `[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}`,
    ].join('|') +
    `)(?![${B64}=_\\-])`,
  'g',
);

const SIGNATURES: Array<[RegExp, string]> = [
  [/^.{76}\+ASt/, 'Azure Storage account key'],
  [/^.{76}ACDb/, 'Azure Cosmos DB key'],
  [/^.{76}\+ABa/, 'Azure Batch account key'],
  [/^.{76}\+AMC/, 'Azure Machine Learning web service key'],
  [/^.{76}APIM/, 'Azure API Management key'],
  [/^.{33}\+ASb/, 'Azure Service Bus key'],
  [/^.{33}\+AEh/, 'Azure Event Hubs key'],
  [/^.{33}\+ARm/, 'Azure Relay key'],
  [/^.{33}AIoT/, 'Azure IoT Hub / device key'],
  [/^.{33}AzCa/, 'Azure Cache for Redis key'],
  [/^.{33}AZEG/, 'Azure Event Grid key'],
  [/^.{44}AzFu/, 'Azure Functions key'],
  [/^.{42}AzSe/, 'Azure AI Search key'],
  [/^.{42}\+ACR/, 'Azure Container Registry key'],
  [/^.{52}JQQJ9/, 'Azure service key (common annotated format)'],
];

const rule = defineSecretRule({
  id: 'secrets/azure-identifiable-key',
  description: 'Azure service key in an identifiable format (Storage, Cosmos DB, Service Bus, Event Hubs, Functions, AI services, …)',
  severity: 'critical',
  confidence: 'high',
  keywords: ['+ast', 'acdb', '+aba', '+amc', 'apim', '+asb', '+aeh', '+arm', 'aiot', 'azca', 'azeg', 'azfu', 'azse', '+acr', 'jqqj9'],
  pattern: PATTERN,
  minEntropy: 3.5,
  // An 84-character key signed for Azure DevOps is a PAT: its own rule reports it.
  validate: (secret) => !(secret.length === 84 && secret.slice(76, 80) === 'AZDO'),
  revoke: {
    provider: 'Microsoft Azure',
    url: 'https://portal.azure.com/',
    steps: [
      'Open the resource the key belongs to (the signature names the service) and regenerate that key (Access keys / Keys / Shared access policies → Regenerate).',
      'Move clients to the other key or, better, to Microsoft Entra ID (managed identity) and disable key-based access where the service allows it.',
      "Review the resource's diagnostic / activity logs for use of the key since the commit.",
    ],
  },
});

export default refine(rule, (raw) => {
  const kind = SIGNATURES.find(([re]) => re.test(raw.secret ?? ''))?.[1] ?? 'Azure service key';
  return { ...raw, message: `${kind} committed to the repository (identifiable format).` };
});
