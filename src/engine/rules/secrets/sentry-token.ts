import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/sentry-token',
  description: 'Sentry organization, user or legacy auth token',
  severity: 'high',
  variants: [
    {
      // Org tokens: `sntrys_` + base64 JSON claims + `_` + 43-character secret.
      keywords: ['sntrys_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>sntrys_eyJ[A-Za-z0-9+/]{30,400}={0,2}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9_+/=])/g,
      minEntropy: 4,
    },
    {
      keywords: ['sntryu_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>sntryu_[a-f0-9]{64})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
    },
    {
      keywords: ['sentry'],
      pattern: keyedSecret(credentialNamed(['sentry']), '[a-f0-9]{64}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`sentry:\n  api_key: …`, `[sentry]\ntoken = …`).
      keywords: ['sentry'],
      pattern: nestedSecret(['sentry'], '[a-f0-9]{64}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Sentry',
    url: 'https://sentry.io/settings/account/api/auth-tokens/',
    steps: [
      'Revoke it: user tokens under User Settings → Personal Tokens, organization tokens under Settings → Developer Settings → Organization Tokens.',
      'Review the organization audit log for releases, projects or members changed since it was committed.',
      'Create a replacement with the fewest scopes and store it as a CI secret.',
    ],
  },
});
