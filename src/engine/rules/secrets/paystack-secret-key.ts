import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Paystack secret keys: `sk_live_` / `sk_test_` and 40 hex digits. Stripe's keys share the prefix but
 * not the body (mixed-case letters and digits): stripe-secret-key leaves a hex body to this rule.
 */
const rule = defineSecretRule({
  id: 'secrets/paystack-secret-key',
  description: 'Paystack secret key',
  severity: 'critical',
  keywords: ['sk_live_', 'sk_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sk_(?:live|test)_[a-f0-9]{40})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  revoke: {
    provider: 'Paystack',
    url: 'https://paystack.com/docs/api/authentication/',
    steps: [
      'Generate new API keys in the Paystack dashboard under Settings → API Keys & Webhooks: the old secret key stops working.',
      'Review transactions, transfers and refunds made since the commit; transfers are the usual abuse.',
      'Keep the new secret key on the server side only, in your secret store.',
    ],
  },
});

export default refine(rule, (raw) => (raw.secret?.startsWith('sk_test_') ? { ...raw, severity: 'medium', message: 'Paystack test-mode secret key committed to the repository.' } : raw));
