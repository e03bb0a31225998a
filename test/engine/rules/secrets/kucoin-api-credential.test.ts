import rule from '../../../../src/engine/rules/secrets/kucoin-api-credential.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(24, HEX, 'kc-key');
const secret = [rand(8, HEX, 'k1'), rand(4, HEX, 'k2'), rand(4, HEX, 'k3'), rand(4, HEX, 'k4'), rand(12, HEX, 'k5')].join('-');

ruleTester(rule, {
  valid: [
    `api_secret = "${secret}"`, // a UUID without KuCoin's name
    'KUCOIN_API_SECRET=${KUCOIN_API_SECRET}',
    `kucoin_order_id = "${rand(24, HEX, 'order')}"`,
    `KUCOIN_API_KEY=${rand(16, HEX, 'short')}`,
    `kucoin:\n  region: ${secret}`, // nested, not a credential key
    `kucoin:\n  client_id: ${secret}`, // nested, an id
    `kucoin:\n  api_secret: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
  ],
  invalid: [
    { code: `KUCOIN_API_KEY=${key}\nKUCOIN_API_SECRET=${secret}`, path: '.env', count: 2 },
    { code: `kucoinSecretKey := "${secret}"`, path: 'main.go', secret },
    { code: `exchange = ccxt.kucoin({"apiKey": "${key}"})  # kucoin_key = "${key}"`, path: 'bot.py', secret: key },
    { code: `kucoin:\n  api_secret: ${secret}\n`, path: 'config.yml', secret: secret, count: 1 },
    { code: `[kucoin]\napi_secret = "${secret}"\n`, path: 'settings.toml', secret: secret },
    { code: `services:\n  - kucoin:\n      api_secret: ${secret}\n`, path: 'config.yml', secret: secret },
  ],
});
