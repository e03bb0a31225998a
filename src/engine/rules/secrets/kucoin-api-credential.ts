import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * KuCoin API credentials: an API key (24 hex), its secret (a UUID) and a passphrase. Neither has a
 * prefix, so they count next to KuCoin's name (`KUCOIN_API_SECRET`, `kucoinApiKey`).
 */
export default defineSecretRuleSet({
  id: 'secrets/kucoin-api-credential',
  description: 'KuCoin API key or secret',
  severity: 'high',
  variants: [
    {
      keywords: ['kucoin'],
      pattern: keyedSecret(credentialNamed(['kucoin', 'ku_coin']), `${UUID}|[0-9a-f]{24}`),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`kucoin:\n  api_key: …`, `[kucoin]\ntoken = …`).
      keywords: ['kucoin'],
      pattern: nestedSecret(['kucoin', 'ku_coin'], `${UUID}|[0-9a-f]{24}`),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'KuCoin',
    url: 'https://www.kucoin.com/account/api',
    steps: [
      'In API Management, delete the API key (its secret and passphrase go with it).',
      'Review orders, transfers and withdrawals since the commit; contact KuCoin support at once if funds moved.',
      'Create a replacement without withdrawal permission, restricted to your IP addresses, and store it as a secret.',
    ],
  },
});
