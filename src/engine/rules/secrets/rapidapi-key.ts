import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * RapidAPI application keys are 50 characters: 10 hex, `msh`, 15 hex, `p`, 6 hex, `jsn`, 12 hex (sent as
 * `X-RapidAPI-Key`). That structure is distinctive on its own; other 50-character values count next to
 * RapidAPI's name.
 */
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
    ...keyedAndNested(['rapidapi', 'rapid_api', 'rapid-api'], {
      keywords: ['rapidapi', 'rapid_api', 'rapid-api'],
      value: String.raw`[A-Za-z0-9_-]{50}`,
      minEntropy: 3.8,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    }),
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
