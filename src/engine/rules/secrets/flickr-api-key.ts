import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Flickr API keys are 32 lower-case hex characters and their secrets 16. Neither has a prefix: they count
 * next to Flickr's name (`FLICKR_API_KEY`, `flickr_secret`, `flickr: { key: … }`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['flickr']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('flickr')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/flickr-api-key',
  description: 'Flickr API key or secret',
  severity: 'high',
  variants: [
    {
      keywords: ['flickr'],
      pattern: keyedSecret(NAME, String.raw`[a-f0-9]{32}`),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['flickr'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['flickr'],
      pattern: keyedSecret(NAME, String.raw`[a-f0-9]{16}`),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      keywords: ['flickr'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-f0-9]{16})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Flickr',
    url: 'https://www.flickr.com/services/apps/by/me',
    steps: [
      'In The App Garden → Your apps, delete the app or its key (a key cannot be re-secreted; request a new one).',
      "Review the account's recent uploads, edits and permissions granted to the app.",
      'Store the new key and secret as secrets.',
    ],
  },
});
