import { defineSecretRule } from './define.js';
import { hasValidCrc32Suffix } from '../../checksum.js';

const KINDS: Record<string, string> = {
  ghp: 'personal access token (classic)',
  gho: 'OAuth access token',
  ghu: 'GitHub App user-to-server token',
  ghs: 'GitHub App installation (server-to-server) token',
  ghr: 'GitHub App refresh token',
};

/** Classic PATs, OAuth, App user/installation and refresh tokens share one checksummed format. */
export default defineSecretRule({
  id: 'secrets/github-token',
  description: 'GitHub token (classic PAT, OAuth, App user-to-server, installation or refresh token)',
  severity: 'critical',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9])/g,
  // The last 6 characters are a CRC-32 of the 30 before: look-alikes almost never pass.
  validate: (secret) => hasValidCrc32Suffix(secret, 4),
  message: 'GitHub token committed to the repository (checksum verified).',
  revoke: {
    provider: 'GitHub',
    url: 'https://github.com/settings/tokens',
    steps: [
      'Revoke the token: a PAT under Settings → Developer settings → Personal access tokens; an OAuth or App token by revoking the grant or regenerating the App secret.',
      'If you cannot tell whose token it is, use the credential revocation API (POST /credentials/revoke) or ask GitHub Support.',
      'Review the security log / audit log for use of the token since it was committed.',
      'Issue a replacement with the least scopes (prefer a fine-grained PAT or a GitHub App) and store it as an Actions or environment secret.',
    ],
  },
});

export { KINDS as GITHUB_TOKEN_KINDS };
