import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * New York Times developer API keys are 32 alphanumerics (the `api-key` query parameter). No prefix: they
 * count next to the Times' name (`NYT_API_KEY`, `nytimes_key`, `newYorkTimesApiKey`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['nytimes', 'ny_times', 'new_york_times', 'newyorktimes', 'nyt']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('nytimes', 'ny_times', 'new_york_times', 'newyorktimes', 'nyt')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/nytimes-api-key',
  description: 'New York Times developer API key',
  severity: 'high',
  variants: [
    {
      keywords: ['nytimes', 'ny_times', 'new_york_times', 'newyorktimes', 'nyt_', 'nyt-', 'nyt.'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9]{32}`),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['nytimes', 'ny_times', 'new_york_times', 'newyorktimes', 'nyt_', 'nyt-', 'nyt.'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'The New York Times Developer Network',
    url: 'https://developer.nytimes.com/my-apps',
    steps: ['In Apps on the NYT developer portal, delete the app or regenerate its key.', 'Store the new key as a secret.'],
  },
});
