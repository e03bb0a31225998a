import { defineSecretRuleSet } from './lib/rule-set.js';
import { refine } from './lib/refine.js';

/**
 * PubNub keyset keys. The secret key (`sec-c-` and the base64 of a UUID) signs Access Manager grants and
 * admin calls: a leak hands over every channel. The publish key (`pub-c-` and a UUID) lets anyone send
 * on the keyset's channels; apps embed it in clients by design, so it is reported lower. The subscribe
 * key (`sub-c-`) only reads, and is left alone.
 */
const rule = defineSecretRuleSet({
  id: 'secrets/pubnub-key',
  description: 'PubNub secret or publish key',
  severity: 'high',
  variants: [
    {
      keywords: ['sec-c-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>sec-c-[A-Za-z0-9+/]{40,64}={0,2})(?![A-Za-z0-9_+/=-])/g,
      minEntropy: 3.5,
    },
    {
      keywords: ['pub-c-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>pub-c-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
      confidence: 'medium',
      message: 'PubNub publish key committed to the repository: anyone can publish on its channels unless Access Manager is on.',
    },
  ],
  revoke: {
    provider: 'PubNub',
    url: 'https://admin.pubnub.com/',
    steps: [
      'In the PubNub Admin Portal, open the app and keyset, and create a new keyset (keys cannot be re-issued in place); move clients and servers to it, then delete the old keyset.',
      'Turn Access Manager on for the new keyset, so a publish key alone grants nothing.',
      'Keep the secret key on servers only, in a secret store.',
    ],
  },
});

export default refine(rule, (raw) => (raw.secret?.startsWith('pub-c-') ? { ...raw, severity: 'medium' } : raw));
