import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Mandrill (Mailchimp Transactional) API keys are 22 characters of letters, digits, `-` and `_`, with no
 * prefix, created under mandrillapp.com → Settings. They count next to Mandrill's name and a credential
 * word (`MANDRILL_API_KEY=…`, `mandrill: { key: … }`). Mailchimp's marketing keys (`…-us6`) are another
 * rule's.
 */
export default defineSecretRuleSet({
  id: 'secrets/mandrill-api-key',
  description: 'Mandrill (Mailchimp Transactional) API key',
  severity: 'high',
  variants: [
    ...keyedAndNested(['mandrill'], {
      keywords: ['mandrill'],
      value: String.raw`[A-Za-z0-9_\-]{22}`,
      minEntropy: 3.3,
      // Two of lower case, upper case and digits, `_` and `-` aside: `your_mandrill_key_here` is 22 characters too.
      validate: (s) => charClasses(s.replace(/[_-]/g, '')) >= 2,
    }),
  ],
  revoke: {
    provider: 'Mailchimp Transactional (Mandrill)',
    url: 'https://mandrillapp.com/settings',
    steps: [
      'In Mandrill → Settings → SMTP & API Info, delete the leaked API key.',
      'Review the outbound activity for messages you did not send.',
      'Create a replacement key with only the API calls it needs, and keep it in a secret store.',
    ],
  },
});
