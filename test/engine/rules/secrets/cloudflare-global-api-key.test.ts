import rule from '../../../../src/engine/rules/secrets/cloudflare-global-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX, B64URL } from '../../../helpers/tokens.js';

const k1 = rand(37, HEX, 'cf-global-1');
const k2 = rand(37, HEX, 'cf-global-2');

ruleTester(rule, {
  valid: [
    `provider "cloudflare" {\n  api_key = var.api_key\n}\nvariable "other" {\n  default = "${k1}"\n}`, // a variable, and the value outside the block
    `cloudflare_api_key = "${rand(40, B64URL, 'token')}"`, // an API token: its own rule
    `cloudflare_account_id = "${rand(32, HEX, 'acct')}"`, // an account ID
    `CLOUDFLARE_API_KEY=${rand(39, HEX, 'long')}`,
    `API_KEY=${k1}`, // no Cloudflare name
    `CLOUDFLARE_API_KEY=${'0'.repeat(37)}`,
    'CLOUDFLARE_API_KEY=${CLOUDFLARE_API_KEY}',
    `cloudflare:\n  region: ${k1}`, // nested, not a credential key
    `cloudflare:\n  client_id: ${k1}`, // nested, an id
    `cloudflare:\n  api_key: ${'a'.repeat(37)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "cloudflare" {\n  region = "eu-1"\n  api_key = "${k1}"\n}`, path: 'providers.tf', secret: k1, line: 3, count: 1 },
    { code: `cloudflare_global_api_key = "${k1}"`, path: 'vars.tf', secret: k1, count: 1 },
    { code: `CLOUDFLARE_GLOBAL_API_KEY: ${k2}`, path: 'config.yml', secret: k2 },
    { code: `dns_cloudflare_api_key = ${k1}`, path: 'cloudflare.ini', secret: k1 },
    { code: `curl -H "X-Auth-Email: ops@example.com" -H "X-Auth-Key: ${k2}" https://api.cloudflare.com/client/v4/zones`, secret: k2 },
    { code: `export CF_API_KEY=${k1}`, path: '.envrc', secret: k1 },
    { code: `cloudflare:\n  api_key: ${k1}\n`, path: 'config.yml', secret: k1, count: 1 },
    { code: `[cloudflare]\napi_key = "${k1}"\n`, path: 'settings.toml', secret: k1 },
    { code: `services:\n  - cloudflare:\n      api_key: ${k1}\n`, path: 'config.yml', secret: k1 },
  ],
});
