import rule from '../../../../src/engine/rules/secrets/bittrex-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(32, HEX, 'bittrex');

ruleTester(rule, {
  valid: [`api_secret = "${key}"`, `BITTREX_API_KEY=${rand(31, HEX, 'b')}`, `BITTREX_API_SECRET=\${BITTREX_API_SECRET}`, `bittrex_market = "${key}"`, `bittrex_api_key: your_bittrex_api_key_here`],
  invalid: [
    { code: `BITTREX_API_SECRET=${key}`, path: '.env', secret: key, count: 1 },
    { code: `exchange = ccxt.bittrex({"apiKey": "x", "secret": "y"})\nbittrex_secret = "${key}"`, path: 'bot.py', secret: key },
    { code: `bittrex:\n  api_key: ${key}`, path: 'config.yml', secret: key },
    { code: `{"bittrexApiKey": "${key}"}`, path: 'keys.json', secret: key },
    { code: `const bittrexSecret = '${key}';`, path: 'index.js', secret: key },
  ],
});
