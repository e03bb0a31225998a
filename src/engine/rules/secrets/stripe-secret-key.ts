import { defineSecretRule } from './define.js';
import { lineAt } from '../../lines.js';
import { refine } from './lib/refine.js';

/** Secret (`sk_`) and restricted (`rk_`) keys; publishable `pk_` keys are public by design. */
const rule = defineSecretRule({
  id: 'secrets/stripe-secret-key',
  description: 'Stripe secret or restricted API key',
  severity: 'critical',
  keywords: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>[rs]k_(?:live|test|prod)_[A-Za-z0-9]{20,247})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Stripe',
    url: 'https://dashboard.stripe.com/apikeys',
    steps: [
      'In Developers → API keys, roll the key (choose an expiry of "now" for a live key) or delete a restricted key.',
      'Review Developers → Logs and the Events for requests you did not make; refunds and payouts are the usual abuse.',
      'Create a restricted key with only the permissions the code needs and store it as a secret.',
    ],
  },
});

// Other issuers use the prefix: a 40-hex body is Paystack's (paystack-secret-key), a key named after
// Clerk is Clerk's (clerk-secret-key). A test-mode key reaches test data only: still a credential, but
// not a payments incident.
export default refine(rule, (raw, file) => {
  const secret = raw.secret ?? '';
  if (/^sk_(?:live|test)_[a-f0-9]{40}$/.test(secret)) return null;
  if (raw.start !== undefined && /clerk/i.test(lineAt(file.text, raw.start))) return null;
  return /^[rs]k_test_/.test(secret) ? { ...raw, severity: 'medium', message: 'Stripe test-mode secret key committed to the repository.' } : raw;
});
