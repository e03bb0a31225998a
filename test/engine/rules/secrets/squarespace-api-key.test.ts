import rule from '../../../../src/engine/rules/secrets/squarespace-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = [rand(8, HEX, 's1'), rand(4, HEX, 's2'), rand(4, HEX, 's3'), rand(4, HEX, 's4'), rand(12, HEX, 's5')].join('-');

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`, // a UUID without Squarespace's name
    `squarespace_site_id = "${key}"`,
    'SQUARESPACE_API_KEY=${SQUARESPACE_API_KEY}',
    `squarespace:\n  region: ${key}`, // nested, not a credential key
    `squarespace:\n  client_id: ${key}`, // nested, an id
    `squarespace:\n  api_key: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
  ],
  invalid: [
    { code: `SQUARESPACE_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `const squarespaceToken = "${key}";`, path: 'shop.ts', secret: key },
    { code: `squarespace_api_key: '${key}'`, path: 'config.yml', secret: key },
    { code: `squarespace:\n  api_key: ${key}\n`, path: 'config.yml', secret: key, count: 1 },
    { code: `[squarespace]\napi_key = "${key}"\n`, path: 'settings.toml', secret: key },
    { code: `services:\n  - squarespace:\n      api_key: ${key}\n`, path: 'config.yml', secret: key },
  ],
});
