import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

/**
 * ElevenLabs API keys: `sk_` and 48 hex (current), or 32 hex (older). Recognised next to ElevenLabs'
 * name or its request header (`xi-api-key`).
 */
export default defineSecretRuleSet({
  id: 'secrets/elevenlabs-api-key',
  description: 'ElevenLabs API key',
  severity: 'high',
  variants: [
    {
      keywords: ['elevenlabs', 'eleven_labs', 'eleven-labs', 'xi-api-key', 'xi_api_key'],
      pattern: keyedSecret(`(?:${credentialNamed(['elevenlabs', 'eleven_labs', 'eleven-labs', 'eleven labs'])}|[Xx][Ii][-_][Aa][Pp][Ii][-_][Kk][Ee][Yy])`, 'sk_[a-f0-9]{48}|[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`elevenlabs:\n  api_key: …`, `[elevenlabs]\ntoken = …`).
      keywords: ['elevenlabs', 'eleven_labs', 'eleven-labs'],
      pattern: nestedSecret(['elevenlabs', 'eleven_labs', 'eleven-labs'], 'sk_[a-f0-9]{48}|[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'ElevenLabs',
    url: 'https://elevenlabs.io/app/settings/api-keys',
    steps: [
      'In ElevenLabs → Settings → API keys, delete the key.',
      'Review character usage and voice clones for activity you did not cause.',
      'Create a replacement with a credit limit and only the permissions it needs; store it as a secret.',
    ],
  },
});
