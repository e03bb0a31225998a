import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/circleci-token',
  description: 'CircleCI personal or project API token',
  severity: 'high',
  variants: [
    {
      // Current format: CCIPAT_ (personal) / CCIPRJ_ (project) + 22 base62 + `_` + 40 lower-case
      // alphanumerics (hex in the tokens seen so far; CircleCI documents the prefix, not the tail's alphabet).
      keywords: ['ccipat_', 'cciprj_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-z0-9]{40})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
    },
    {
      // Older tokens: 40 hex next to a CircleCI credential name (not CIRCLE_SHA1, a commit).
      keywords: ['circle'],
      pattern: assignment(credentialName(['circle'], ['token', 'key', 'secret', 'auth']), '[a-fA-F0-9]{40}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`circle:\n  api_key: …`, `[circle]\ntoken = …`).
      keywords: ['circle'],
      pattern: nestedSecret(['circle'], '[a-fA-F0-9]{40}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'CircleCI',
    url: 'https://app.circleci.com/settings/user/tokens',
    steps: [
      'Delete the token: a personal token under User settings → Personal API tokens; a project token under Project settings → API permissions.',
      'Review the audit log for pipelines triggered or settings/environment variables read with it since it was committed (a personal token can read every project the user can).',
      'Create a replacement with the narrowest scope (a read-only project token where possible) and store it as a context or project environment variable.',
    ],
  },
});
