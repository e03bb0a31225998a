import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { nameOf } from './lib/assignment.js';

/**
 * A Pusher Channels app has an id, a key and a secret. The key is public by design: it is shipped to
 * every browser and mobile client (`new Pusher(APP_KEY, { cluster })`), so it is not reported. The
 * secret signs server requests and private/presence channel authorisations: anyone holding it can
 * publish to every channel and impersonate any user. It is 20 lower-case hex characters with no prefix,
 * and counts only under a name that says secret (`PUSHER_APP_SECRET=…`, `Pusher.secret = '…'`, or
 * `secret:` under a `pusher` parent).
 */
export default defineSecretRuleSet({
  id: 'secrets/pusher-app-secret',
  description: 'Pusher Channels app secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['pusher'], {
      keywords: ['pusher'],
      value: String.raw`[a-f0-9]{20}`,
      words: ['secret'],
      minEntropy: 3,
      // The nested variant accepts any credential word in the child key (`key:` is the public half).
      validate: (s, m) => {
        const name = nameOf(m, s);
        return /secret/i.test(name.slice(name.lastIndexOf('\n') + 1));
      },
    }),
  ],
  revoke: {
    provider: 'Pusher',
    url: 'https://dashboard.pusher.com/',
    steps: [
      'In the Pusher dashboard → the Channels app → App Keys, create a new key pair and delete the leaked one.',
      'Deploy the new secret to the servers that sign channel authorisations, and the new key to the clients.',
      'Review the app’s connection and message statistics for traffic you did not expect.',
    ],
  },
});
