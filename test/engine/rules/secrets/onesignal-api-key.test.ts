import rule from '../../../../src/engine/rules/secrets/onesignal-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, base32 as b32, cat, rand } from '../../../helpers/tokens.js';

const base32 = (bytes: Buffer): string => b32(bytes, true);
/** A UUID's 16 bytes with the given version nibble, then 48 random bytes, as OneSignal encodes a key. */
const body = (seed: string, version = 4): string => {
  const id = Buffer.from(rand(32, HEX, seed), 'hex');
  id[6] = (id[6]! & 0x0f) | (version << 4);
  id[8] = (id[8]! & 0x3f) | 0x80;
  return base32(Buffer.concat([id, Buffer.from(rand(96, HEX, seed + '-secret'), 'hex')]));
};

const app = cat('os_v2', '_app_', body('os-app'));
const org = cat('os_v2', '_org_', body('os-org'));

ruleTester(rule, {
  valid: [
    'placeholder="os_v2_app_..."',
    'Authorization: Key YOUR_REST_API_KEY',
    `ONESIGNAL_REST_API_KEY=${cat('os_v2', '_app_', body('os-v1', 1))}`, // the id is not a UUID v4
    `ONESIGNAL_REST_API_KEY=${cat('os_v2', '_app_', 'a'.repeat(103))}`,
    `ONESIGNAL_REST_API_KEY=${cat('os_v2', '_app_', body('os-short').slice(0, 60))}`,
    `ONESIGNAL_REST_API_KEY=${cat('os_v2', '_app_', body('os-upper').toUpperCase())}`, // lower-case base32 only
    'const ONESIGNAL_APP_ID = "62959c11-07c4-4790-a9d1-a497ab4ed64a";', // an app id is public
  ],
  invalid: [
    { code: `ONESIGNAL_REST_API_KEY=${app}`, secret: app, path: '.env' },
    { code: `headers = {"Authorization": f"Key ${app}"}`, secret: app, path: 'push.py' },
    { code: `con.setRequestProperty("Authorization", "Basic ${app}");`, secret: app, path: 'Push.java' },
    { code: `onesignal:\n  org_api_key: ${org}`, secret: org, path: 'config.yml' },
  ],
});
