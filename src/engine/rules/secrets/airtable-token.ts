import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

export default defineSecretRuleSet({
  id: 'secrets/airtable-token',
  description: 'Airtable personal access token or legacy API key',
  severity: 'high',
  variants: [
    {
      keywords: ['pat'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
    },
    {
      // Legacy API keys (`key` + 14) were deprecated in 2024 but still sit in old configs.
      keywords: ['airtable'],
      pattern: keyedSecret(credentialNamed(['airtable']), '[A-Za-z0-9]{17}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // The legacy key under the provider as the parent key (`airtable:\n  api_key: key…`).
      keywords: ['airtable'],
      pattern: nestedSecret(['airtable'], '[A-Za-z0-9]{17}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Airtable',
    url: 'https://airtable.com/create/tokens',
    steps: [
      'In the Developer hub → Personal access tokens, delete the token (legacy API keys: regenerate or delete under Account).',
      'Review the bases the token could reach for changes or exports.',
      'Create a replacement scoped to the bases and scopes it needs, and store it as a secret.',
    ],
  },
});
