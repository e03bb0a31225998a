import { defineSecretRuleSet } from './lib/rule-set.js';
import { credentialNamed, keyedSecret, nestedSecret } from './lib/keyed-secret.js';
import { refine } from './lib/refine.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Item access tokens carry their environment in a prefix; API secrets (30 hex) need the name. */
const rule = defineSecretRuleSet({
  id: 'secrets/plaid-credential',
  description: 'Plaid access token or API secret',
  severity: 'critical',
  variants: [
    {
      keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
      pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>access-(?:sandbox|development|production)-${UUID})(?![A-Za-z0-9_-])`, 'g'),
      minEntropy: 3,
    },
    {
      keywords: ['plaid'],
      pattern: keyedSecret(credentialNamed(['plaid']), '[a-z0-9]{30}'),
      nextLine: true,
      // 30 hex characters often score under 3.5 bits; the name carries the confidence.
      minEntropy: 3,
      confidence: 'medium',
    },
    {
      // Under a parent key named after the provider (`plaid:\n  api_key: …`, `[plaid]\ntoken = …`).
      keywords: ['plaid'],
      pattern: nestedSecret(['plaid'], '[a-z0-9]{30}'),
      nextLine: true,
      minEntropy: 3,
      confidence: 'medium',
    },
  ],
  revoke: {
    provider: 'Plaid',
    url: 'https://dashboard.plaid.com/developers/keys',
    steps: [
      'For an API secret: in Developers → Keys, rotate the secret for the environment.',
      'For an access token: call /item/access_token/invalidate (or /item/remove if the Item is no longer needed).',
      'Review the Items and API activity for requests you did not make; financial data may have been read.',
      'Store the new credentials in a secret manager and load them at run time.',
    ],
  },
});

// A sandbox token reaches Plaid's test institutions and their made-up accounts only (recorded API
// fixtures are full of them): still a credential, not a financial-data incident, as Stripe's test keys.
export default refine(rule, (raw) =>
  raw.secret?.startsWith('access-sandbox-') ? { ...raw, severity: 'medium', message: 'Plaid sandbox access token committed to the repository (test institutions only).' } : raw,
);
