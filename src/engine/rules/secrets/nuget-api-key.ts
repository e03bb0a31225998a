import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/nuget-api-key',
  description: 'NuGet.org API key',
  severity: 'critical',
  variants: [
    {
      // nuget.org keys: `oy2` + 43 lower-case alphanumerics.
      keywords: ['oy2'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.5,
    },
    {
      // Other 46-character keys next to a NuGet name (`nuget push -k`, NUGET_API_KEY=…).
      keywords: ['nuget'],
      pattern: assignment(credentialName(['nuget'], ['key', 'token', 'secret', 'auth']), '[a-z0-9]{46}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`nuget:\n  api_key: …`, `[nuget]\ntoken = …`).
      keywords: ['nuget'],
      pattern: nestedSecret(['nuget'], '[a-z0-9]{46}', { words: ['key', 'token', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'NuGet.org',
    url: 'https://www.nuget.org/account/apikeys',
    steps: [
      'Delete (or regenerate) the key under Account → API Keys on nuget.org.',
      'Check the packages in the key’s scope for versions you did not push, and unlist them.',
      'Prefer Trusted Publishing from CI; otherwise create a key scoped to the packages and the push permission only, with an expiry, stored as a CI secret.',
    ],
  },
});
