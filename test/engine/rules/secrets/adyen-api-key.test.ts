import rule from '../../../../src/engine/rules/secrets/adyen-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, UPPER_ALNUM, cat, rand } from '../../../helpers/tokens.js';

// Adyen's three parts: `AQE` + base64 ending `=`/`==`, 43 base64 + `=`, 16 printable characters.
const third = cat(rand(4, undefined, 'ad3a'), '<{', rand(3, undefined, 'ad3b'), ';(', rand(3, undefined, 'ad3c'), ']~');
const key = cat('AQE', rand(93, B64, 'ad1'), '==-', rand(43, B64, 'ad2'), '=-', third);
const short = cat('AQE', rand(77, B64, 'ad1s'), '=-', rand(43, B64, 'ad2s'), '=-', rand(16, undefined, 'ad3s'));

ruleTester(rule, {
  valid: [
    // Client keys are public by design.
    `ADYEN_CLIENT_KEY=${cat('test_', rand(32, UPPER_ALNUM, 'adc'))}`,
    'ADYEN_API_KEY=${ADYEN_API_KEY}',
    'x-API-key: ADYEN_API_KEY',
    // Only two parts, or a third part too short: a truncated sample.
    `ADYEN_API_KEY=${cat('AQE', rand(93, B64, 'ad1'), '==-', rand(43, B64, 'ad2'), '=')}`,
    `ADYEN_API_KEY=${cat('AQE', rand(93, B64, 'ad1'), '==-', rand(43, B64, 'ad2'), '=-', rand(10, undefined, 'ad3t'))}`,
    // `AQE` inside a longer base64 run is not a key's start.
    `blob = "${cat(rand(20, B64, 'adb'), 'AQE', rand(93, B64, 'ad1'), '==-', rand(43, B64, 'ad2'), '=-', rand(16, undefined, 'ad3b'))}"`,
    `ADYEN_API_KEY=${cat('AQE', 'x'.repeat(93), '==-', 'x'.repeat(43), '=-', 'x'.repeat(16))}`,
  ],
  invalid: [
    { code: `ADYEN_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `$headers = ["x-API-key: ${key}", "content-type: application/json"];`, path: 'pay.php', secret: key },
    { code: `curl -H 'X-API-Key: ${short}' https://checkout-test.adyen.com/v71/paymentMethods`, path: 'README.md', secret: short },
    { code: `{"adyen": {"apiKey": "${key}"}}`, path: 'config.json', secret: key },
  ],
});
