import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/** Vultr API keys: 36 upper-case alphanumerics, found by a Vultr name. */
const VALUE = '[A-Z0-9]{36}';

const spec: SecretRuleSpec = {
  id: 'secrets/vultr-api-key',
  description: 'Vultr API key',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['vultr'],
  pattern: assignment(names('vultr'), VALUE),
  minEntropy: 3.5,
  validate: (secret) => /[0-9]/.test(secret) && /[A-Z]/.test(secret),
  revoke: {
    provider: 'Vultr',
    url: 'https://my.vultr.com/settings/#settingsapi',
    steps: [
      "Regenerate the API key under Account → API (this invalidates the old one), or delete the sub-account user's key.",
      'Restrict API access to known IP ranges (Access Control) and store the new key as a CI secret.',
      'Review the account activity for actions made with the key since the commit.',
    ],
  },
};

// `vultr:\n  api_key: …`, `[vultr]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['vultr'], pattern: nestedSecret(['vultr'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['vultr'], ['api_key'], VALUE));
