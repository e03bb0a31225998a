import { defineSecretRule } from './define.js';
import { refine } from './lib/refine.js';

/**
 * Clerk secret keys: `sk_live_` / `sk_test_` and base62, the shape of Stripe's, so told apart by the line
 * naming Clerk (`CLERK_SECRET_KEY=…`, `new Clerk({ secretKey: … })`; the keyword keeps this rule to such
 * lines): stripe-secret-key leaves a key on such a line to this rule.
 */
const rule = defineSecretRule({
  id: 'secrets/clerk-secret-key',
  description: 'Clerk secret key',
  severity: 'critical',
  keywords: ['clerk'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sk_(?:live|test)_[A-Za-z0-9]{20,120})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  revoke: {
    provider: 'Clerk',
    url: 'https://clerk.com/docs/deployments/overview#api-keys',
    steps: [
      'In the Clerk dashboard, open API Keys for the instance (production or development) and roll the secret key.',
      'Review the instance’s users, sessions and organisation changes since the commit: the secret key can read and change all of them.',
      'Keep the new key in your hosting provider’s environment settings or secret store, never in client code.',
    ],
  },
});

export default refine(rule, (raw) => (raw.secret?.startsWith('sk_test_') ? { ...raw, severity: 'medium', message: 'Clerk development-instance secret key committed to the repository.' } : raw));
