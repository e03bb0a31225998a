import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Consumer keys (25) and secrets (50), access tokens (`<user id>-<secret>`) and access token secrets (45):
 * base62 without prefix, so only under a Twitter/X credential name.
 */
export default defineSecretRuleSet({
  id: 'secrets/twitter-api-credential',
  description: 'Twitter / X API consumer key, secret or access token',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['twitter', 'x_api', 'x-api'],
      pattern: keyedSecret(
        credentialNamed(['twitter', 'x_api', 'x-api'], ['token', 'secret', 'key', 'consumer', 'access']),
        '\\d{15,25}-[A-Za-z0-9]{20,40}|[A-Za-z0-9]{50}|[A-Za-z0-9]{45}|[A-Za-z0-9]{25}',
      ),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // Under a parent key named after the provider (`twitter:\n  api_key: …`, `[twitter]\ntoken = …`).
      keywords: ['twitter', 'x_api', 'x-api'],
      pattern: nestedSecret(['twitter', 'x_api', 'x-api'], '\\d{15,25}-[A-Za-z0-9]{20,40}|[A-Za-z0-9]{50}|[A-Za-z0-9]{45}|[A-Za-z0-9]{25}', {
        words: ['token', 'secret', 'key', 'consumer', 'access'],
      }),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'X (Twitter)',
    url: 'https://developer.x.com/en/portal/dashboard',
    steps: [
      'In the developer portal open the app → Keys and tokens and regenerate the consumer keys and the access token and secret.',
      'Review the account for posts, follows or DMs you did not make.',
      'Store the new credentials as secrets and load them at run time.',
    ],
  },
});
