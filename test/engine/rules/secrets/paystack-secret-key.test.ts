import { expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/paystack-secret-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

const live = cat('sk', '_live_', rand(40, HEX, 'psl'));
const test = cat('sk', '_test_', rand(40, HEX, 'pst'));

ruleTester(rule, {
  valid: [
    `PAYSTACK_SECRET_KEY=${cat('sk', '_live_', rand(32, HEX, 'short'))}`,
    `STRIPE_SECRET_KEY=${cat('sk', '_live_', rand(40, ALNUM, 'stripe'))}`, // Stripe's body mixes cases
    `PAYSTACK_PUBLIC_KEY=${cat('pk', '_live_', rand(40, HEX, 'pub'))}`, // publishable
    'PAYSTACK_SECRET_KEY=${PAYSTACK_SECRET_KEY}',
  ],
  invalid: [
    { code: `const paystack = require('paystack')('${live}');`, secret: live, count: 1, path: 'pay.js' },
    { code: `PAYSTACK_SECRET_KEY=${test}`, secret: test, path: '.env' },
    { code: `headers = {"Authorization": "Bearer ${live}"}`, secret: live, path: 'pay.py' },
  ],
});

it('grades a test-mode key medium', () => {
  expect(runRule(rule, { code: `k = "${test}"` })[0]!.severity).toBe('medium');
  expect(runRule(rule, { code: `k = "${live}"` })[0]!.severity).toBe('critical');
});
