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
    `razorpay:\n  region: ${secret}`, // nested, not a credential key
    `razorpay:\n  client_id: ${secret}`, // nested, an id
    `razorpay:\n  key_secret: ${'a'.repeat(24)}`, // nested placeholder
    `razorpay:\n  key_id: ${keyId}`, // nested, the public key id
  ],
  invalid: [
    { code: `RAZORPAY_KEY_SECRET=${secret}`, path: '.env', secret, count: 1 },
    { code: `razorpay.Client(auth=("${keyId}", razorpay_secret := "${secret}"))`, path: 'pay.py', secret },
    { code: `razorpay:\n  key_id: ${keyId}\nrazorpay_key_secret: '${secret}'`, path: 'c.yml', secret, line: 3 },
    { code: `razorpay token - '${secret}'`, secret },
    { code: `razorpay:\n  key_secret: ${secret}\n`, path: 'config.yml', secret: secret, count: 1 },
    { code: `[razorpay]\nkey_secret = "${secret}"\n`, path: 'settings.toml', secret: secret },
    { code: `services:\n  - razorpay:\n      key_secret: ${secret}\n`, path: 'config.yml', secret: secret },
  ],
});
