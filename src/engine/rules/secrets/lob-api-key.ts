import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Lob (print and mail API) secret keys are `live_` or `test_` followed by 35 lower-case hex characters;
 * publishable keys add `pub_` and 31 hex. The prefixes are common words, so both count next to Lob's name
 * (`LOB_API_KEY`, `require('lob')('…')`, `lob.api_key = …`); publishable keys at low confidence.
 * The keywords are the value prefixes where the value's line is enough: `lob` is in every `global` and `blob`.
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['lob']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('lob')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;
const PUB_NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))[Ll][Oo][Bb][\w.\- \t]{0,24}?(?:[Pp]ub|PUB)[\w.\- \t]{0,16}?(?:[Kk]ey|KEY|[Tt]oken|TOKEN)`;

export default defineSecretRuleSet({
  id: 'secrets/lob-api-key',
  description: 'Lob API key',
  severity: 'high',
  variants: [
    {
      keywords: ['live_', 'test_'],
      pattern: keyedSecret(NAME, String.raw`(?:live|test)_[a-f0-9]{35}`),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['lob'], // the name is on the line above the value
      pattern: new RegExp(NESTED + String.raw`(?<secret>(?:live|test)_[a-f0-9]{35})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.2,
    },
    {
      keywords: ['live_', 'test_'],
      pattern: /require\(\s{0,4}["']lob["']\s{0,4}\)\(\s{0,4}["'](?<secret>(?:live|test)_[a-f0-9]{35})["']/g,
      minEntropy: 3.2,
    },
    {
      keywords: ['live_', 'test_'],
      pattern: keyedSecret(PUB_NAME, '(?:live|test)_pub_[a-f0-9]{31}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'low',
      message: 'Lob publishable key committed: it can only verify addresses, but check the secret key is not committed beside it.',
    },
  ],
  revoke: {
    provider: 'Lob',
    url: 'https://dashboard.lob.com/settings/api-keys',
    steps: [
      'In the Lob dashboard → Settings → API Keys, roll the key.',
      'Review letters, postcards and checks sent since the commit (live keys spend money and send real mail).',
      'Store the new key as a secret.',
    ],
  },
});
