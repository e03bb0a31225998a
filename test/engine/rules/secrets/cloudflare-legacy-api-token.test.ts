import rule from '../../../../src/engine/rules/secrets/cloudflare-legacy-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const t1 = rand(40, B64URL, 'cf-legacy-1');
const t2 = rand(40, LOWER_ALNUM + '_-', 'cf-legacy-2');

ruleTester(rule, {
  valid: [
    'cloudflareApiToken = cloudflare_zone_settings_override_values', // an identifier (40 characters, no digit)
    `provider "cloudflare" {\n  api_token = var.api_token\n}\nvariable "other" {\n  default = "${t1}"\n}`, // a variable, and the value outside the block
    `CLOUDFLARE_COMMIT=${rand(40, HEX, 'sha')}`, // a SHA-1 under a Cloudflare name
    `API_TOKEN=${t1}`, // no Cloudflare name
    `CLOUDFLARE_API_TOKEN=${t1.slice(1)}`, // 39 characters
    `CLOUDFLARE_ORIGIN_CA: v1.0-${rand(24, HEX, 'a')}-${rand(146, HEX, 'b')}`, // an origin CA key
    `cloudflare_global_api_key = "${rand(37, HEX, 'g')}"`, // a global key: its own rule
    'CLOUDFLARE_API_TOKEN=${CLOUDFLARE_API_TOKEN}',
    `cloudflare:\n  region: ${t1}`, // nested, not a credential key
    `cloudflare:\n  client_id: ${t1}`, // nested, an id
    `cloudflare:\n  api_token: ${'a'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `provider "cloudflare" {\n  region = "eu-1"\n  api_token = "${t1}"\n}`, path: 'providers.tf', secret: t1, line: 3, count: 1 },
    { code: `CLOUDFLARE_API_TOKEN=${t1}`, path: '.env', secret: t1, count: 1 },
    { code: `api:\n  cloudflare_token: "${t2}"\n`, path: 'config.yaml', secret: t2, line: 2 },
    { code: `cloudflare: "${t1}"`, path: 'secrets.yml', secret: t1 },
    { code: `export CF_API_TOKEN='${t2}'`, path: 'deploy.sh', secret: t2 },
    { code: `cloudflare:\n  api_token: ${t1}\n`, path: 'config.yml', secret: t1, count: 1 },
    { code: `[cloudflare]\napi_token = "${t1}"\n`, path: 'settings.toml', secret: t1 },
    { code: `services:\n  - cloudflare:\n      api_token: ${t1}\n`, path: 'config.yml', secret: t1 },
  ],
});
