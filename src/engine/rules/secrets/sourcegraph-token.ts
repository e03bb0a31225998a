import { assignment, names } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

export default defineSecretRuleSet({
  id: 'secrets/sourcegraph-token',
  description: 'Sourcegraph access token or Cody Gateway key',
  severity: 'high',
  variants: [
    {
      // sgp_<16 hex instance id | local>_<40 hex>, or the older sgp_<40 hex>.
      keywords: ['sgp_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40})(?![A-Za-z0-9_])/g,
      minEntropy: 3,
    },
    {
      keywords: ['slk_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>slk_[a-f0-9]{64})(?![A-Za-z0-9_])/g,
      minEntropy: 3,
      message: 'Sourcegraph Cody Gateway key committed to the repository.',
    },
    {
      // Unprefixed (pre-4.4) tokens: 40 hex under a Sourcegraph credential name or the bare name
      // (`sourcegraph: <token>`), not under `sourcegraph_commit` and the like.
      keywords: ['sourcegraph', 'src_access'],
      pattern: assignment(`(?:${credentialName(['sourcegraph', 'src_access'], ['token', 'key', 'secret', 'auth'])}|${names('sourcegraph')}(?![\\w.-]))`, '[a-fA-F0-9]{40}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`sourcegraph:\n  api_key: …`, `[sourcegraph]\ntoken = …`).
      keywords: ['sourcegraph'],
      pattern: nestedSecret(['sourcegraph'], '[a-fA-F0-9]{40}', { words: ['token', 'key', 'secret', 'auth'] }),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Sourcegraph',
    url: 'https://sourcegraph.com/user/settings/tokens',
    steps: [
      'Delete the token under Settings → Access tokens of its owner (site admins can delete any user’s tokens).',
      'Review the instance’s security event log for its use since it was committed; it could read all code the user can.',
      'Create a replacement with the least scope and an expiry, stored as a CI secret (SRC_ACCESS_TOKEN).',
    ],
  },
});
