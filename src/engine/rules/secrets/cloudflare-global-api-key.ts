import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/**
 * The Cloudflare global API key (37 hex characters, full account access, used with X-Auth-Email) in
 * its unprefixed form, found by name or by the `X-Auth-Key` header it is sent in.
 */
const VALUE = '[a-f0-9]{37}';

const spec: SecretRuleSpec = {
  id: 'secrets/cloudflare-global-api-key',
  description: 'Cloudflare global API key',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['cloudflare', 'x-auth-key', 'cf_api_key', 'cf-api-key'],
  pattern: assignment(names('cloudflare', 'x-auth-key', 'cf_api_key', 'cf-api-key'), VALUE),
  minEntropy: 3,
  message: 'Cloudflare global API key committed: it has full access to every zone of the account.',
  revoke: {
    provider: 'Cloudflare',
    url: 'https://dash.cloudflare.com/profile/api-tokens',
    steps: [
      'Roll the key under My Profile → API Tokens → Global API Key → Change (this invalidates the old one everywhere).',
      'Replace its uses with scoped API tokens; the global key should not be used by automation.',
      'Review the account audit log for changes made with the key since the commit.',
    ],
  },
};

// `cloudflare:\n  api_key: …`, `[cloudflare]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['cloudflare'], pattern: nestedSecret(['cloudflare'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['cloudflare'], ['api_key'], VALUE));
