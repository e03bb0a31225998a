import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Etsy Open API v3 keystrings are 24 lower-case alphanumerics (sent as `x-api-key`). No prefix: they count
 * next to Etsy's name (`ETSY_API_KEY`, `etsy_keystring`, `etsy: { apiKey: … }`).
 */
export default defineSecretRuleSet({
  id: 'secrets/etsy-api-key',
  description: 'Etsy API keystring',
  severity: 'high',
  variants: [
    ...keyedAndNested(['etsy'], {
      keywords: ['etsy'],
      words: ['token', 'secret', 'key', 'keystring', 'password', 'auth', 'credential'],
      value: String.raw`[a-z0-9]{24}`,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    }),
  ],
  revoke: {
    provider: 'Etsy',
    url: 'https://www.etsy.com/developers/your-apps',
    steps: [
      "In Your Apps on the Etsy developer portal, reset the app's keystring and shared secret (or delete the app).",
      'Review orders, listings and shop changes made through the app since the commit.',
      'Store the new keystring as a secret.',
    ],
  },
});
