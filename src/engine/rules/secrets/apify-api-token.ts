import { defineSecretRule } from './define.js';

/** Apify API tokens: `apify_api_` and 36 alphanumerics. */
export default defineSecretRule({
  id: 'secrets/apify-api-token',
  description: 'Apify API token',
  severity: 'high',
  keywords: ['apify_api_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>apify_api_[A-Za-z0-9]{36})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Apify',
    url: 'https://console.apify.com/settings/integrations',
    steps: [
      'In Apify Console → Settings → Integrations, delete the token (or reset the personal token).',
      'Review actor runs and storage access since the commit.',
      'Create a scoped replacement and store it as a secret.',
    ],
  },
});
