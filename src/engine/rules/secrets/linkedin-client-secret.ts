import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested, keyedSecret, providerNamed } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * LinkedIn API client secrets: current ones are `WPL_AP` + a version digit, a 16-character body and a short
 * base64 tail (`WPL_AP1.<16>.<6>==`); older ones are 16 alphanumerics with no prefix and count next to
 * LinkedIn's name (`LINKEDIN_CLIENT_SECRET`). The 14-character client id beside them is reported at low
 * confidence: not a secret alone, but the other half of the pair.
 */
const ID_NAME = providerNamed(['linkedin', 'linked_in'], { words: ['client_id', 'clientid', 'client-id', 'app_id', 'appid'], camelCase: false });

export default defineSecretRuleSet({
  id: 'secrets/linkedin-client-secret',
  description: 'LinkedIn API client secret',
  severity: 'high',
  variants: [
    {
      keywords: ['wpl_ap'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>WPL_AP[0-9]\.[A-Za-z0-9]{16}\.[A-Za-z0-9+/]{6,8}={0,2})(?![A-Za-z0-9_+/=])/g,
      minEntropy: 3.3,
    },
    ...keyedAndNested(['linkedin', 'linked_in'], {
      keywords: ['linkedin', 'linked_in', 'wpl_ap'],
      value: String.raw`[A-Za-z0-9]{16}`,
      minEntropy: 3.2,
      validate: (s) => charClasses(s) >= 2,
    }),
    {
      keywords: ['linkedin', 'linked_in'],
      pattern: keyedSecret(ID_NAME, '[a-z0-9]{14}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'low',
      message: 'LinkedIn client id committed: not a secret alone, but half of the client credentials; check that the client secret is not committed beside it.',
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    },
  ],
  revoke: {
    provider: 'LinkedIn',
    url: 'https://www.linkedin.com/developers/apps',
    steps: [
      'In the LinkedIn Developer Portal → your app → Auth, generate a new client secret and delete the old one.',
      "Review the app's members and the tokens issued to it since the commit.",
      'Store the new secret in a secret store; keep the client id with it.',
    ],
  },
});
