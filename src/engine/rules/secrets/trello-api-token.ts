import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

/**
 * Trello: the API key (32 hex) is half a credential, the user token (64 hex, or `ATTA` + 64 hex + an
 * 8-hex checksum in the Atlassian-era format) grants the user's boards. Recognised next to Trello's name,
 * and the `ATTA` tokens in a Trello API URL's `token=` parameter.
 */
export default defineSecretRuleSet({
  id: 'secrets/trello-api-token',
  description: 'Trello API token or key',
  severity: 'high',
  variants: [
    {
      keywords: ['trello'],
      pattern: keyedSecret(credentialNamed(['trello']), 'ATTA[A-Fa-f0-9]{64}[A-Fa-f0-9]{8}|[a-f0-9]{64}|[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`trello:\n  api_key: …`, `[trello]\ntoken = …`).
      keywords: ['trello'],
      pattern: nestedSecret(['trello'], 'ATTA[A-Fa-f0-9]{64}[A-Fa-f0-9]{8}|[a-f0-9]{64}|[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // The Atlassian-era token format on its own: `ATTA`, 64 hex, an 8-hex checksum.
      keywords: ['atta'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>ATTA[a-f0-9]{64}[A-F0-9]{8})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      keywords: ['api.trello.com'],
      pattern: /api\.trello\.com\/[^\s"'<>]{0,300}[?&]token=(?<secret>ATTA[A-Fa-f0-9]{72}|[a-f0-9]{64})(?![A-Za-z0-9])/g,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Trello (Atlassian)',
    url: 'https://trello.com/my/account',
    steps: [
      "Revoke the token under Account → Applications (or DELETE /1/tokens/{token}); for a leaked key, regenerate the Power-Up's API key and secret in the Power-Up admin portal.",
      'Review the boards the token could read or change for unexpected activity.',
      'Store the new token as a secret and request the narrowest scope and an expiry.',
    ],
  },
});
