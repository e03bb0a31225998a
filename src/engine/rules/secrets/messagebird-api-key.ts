import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * MessageBird (now Bird) REST API access keys are 25 alphanumerics (live and test keys alike). No prefix:
 * they count next to MessageBird's name (`MESSAGEBIRD_API_KEY`, `messagebird.initClient('…')`).
 */
export default defineSecretRuleSet({
  id: 'secrets/messagebird-api-key',
  description: 'MessageBird (Bird) API access key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['messagebird', 'message_bird', 'message-bird', 'message bird'], {
      keywords: ['messagebird', 'message_bird', 'message-bird', 'message bird'],
      value: String.raw`[A-Za-z0-9]{25}`,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    }),
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
