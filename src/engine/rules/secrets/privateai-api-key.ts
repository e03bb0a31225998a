import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Private AI (de-identification API) keys are 32 alphanumerics sent in the `x-api-key` header. No prefix:
 * they count next to Private AI's name (`PRIVATEAI_API_KEY`, `private_ai_key`).
 */
export default defineSecretRuleSet({
  id: 'secrets/privateai-api-key',
  description: 'Private AI API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['privateai', 'private_ai', 'private-ai', 'private ai'], {
      keywords: ['privateai', 'private_ai', 'private-ai', 'private ai'],
      value: String.raw`[A-Za-z0-9]{32}`,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'Private AI',
    url: 'https://portal.private-ai.com/',
    steps: [
      'In the Private AI customer portal, delete or regenerate the API key.',
      'Review usage for requests you did not make (the key reads the text it de-identifies).',
      'Store the replacement as a secret.',
    ],
  },
});
