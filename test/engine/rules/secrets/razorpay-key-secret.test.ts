import rule from '../../../../src/engine/rules/secrets/razorpay-key-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const secret = rand(24, ALNUM, 'rzs');
const keyId = cat('rzp', '_live_', rand(14, ALNUM, 'rzi'));

ruleTester(rule, {
  valid: [
    `RAZORPAY_KEY_ID=${keyId}`, // the public key id
    `key_secret = "${secret}"`, // no provider name
    `razorpay_key_secret = "${'a'.repeat(24)}"`,
    `razorpay_secret = "${rand(20, ALNUM, 'short')}"`,
    'RAZORPAY_KEY_SECRET=${RAZORPAY_KEY_SECRET}',
  ],
  invalid: [
    { code: `RAZORPAY_KEY_SECRET=${secret}`, path: '.env', secret, count: 1 },
    { code: `razorpay.Client(auth=("${keyId}", razorpay_secret := "${secret}"))`, path: 'pay.py', secret },
    { code: `razorpay:\n  key_id: ${keyId}\nrazorpay_key_secret: '${secret}'`, path: 'c.yml', secret, line: 3 },
    { code: `razorpay token - '${secret}'`, secret },
  ],
});
