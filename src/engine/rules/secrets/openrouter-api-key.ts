import { defineSecretRule } from './define.js';

/** OpenRouter API keys: `sk-or-v1-` and 64 hex. */
export default defineSecretRule({
  id: 'secrets/openrouter-api-key',
  description: 'OpenRouter API key',
  severity: 'high',
  keywords: ['sk-or-v1-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-or-v1-[0-9a-f]{64})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.2,
  revoke: {
    provider: 'OpenRouter',
    url: 'https://openrouter.ai/settings/keys',
    steps: ['In Settings → Keys, delete the key.', 'Review Activity for model usage and spend you did not cause.', 'Create a replacement with a credit limit and store it as a secret.'],
  },
});
