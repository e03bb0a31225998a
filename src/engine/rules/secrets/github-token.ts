import { defineSecretRuleSet } from './lib/rule-set.js';
import { hasValidCrc32Suffix } from '../../checksum.js';

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
      keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9])/g,
      minEntropy: 3,
      grade: (secret) =>
        hasValidCrc32Suffix(secret, 4)
          ? { confidence: 'high' }
          : { confidence: 'low', message: 'GitHub-token-shaped value committed to the repository (its checksum does not verify: a look-alike, a truncated or an edited token).' },
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
