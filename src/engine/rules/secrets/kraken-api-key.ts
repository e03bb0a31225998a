import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Kraken exchange API credentials: a 56-character base64 API key and an 88-character base64 private key
 * (64 bytes, ending in `==`) used to sign requests. Neither has a prefix: they count next to Kraken's name
 * (`KRAKEN_API_SECRET`, `kraken: { apiKey, secret }` in ccxt configurations).
 */
export default defineSecretRuleSet({
  id: 'secrets/kraken-api-key',
  description: 'Kraken exchange API key or private key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['kraken'], {
      keywords: ['kraken'],
      value: String.raw`[A-Za-z0-9+/]{86}==`,
      minEntropy: 4.5,
    }),
    ...keyedAndNested(['kraken'], {
      keywords: ['kraken'],
      value: String.raw`[A-Za-z0-9+/]{56}`,
      minEntropy: 4.2,
      confidence: 'medium',
      message: 'Kraken API key committed: the public half of the key pair; its private key is usually next to it.',
    }),
  ],
  revoke: {
    provider: 'Kraken',
    url: 'https://www.kraken.com/u/security/api',
    steps: [
      'In Security → API, delete the key.',
      'Review trades, transfers and withdrawals since the commit; contact Kraken support at once if funds moved.',
      'Create a replacement without withdrawal permission (and with an IP allow-list), and store both halves as secrets.',
    ],
  },
});
