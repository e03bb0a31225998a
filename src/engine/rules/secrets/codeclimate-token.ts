import { assignment, names } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Code Climate reporter IDs (64 hex) and API tokens (40 hex) next to the Code Climate name. */
export default defineSecretRuleSet({
  id: 'secrets/codeclimate-token',
  description: 'Code Climate test reporter ID or API token assigned to a Code Climate-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['codeclimate', 'code_climate', 'cc_test_reporter_id'],
      pattern: assignment(`(?:${credentialName(['codeclimate', 'code_climate'], ['token', 'key', 'secret', 'auth', 'id'])}|${names('cc_test_reporter_id')})`, '[a-f0-9]{40}|[a-f0-9]{64}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/.test(s) && /[0-9]/.test(s),
    },
    {
      // Under a parent key named after the provider (`codeclimate:\n  api_key: …`, `[codeclimate]\ntoken = …`).
      keywords: ['codeclimate', 'code_climate'],
      pattern: nestedSecret(['codeclimate', 'code_climate'], '[a-f0-9]{40}|[a-f0-9]{64}', { words: ['token', 'key', 'secret', 'auth', 'id'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/.test(s) && /[0-9]/.test(s),
    },
  ],
  revoke: {
    provider: 'Code Climate (Qlty)',
    url: 'https://docs.codeclimate.com/docs/finding-your-test-coverage-token',
    steps: [
      'Regenerate the test reporter ID under the repository’s Repo Settings → Test coverage, or revoke the API token under User Settings → API Access.',
      'Check coverage uploads and repository settings for changes since it was committed.',
      'Store the replacement as a CI secret (CC_TEST_REPORTER_ID).',
    ],
  },
});
