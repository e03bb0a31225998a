import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

/** App-only bearer tokens start with a run of `A`s and carry URL-encoded characters (`%2F`, `%3D`). */
export default defineSecretRuleSet({
  id: 'secrets/twitter-bearer-token',
  description: 'Twitter / X API bearer token',
  severity: 'high',
  variants: [
    {
      keywords: ['aaaaaaaaaaaaaaaaaaaa'],
      pattern: /(?<![A-Za-z0-9%])(?<secret>A{20,24}[A-Za-z0-9%]{60,160})(?![A-Za-z0-9%])/g,
      minEntropy: 3.5,
      validate: (s) => /%[0-9A-F]{2}/.test(s),
    },
    {
      keywords: ['twitter'],
      pattern: keyedSecret(credentialNamed(['twitter', 'x_api', 'x-api']), '[A-Za-z0-9%_-]{80,250}', { notFollowedBy: 'A-Za-z0-9%_\\-' }),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => s.startsWith('A'.repeat(20)) || s.includes('%'),
    },
    {
      // Under a parent key named after the provider (`twitter:\n  api_key: …`, `[twitter]\ntoken = …`).
      keywords: ['twitter'],
      pattern: nestedSecret(['twitter', 'x_api', 'x-api'], '[A-Za-z0-9%_-]{80,250}', { notFollowedBy: 'A-Za-z0-9%_\\-' }),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => s.startsWith('A'.repeat(20)) || s.includes('%'),
    },
  ],
  revoke: {
    provider: 'X (Twitter)',
    url: 'https://developer.x.com/en/portal/dashboard',
    steps: [
      'In the developer portal open the app → Keys and tokens → Bearer Token → Regenerate (or invalidate it via POST oauth2/invalidate_token).',
      "Review the app's usage for requests you did not make.",
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
