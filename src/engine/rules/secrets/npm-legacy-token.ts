import { assignment, names } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** Tokens issued before 2021 were bare UUIDs; only an npm credential name identifies one. */
export default defineSecretRuleSet({
  id: 'secrets/npm-legacy-token',
  description: 'Legacy (UUID) npm token assigned to an npm-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['npm'],
      pattern: assignment(credentialName(['npm'], ['token', 'auth', 'key', 'secret', 'pass']), UUID),
      nextLine: true,
    },
    {
      // npm's own config key outside an npmrc (`"_authToken": "…"` in a JSON or YAML copy of the config,
      // `npm config get` output): the name is npm's alone, so it needs no `npm` beside it.
      keywords: ['_authtoken'],
      pattern: assignment(names('_authToken'), UUID, { gap: 0 }),
      nextLine: true,
    },
    {
      // Under a parent key named after the provider (`npm:\n  api_key: …`, `[npm]\ntoken = …`).
      keywords: ['npm'],
      pattern: nestedSecret(['npm'], UUID, { words: ['token', 'auth', 'key', 'secret', 'pass'] }),
      nextLine: true,
    },
  ],
  revoke: {
    provider: 'npm',
    url: 'https://www.npmjs.com/settings/~/tokens',
    steps: [
      'Delete the token on npmjs.com under Access Tokens (or `npm token revoke <id>`); legacy tokens can no longer be created, so this one is long-lived.',
      'Check the packages it could publish for versions you did not release.',
      'Replace it with a granular access token with an expiry (or trusted publishing from CI), stored as a CI secret.',
    ],
  },
});
