import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Codacy API tokens: 20 mixed-case alphanumerics next to the Codacy name. */
export default defineSecretRuleSet({
  id: 'secrets/codacy-token',
  description: 'Codacy project or account API token assigned to a Codacy-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['codacy'],
      pattern: assignment(credentialName(['codacy'], ['token', 'key', 'secret', 'auth']), '[A-Za-z0-9]{20}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s),
    },
    {
      // Under a parent key named after the provider (`codacy:\n  api_key: …`, `[codacy]\ntoken = …`).
      keywords: ['codacy'],
      pattern: nestedSecret(['codacy'], '[A-Za-z0-9]{20}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s),
    },
  ],
  revoke: {
    provider: 'Codacy',
    url: 'https://docs.codacy.com/codacy-api/api-tokens/',
    steps: [
      'Revoke the token: project tokens under the repository’s Settings → Integrations → Project API, account tokens under your Account → Access management.',
      'Review coverage uploads and repository settings for changes since it was committed.',
      'Store the replacement as a CI secret (CODACY_PROJECT_TOKEN).',
    ],
  },
});
