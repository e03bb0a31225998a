import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names, nameOf, namesAnIdentifier } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/**
 * Scaleway secret keys are UUIDs: a secret under SCW_SECRET_KEY / scaleway… names, not under the
 * organisation / project IDs (SCW_DEFAULT_PROJECT_ID) that are UUIDs too. The access key (SCW + 17)
 * is an identifier and is not reported.
 */
const VALUE = '[0-9a-zA-Z]{8}-[0-9a-zA-Z]{4}-[0-9a-zA-Z]{4}-[0-9a-zA-Z]{4}-[0-9a-zA-Z]{12}';

const spec: SecretRuleSpec = {
  id: 'secrets/scaleway-secret-key',
  description: 'Scaleway API secret key',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['scaleway', 'scw_secret', 'scw-secret', 'scwsecret'],
  pattern: assignment(names('scaleway', 'scw_secret', 'scw-secret', 'scwsecret'), VALUE),
  minEntropy: 3,
  validate: (secret, m) => !namesAnIdentifier(nameOf(m, secret)),
  revoke: {
    provider: 'Scaleway',
    url: 'https://console.scaleway.com/iam/api-keys',
    steps: [
      'Delete the API key under IAM → API keys (its access key SCW… is shown next to it).',
      'Create a replacement for an IAM application with only the policies the job needs, with an expiry.',
      'Review the audit trail for actions made with the key since the commit.',
    ],
  },
};

// `scaleway:\n  api_key: …`, `[scaleway]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['scaleway'], pattern: nestedSecret(['scaleway'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['scaleway'], ['secret_key'], VALUE));
