import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Beamer (changelog and announcements) API keys are `b_` followed by 44 characters of letters, digits,
 * `_`, `-` and `=`. The prefix is too short to stand alone, so they count next to Beamer's name
 * (`BEAMER_API_KEY`, the `Beamer-Api-Key` header).
 */
export default defineSecretRuleSet({
  id: 'secrets/beamer-api-key',
  description: 'Beamer API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['beamer'], {
      keywords: ['beamer'],
      value: String.raw`b_[A-Za-z0-9=_-]{44}`,
      minEntropy: 3.8,
      validate: (s) => charClasses(s.slice(2)) >= 2,
    }),
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
