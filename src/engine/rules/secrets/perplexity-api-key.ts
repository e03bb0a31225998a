import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/perplexity-api-key',
  description: 'Perplexity API key',
  severity: 'high',
  keywords: ['pplx-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  revoke: {
    provider: 'Perplexity',
    url: 'https://www.perplexity.ai/settings/api',
    steps: [
      'In Settings → API, revoke the key.',
      'Check usage and billing for activity you did not cause since it was committed.',
      'Create a replacement with the narrowest scope and a spend limit where offered, and store it as a secret.',
    ],
  },
});
