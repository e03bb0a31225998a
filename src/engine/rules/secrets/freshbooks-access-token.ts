import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * FreshBooks OAuth access tokens, refresh tokens and client secrets are 64 lower-case hex characters.
 * No prefix: they count next to FreshBooks' name (`FRESHBOOKS_ACCESS_TOKEN`, `freshbooks_client_secret`).
 */
export default defineSecretRuleSet({
  id: 'secrets/freshbooks-access-token',
  description: 'FreshBooks access token or client secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['freshbooks', 'fresh_books'], {
      keywords: ['freshbooks', 'fresh_books'],
      value: String.raw`[a-f0-9]{64}`,
      minEntropy: 3.3,
    }),
  ],
  revoke: {
    provider: 'FreshBooks',
    url: 'https://my.freshbooks.com/#/developer',
    steps: [
      "In FreshBooks → Developer Portal, reset the app's client secret; revoke issued tokens (POST /auth/oauth/revoke).",
      'Review invoices, clients and payments changed through the API since the commit.',
      'Store the new credentials as secrets.',
    ],
  },
});
