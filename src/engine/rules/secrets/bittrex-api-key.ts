import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Bittrex API keys and secrets are 32 lower-case hex characters each, with no prefix: they count only
 * next to Bittrex's name and a credential word (`BITTREX_API_SECRET=…`, `bittrex: { apiKey: '…' }`).
 */
export default defineSecretRuleSet({
  id: 'secrets/bittrex-api-key',
  description: 'Bittrex API key or secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['bittrex'], {
      keywords: ['bittrex'],
      value: String.raw`[a-f0-9]{32}`,
      minEntropy: 3,
    }),
  ],
  revoke: {
    provider: 'Bittrex',
    url: 'https://bittrex.com/Manage#sectionApi',
    steps: [
      'Delete the API key under Account → API Keys (Bittrex Global wound down in 2023: any remaining key must still be deleted).',
      'Review the account history for withdrawals and trades you did not make.',
      'If the exchange account is still in use, create a replacement key without withdrawal rights and keep it in a secret store.',
    ],
  },
});
