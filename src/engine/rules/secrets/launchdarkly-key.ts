import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/launchdarkly-key',
  description: 'LaunchDarkly API access token or SDK key',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      // `api-`/`sdk-`/`mob-` + a version-4 UUID.
      keywords: ['api-', 'sdk-', 'mob-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>(?:api|sdk|mob)-[a-z0-9]{8}-[a-z0-9]{4}-4[a-z0-9]{3}-[a-z0-9]{4}-[a-z0-9]{12})(?![A-Za-z0-9_-])/g,
      minEntropy: 3,
    },
    {
      keywords: ['launchdarkly', 'launch_darkly', 'launch-darkly'],
      pattern: keyedSecret(credentialNamed(['launchdarkly', 'launch_darkly', 'launch-darkly']), '[A-Za-z0-9=_-]{40}'),
      nextLine: true,
      minEntropy: 3.5,
    },
    {
      // Under a parent key named after the provider (`launchdarkly:\n  api_key: …`, `[launchdarkly]\ntoken = …`).
      keywords: ['launchdarkly', 'launch_darkly', 'launch-darkly'],
      pattern: nestedSecret(['launchdarkly', 'launch_darkly', 'launch-darkly'], '[A-Za-z0-9=_-]{40}'),
      nextLine: true,
      minEntropy: 3.5,
    },
  ],
  revoke: {
    provider: 'LaunchDarkly',
    url: 'https://app.launchdarkly.com/settings/authorization',
    steps: [
      'API access tokens: Account settings → Authorization, reset or delete the token. SDK/mobile keys: Account settings → Projects → environment → reset the key.',
      'Review the audit log for flag changes since it was committed.',
      'Store the new key as a secret and load it at run time.',
    ],
  },
});
