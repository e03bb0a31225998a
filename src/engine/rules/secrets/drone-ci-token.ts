import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Drone personal tokens: 32 alphanumerics next to a Drone name (DRONE_TOKEN, droneci_secret). */
export default defineSecretRuleSet({
  id: 'secrets/drone-ci-token',
  description: 'Drone CI access token assigned to a Drone-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['drone'],
      pattern: assignment(credentialName(['drone'], ['token', 'secret', 'key', 'auth']), '[A-Za-z0-9]{32}'),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[0-9a-f]{32}$/i.test(s),
    },
    {
      // Under a parent key named after the provider (`drone:\n  api_key: …`, `[drone]\ntoken = …`).
      keywords: ['drone'],
      pattern: nestedSecret(['drone'], '[A-Za-z0-9]{32}', { words: ['token', 'secret', 'key', 'auth'] }),
      nextLine: true,
      minEntropy: 3.3,
      validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[0-9a-f]{32}$/i.test(s),
    },
  ],
  revoke: {
    provider: 'Drone / Harness CI',
    url: 'https://docs.drone.io/cli/setup/',
    steps: [
      'Rotate the user’s token from the Drone user settings page (or `drone user update --rotate` / recreate the machine user), which invalidates the old one.',
      'Review builds, secrets and repository settings for changes made with it since it was committed.',
      'Store the replacement as DRONE_TOKEN in your CI or secret manager.',
    ],
  },
});
