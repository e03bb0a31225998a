import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Kraken exchange API credentials: a 56-character base64 API key and an 88-character base64 private key
 * (64 bytes, ending in `==`) used to sign requests. Neither has a prefix: they count next to Kraken's name
 * (`KRAKEN_API_SECRET`, `kraken: { apiKey, secret }` in ccxt configurations).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['kraken']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('kraken')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/kraken-api-key',
  description: 'Kraken exchange API key or private key',
  severity: 'high',
  variants: [
    {
      keywords: ['kraken'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9+/]{86}==`),
      nextLine: true,
      minEntropy: 4.5,
    },
    {
      keywords: ['kraken'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 4.5,
    },
    {
      keywords: ['kraken'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9+/]{56}`),
      nextLine: true,
      minEntropy: 4.2,
      confidence: 'medium',
      message: 'Kraken API key committed: the public half of the key pair; its private key is usually next to it.',
    },
    {
      keywords: ['kraken'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9+/]{56})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 4.2,
      confidence: 'medium',
      message: 'Kraken API key committed: the public half of the key pair; its private key is usually next to it.',
    },
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
