import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

/** Access tokens are base64 of `tok:…`, so they start `dG9rO`; others count next to the name. */
export default defineSecretRuleSet({
  id: 'secrets/intercom-access-token',
  description: 'Intercom access token',
  severity: 'high',
  variants: [
    {
      keywords: ['dg9ro'],
      pattern: /(?<![A-Za-z0-9_+/-])(?<secret>dG9rO[j-n][A-Za-z0-9+/_-]{40,80}={0,2})(?![A-Za-z0-9_+/=-])/g,
      minEntropy: 3.5,
    },
    {
      keywords: ['intercom'],
      pattern: keyedSecret(credentialNamed(['intercom']), '[A-Za-z0-9=_-]{60}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`intercom:\n  api_key: …`, `[intercom]\ntoken = …`).
      keywords: ['intercom'],
      pattern: nestedSecret(['intercom'], '[A-Za-z0-9=_-]{60}'),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Intercom',
    url: 'https://app.intercom.com/a/apps/_/developer-hub',
    steps: [
      'In the Developer Hub open the app → Authentication and regenerate the access token (or revoke the OAuth installation).',
      'Review conversations and contact exports for access you did not make.',
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
