import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/xai-api-key',
  description: 'xAI (Grok) API key',
  severity: 'high',
  keywords: ['xai-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xai-[A-Za-z0-9_]{80})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'xAI',
    url: 'https://console.x.ai',
    steps: [
      'In the xAI console → API Keys, delete the key.',
      'Check usage and billing for activity you did not cause since it was committed.',
      'Create a replacement with the narrowest scope and a spend limit where offered, and store it as a secret.',
    ],
  },
});
