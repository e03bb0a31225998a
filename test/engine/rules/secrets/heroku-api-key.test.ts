import rule from '../../../../src/engine/rules/secrets/heroku-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const k1 = cat('HR', 'KU-', 'AA', rand(58, B64URL, 'hrku-1'));
const k2 = cat('HR', 'KU-', 'AA', rand(58, B64URL, 'hrku-2'));

ruleTester(rule, {
  valid: [
    `key = "${k1.slice(0, -1)}"`, // 64 characters
    `key = "${k1}x"`,
    `key = "${cat('HR', 'KU-', 'AA', 'x'.repeat(58))}"`,
    `key = "${k1.slice(0, 30)};${k1.slice(31)}"`, // broken by a semicolon
    'HEROKU_API_KEY=${HEROKU_API_KEY}',
  ],
  invalid: [
    { code: `HEROKU_API_KEY=${k1}`, path: '.env', secret: k1, count: 1 },
    { code: `"test_secrets": {\n  "secret1": "${k1}",\n  "secret2": "${k2}"\n}`, path: 'detector.json', count: 2 },
    { code: `curl -n https://api.heroku.com/apps -H "Authorization: Bearer ${k2}"`, secret: k2 },
    { code: `machine api.heroku.com\n  login me@example.com\n  password ${k1}\n`, path: '.netrc', secret: k1, line: 3 },
  ],
});
