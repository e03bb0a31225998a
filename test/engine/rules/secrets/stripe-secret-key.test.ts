import rule from '../../../../src/engine/rules/secrets/stripe-secret-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX } from '../../../helpers/tokens.js';
import { expect, it } from 'vitest';

const live = cat('sk', '_live_', rand(24, ALNUM, 'stl'));
const restricted = cat('rk', '_live_', rand(99, ALNUM, 'str'));
const test = cat('sk', '_test_', rand(30, ALNUM, 'stt'));

ruleTester(rule, {
  valid: [
    `key = "${cat('pk', '_live_')}${rand(24, ALNUM, 'a')}"`, // publishable
    `key = "${cat('sk', '_live_')}short"`,
    `key = "${cat('sk', '_live_')}${'A'.repeat(24)}"`,
    `nonMatchingToken := "${cat('task', '_test_')}${rand(30, ALNUM, 'b')}"`,
    `key = "x${live}"`,
    'STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}',
    'see https://docs.stripe.com/keys',
    // Other issuers' keys with the prefix: Paystack's (40 hex), and a key on a line naming Clerk.
    `const paystack = require('paystack')('${cat('sk', '_live_', rand(40, HEX, 'pst'))}');`,
    `CLERK_SECRET_KEY=${live}`,
  ],
  invalid: [
    { code: `const stripe = require('stripe')('${live}');`, secret: live, count: 1 },
    { code: `STRIPE_SECRET_KEY=${restricted}`, path: '.env', secret: restricted },
    { code: `stripe:\n  secret_key: "${test}"\n`, path: 'config.yml', secret: test, line: 2 },
    { code: `curl https://api.stripe.com/v1/charges -u ${live}:`, path: 'a.sh', secret: live },
    { code: `resource "stripe_webhook" "x" {\n  api_key = "${cat('rk', '_prod_', rand(40, ALNUM, 'stp'))}"\n}`, path: 'main.tf', line: 2 },
  ],
});

it('reports test-mode keys at medium severity, live keys at critical', () => {
  expect(runRule(rule, { code: `k = "${test}"` })[0]!.severity).toBe('medium');
  expect(runRule(rule, { code: `k = "${live}"` })[0]!.severity).toBe('critical');
});
