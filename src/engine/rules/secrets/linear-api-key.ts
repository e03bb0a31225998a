import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/linear-api-key',
  description: 'Linear API key, OAuth token or client secret',
  severity: 'high',
  variants: [
    {
      keywords: ['lin_api_', 'lin_oauth_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
    },
    {
      keywords: ['linear'],
      pattern: keyedSecret(credentialNamed(['linear']), '[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`linear:\n  api_key: …`, `[linear]\ntoken = …`).
      keywords: ['linear'],
      pattern: nestedSecret(['linear'], '[a-f0-9]{32}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Linear',
    url: 'https://linear.app/settings/account/security',
    steps: [
      "Revoke the personal API key under Settings → Security & access (workspace admins can revoke members' keys); for an OAuth app, rotate the client secret and revoke its tokens.",
      'Review the workspace audit log for changes since it was committed.',
      'Create a replacement and store it as a secret.',
    ],
  },
});
