import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/** Netlify tokens before the `nfp_` format: 40–46 URL-safe characters under a Netlify name. */
const VALUE = '[A-Za-z0-9_=\\-]{40,46}';

const spec: SecretRuleSpec = {
  id: 'secrets/netlify-legacy-token',
  description: 'Netlify access token (unprefixed) assigned to a Netlify-named variable',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['netlify'],
  pattern: assignment(names('netlify'), VALUE, { notFollowedBy: 'A-Za-z0-9_=\\-' }),
  minEntropy: 3.5,
  // The prefixed format is its own rule; a hex digest under a Netlify name is a deploy ID or SHA.
  validate: (secret) => /[0-9]/.test(secret) && !/^nf[a-z]_/.test(secret) && !/^[a-f0-9]+$/.test(secret),
  revoke: {
    provider: 'Netlify',
    url: 'https://app.netlify.com/user/applications#personal-access-tokens',
    steps: [
      "Delete the token under User settings → Applications → Personal access tokens (OAuth: revoke the application's access).",
      'Create a replacement with an expiry, stored as a CI secret.',
      'Review the team audit log for deploys and changes made with the token since the commit.',
    ],
  },
};

// `netlify:\n  api_key: …`, `[netlify]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['netlify'], pattern: nestedSecret(['netlify'], VALUE, { notFollowedBy: 'A-Za-z0-9_=\\-' }) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['netlify'], ['token'], VALUE));
