import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/** The value is the app key (`dropboxAppKey`, `app_key:`): the app's OAuth client id, public; its app secret is the credential. */
const namesAppKey = (secret: string, m: RegExpExecArray): boolean => /app[_-]?key/i.test(m[0].slice(0, m[0].lastIndexOf(secret)));

/** Short-lived `sl.` tokens are long enough to stand alone; long-lived tokens and app secrets need the name. */
export default defineSecretRuleSet({
  id: 'secrets/dropbox-token',
  description: 'Dropbox access token or app secret',
  severity: 'high',
  variants: [
    {
      keywords: ['sl.'],
      pattern: /(?<![A-Za-z0-9_.-])(?<secret>sl\.(?:u\.)?[A-Za-z0-9_-]{130,1500})(?![A-Za-z0-9_-])/g,
      minEntropy: 4.2,
      validate: (s) => charClasses(s.slice(3)) >= 3,
    },
    {
      keywords: ['dropbox'],
      pattern: keyedSecret(credentialNamed(['dropbox']), 'sl\\.[A-Za-z0-9_=-]{130,1500}|[a-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}|[a-z0-9]{15}', { notFollowedBy: 'A-Za-z0-9_=\\-' }),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      validate: (s, m) => charClasses(s) >= 2 && !namesAppKey(s, m),
    },
    {
      // Under a parent key named after the provider (`dropbox:\n  api_key: …`, `[dropbox]\ntoken = …`).
      keywords: ['dropbox'],
      pattern: nestedSecret(['dropbox'], 'sl\\.[A-Za-z0-9_=-]{130,1500}|[a-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}|[a-z0-9]{15}', { notFollowedBy: 'A-Za-z0-9_=\\-' }),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
      validate: (s, m) => charClasses(s) >= 2 && !namesAppKey(s, m),
    },
  ],
  revoke: {
    provider: 'Dropbox',
    url: 'https://www.dropbox.com/developers/apps',
    steps: [
      'Revoke the access token (POST /2/auth/token/revoke, or disconnect the app under Settings → Connected apps); for an app secret, regenerate it in the App Console.',
      "Review the account's file activity for downloads, shares or deletions you did not make.",
      'Use short-lived tokens with refresh tokens for the replacement, stored as secrets.',
    ],
  },
});
