import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * Alchemy (web3 node provider) API keys are 32 characters of letters, digits, `_` and `-`; the endpoint URL
 * `https://<network>.g.alchemy.com/v2/<key>` carries the key, which is all a caller needs. Found in endpoint URLs
 * and next to Alchemy's name (`ALCHEMY_API_KEY`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['alchemy']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('alchemy')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/alchemy-api-key',
  description: 'Alchemy API key',
  severity: 'high',
  variants: [
    {
      keywords: ['alchemy.com', 'alchemyapi.io'],
      pattern: /\.(?:g\.)?alchemy(?:api)?\.(?:com|io)\/(?:v2|nft\/v[23])\/(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['alchemy'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9_-]{32}`),
      nextLine: true,
      minEntropy: 3.5,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['alchemy'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.5,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Alchemy',
    url: 'https://dashboard.alchemy.com/apps',
    steps: [
      'In the Alchemy dashboard, delete the app or rotate its API key, and set allow-lists (domains, addresses, IPs) on the replacement.',
      "Review the app's request logs for usage you did not make.",
      'Keep the key in a secret or environment variable, not in code.',
    ],
  },
});
