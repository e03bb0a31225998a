import { defineSecretRule } from './define.js';

/** Scalingo API tokens: `tk-us-` + 48 URL-safe characters. */
export default defineSecretRule({
  id: 'secrets/scalingo-api-token',
  description: 'Scalingo API token',
  severity: 'critical',
  confidence: 'high',
  keywords: ['tk-us-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>tk-us-[A-Za-z0-9_-]{48})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Scalingo',
    url: 'https://dashboard.scalingo.com/account/tokens',
    steps: [
      'Delete the token under User settings → API tokens (`scalingo tokens-remove`).',
      "Create a replacement stored as a CI secret, and review the apps' events for actions made with it since the commit.",
    ],
  },
});
