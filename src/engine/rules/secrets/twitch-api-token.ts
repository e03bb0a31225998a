import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret } from './lib/keyed-secret.js';
import { names } from './lib/assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './lib/provider-names.js';

/**
 * Twitch client secrets and OAuth access tokens are 30 lower-case alphanumerics (chat bots write them as
 * `oauth:` + token). No prefix: they count next to Twitch's name (`TWITCH_CLIENT_SECRET`, `twitch_oauth_token`).
 */
const NAME = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))` + credentialNamed(['twitch'], ['token', 'secret', 'key', 'password', 'pass', 'auth', 'oauth', 'credential']);
/** The provider's name as a parent on the line above (`meraki:` in YAML, `[meraki]` in TOML, `meraki: {` in JS). */
const NESTED = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))${names('twitch')}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...CREDENTIAL_WORDS)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;

export default defineSecretRuleSet({
  id: 'secrets/twitch-api-token',
  description: 'Twitch client secret or OAuth token',
  severity: 'high',
  variants: [
    {
      keywords: ['twitch'],
      pattern: keyedSecret(NAME, String.raw`(?:oauth:)?[a-z0-9]{30}`),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => {
        const t = s.replace(/^oauth:/, '');
        return /[0-9]/.test(t) && /[a-z]/.test(t);
      },
    },
    {
      keywords: ['twitch'],
      pattern: new RegExp(NESTED + String.raw`(?<secret>(?:oauth:)?[a-z0-9]{30})(?![A-Za-z0-9_\-])`, 'g'),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => {
        const t = s.replace(/^oauth:/, '');
        return /[0-9]/.test(t) && /[a-z]/.test(t);
      },
    },
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
