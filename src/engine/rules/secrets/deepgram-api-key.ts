import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Deepgram API keys (the key's secret, sent as `Authorization: Token <key>`) are 40 lower-case hex
 * characters with no prefix; the SDKs read `DEEPGRAM_API_KEY`. They count next to Deepgram's name and a
 * credential word, on the same line or under a `deepgram` parent. The key's id (a UUID) is not reported.
 */
export default defineSecretRuleSet({
  id: 'secrets/deepgram-api-key',
  description: 'Deepgram API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['deepgram'], {
      keywords: ['deepgram'],
      value: String.raw`[a-f0-9]{40}`,
      minEntropy: 3,
    }),
  ],
  revoke: {
    provider: 'Deepgram',
    url: 'https://console.deepgram.com/project/_/keys',
    steps: [
      'In the Deepgram Console → project → API Keys, delete the leaked key.',
      'Review the project usage for requests you did not make.',
      'Create a replacement with the least role (Default) and an expiry, and read it from DEEPGRAM_API_KEY at run time; browsers get short-lived tokens from the token API instead.',
    ],
  },
});
