import { defineSecretRule } from './define.js';

/**
 * Bitwarden Secrets Manager access tokens (machine accounts): `0.` (the version), the access token's
 * UUID, `.`, a 30-character alphanumeric client secret, `:`, and the 16-byte encryption key in base64
 * (22 characters and `==`). Shape from Bitwarden's own SDK repository, whose fake server documents a token
 * of exactly this form (bitwarden/sdk-sm, crates/fake-server/README.md); the SDK splits it on `.` and `:`.
 * The token both authenticates and decrypts: whoever holds it reads the secrets it was granted.
 */
export default defineSecretRule({
  id: 'secrets/bitwarden-access-token',
  description: 'Bitwarden Secrets Manager access token',
  severity: 'critical',
  keywords: ['=='],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>0\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==)(?![A-Za-z0-9+/=_-])/g,
  minEntropy: 4,
  message: 'Bitwarden Secrets Manager access token committed to the repository: it authenticates and decrypts every secret its machine account can read.',
  revoke: {
    provider: 'Bitwarden',
    url: 'https://bitwarden.com/help/access-tokens/',
    steps: [
      'In Bitwarden Secrets Manager → Machine accounts → the account → Access tokens, revoke the token.',
      'Rotate the secrets the machine account could read (the token decrypts them), starting with the projects it had write access to.',
      'Create a new access token with an expiration date, and store it in your CI or runtime secret store (BWS_ACCESS_TOKEN).',
    ],
  },
});
