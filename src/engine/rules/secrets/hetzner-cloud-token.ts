import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/** Hetzner Cloud API tokens: 64 alphanumerics, found by name (HCLOUD_TOKEN, hetzner_token). */
const VALUE = '[A-Za-z0-9]{64}';

const spec: SecretRuleSpec = {
  id: 'secrets/hetzner-cloud-token',
  description: 'Hetzner Cloud API token',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['hcloud', 'hetzner'],
  pattern: assignment(names('hcloud', 'hetzner'), VALUE),
  minEntropy: 4,
  // Random tokens mix cases and digits; a hex digest under the name is a hash, not a token.
  validate: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret),
  revoke: {
    provider: 'Hetzner Cloud',
    url: 'https://console.hetzner.cloud/projects',
    steps: [
      'Delete the token in the project it belongs to: Security → API tokens.',
      'Create a replacement (read-only if that suffices), stored as a CI secret.',
      "Review the project's actions for changes made with the token since the commit.",
    ],
  },
};

// `hcloud:\n  api_key: …`, `[hcloud]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['hcloud', 'hetzner'], pattern: nestedSecret(['hcloud', 'hetzner'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['hcloud'], ['token'], VALUE));
