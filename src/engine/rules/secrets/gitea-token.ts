import { assignment } from './lib/assignment.js';
import { credentialName } from './lib/provider-names.js';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { nestedSecret } from './lib/keyed-secret.js';

/** Gitea / Forgejo (Codeberg) access tokens: 40 hex, unprefixed, so only next to the product name. */
export default defineSecretRuleSet({
  id: 'secrets/gitea-token',
  description: 'Gitea / Forgejo access token assigned to a Gitea-, Forgejo- or Codeberg-named variable',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['gitea', 'forgejo', 'codeberg'],
      pattern: assignment(credentialName(['gitea', 'forgejo', 'codeberg'], ['token', 'secret', 'key', 'auth', 'pat', 'password']), '[a-f0-9]{40}'),
      nextLine: true,
      minEntropy: 3,
    },
    {
      // Under a parent key named after the provider (`gitea:\n  api_key: …`, `[gitea]\ntoken = …`).
      keywords: ['gitea', 'forgejo', 'codeberg'],
      pattern: nestedSecret(['gitea', 'forgejo', 'codeberg'], '[a-f0-9]{40}', { words: ['token', 'secret', 'key', 'auth', 'pat', 'password'] }),
      nextLine: true,
      minEntropy: 3,
    },
  ],
  revoke: {
    provider: 'Gitea / Forgejo',
    url: 'https://docs.gitea.com/development/api-usage',
    steps: [
      'Delete the token under Settings → Applications → Access tokens of its owner on the instance.',
      'Review repository activity and the admin audit (or the instance logs) for its use since it was committed.',
      'Create a replacement limited to the repository and permission scopes needed, stored as a CI secret.',
    ],
  },
});
