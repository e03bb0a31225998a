import { defineSecretRule } from './define.js';

/**
 * Jina AI Search Foundation API keys (Reader, Embeddings, Reranker, DeepSearch): `jina_`, 32 lower-case
 * hex digits, then 28 letters, digits, `-` or `_`. The key carries the account's paid token balance.
 */
export default defineSecretRule({
  id: 'secrets/jina-api-key',
  description: 'Jina AI API key',
  severity: 'high',
  keywords: ['jina_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>jina_[0-9a-f]{32}[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.8,
  validate: (s) => /[0-9]/.test(s.slice(5, 37)) && /[a-f]/.test(s.slice(5, 37)),
  revoke: {
    provider: 'Jina AI',
    url: 'https://jina.ai/api-dashboard/',
    steps: [
      'In the Jina AI API dashboard (API Key & Billing), revoke the key; its remaining token balance goes with it unless it is moved first.',
      'Check the key’s token usage since the commit.',
      'Create a replacement and store it as a server-side secret (JINA_API_KEY from a secret store).',
    ],
  },
});
