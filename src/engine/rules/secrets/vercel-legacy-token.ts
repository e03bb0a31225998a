import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/** Vercel tokens before the prefixed format: 24 alphanumerics, found by a Vercel name (VERCEL_TOKEN). */
const VALUE = '[A-Za-z0-9]{24}';

const spec: SecretRuleSpec = {
  id: 'secrets/vercel-legacy-token',
  description: 'Vercel access token (unprefixed) assigned to a Vercel-named variable',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['vercel'],
  pattern: assignment(names('vercel'), VALUE),
  minEntropy: 3.5,
  validate: (secret) => /[0-9]/.test(secret) && /[A-Za-z]/.test(secret),
  revoke: {
    provider: 'Vercel',
    url: 'https://vercel.com/account/settings/tokens',
    steps: [
      'Delete the token under Account Settings → Tokens.',
      'Create a replacement scoped to one team with an expiry, stored as a CI secret.',
      "Review the team's activity log for actions made with the token since the commit.",
    ],
  },
};

// `vercel:\n  api_key: …`, `[vercel]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['vercel'], pattern: nestedSecret(['vercel'], VALUE) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['vercel'], ['api_token'], VALUE));
