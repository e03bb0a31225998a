import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * Langfuse (LLM observability) secret keys are `sk-lf-` followed by a UUID; the public key beside them
 * is `pk-lf-` and is not reported.
 */

export default defineSecretRuleSet({
  id: 'secrets/langfuse-secret-key',
  description: 'Langfuse secret API key',
  severity: 'high',
  variants: [
    {
      keywords: ['sk-lf-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Langfuse',
    url: 'https://langfuse.com/faq/all/where-are-langfuse-api-keys',
    steps: [
      'In the Langfuse project → Settings → API Keys, delete the key pair.',
      'Review traces and prompts for data the key could read or write since the commit.',
      'Create a new key pair and store the secret key as a secret (LANGFUSE_SECRET_KEY).',
    ],
  },
});
