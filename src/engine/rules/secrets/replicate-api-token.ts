import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/replicate-api-token',
  description: 'Replicate API token',
  severity: 'high',
  keywords: ['r8_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>r8_[A-Za-z0-9_-]{37})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Replicate',
    url: 'https://replicate.com/account/api-tokens',
    steps: [
      'In Account → API tokens, delete the token.',
      'Check usage and billing for activity you did not cause since it was committed.',
      'Create a replacement with the narrowest scope and a spend limit where offered, and store it as a secret.',
    ],
  },
});
