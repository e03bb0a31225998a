import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { nameOf, namesAnIdentifier } from './lib/assignment.js';

/** Server and account tokens are bare UUIDs: only a secret under a Postmark credential name. */
export default defineSecretRuleSet({
  id: 'secrets/postmark-server-token',
  description: 'Postmark server or account API token',
  severity: 'high',
  confidence: 'medium',
  variants: [
    {
      keywords: ['postmark'],
      pattern: keyedSecret(credentialNamed(['postmark']), '[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s, m) => !namesAnIdentifier(nameOf(m, s)),
    },
    {
      // Under a parent key named after the provider (`postmark:\n  api_key: …`, `[postmark]\ntoken = …`).
      keywords: ['postmark'],
      pattern: nestedSecret(['postmark'], '[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}'),
      nextLine: true,
      minEntropy: 3,
      validate: (s, m) => !namesAnIdentifier(nameOf(m, s)),
    },
  ],
  revoke: {
    provider: 'Postmark',
    url: 'https://account.postmarkapp.com/servers',
    steps: [
      'Open the server → API Tokens (or Account → API Tokens for an account token), generate a new token and delete the leaked one.',
      'Check the server activity for messages you did not send.',
      'Store the new token as a secret and load it at run time.',
    ],
  },
});
