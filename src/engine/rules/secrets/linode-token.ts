import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/** Linode (Akamai Cloud) personal access tokens: 64 hex characters, found by a Linode name. */
const VALUE = '[a-f0-9]{64}';

const spec: SecretRuleSpec = {
  id: 'secrets/linode-token',
  description: 'Linode / Akamai Cloud personal access token',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['linode'],
  pattern: assignment(names('linode'), VALUE),
  minEntropy: 3,
  revoke: {
    provider: 'Linode (Akamai Cloud)',
    url: 'https://cloud.linode.com/profile/tokens',
    steps: [
      'Revoke the token under My Profile → API Tokens.',
      'Create a replacement with only the scopes needed and an expiry, stored as a CI secret.',
      "Review the account's events log for actions made with the token since the commit.",
    ],
  },
};

// `linode:\n  api_key: …`, `[linode]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['linode'], pattern: nestedSecret(['linode'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['linode'], ['token'], VALUE));
