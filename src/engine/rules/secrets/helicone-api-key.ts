import { defineSecretRule } from './define.js';

/**
 * Helicone API keys: `sk-helicone-`, an optional region and kind (`eu-`, `cp-`, `rl-`), then four groups
 * of 7 lower-case base32 characters joined by `-` (generate-api-key's `base32` method, lower-cased). Shape
 * from Helicone's own code, which creates keys as `sk-helicone-${generateApiKey({ method: "base32",
 * dashes: true })}`.toLowerCase() and validates them with `[a-z0-9]{7}` groups (Helicone/helicone,
 * worker). `pk-helicone-` keys are write-only keys that Helicone generates as its public keys (for
 * logging from clients) and are not reported.
 */
export default defineSecretRule({
  id: 'secrets/helicone-api-key',
  description: 'Helicone API key',
  severity: 'high',
  keywords: ['sk-helicone-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-helicone-(?:eu-)?(?:cp-|rl-)?[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.4,
  // base32 of random bytes mixes letters and digits 2-7; a hyphenated phrase does not.
  validate: (s) => /[2-7]/.test(s.slice(12)) && /[a-z]/.test(s.slice(12).replace(/^(?:eu-)?(?:cp-|rl-)?/, '')),
  message: "Helicone API key committed to the repository: it reads the organization's logged requests (prompts and responses) and manages its settings.",
  revoke: {
    provider: 'Helicone',
    url: 'https://us.helicone.ai/settings/api-keys',
    steps: [
      'In Helicone → Settings → API Keys, delete the key.',
      'Review the request logs the key could read: they hold your prompts and model responses.',
      'Create a replacement and store it as a secret; use a write-only `pk-helicone-` key where a client only logs requests.',
    ],
  },
});
