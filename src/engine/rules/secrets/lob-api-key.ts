import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested, keyedSecret } from './lib/keyed-secret.js';

/**
 * Lob (print and mail API) secret keys are `live_` or `test_` followed by 35 lower-case hex characters;
 * publishable keys add `pub_` and 31 hex. The prefixes are common words, so both count next to Lob's name
 * (`LOB_API_KEY`, `require('lob')('…')`, `lob.api_key = …`); publishable keys at low confidence.
 * The keywords are the value prefixes where the value's line is enough: `lob` is in every `global` and `blob`.
 */
const PUB_NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))[Ll][Oo][Bb][\w.\- \t]{0,24}?(?:[Pp]ub|PUB)[\w.\- \t]{0,16}?(?:[Kk]ey|KEY|[Tt]oken|TOKEN)`;

export default defineSecretRuleSet({
  id: 'secrets/lob-api-key',
  description: 'Lob API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['lob'], {
      keywords: ['live_', 'test_'],
      nestedKeywords: ['lob'], // the name is on the line above the value
      value: String.raw`(?:live|test)_[a-f0-9]{35}`,
      minEntropy: 3.2,
    }),
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
