import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * Account auth tokens (32 hex) and API key secrets (32 alphanumerics) have no prefix: they count next to
 * a Twilio credential name, or after an account SID in `AC…:<token>` basic auth.
 */
export default defineSecretRuleSet({
  id: 'secrets/twilio-auth-token',
  description: 'Twilio auth token or API key secret',
  severity: 'critical',
  confidence: 'medium',
  variants: [
    {
      keywords: ['twilio'],
      pattern: /(?<![A-Za-z0-9])AC[0-9a-f]{32}:(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])/g,
      minEntropy: 3.2,
      confidence: 'high',
    },
    {
      keywords: ['twilio'],
      pattern: keyedSecret(credentialNamed(['twilio']), '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3.2,
      validate: (s) => /^[0-9a-f]{32}$/.test(s) || charClasses(s) >= 3,
    },
    {
      // `twilio:\n  auth_token: …`, `[twilio]\nauth_token = …`: the provider as the parent key.
      keywords: ['twilio'],
      pattern: nestedSecret(['twilio'], '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3.2,
      validate: (s) => /^[0-9a-f]{32}$/.test(s) || charClasses(s) >= 3,
    },
  ],
  revoke: {
    provider: 'Twilio',
    url: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
    steps: [
      'For an auth token: Console → Account → API keys & tokens → Auth tokens, request a secondary token, move your services to it, then promote it (this retires the leaked primary).',
      'For an API key secret: delete the API key and create a new one.',
      'Review Monitor → Logs and usage for calls you did not make (SMS pumping is the usual abuse).',
      'Store the new credential in a secret manager and load it at run time.',
    ],
  },
});
