import rule from '../../../../src/engine/rules/secrets/azure-ai-service-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const k1 = rand(32, HEX, 'aoai-1');
const k2 = rand(32, HEX, 'aoai-2');
const sub = rand(32, ALNUM, 'apim');
const search = rand(52, ALNUM, 'search');
const padding = '# unrelated configuration\n'.repeat(200);

ruleTester(rule, {
  valid: [
    `OPENAI_API_KEY=${k1}`, // no Azure endpoint in the file
    `AZURE_OPENAI_ENDPOINT=https://demo.openai.azure.com/\n${padding}AZURE_OPENAI_KEY=${k1}`, // far from the endpoint
    `AZURE_OPENAI_ENDPOINT=https://demo.openai.azure.com/\nAZURE_OPENAI_KEY=${k1.slice(1)}`, // 31 characters
    `AZURE_OPENAI_ENDPOINT=https://demo.openai.azure.com/\nAZURE_OPENAI_DEPLOYMENT=${'gpt4o'.repeat(6)}ab`, // not a key name
    `AZURE_OPENAI_ENDPOINT=https://demo.openai.azure.com/\nAZURE_OPENAI_KEY=${'a'.repeat(32)}`,
    'AZURE_OPENAI_ENDPOINT=https://demo.openai.azure.com/\nAZURE_OPENAI_KEY=${AZURE_OPENAI_KEY}',
  ],
  invalid: [
    { code: `export OPENAI_API_BASE=https://demo.openai.azure.com/\nexport OPENAI_API_KEY=${k1}`, path: '.env', secret: k1, line: 2, count: 1 },
    { code: `openai.api_key = '${k2}'\nopenai.api_base = "https://demo-openai.openai.azure.com/"`, path: 'chat.py', secret: k2, line: 1 },
    { code: `{\n  "Values": {\n    "AZURE_OPENAI_ENDPOINT": "https://bc.openai.azure.com/",\n    "AZURE_OPENAI_KEY": "${k1}"\n  }\n}`, path: 'local.settings.json', secret: k1, line: 4 },
    { code: `AZURE_API_MANAGEMENT_GATEWAY_URL=https://acme.azure-api.net\nAZURE_API_MANAGEMENT_SUBSCRIPTION_KEY=${sub}`, path: '.env', secret: sub },
    { code: `azure:\n  azure_url: https://acme.search.windows.net/indexes/docs\n  azure_key: ${search}\n`, path: 'config.yaml', secret: search, line: 3 },
    { code: `curl -H "Ocp-Apim-Subscription-Key: ${k2}" https://example.org/translate`, secret: k2 },
  ],
});
