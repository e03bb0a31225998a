import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { charClasses } from '../../entropy.js';

const HEX_KEY = '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}';

/** Legacy `key-…` keys anywhere; current keys (32-8-8 hex) and webhook signing keys near the name. */
export default defineSecretRuleSet({
  id: 'secrets/mailgun-api-key',
  description: 'Mailgun API key or webhook signing key',
  severity: 'high',
  variants: [
    {
      keywords: ['key-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>key-[0-9a-z]{32})(?![A-Za-z0-9_-])/g,
      minEntropy: 3.2,
      validate: (s) => charClasses(s.slice(4)) >= 2,
    },
    {
      keywords: ['mailgun'],
      pattern: keyedSecret(names('mailgun'), `pubkey-[a-f0-9]{32}|${HEX_KEY}|[A-Za-z0-9-]{72}`),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
    },
    {
      // `mailgun:\n  api_key: …`, `[mailgun]\nsigning_key = …`: the provider as the parent key.
      keywords: ['mailgun'],
      pattern: nestedSecret(['mailgun'], `${HEX_KEY}|[A-Za-z0-9-]{72}`),
      nextLine: true,
      minEntropy: 3.5,
      confidence: 'medium',
    },
    {
      // The 32-8-8 shape is distinctive enough once the provider is named on the line.
      keywords: ['mailgun'],
      pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${HEX_KEY})(?![A-Za-z0-9_-])`, 'g'),
      nextLine: true,
      minEntropy: 3.2,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Mailgun',
    url: 'https://app.mailgun.com/settings/api_security',
    steps: [
      'In Settings → API Security, delete the key (or rotate the HTTP webhook signing key).',
      'Check Sending → Logs for mail you did not send.',
      'Create a replacement (a domain sending key if the code only sends) and store it as a secret.',
    ],
  },
});
