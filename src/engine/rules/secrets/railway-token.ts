import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names, nameOf, namesAnIdentifier } from './lib/assignment.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { withNextLine } from './lib/next-line.js';
import { anyOf } from './lib/refine.js';

const VALUE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Railway API / project tokens are UUIDs: a secret under a Railway name that does not say "ID". */
const spec: SecretRuleSpec = {
  id: 'secrets/railway-token',
  description: 'Railway API or project token',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['railway'],
  pattern: assignment(names('railway'), VALUE),
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
};

// `railway:\n  token: …`, `[railway]\napi_token = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, pattern: nestedSecret(['railway'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested);
