import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Sendbird master and secondary API tokens are 40 lower-case hex characters (the `Api-Token` header). No
 * prefix: they count next to Sendbird's name (`SENDBIRD_API_TOKEN`, `sendbird_master_token`).
 */
export default defineSecretRuleSet({
  id: 'secrets/sendbird-api-token',
  description: 'Sendbird API token',
  severity: 'high',
  variants: [
    ...keyedAndNested(['sendbird', 'send_bird'], {
      keywords: ['sendbird', 'send_bird'],
      value: String.raw`[a-f0-9]{40}`,
      minEntropy: 3.2,
    }),
  ],
  revoke: {
    provider: 'Sendbird',
    url: 'https://dashboard.sendbird.com/',
    steps: [
      'In the Sendbird dashboard → Settings → Application → General → API tokens, revoke the token (the master token can be regenerated).',
      "Review the application's users, channels and messages for changes made through the Platform API since the commit.",
      'Create a secondary token for the service that needs it and store it as a secret.',
    ],
  },
});
