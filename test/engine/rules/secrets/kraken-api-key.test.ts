import rule from '../../../../src/engine/rules/secrets/kraken-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64 } from '../../../helpers/tokens.js';

const secret = cat(rand(86, B64, 'kraken-secret'), '==');
const key = rand(56, B64, 'kraken-key');

ruleTester(rule, {
  valid: [`api_secret = "${secret}"`, `KRAKEN_API_SECRET=${rand(80, B64, 'k')}`, `KRAKEN_API_SECRET=\${KRAKEN_API_SECRET}`, `kraken_pair = "${key}"`, `KRAKEN_PRIVATE_KEY="your kraken private key"`],
  invalid: [
    { code: `KRAKEN_API_SECRET=${secret}`, path: '.env', secret: secret, count: 1 },
    { code: `KRAKEN_API_KEY=${key}`, path: '.env', secret: key },
    { code: `exchange = ccxt.kraken({"apiKey": "x"})\nkraken_secret = "${secret}"`, path: 'bot.py', secret: secret },
    { code: `kraken:\n  private_key: "${secret}"`, path: 'config.yml', secret: secret },
    { code: `{"krakenApiKey": "${key}"}`, path: 'keys.json', secret: key },
  ],
});
