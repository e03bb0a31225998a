import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Finicity (Mastercard Open Banking) partner credentials: an app key of 32 lower-case hex characters (the
 * `Finicity-App-Key` header) and a partner secret of 20 alphanumerics. Neither has a prefix: they count next
 * to Finicity's name (`FINICITY_APP_KEY`, `finicity_partner_secret`, `Finicity-App-Key: …`).
 */
export default defineSecretRuleSet({
  id: 'secrets/finicity-credential',
  description: 'Finicity (Mastercard Open Banking) app key or partner secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['finicity'], {
      keywords: ['finicity'],
      value: String.raw`[a-f0-9]{32}`,
      minEntropy: 3.2,
    }),
    ...keyedAndNested(['finicity'], {
      keywords: ['finicity'],
      value: String.raw`[A-Za-z0-9]{20}`,
      minEntropy: 3.3,
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'Finicity (Mastercard Open Banking)',
    url: 'https://developer.mastercard.com/open-banking-us/documentation/',
    steps: [
      'In the Mastercard Developers portal (or by asking Finicity support), regenerate the partner secret (POST /aggregation/v2/partners/authentication) and rotate the app key.',
      'Review the customers and accounts accessed with the credentials since the commit: this is consumer financial data.',
      'Store the replacements as secrets and restrict who can read them.',
    ],
  },
});
