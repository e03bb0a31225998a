import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * SparkPost API keys are 40 lower-case hex characters with no prefix, sent as the whole `Authorization`
 * header (SparkPost's API reference); the SDKs read `SPARKPOST_API_KEY`. They count next to SparkPost's
 * name and a credential word, on the same line or under a `sparkpost` parent.
 */
export default defineSecretRuleSet({
  id: 'secrets/sparkpost-api-key',
  description: 'SparkPost API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['sparkpost'], {
      keywords: ['sparkpost'],
      value: String.raw`[a-f0-9]{40}`,
      minEntropy: 3,
    }),
  ],
  revoke: {
    provider: 'SparkPost',
    url: 'https://app.sparkpost.com/account/api-keys',
    steps: [
      'In SparkPost → Configuration → API Keys, delete the leaked key.',
      'Review sending activity and sub-accounts for use you did not make.',
      'Create a replacement with only the permissions it needs, and read it from SPARKPOST_API_KEY at run time.',
    ],
  },
});
