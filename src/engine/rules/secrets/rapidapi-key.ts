import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * RapidAPI application keys are 50 characters: 10 hex, `msh`, 15 hex, `p`, 6 hex, `jsn`, 12 hex (sent as
 * `X-RapidAPI-Key`). That structure is distinctive on its own; other 50-character values count next to
 * RapidAPI's name.
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['rapidapi', 'rapid_api', 'rapid-api']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('rapidapi', 'rapid_api', 'rapid-api')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/rapidapi-key',
  description: 'RapidAPI application key',
  severity: 'high',
  variants: [
    {
      keywords: ['msh'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>[a-f0-9]{10}msh[a-f0-9]{15}p[a-f0-9]{6}jsn[a-f0-9]{12})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.2,
    },
    {
      keywords: ['rapidapi', 'rapid_api', 'rapid-api'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9_-]{50}`),
      nextLine: true,
      minEntropy: 3.8,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['rapidapi', 'rapid_api', 'rapid-api'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9_-]{50})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.8,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'RapidAPI',
    url: 'https://rapidapi.com/developer/apps',
    steps: [
      'In RapidAPI → My Apps → the app → Authorization, add a new key and delete the leaked one.',
      "Review the app's analytics for calls (and paid-plan charges) you did not make.",
      'Store the new key as a secret.',
    ],
  },
});
