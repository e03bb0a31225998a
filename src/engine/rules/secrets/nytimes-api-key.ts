import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * New York Times developer API keys are 32 alphanumerics (the `api-key` query parameter). No prefix: they
 * count next to the Times' name (`NYT_API_KEY`, `nytimes_key`, `newYorkTimesApiKey`).
 */
export default defineSecretRuleSet({
  id: 'secrets/nytimes-api-key',
  description: 'New York Times developer API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['nytimes', 'ny_times', 'new_york_times', 'newyorktimes', 'nyt'], {
      keywords: ['nytimes', 'ny_times', 'new_york_times', 'newyorktimes', 'nyt_', 'nyt-', 'nyt.'],
      value: String.raw`[A-Za-z0-9]{32}`,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'The New York Times Developer Network',
    url: 'https://developer.nytimes.com/my-apps',
    steps: ['In Apps on the NYT developer portal, delete the app or regenerate its key.', 'Store the new key as a secret.'],
  },
});
