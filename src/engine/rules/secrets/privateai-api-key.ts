import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * Private AI (de-identification API) keys are 32 alphanumerics sent in the `x-api-key` header. No prefix:
 * they count next to Private AI's name (`PRIVATEAI_API_KEY`, `private_ai_key`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['privateai', 'private_ai', 'private-ai', 'private ai']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('privateai', 'private_ai', 'private-ai', 'private ai')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/privateai-api-key',
  description: 'Private AI API key',
  severity: 'high',
  variants: [
    {
      keywords: ['privateai', 'private_ai', 'private-ai', 'private ai'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9]{32}`),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['privateai', 'private_ai', 'private-ai', 'private ai'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'Private AI',
    url: 'https://portal.private-ai.com/',
    steps: [
      'In the Private AI customer portal, delete or regenerate the API key.',
      'Review usage for requests you did not make (the key reads the text it de-identifies).',
      'Store the replacement as a secret.',
    ],
  },
});
