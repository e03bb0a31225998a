import { defineSecretRule } from './define.js';

/** Rootly (incident management) API keys: `rootly_` and 64 hex. */
export default defineSecretRule({
  id: 'secrets/rootly-api-key',
  description: 'Rootly API key',
  severity: 'high',
  keywords: ['rootly_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>rootly_[a-f0-9]{64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  revoke: {
    provider: 'Rootly',
    url: 'https://rootly.com/account/api_keys',
    steps: [
      'In Rootly → Organization settings → API Keys, revoke the key.',
      'Review incidents and workflows for changes made with it.',
      'Create a replacement with the narrowest role and store it as a secret.',
    ],
  },
});
