import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

const TOKEN = '00[A-Za-z0-9_=-]{40}';

/** SSWS API tokens: `00` + 40 characters, after `SSWS` or an Okta credential name. */
export default defineSecretRuleSet({
  id: 'secrets/okta-api-token',
  description: 'Okta API token',
  severity: 'critical',
  variants: [
    {
      keywords: ['ssws'],
      pattern: new RegExp(`SSWS\\s{1,4}(?<secret>${TOKEN})(?![A-Za-z0-9_=-])`, 'g'),
      minEntropy: 4,
    },
    {
      keywords: ['okta'],
      pattern: keyedSecret(credentialNamed(['okta']), TOKEN, { notFollowedBy: 'A-Za-z0-9_=\\-' }),
      nextLine: true,
      minEntropy: 4,
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`okta:\n  api_key: …`, `[okta]\ntoken = …`).
      keywords: ['okta'],
      pattern: nestedSecret(['okta'], TOKEN, { notFollowedBy: 'A-Za-z0-9_=\\-' }),
      nextLine: true,
      minEntropy: 4,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Okta',
    url: 'https://help.okta.com/en-us/content/topics/security/api.htm',
    steps: [
      'In the Admin Console → Security → API → Tokens, revoke the token (it acts with the privileges of the admin who created it).',
      'Review the System Log for actions by the token since it was committed.',
      'Prefer an OAuth 2.0 service app with scoped access for the replacement; store any credential as a secret.',
    ],
  },
});
