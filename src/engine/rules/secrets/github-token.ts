import { defineSecretRuleSet } from './lib/rule-set.js';
import { hasValidCrc32Suffix } from '../../checksum.js';
import { decodeJsonSegment } from './lib/base64.js';

/** The JWT's header decodes to JSON with an `alg`. */
function jwtHeaderOk(jwt: string): boolean {
  const header = decodeJsonSegment(jwt.slice(0, jwt.indexOf('.')));
  return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
}

/**
 * Classic PATs, OAuth, App user-to-server, installation and refresh tokens share one format whose last
 * 6 characters are a base62 CRC-32 of the 30 before. A verified checksum makes the finding certain; a
 * token of the right shape whose checksum fails is still reported (it may be truncated or hand-edited
 * in a doc, and peers' test corpora use random tails) but at low confidence, so `min_confidence:
 * medium` drops exactly the look-alikes.
 */
export default defineSecretRuleSet({
  id: 'secrets/github-token',
  description: 'GitHub token (classic PAT, OAuth, App user-to-server, installation or refresh token)',
  severity: 'critical',
  confidence: 'high',
  message: 'GitHub token committed to the repository (checksum verified).',
  variants: [
    {
      // Installation tokens in the stateless format GitHub began issuing in April 2026: `ghs_`, the App's
      // numeric id, `_`, then a JWT signed by GitHub (~520 characters; header.payload.signature).
      keywords: ['ghs_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>ghs_[0-9]{1,12}_eyJ[A-Za-z0-9_-]{8,1024}\.[A-Za-z0-9_-]{16,4096}\.[A-Za-z0-9_-]{16,1024})(?![A-Za-z0-9_.-])/g,
      minEntropy: 3.5,
      grade: (secret) =>
        jwtHeaderOk(secret.slice(secret.indexOf('_', 4) + 1))
          ? { confidence: 'high', message: 'GitHub App installation token (stateless ghs_APPID_JWT format) committed to the repository.' }
          : { confidence: 'medium', message: 'GitHub-installation-token-shaped value (ghs_APPID_JWT) committed to the repository; its header does not decode as a JWT header.' },
    },
    {
      keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9])/g,
      minEntropy: 3,
      grade: (secret) =>
        hasValidCrc32Suffix(secret, 4)
          ? { confidence: 'high' }
          : { confidence: 'low', message: 'GitHub-token-shaped value committed to the repository (its checksum does not verify: a look-alike, a truncated or an edited token).' },
    },
    {
      // Refresh tokens of expiring user-to-server tokens as GitHub issues them today: `ghr_` and 76
      // alphanumerics (GitHub reserves token lengths up to 255). No checksum is documented for this
      // length, so the shape alone is medium.
      keywords: ['ghr_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>ghr_[A-Za-z0-9]{76})(?![A-Za-z0-9])/g,
      minEntropy: 3.5,
      confidence: 'medium',
      message: 'GitHub App refresh token (ghr_, 80 characters) committed to the repository.',
    },
  ],
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
