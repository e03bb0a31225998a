import rule from '../../../../src/engine/rules/secrets/cloudflare-origin-ca-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const key = cat('v1', '.0-', rand(24, HEX, 'ca-1'), '-', rand(146, HEX, 'ca-2'));
const key2 = cat('v1', '.0-', rand(24, HEX, 'ca-3'), '-', rand(146, HEX, 'ca-4'));

ruleTester(rule, {
  valid: [
    'version: v1.0-beta',
    `key = "${cat('v1', '.0-', rand(24, HEX, 'ca-1'), '-', rand(140, HEX, 'short'))}"`,
    `key = "${cat('v1', '.1-', rand(24, HEX, 'ca-1'), '-', rand(146, HEX, 'ca-2'))}"`,
    `key = "${cat('v1', '.0-', '0'.repeat(24), '-', '0'.repeat(146))}"`,
    'CLOUDFLARE_ORIGIN_CA_KEY=${CF_ORIGIN_CA_KEY}',
  ],
  invalid: [
    { code: `CLOUDFLARE_ORIGIN_CA: ${key}`, path: 'config.yml', secret: key, count: 1 },
    { code: `api:\n  ca_key: "${key2}"\n`, path: 'settings.yaml', secret: key2, line: 2 },
    { code: `curl -H "X-Auth-User-Service-Key: ${key}" https://api.cloudflare.com/client/v4/certificates`, secret: key },
  ],
});
