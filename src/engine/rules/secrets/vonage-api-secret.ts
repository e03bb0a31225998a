import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested, keywordsOf } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Vonage (formerly Nexmo) accounts authenticate with an API key and an API secret. The key is 8 hex
 * characters and identifies the account (it is the user name of HTTP Basic): it is not reported. The
 * secret the dashboard issues is 16 letters and digits; it counts next to Vonage's or Nexmo's name and a
 * credential word (`VONAGE_API_SECRET=…`, `nexmo: { api_secret: … }`). Secrets set through the secret
 * management API may be 8 to 25 characters: only the 16-character form is recognised, shorter values
 * being too common to report on a name alone.
 */
export default defineSecretRuleSet({
  id: 'secrets/vonage-api-secret',
  description: 'Vonage (Nexmo) API secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['vonage', 'nexmo'], {
      keywords: keywordsOf('vonage', 'nexmo'),
      value: String.raw`[A-Za-z0-9]{16}`,
      minEntropy: 3,
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'Vonage',
    url: 'https://dashboard.nexmo.com/settings',
    steps: [
      'In the Vonage API dashboard → Settings, add a new API secret, deploy it, then delete the leaked one (an account holds two at a time).',
      'Review SMS, voice and Verify usage for traffic you did not send.',
      'Keep the secret in a secret store and read it from VONAGE_API_SECRET at run time.',
    ],
  },
});
