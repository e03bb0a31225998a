import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Semaphore API tokens: 32 lower-case alphanumerics next to the Semaphore name (not a thread semaphore). */
export default defineSecretRuleSet({
  id: 'secrets/semaphore-ci-token',
  description: 'Semaphore CI API token assigned to a Semaphore-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['semaphore'],
      pattern: assignment(credentialName(['semaphore'], ['token', 'key', 'secret', 'auth']), '[a-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[g-z]/.test(s) && /[0-9]/.test(s),
    },
    {
      // Under a parent key named after the provider (`semaphore:\n  api_key: …`, `[semaphore]\ntoken = …`).
      keywords: ['semaphore'],
      pattern: nestedSecret(['semaphore'], '[a-z0-9]{32}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[g-z]/.test(s) && /[0-9]/.test(s),
    },
  ],
  revoke: {
    provider: 'Semaphore',
    url: 'https://docs.semaphoreci.com/reference/api',
    steps: [
      'Reset the API token under Profile settings → API token on semaphoreci.com (service account tokens under the organization’s Service accounts).',
      'Review the organization audit log for pipelines, secrets and project settings touched with it since it was committed.',
      'Store the replacement as a secret outside the repository.',
    ],
  },
});
