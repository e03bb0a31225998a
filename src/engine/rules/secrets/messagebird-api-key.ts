import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';
import { charClasses } from '../../entropy.js';

/**
 * MessageBird (now Bird) REST API access keys are 25 alphanumerics (live and test keys alike). No prefix:
 * they count next to MessageBird's name (`MESSAGEBIRD_API_KEY`, `messagebird.initClient('…')`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['messagebird', 'message_bird', 'message-bird', 'message bird']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('messagebird', 'message_bird', 'message-bird', 'message bird')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/messagebird-api-key',
  description: 'MessageBird (Bird) API access key',
  severity: 'high',
  variants: [
    {
      keywords: ['messagebird', 'message_bird', 'message-bird', 'message bird'],
      pattern: keyedSecret(NAME, String.raw`[A-Za-z0-9]{25}`),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['messagebird', 'message_bird', 'message-bird', 'message bird'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>[A-Za-z0-9]{25})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
    {
      keywords: ['messagebird'],
      pattern: /(?<![A-Za-z])(?:[Mm]essage[Bb]ird|messagebird)(?:\.initClient|\.Client|\.New)?\(\s{0,4}["'](?<secret>[A-Za-z0-9]{25})["']/g,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    },
  ],
  revoke: {
    provider: 'MessageBird (Bird)',
    url: 'https://dashboard.messagebird.com/en/developers/access',
    steps: [
      'In the dashboard → Developers → API access, delete the access key.',
      'Review sent messages and balance usage for traffic you did not send (SMS fraud is costly).',
      'Create a replacement and store it as a secret.',
    ],
  },
});
