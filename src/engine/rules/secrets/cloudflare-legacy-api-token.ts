import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/**
 * Cloudflare API tokens before the `cfut_`/`cfat_` format: 40 URL-safe characters with no marker,
 * found by name (CLOUDFLARE_API_TOKEN, CF_API_TOKEN, cloudflare: …). A 40-character hex string under
 * such a name is a SHA-1 or an ID, not a token.
 */
const VALUE = '[A-Za-z0-9_\\-]{40}';

const spec: SecretRuleSpec = {
  id: 'secrets/cloudflare-legacy-api-token',
  description: 'Cloudflare API token (unprefixed) assigned to a Cloudflare-named variable',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['cloudflare', 'cf_api_token', 'cf_token', 'cf-api-token'],
  pattern: assignment(names('cloudflare', 'cf_api_token', 'cf_token', 'cf-api-token'), VALUE),
  minEntropy: 3.5,
  // Random tokens have digits; identifiers do not. A 40-character hex string is a SHA-1 or an ID.
  validate: (secret) => /[0-9]/.test(secret) && !/^[a-f0-9]{40}$/i.test(secret),
  revoke: {
    provider: 'Cloudflare',
    url: 'https://dash.cloudflare.com/profile/api-tokens',
    steps: [
      'Roll or delete the token under My Profile → API Tokens (account-owned tokens: Manage Account → API Tokens).',
      'Create a replacement scoped to the zones and permissions needed, with a TTL and client IP filtering.',
      'Review the account audit log for changes made with the token since the commit.',
    ],
  },
};

// `cloudflare:\n  api_key: …`, `[cloudflare]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['cloudflare'], pattern: nestedSecret(['cloudflare'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['cloudflare'], ['api_token'], VALUE));
