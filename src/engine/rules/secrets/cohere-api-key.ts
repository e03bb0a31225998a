import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * Cohere API keys (trial and production) are 40 alphanumerics with no prefix. They count next to Cohere's
 * name (`COHERE_API_KEY`, `cohere.Client("…")`, `new CohereClient({ token: … })`) or under `CO_API_KEY`,
 * the variable Cohere's SDKs read.
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['cohere']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('cohere')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/cohere-api-key',
  description: 'Cohere API key',
  severity: 'high',
  variants: [
    {
      keywords: ['cohere'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9]{40}`),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['cohere'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['co_api_key'],
      pattern: keyedSecret(String.raw`(?<![A-Za-z0-9_])CO_API_KEY`, '[A-Za-z0-9]{40}'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['cohere'],
      pattern: /(?<![A-Za-z])[Cc]ohere(?:\.|)[A-Za-z0-9]{0,16}\(\s{0,4}\{?\s{0,4}(?:(?:api_key|apiKey|token)\s{0,2}[:=]\s{0,2})?["'](?<secret>[A-Za-z0-9]{40})["']/g,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Cohere',
    url: 'https://dashboard.cohere.com/api-keys',
    steps: [
      'In the Cohere dashboard → API Keys, delete the key.',
      'Review usage and billing for requests you did not make.',
      'Create a replacement, store it as a secret, and read it from CO_API_KEY at run time.',
    ],
  },
});
