import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * Beamer (changelog and announcements) API keys are `b_` followed by 44 characters of letters, digits,
 * `_`, `-` and `=`. The prefix is too short to stand alone, so they count next to Beamer's name
 * (`BEAMER_API_KEY`, the `Beamer-Api-Key` header).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['beamer']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('beamer')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/beamer-api-key',
  description: 'Beamer API key',
  severity: 'high',
  variants: [
    {
      keywords: ['beamer'],
      pattern: keyedSecret(NAME, String.raw`b_[A-Za-z0-9=_-]{44}`),
      nextLine: true,
      minEntropy: 3.8,
      validate: (s) => charClasses(s.slice(2)) >= 2,
    },
    {
      keywords: ['beamer'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>b_[A-Za-z0-9=_-]{44})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.8,
      validate: (s) => charClasses(s.slice(2)) >= 2,
    },
  ],
  revoke: {
    provider: 'Beamer',
    url: 'https://app.getbeamer.com/settings#api',
    steps: [
      'In Beamer → Settings → API, delete the key and create a new one.',
      'Review posts and feature requests for changes made through the API since the commit.',
      'Store the new key as a secret.',
    ],
  },
});
