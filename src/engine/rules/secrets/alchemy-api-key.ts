import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Alchemy (web3 node provider) API keys are 32 characters of letters, digits, `_` and `-`; the endpoint URL
 * `https://<network>.g.alchemy.com/v2/<key>` carries the key, which is all a caller needs. Found in endpoint URLs
 * and next to Alchemy's name (`ALCHEMY_API_KEY`).
 */
export default defineSecretRuleSet({
  id: 'secrets/alchemy-api-key',
  description: 'Alchemy API key',
  severity: 'high',
  variants: [
    {
      keywords: ['alchemy.com', 'alchemyapi.io'],
      pattern: /\.(?:g\.)?alchemy(?:api)?\.(?:com|io)\/(?:v2|nft\/v[23])\/(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    ...keyedAndNested(['alchemy'], {
      keywords: ['alchemy'],
      value: String.raw`[A-Za-z0-9_-]{32}`,
      minEntropy: 3.5,
      placeholders: 'loose',
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'Alchemy',
    url: 'https://dashboard.alchemy.com/apps',
    steps: [
      'In the Alchemy dashboard, delete the app or rotate its API key, and set allow-lists (domains, addresses, IPs) on the replacement.',
      "Review the app's request logs for usage you did not make.",
      'Keep the key in a secret or environment variable, not in code.',
    ],
  },
});
