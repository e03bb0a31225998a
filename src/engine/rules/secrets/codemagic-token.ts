import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Codemagic API tokens: 43 base64url characters next to the Codemagic name. */
export default defineSecretRuleSet({
  id: 'secrets/codemagic-token',
  description: 'Codemagic API token assigned to a Codemagic-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['codemagic'],
      pattern: assignment(credentialName(['codemagic'], ['token', 'key', 'secret', 'auth']), '[A-Za-z0-9_-]{43}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[0-9A-Z]/.test(s) && /[a-z]/.test(s),
    },
    {
      // Under a parent key named after the provider (`codemagic:\n  api_key: …`, `[codemagic]\ntoken = …`).
      keywords: ['codemagic'],
      pattern: nestedSecret(['codemagic'], '[A-Za-z0-9_-]{43}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[0-9A-Z]/.test(s) && /[a-z]/.test(s),
    },
  ],
  revoke: {
    provider: 'Codemagic',
    url: 'https://docs.codemagic.io/rest-api/codemagic-rest-api/',
    steps: [
      'Regenerate the API token under Teams → Personal account → Integrations → Codemagic API (or the team’s settings).',
      'Review builds started and environment variables read with it since it was committed; rotate signing credentials stored in Codemagic if they could be exported.',
      'Store the replacement in your CI secret store.',
    ],
  },
});
