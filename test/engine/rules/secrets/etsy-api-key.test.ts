import rule from '../../../../src/engine/rules/secrets/etsy-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, LOWER_ALNUM } from '../../../helpers/tokens.js';

const key = rand(24, LOWER_ALNUM, 'etsy');

ruleTester(rule, {
  valid: [
    `api_key = "${key}"`,
    `betsy_key = "${key}"`,
    `ETSY_API_KEY=${rand(23, LOWER_ALNUM, 'e')}`,
    `ETSY_API_KEY=\${ETSY_API_KEY}`,
    `etsy_shop_id = "${key}"`,
    `ETSY_KEYSTRING=abcdefghijklmnopqrstuvwx`,
  ],
  invalid: [
    { code: `ETSY_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `etsy:\n  keystring: ${key}`, path: 'shop.yml', secret: key },
    { code: `const etsyApiKey = "${key}";`, path: 'etsy.ts', secret: key },
    { code: `{"etsy_key": "${key}"}`, path: 'config.json', secret: key },
    { code: `ETSY_KEYSTRING = '${key}'`, path: 'settings.py', secret: key },
  ],
});
