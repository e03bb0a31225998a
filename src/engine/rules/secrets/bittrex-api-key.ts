import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Bittrex API keys and secrets are 32 lower-case hex characters each, with no prefix: they count only
 * next to Bittrex's name and a credential word (`BITTREX_API_SECRET=…`, `bittrex: { apiKey: '…' }`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['bittrex']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('bittrex')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/bittrex-api-key',
  description: 'Bittrex API key or secret',
  severity: 'high',
  variants: [
    {
      keywords: ['bittrex'],
      pattern: keyedSecret(NAME, String.raw`[a-f0-9]{32}`),
      nextLine: true,
      minEntropy: 3,
    },
    {
      keywords: ['bittrex'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3,
    },
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
