import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Coveralls repo tokens: 32–37 alphanumerics next to the Coveralls name. */
export default defineSecretRuleSet({
  id: 'secrets/coveralls-token',
  description: 'Coveralls repository token assigned to a Coveralls-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['coveralls'],
      pattern: assignment(credentialName(['coveralls'], ['token', 'key', 'secret', 'auth']), '[A-Za-z0-9-]{32,37}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[0-9a-f]{32}$/.test(s),
    },
    {
      // Under a parent key named after the provider (`coveralls:\n  api_key: …`, `[coveralls]\ntoken = …`).
      keywords: ['coveralls'],
      pattern: nestedSecret(['coveralls'], '[A-Za-z0-9-]{32,37}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[0-9a-f]{32}$/.test(s),
    },
  ],
  revoke: {
    provider: 'Coveralls',
    url: 'https://docs.coveralls.io/api-introduction',
    steps: [
      'Regenerate the repository token on the repository’s Settings page on coveralls.io (personal API tokens under Account settings).',
      'Check recent coverage uploads for builds you did not send.',
      'Store the replacement as a CI secret (COVERALLS_REPO_TOKEN), or use the GitHub Actions integration without a token.',
    ],
  },
});
