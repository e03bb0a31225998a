import { defineSecretRuleSet } from './lib/rule-set.js';
import { keyedAndNested } from './lib/keyed-secret.js';
import { charClasses } from '../../entropy.js';

/**
 * An Auth0 confidential application (regular web app, machine-to-machine) authenticates with its client
 * secret: 64 characters of letters, digits, `-` and `_`, with no prefix. With it anyone can obtain tokens
 * as the application, including Management API tokens for a machine-to-machine app. It counts next to
 * Auth0's name and a credential word (`AUTH0_CLIENT_SECRET=…`, `auth0: { clientSecret: … }`); the
 * session secret of the Next.js SDK (`AUTH0_SECRET`, 32 random bytes in hex) has the same shape and is
 * as secret. The domain and the client id are not secrets (a public SPA or native app ships both) and
 * are not reported.
 */
export default defineSecretRuleSet({
  id: 'secrets/auth0-client-secret',
  description: 'Auth0 client secret',
  severity: 'high',
  variants: [
    ...keyedAndNested(['auth0'], {
      keywords: ['auth0'],
      value: String.raw`[A-Za-z0-9_\-]{64}`,
      minEntropy: 3.5,
      validate: (s) => charClasses(s) >= 2,
    }),
  ],
  revoke: {
    provider: 'Auth0',
    url: 'https://manage.auth0.com/#/applications',
    steps: [
      'In the Auth0 Dashboard → Applications → the application → Credentials, rotate the client secret (or, for AUTH0_SECRET, generate a new session secret: existing sessions end).',
      'Review the tenant logs for token requests (`seccft`, `sapi` events) you did not make.',
      'Deploy the new secret from a secret store; consider Private Key JWT authentication instead of a shared secret.',
    ],
  },
});
