import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

/** Squarespace Commerce API keys are UUID-shaped: a secret only next to Squarespace's name. */
export default defineSecretRuleSet({
  id: 'secrets/squarespace-api-key',
  description: 'Squarespace API key',
  severity: 'high',
  variants: [
    {
      keywords: ['squarespace'],
      pattern: keyedSecret(credentialNamed(['squarespace']), '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`squarespace:\n  api_key: …`, `[squarespace]\ntoken = …`).
      keywords: ['squarespace'],
      pattern: nestedSecret(['squarespace'], '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Squarespace',
    url: 'https://support.squarespace.com/hc/en-us/articles/236297987-Squarespace-API-keys',
    steps: [
      'In Settings → Advanced → Developer API Keys, revoke the key.',
      'Review orders, inventory and profiles the key could read or change.',
      'Generate a replacement with only the permissions it needs and store it as a secret.',
    ],
  },
});
