import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/** Tokens from before the `dop_v1_` format: 64 characters with no marker, found by a DigitalOcean name. */
const VALUE = '[A-Za-z0-9_\\-]{64}';

const spec: SecretRuleSpec = {
  id: 'secrets/digitalocean-legacy-token',
  description: 'DigitalOcean API token (unprefixed) assigned to a DigitalOcean-named variable',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['digitalocean', 'digital_ocean', 'digital-ocean'],
  pattern: assignment(names('digitalocean', 'digital_ocean', 'digital-ocean'), VALUE),
  minEntropy: 3.5,
  // Random tokens have digits; long identifiers under the name do not.
  validate: (secret) => /[0-9]/.test(secret),
  revoke: {
    provider: 'DigitalOcean',
    url: 'https://cloud.digitalocean.com/account/api/tokens',
    steps: [
      'Delete the token under API → Tokens.',
      'Create a replacement (the current format, with custom scopes and an expiry) and store it as a CI / platform secret.',
      "Review the team's security history for activity with the token since the commit.",
    ],
  },
};

// `digitalocean:\n  api_key: …`, `[digitalocean]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(
  defineSecretRule({ ...spec, keywords: ['digitalocean', 'digital_ocean', 'digital-ocean'], pattern: nestedSecret(['digitalocean', 'digital_ocean', 'digital-ocean'], VALUE) }),
);

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['digitalocean'], ['token'], VALUE));
