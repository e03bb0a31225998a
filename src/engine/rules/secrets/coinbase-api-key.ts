import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Coinbase access tokens and legacy API secrets have no prefix; CDP keys' private halves are EC PEM
 * keys (the private-key rules). Only values under a Coinbase credential name count.
 */
export default defineSecretRuleSet({
  id: 'secrets/coinbase-api-key',
  description: 'Coinbase API secret or access token',
  severity: 'critical',
  confidence: 'medium',
  variants: [
    {
      keywords: ['coinbase'],
      pattern: keyedSecret(credentialNamed(['coinbase']), '[A-Za-z0-9_-]{64}|[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      // Under a parent key named after the provider (`coinbase:\n  api_key: …`, `[coinbase]\ntoken = …`).
      keywords: ['coinbase'],
      pattern: nestedSecret(['coinbase'], '[A-Za-z0-9_-]{64}|[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Coinbase',
    url: 'https://www.coinbase.com/settings/api',
    steps: [
      'Delete the API key in Settings → API (or the CDP portal for Developer Platform keys); revoke OAuth tokens from Settings → Security → Third-party apps.',
      'Review the account for trades, sends and withdrawals you did not make, and contact Coinbase support if funds moved.',
      'Create a replacement with the fewest permissions and an IP allowlist, and store it as a secret.',
    ],
  },
});
