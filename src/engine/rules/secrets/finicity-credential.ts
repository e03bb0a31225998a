import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * Finicity (Mastercard Open Banking) partner credentials: an app key of 32 lower-case hex characters (the
 * `Finicity-App-Key` header) and a partner secret of 20 alphanumerics. Neither has a prefix: they count next
 * to Finicity's name (`FINICITY_APP_KEY`, `finicity_partner_secret`, `Finicity-App-Key: …`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['finicity']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('finicity')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/finicity-credential',
  description: 'Finicity (Mastercard Open Banking) app key or partner secret',
  severity: 'high',
  variants: [
    {
      keywords: ['finicity'],
      pattern: keyedSecret(NAME, String.raw`[a-f0-9]{32}`),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['finicity'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['finicity'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9]{20}`),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['finicity'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9]{20})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Finicity (Mastercard Open Banking)',
    url: 'https://developer.mastercard.com/open-banking-us/documentation/',
    steps: [
      'In the Mastercard Developers portal (or by asking Finicity support), regenerate the partner secret (POST /aggregation/v2/partners/authentication) and rotate the app key.',
      'Review the customers and accounts accessed with the credentials since the commit: this is consumer financial data.',
      'Store the replacements as secrets and restrict who can read them.',
    ],
  },
});
