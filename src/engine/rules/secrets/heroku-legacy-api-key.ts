import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names, nameOf, namesAnIdentifier } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { anyOf } from './lib/refine.js';
import { nestedSecret } from './lib/keyed-secret.js';

/**
 * Heroku API keys before the `HRKU-` format are UUIDs: a secret only under a Heroku name, and not when
 * the name says it is an ID (HEROKU_APP_ID, herokuTeamId).
 */
const VALUE = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';

const spec: SecretRuleSpec = {
  id: 'secrets/heroku-legacy-api-key',
  description: 'Heroku API key (UUID format) assigned to a Heroku-named variable',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['heroku'],
  pattern: assignment(names('heroku'), VALUE),
  minEntropy: 3,
  validate: (secret, m) => !namesAnIdentifier(nameOf(m, secret)),
  revoke: {
    provider: 'Heroku',
    url: 'https://dashboard.heroku.com/account',
    steps: [
      'Regenerate the account API key under Account settings → API Key (or revoke the OAuth authorization: `heroku authorizations:revoke <id>`).',
      'Create a scoped authorization for the job that needs it (`heroku authorizations:create --scope …`) and store it as a CI secret.',
      'Review the audit trail for activity with the key since the commit.',
    ],
  },
};

// `heroku:\n  api_key: …`, `[heroku]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, pattern: nestedSecret(['heroku'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['heroku'], ['api_key'], VALUE));
