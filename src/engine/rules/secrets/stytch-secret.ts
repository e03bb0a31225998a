import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * Stytch project secrets are `secret-live-` or `secret-test-` followed by 36 base64url characters; with the
 * project id they authenticate every backend call.
 */

export default defineSecretRuleSet({
  id: 'secrets/stytch-secret',
  description: 'Stytch project secret',
  severity: 'high',
  variants: [
    {
      keywords: ['secret-live-', 'secret-test-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>secret-(?:live|test)-[A-Za-z0-9_=-]{36})(?![A-Za-z0-9_=-])/g,
      minEntropy: 3.8,
    },
  ],
  revoke: {
    provider: 'Stytch',
    url: 'https://stytch.com/dashboard/api-keys',
    steps: [
      'In the Stytch dashboard → API keys, create a new secret and delete the leaked one.',
      "Review the project's event log for user, session and configuration changes since the commit.",
      'Store the new secret as a secret (STYTCH_SECRET).',
    ],
  },
});
