import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

/** DeepSeek API keys: `sk-` and 32 lower-case hex; the prefix is shared with others, so next to DeepSeek's name. */
export default defineSecretRuleSet({
  id: 'secrets/deepseek-api-key',
  description: 'DeepSeek API key',
  severity: 'high',
  variants: [
    {
      keywords: ['deepseek'],
      pattern: keyedSecret(credentialNamed(['deepseek', 'deep_seek', 'deep-seek']), 'sk-[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`deepseek:\n  api_key: …`, `[deepseek]\ntoken = …`).
      keywords: ['deepseek'],
      pattern: nestedSecret(['deepseek', 'deep_seek', 'deep-seek'], 'sk-[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'DeepSeek',
    url: 'https://platform.deepseek.com/api_keys',
    steps: ['In the DeepSeek platform → API keys, delete the key.', 'Review usage and balance for calls you did not make.', 'Create a replacement and store it as a secret.'],
  },
});
