import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Sendbird master and secondary API tokens are 40 lower-case hex characters (the `Api-Token` header). No
 * prefix: they count next to Sendbird's name (`SENDBIRD_API_TOKEN`, `sendbird_master_token`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['sendbird', 'send_bird']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('sendbird', 'send_bird')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/sendbird-api-token',
  description: 'Sendbird API token',
  severity: 'high',
  variants: [
    {
      keywords: ['sendbird', 'send_bird'],
      pattern: keyedSecret(NAME, String.raw`[a-f0-9]{40}`),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['sendbird', 'send_bird'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.2,
    },
  ],
  revoke: {
    provider: 'Sendbird',
    url: 'https://dashboard.sendbird.com/',
    steps: [
      'In the Sendbird dashboard → Settings → Application → General → API tokens, revoke the token (the master token can be regenerated).',
      "Review the application's users, channels and messages for changes made through the Platform API since the commit.",
      'Create a secondary token for the service that needs it and store it as a secret.',
    ],
  },
});
