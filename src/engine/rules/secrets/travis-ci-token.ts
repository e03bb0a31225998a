import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Travis CI API tokens have no prefix: 22 characters, only recognisable next to a Travis name. */
export default defineSecretRuleSet({
  id: 'secrets/travis-ci-token',
  description: 'Travis CI API token assigned to a Travis-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['travis'],
      pattern: assignment(credentialName(['travis'], ['token', 'key', 'secret', 'auth']), '[A-Za-z0-9_]{22}'),
      nextLine: true,
      minEntropy: 3.2,
      // Random tokens have digits and letters; TRAVIS_* variable names and words do not both.
      validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[A-Z0-9_]+$/.test(s),
    },
    {
      // Under a parent key named after the provider (`travis:\n  api_key: …`, `[travis]\ntoken = …`).
      keywords: ['travis'],
      pattern: nestedSecret(['travis'], '[A-Za-z0-9_]{22}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3.2,
      validate: (s) => /[0-9]/.test(s) && /[A-Za-z]/.test(s) && !/^[A-Z0-9_]+$/.test(s),
    },
  ],
  revoke: {
    provider: 'Travis CI',
    url: 'https://app.travis-ci.com/account/preferences',
    steps: [
      'Regenerate the API token under Account → Settings → API authentication (this invalidates the old one).',
      'Review the repositories’ build history and settings for changes made with it since it was committed.',
      'Store the replacement as an encrypted or repository-settings environment variable.',
    ],
  },
});
