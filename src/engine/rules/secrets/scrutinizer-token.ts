import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Scrutinizer access tokens: 64 lower-case alphanumerics next to the Scrutinizer name. */
export default defineSecretRuleSet({
  id: 'secrets/scrutinizer-token',
  description: 'Scrutinizer CI access token assigned to a Scrutinizer-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['scrutinizer'],
      pattern: assignment(credentialName(['scrutinizer'], ['token', 'key', 'secret', 'auth']), '[a-z0-9]{64}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[g-z]/.test(s) && /[0-9]/.test(s),
    },
    {
      // Under a parent key named after the provider (`scrutinizer:\n  api_key: …`, `[scrutinizer]\ntoken = …`).
      keywords: ['scrutinizer'],
      pattern: nestedSecret(['scrutinizer'], '[a-z0-9]{64}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[g-z]/.test(s) && /[0-9]/.test(s),
    },
  ],
  revoke: {
    provider: 'Scrutinizer',
    url: 'https://scrutinizer-ci.com/profile/applications',
    steps: [
      'Revoke the token under Profile → Applications → Access tokens on scrutinizer-ci.com.',
      'Review repository settings and inspections triggered with it since it was committed.',
      'Store the replacement as a CI secret.',
    ],
  },
});
