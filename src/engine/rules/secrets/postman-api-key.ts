import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/postman-api-key',
  description: 'Postman API key',
  severity: 'high',
  keywords: ['pmak-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})(?![A-Za-z0-9_-])/g,
  minEntropy: 3,
  revoke: {
    provider: 'Postman',
    url: 'https://go.postman.co/settings/me/api-keys',
    steps: [
      "In Settings → API keys, revoke the key (team admins can revoke members' keys).",
      'Review workspaces, collections and environments for changes; environments often hold further secrets.',
      'Create a replacement with an expiry and store it as a secret.',
    ],
  },
});
