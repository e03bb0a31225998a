import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/shippo-api-token',
  description: 'Shippo API token',
  severity: 'high',
  keywords: ['shippo_live_', 'shippo_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>shippo_(?:live|test)_[a-fA-F0-9]{40})(?![A-Za-z0-9_])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Shippo',
    url: 'https://apps.goshippo.com/settings/api',
    steps: [
      'In Settings → API, regenerate the token (live and test tokens are separate).',
      'Review shipments and label purchases for ones you did not make.',
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
