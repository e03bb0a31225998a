import rule from '../../../../src/engine/rules/secrets/checkout-com-secret-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, LOWER_ALNUM, HEX } from '../../../helpers/tokens.js';

const key = cat('sk', '_sbox_', rand(27, LOWER_ALNUM, 'cko'));
const live = cat('sk', '_', rand(27, LOWER_ALNUM, 'cko-live'));
const abc = cat('sk', '_test_', [rand(8, HEX, 'c1'), rand(4, HEX, 'c2'), rand(4, HEX, 'c3'), rand(4, HEX, 'c4'), rand(12, HEX, 'c5')].join('-'));

ruleTester(rule, {
  valid: [
    `secret_key = "${live}"`,
    `CKO_SECRET_KEY=sk_sbox_${rand(20, LOWER_ALNUM, 'a')}`,
    `CKO_SECRET_KEY=\${CKO_SECRET_KEY}`,
    `CKO_PUBLIC_KEY=pk_sbox_${rand(27, LOWER_ALNUM, 'b')}`,
    `checkout_button_label = "${live}"`,
  ],
  invalid: [
    { code: `CKO_SECRET_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `api = CheckoutSdk.builder().static_keys().secret_key("${key}").environment(Environment.sandbox()).build()`, path: 'pay.py', secret: key },
    { code: `CKO_SECRET_KEY=${live}`, path: '.env.production', secret: live },
    { code: `checkout:\n  secret_key: ${abc}`, path: 'payments.yml', secret: abc },
  ],
});
