import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Gitter personal access tokens are 40 characters (lower-case hex in practice) with no prefix; they count
 * next to Gitter's name (`GITTER_TOKEN`, `gitter: { token: … }`). Gitter now runs on Matrix, but old
 * tokens still reach its API.
 */
export default defineSecretRuleSet({
  id: 'secrets/gitter-access-token',
  description: 'Gitter access token',
  severity: 'high',
  variants: [
    ...keyedAndNested(['gitter'], {
      keywords: ['gitter'],
      value: String.raw`[a-z0-9_-]{40}`,
      minEntropy: 3.2,
      placeholders: 'loose',
      validate: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    }),
  ],
  revoke: {
    provider: 'Gitter (Element)',
    url: 'https://developer.gitter.im/apps',
    steps: [
      'Revoke the token on the Gitter developer site (or sign out all sessions of the account).',
      'Review rooms the account could post in for messages you did not send.',
      'Store any replacement as a secret.',
    ],
  },
});
