import rule from '../../../../src/engine/rules/secrets/telnyx-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const key = cat('KEY', rand(32, '0123456789ABCDEF', 'telnyx'), '_', rand(22, ALNUM, 'telnyx2'));

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`,
    `TELNYX_API_KEY=KEY${rand(31, '0123456789ABCDEF', 'a')}_${rand(22, ALNUM, 'b')}`,
    `TELNYX_API_KEY=\${TELNYX_API_KEY}`,
    `TELNYX_API_KEY=KEYXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXX`,
  ],
  invalid: [
    { code: `TELNYX_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `telnyx.api_key = "${key}"`, path: 'sms.py', secret: key },
    { code: `const telnyx = require('telnyx')('${key}');`, path: 'sms.js', secret: key },
    { code: `curl https://api.telnyx.com/v2/messages \\\n  -H "Authorization: Bearer ${key}"`, path: 'send.sh', secret: key },
  ],
});
