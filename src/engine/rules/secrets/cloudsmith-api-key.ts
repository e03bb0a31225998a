import { assignment, names } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Cloudsmith API keys: 40 hex, only recognisable next to the Cloudsmith name. */
export default defineSecretRuleSet({
  id: 'secrets/cloudsmith-api-key',
  description: 'Cloudsmith API key assigned to a Cloudsmith-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['cloudsmith'],
      pattern: assignment(credentialName(['cloudsmith'], ['token', 'key', 'secret', 'auth']), '[a-f0-9]{40}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/.test(s) && /[0-9]/.test(s),
    },
    {
      // Under a parent key named after the provider (`cloudsmith:\n  api_key: …`, `[cloudsmith]\ntoken = …`).
      keywords: ['cloudsmith'],
      pattern: nestedSecret(['cloudsmith'], '[a-f0-9]{40}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/.test(s) && /[0-9]/.test(s),
    },
    {
      // The bare name as the key (`cloudsmith: "<key>"`), but not `cloudsmith_commit: <sha>`.
      keywords: ['cloudsmith'],
      pattern: assignment(names('cloudsmith'), '[a-f0-9]{40}', { gap: 0 }),
      nextLine: true,
      minEntropy: 3,
      validate: (s) => /[a-f]/.test(s) && /[0-9]/.test(s),
    },
  ],
  revoke: {
    provider: 'Cloudsmith',
    url: 'https://cloudsmith.io/user/settings/api/',
    steps: [
      'Regenerate the API key under User settings → API Settings (or rotate the service account’s key under the workspace’s Services).',
      'Review the workspace audit log for packages pushed, deleted or downloaded with it since it was committed.',
      'Prefer OIDC from CI; otherwise use a service account key with the least repository privileges, stored as a CI secret.',
    ],
  },
});
