import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/buildkite-token',
  description: 'Buildkite API access token',
  severity: 'high',
  variants: [
    {
      keywords: ['bkua_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>bkua_[a-z0-9]{40})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
    },
    {
      // Tokens from before the bkua_ prefix: 40 lower-case alphanumerics next to a Buildkite name.
      keywords: ['buildkite'],
      pattern: assignment(credentialName(['buildkite'], ['token', 'key', 'secret', 'auth']), '[a-z0-9]{40}'),
      nextLine: true,
      minEntropy: 3.5,
      // A commit SHA is hex; these tokens use the whole alphabet.
      validate: (s) => /[g-z]/.test(s) && /[0-9]/.test(s),
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`buildkite:\n  api_key: …`, `[buildkite]\ntoken = …`).
      keywords: ['buildkite'],
      pattern: nestedSecret(['buildkite'], '[a-z0-9]{40}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3.5,
      validate: (s) => /[g-z]/.test(s) && /[0-9]/.test(s),
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Buildkite',
    url: 'https://buildkite.com/user/api-access-tokens',
    steps: [
      'Revoke the token under Personal settings → API access tokens (organization admins can revoke members’ tokens under Settings → API access audit).',
      'Review the organization audit log for pipeline, agent-token or secret changes made with it since it was committed.',
      'Create a replacement with only the scopes and organizations needed, restricted by IP if possible, stored in Buildkite secrets or your secret manager.',
    ],
  },
});
