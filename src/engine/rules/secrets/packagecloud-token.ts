import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** packagecloud API tokens: 48 hex next to the packagecloud name. */
export default defineSecretRuleSet({
  id: 'secrets/packagecloud-token',
  description: 'packagecloud API token assigned to a packagecloud-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['packagecloud'],
      pattern: assignment(credentialName(['packagecloud'], ['token', 'key', 'secret', 'auth']), '[a-f0-9]{48}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/.test(s) && /[0-9]/.test(s),
    },
    {
      // Under a parent key named after the provider (`packagecloud:\n  api_key: …`, `[packagecloud]\ntoken = …`).
      keywords: ['packagecloud'],
      pattern: nestedSecret(['packagecloud'], '[a-f0-9]{48}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/.test(s) && /[0-9]/.test(s),
    },
  ],
  revoke: {
    provider: 'packagecloud',
    url: 'https://packagecloud.io/api_token',
    steps: [
      'Regenerate the API token on packagecloud.io under Account → API Token (this invalidates the old one); read tokens are rotated per repository under its Tokens page.',
      'Review the repositories for packages pushed or yanked with it since it was committed.',
      'Store the replacement as a CI secret (PACKAGECLOUD_TOKEN).',
    ],
  },
});
