import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Flickr API keys are 32 lower-case hex characters and their secrets 16. Neither has a prefix: they count
 * next to Flickr's name (`FLICKR_API_KEY`, `flickr_secret`, `flickr: { key: … }`).
 */
export default defineSecretRuleSet({
  id: 'secrets/flickr-api-key',
  description: 'Flickr API key or secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['flickr'], {
      keywords: ['flickr'],
      value: String.raw`[a-f0-9]{32}`,
      minEntropy: 3.2,
    }),
    ...keyedAndNested(['flickr'], {
      keywords: ['flickr'],
      value: String.raw`[a-f0-9]{16}`,
      minEntropy: 3,
      confidence: 'medium',
    }),
  ],
  revoke: {
    provider: 'Flickr',
    url: 'https://www.flickr.com/services/apps/by/me',
    steps: [
      'In The App Garden → Your apps, delete the app or its key (a key cannot be re-secreted; request a new one).',
      "Review the account's recent uploads, edits and permissions granted to the app.",
      'Store the new key and secret as secrets.',
    ],
  },
});
