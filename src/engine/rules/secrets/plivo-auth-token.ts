import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Plivo authenticates with HTTP Basic: the Auth ID (20 upper-case letters and digits starting `MA` for an
 * account or `SA` for a sub-account) acts as the user name and the Auth Token (40 letters and digits) as
 * the password. Only the token is reported: the Auth ID names the account and grants nothing alone. The
 * token counts next to Plivo's name and a credential word (`PLIVO_AUTH_TOKEN=…`, `plivo: { auth_token: … }`).
 */
export default defineSecretRuleSet({
  id: 'secrets/plivo-auth-token',
  description: 'Plivo auth token',
  severity: 'high',
  variants: [
    ...keyedAndNested(['plivo'], {
      keywords: ['plivo'],
      value: String.raw`[A-Za-z0-9]{40}`,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'Plivo',
    url: 'https://console.plivo.com/dashboard/',
    steps: [
      'In the Plivo console → Overview (or the sub-account’s page), generate a new Auth Token; the old one stops working.',
      'Review messages, calls and spend for activity you did not make.',
      'Store the new token in a secret store and read it from PLIVO_AUTH_TOKEN at run time.',
    ],
  },
});
