import rule from '../../../../src/engine/rules/secrets/twilio-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, ALNUM } from '../../../helpers/tokens.js';

const sid = cat('S', 'K', rand(32, HEX, 'twk'));

ruleTester(rule, {
  valid: [
    `key = "${cat('S', 'K')}${'x'.repeat(32)}"`,
    `key = "${cat('S', 'K')}${rand(31, HEX, 'short')}"`,
    `key = "${cat('S', 'K')}${rand(32, ALNUM, 'alnum')}"`, // not hex
    `hash = "${cat('AS', 'K')}${rand(32, HEX, 'glued')}"`, // glued to a word
    `blob = "${rand(20, ALNUM, 'b64')}+${cat('S', 'K')}${rand(32, HEX, 'mid')}"`, // inside base64
    'TWILIO_API_KEY=${TWILIO_API_KEY}',
  ],
  invalid: [
    { code: `const apiKey = "${sid}";`, secret: sid, count: 1 },
    { code: `TWILIO_API_KEY=${sid}`, path: '.env', secret: sid },
    { code: `twilio:\n  api_key: '${sid}'\n`, path: 'config.yml', secret: sid, line: 2 },
    { code: `client = Client("${sid}", api_secret, account_sid)`, path: 'send.py', secret: sid },
    { code: `curl -u ${sid}:$SECRET https://api.twilio.com/2010-04-01/Accounts.json`, path: 'a.sh', secret: sid },
  ],
});
