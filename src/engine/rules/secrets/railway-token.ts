import { defineSecretRule } from './define.js';
import { assignment, names, nameOf, namesAnIdentifier } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';

/** Railway API / project tokens are UUIDs: a secret under a Railway name that does not say "ID". */
export default withNextLine(
  defineSecretRule({
    id: 'secrets/railway-token',
    description: 'Railway API or project token',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['railway'],
    pattern: assignment(names('railway'), '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
    minEntropy: 3,
    validate: (secret, m) => !namesAnIdentifier(nameOf(m, secret)),
    revoke: {
      provider: 'Railway',
      url: 'https://railway.com/account/tokens',
      steps: [
        'Delete the token: account / team tokens under Account Settings → Tokens, project tokens under Project Settings → Tokens.',
        "Create a replacement project token (narrowest scope) stored as a CI secret, and review the project's activity since the commit.",
      ],
    },
  }),
);
