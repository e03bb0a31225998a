import rule from '../../../../src/engine/rules/secrets/svix-webhook-secret.js';
import stripe from '../../../../src/engine/rules/secrets/stripe-webhook-secret.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64 } from '../../../helpers/tokens.js';

// Svix secrets are base64 (24 bytes: 32 characters); one with `+` or `/` cannot be Stripe's.
const b64 = cat(rand(14, ALNUM, 'svix-a'), '+', rand(10, ALNUM, 'svix-b'), '/', rand(6, ALNUM, 'svix-c'));
const svix = cat('wh', 'sec_', b64);
const alnum = cat('wh', 'sec_', rand(32, ALNUM, 'svix-alnum'));

ruleTester(rule, {
  valid: [
    // Alphanumeric with nothing naming Svix: Stripe's (stripe-webhook-secret).
    { code: `STRIPE_WEBHOOK_SECRET=${alnum}`, path: '.env' },
    `secret = "${cat('wh', 'sec_')}${'x'.repeat(32)}"`,
    'SVIX_SECRET=${SVIX_SECRET}',
  ],
  invalid: [
    { code: `const wh = new Webhook("${svix}");`, path: 'src/webhooks.ts', secret: svix, count: 1 },
    { code: `import { Webhook } from "svix";\nconst wh = new Webhook("${alnum}");\n`, path: 'src/webhooks.ts', secret: alnum, line: 2 },
    { code: `CLERK_WEBHOOK_SECRET=${cat('wh', 'sec_', rand(44, B64, 'clerk'))}`, path: '.env', secret: cat('wh', 'sec_', rand(44, B64, 'clerk')) },
  ],
});

describe('a whsec_ value is reported once, by the provider it belongs to', () => {
  it('Svix for a base64 value or a file that names Svix, Stripe otherwise', () => {
    expect(runRule(stripe, { code: `const wh = new Webhook("${svix}");` })).toEqual([]);
    expect(runRule(stripe, { code: `// svix\nsecret = "${alnum}"` })).toEqual([]);
    expect(runRule(stripe, { code: `STRIPE_WEBHOOK_SECRET=${alnum}`, path: '.env' })).toHaveLength(1);
    expect(runRule(rule, { code: `STRIPE_WEBHOOK_SECRET=${alnum}`, path: '.env' })).toEqual([]);
  });
});
