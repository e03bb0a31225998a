import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';

/**
 * Twitch client secrets and OAuth access tokens are 30 lower-case alphanumerics (chat bots write them as
 * `oauth:` + token). No prefix: they count next to Twitch's name (`TWITCH_CLIENT_SECRET`, `twitch_oauth_token`).
 */
export default defineSecretRuleSet({
  id: 'secrets/twitch-api-token',
  description: 'Twitch client secret or OAuth token',
  severity: 'high',
  variants: [
    ...keyedAndNested(['twitch'], {
      keywords: ['twitch'],
      words: ['token', 'secret', 'key', 'password', 'pass', 'auth', 'oauth', 'credential'],
      value: String.raw`(?:oauth:)?[a-z0-9]{30}`,
      minEntropy: 3.3,
      validate: (s) => {
        const t = s.replace(/^oauth:/, '');
        return /[0-9]/.test(t) && /[a-z]/.test(t);
      },
    }),
  ],
  revoke: {
    provider: 'Twitch',
    url: 'https://dev.twitch.tv/console/apps',
    steps: [
      'For a client secret, open the application in the Twitch developer console and create a new secret; for a user token, revoke it (POST https://id.twitch.tv/oauth2/revoke) or disconnect the app under Settings → Connections.',
      'Review the channel for actions taken with the token since the commit.',
      'Store the replacement as a secret.',
    ],
  },
});
