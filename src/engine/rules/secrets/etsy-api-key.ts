import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Etsy Open API v3 keystrings are 24 lower-case alphanumerics (sent as `x-api-key`). No prefix: they count
 * next to Etsy's name (`ETSY_API_KEY`, `etsy_keystring`, `etsy: { apiKey: … }`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['etsy'], ['token', 'secret', 'key', 'keystring', 'password', 'auth', 'credential']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('etsy')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/etsy-api-key',
  description: 'Etsy API keystring',
  severity: 'high',
  variants: [
    {
      keywords: ['etsy'],
      pattern: keyedSecret(NAME, String.raw`[a-z0-9]{24}`),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    },
    {
      keywords: ['etsy'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-z0-9]{24})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    },
  ],
  revoke: {
    provider: 'Etsy',
    url: 'https://www.etsy.com/developers/your-apps',
    steps: [
      "In Your Apps on the Etsy developer portal, reset the app's keystring and shared secret (or delete the app).",
      'Review orders, listings and shop changes made through the app since the commit.',
      'Store the new keystring as a secret.',
    ],
  },
});
