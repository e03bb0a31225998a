import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * Ubidots (IoT platform) tokens are `BBFF-` (older accounts) or `BBUS-` followed by 30 alphanumerics,
 * sent in the `X-Auth-Token` header.
 */

export default defineSecretRuleSet({
  id: 'secrets/ubidots-token',
  description: 'Ubidots API token',
  severity: 'high',
  variants: [
    {
      keywords: ['bbff-', 'bbus-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>BB(?:FF|US)-[A-Za-z0-9]{30})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.5,
    },
  ],
  revoke: {
    provider: 'Ubidots',
    url: 'https://docs.ubidots.com/reference/authentication',
    steps: [
      "In Ubidots → My Profile → API Credentials, delete the token (or regenerate the account's default token).",
      'Review devices and variables for data written since the commit.',
      'Create a replacement and store it as a secret, not in device firmware sources.',
    ],
  },
});
