import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested, keyedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Cohere API keys (trial and production) are 40 alphanumerics with no prefix. They count next to Cohere's
 * name (`COHERE_API_KEY`, `cohere.Client("…")`, `new CohereClient({ token: … })`) or under `CO_API_KEY`,
 * the variable Cohere's SDKs read.
 */
export default defineSecretRuleSet({
  id: 'secrets/cohere-api-key',
  description: 'Cohere API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['cohere'], {
      keywords: ['cohere'],
      value: String.raw`[A-Za-z0-9]{40}`,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    }),
    {
      keywords: ['co_api_key'],
      pattern: keyedSecret(String.raw`(?<![A-Za-z0-9_])CO_API_KEY`, '[A-Za-z0-9]{40}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['cohere'],
      pattern: /(?<![A-Za-z])[Cc]ohere(?:\.|)[A-Za-z0-9]{0,16}\(\s{0,4}\{?\s{0,4}(?:(?:api_key|apiKey|token)\s{0,2}[:=]\s{0,2})?["'](?<secret>[A-Za-z0-9]{40})["']/g,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Cohere',
    url: 'https://dashboard.cohere.com/api-keys',
    steps: [
      'In the Cohere dashboard → API Keys, delete the key.',
      'Review usage and billing for requests you did not make.',
      'Create a replacement, store it as a secret, and read it from CO_API_KEY at run time.',
    ],
  },
});
