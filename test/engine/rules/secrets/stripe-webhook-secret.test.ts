import rule from '../../../../src/engine/rules/secrets/stripe-webhook-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const secret = cat('wh', 'sec_', rand(32, ALNUM, 'whs'));

ruleTester(rule, {
  valid: [
    `secret = "${cat('wh', 'sec_')}${'x'.repeat(32)}"`,
    `secret = "${cat('wh', 'sec_')}${rand(20, ALNUM, 'short')}"`,
    'STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET}',
    `// the signing secret starts with ${cat('wh', 'sec_')}`,
  ],
  invalid: [
    { code: `STRIPE_WEBHOOK_SECRET=${secret}`, path: '.env', secret, count: 1 },
    { code: `stripe.webhooks.constructEvent(body, sig, '${secret}');`, secret },
    { code: `webhook:\n  signing_secret: "${secret}"\n`, path: 'config.yaml', secret, line: 2 },
  ],
});
