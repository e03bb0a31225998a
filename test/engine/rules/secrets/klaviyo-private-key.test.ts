import rule from '../../../../src/engine/rules/secrets/klaviyo-private-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const key = cat('pk', '_', rand(34, HEX, 'klaviyo'));

ruleTester(rule, {
  valid: [`KLAVIYO_PRIVATE_KEY=pk_${rand(33, HEX, 'a')}`, `KLAVIYO_PUBLIC_KEY=AbC123`, `KLAVIYO_PRIVATE_KEY=\${KLAVIYO_PRIVATE_KEY}`, `pk_live_${rand(34, HEX, 'b')}`, `pk_url_kwarg = "slug"`],
  invalid: [
    { code: `KLAVIYO_PRIVATE_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `client = KlaviyoAPI("${key}", max_delay=60)`, path: 'sync.py', secret: key },
    { code: `curl -H "Authorization: Klaviyo-API-Key ${key}" https://a.klaviyo.com/api/profiles/`, path: 'call.sh', secret: key },
    { code: `klaviyo:\n  api_key: ${key}`, path: 'config.yml', secret: key },
  ],
});
