import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested, keyedSecret, providerNamed } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Looker API3 credentials: a client id of 20 alphanumerics and a client secret of 24. No prefix: they count
 * next to Looker's name (`LOOKERSDK_CLIENT_SECRET`, the SDKs' variable; `looker_client_secret` in Terraform).
 * The client id is reported at low confidence, as the other half of the pair.
 */
const ID_NAME = providerNamed(['looker', 'lookersdk'], { words: ['client_id', 'clientid', 'client-id', 'api_key', 'apikey'], camelCase: false });

export default defineSecretRuleSet({
  id: 'secrets/looker-client-secret',
  description: 'Looker API client secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['looker', 'lookersdk'], {
      keywords: ['looker'],
      words: ['secret', 'password', 'token', 'credential'],
      camelCase: false,
      value: '[A-Za-z0-9]{24}',
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    }),
    {
      keywords: ['looker'],
      pattern: keyedSecret(ID_NAME, '[A-Za-z0-9]{20}'),
      nextLine: true,
      minEntropy: 3.3,
      confidence: 'low',
      message: 'Looker API client id committed: not a secret alone, but half of the API credentials; check that the client secret is not committed beside it.',
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Looker (Google Cloud)',
    url: 'https://cloud.google.com/looker/docs/admin-panel-users-users#edit_api3_keys',
    steps: [
      'In Looker Admin → Users → the user → Edit API Keys, delete the API key.',
      'Review System Activity for queries and content changes made by that user through the API since the commit.',
      'Create a replacement for a dedicated API user with the narrowest role and store it as a secret.',
    ],
  },
});
