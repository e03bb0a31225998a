import rule from '../../../../src/engine/rules/secrets/lob-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const key = cat('live', '_', rand(35, HEX, 'lob'));
const test = cat('test', '_', rand(35, HEX, 'lob-test'));
const pub = cat('live', '_pub_', rand(31, HEX, 'lob-pub'));

ruleTester(rule, {
  valid: [`api_key = "${key}"`, `global_key = "${key}"`, `LOB_API_KEY=live_${rand(34, HEX, 'l')}`, `LOB_API_KEY=\${LOB_API_KEY}`, `lob_address_id = "${key}"`],
  invalid: [
    { code: `LOB_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `LOB_TEST_API_KEY=${test}`, path: '.env.test', secret: test },
    { code: `const Lob = require('lob')('${key}');`, path: 'mail.js', secret: key },
    { code: `lob.api_key = "${key}"`, path: 'mail.py', secret: key },
    { code: `lob:\n  api_key: ${key}`, path: 'config.yml', secret: key },
    { code: `LOB_PUBLISHABLE_KEY=${pub}`, path: '.env', secret: pub },
  ],
});
