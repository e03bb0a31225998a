import rule from '../../../../src/engine/rules/secrets/launchdarkly-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const uuid4 = (s: string): string => [rand(8, HEX, s + 1), rand(4, HEX, s + 2), '4' + rand(3, HEX, s + 3), rand(4, HEX, s + 4), rand(12, HEX, s + 5)].join('-');
const api = cat('ap', 'i-', uuid4('ld'));
const sdk = cat('sd', 'k-', uuid4('lds'));
const other = rand(40, LOWER_ALNUM, 'ldo');

ruleTester(rule, {
  valid: [
    `id = "${uuid4('plain')}"`, // a bare UUID
    `host = "${cat('ap', 'i-')}gateway-prod-eu"`,
    `key = "${cat('sd', 'k-')}${uuid4('upper').toUpperCase()}"`, // upper case
    `key = "${cat('ap', 'i-')}${[rand(8, HEX, 'v1'), rand(4, HEX, 'v2'), '1' + rand(3, HEX, 'v3'), rand(4, HEX, 'v4'), rand(12, HEX, 'v5')].join('-')}"`, // not a version-4 UUID
    'LAUNCHDARKLY_SDK_KEY=${LAUNCHDARKLY_SDK_KEY}',
    `launchdarkly:\n  region: ${other}`, // nested, not a credential key
    `launchdarkly:\n  client_id: ${other}`, // nested, an id
    `launchdarkly:\n  api_key: ${'a'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `LAUNCHDARKLY_SDK_KEY=${sdk}`, path: '.env', secret: sdk, count: 1 },
    { code: `const client = LaunchDarkly.init('${sdk}');`, secret: sdk },
    { code: `curl -H "Authorization: ${api}" https://app.launchdarkly.com/api/v2/flags`, path: 'a.sh', secret: api },
    { code: `launchdarkly_access_token = "${other}"`, path: 'main.tf', secret: other },
    { code: `launchdarkly:\n  api_key: ${other}\n`, path: 'config.yml', secret: other, count: 1 },
    { code: `[launchdarkly]\napi_key = "${other}"\n`, path: 'settings.toml', secret: other },
    { code: `services:\n  - launchdarkly:\n      api_key: ${other}\n`, path: 'config.yml', secret: other },
  ],
});
