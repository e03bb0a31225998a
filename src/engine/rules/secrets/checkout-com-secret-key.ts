import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Checkout.com secret keys. Sandbox keys of the current platform are `sk_sbox_` + 26 to 30 lower-case
 * alphanumerics: distinctive alone. Production keys (`sk_` + the same body) and keys of the previous platform
 * (`sk_` or `sk_test_` + a UUID) count next to Checkout.com's name (`CKO_SECRET_KEY`, `checkout_secret_key`).
 */
export default defineSecretRuleSet({
  id: 'secrets/checkout-com-secret-key',
  description: 'Checkout.com secret API key',
  severity: 'high',
  variants: [
    {
      keywords: ['sk_sbox_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>sk_sbox_[a-z0-9]{26,30})(?![A-Za-z0-9_])/g,
      minEntropy: 3.3,
    },
    ...keyedAndNested(['checkout', 'cko'], {
      keywords: ['checkout', 'cko_', 'cko-'],
      value: String.raw`sk_(?:test_)?(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]{26,30})`,
      minEntropy: 3.3,
    }),
  ],
  revoke: {
    provider: 'Checkout.com',
    url: 'https://dashboard.checkout.com/developers/keys',
    steps: [
      'In the Checkout.com Dashboard → Developers → Keys, revoke the key and create a new one with the scopes the service needs.',
      'Review payments, refunds and payouts made through the API since the commit.',
      'Store the new key as a secret.',
    ],
  },
});
