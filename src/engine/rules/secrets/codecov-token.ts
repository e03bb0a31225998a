import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Codecov upload tokens are UUIDs (API tokens 32+ alphanumerics): secrets only next to the name. */
export default defineSecretRuleSet({
  id: 'secrets/codecov-token',
  description: 'Codecov upload or API token assigned to a Codecov-named variable',
  severity: 'medium',
  confidence: 'medium',
  variants: [
    {
      keywords: ['codecov'],
      pattern: assignment(credentialName(['codecov'], ['token', 'key', 'secret', 'auth']), '(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9]{32,40})'),
      nextLine: true,
      validate: (s) => s.includes('-') || (/[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[0-9a-f]{40}$/.test(s)),
    },
    {
      // Under a parent key named after the provider (`codecov:\n  api_key: …`, `[codecov]\ntoken = …`).
      keywords: ['codecov'],
      pattern: nestedSecret(['codecov'], '(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9]{32,40})', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      validate: (s) => s.includes('-') || (/[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[0-9a-f]{40}$/.test(s)),
    },
  ],
  revoke: {
    provider: 'Codecov',
    url: 'https://docs.codecov.com/docs/codecov-tokens',
    steps: [
      'Regenerate the repository upload token under the repository’s Configuration → General (or the global token under organization settings); API tokens under Settings → Access.',
      'Check recent uploads for reports you did not send.',
      'Store the replacement as a CI secret (CODECOV_TOKEN), or use OIDC upload from GitHub Actions.',
    ],
  },
});
