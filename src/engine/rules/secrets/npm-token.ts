import { defineSecretRuleSet } from './lib/rule-set.js';
import { hasValidCrc32Suffix } from '../../checksum.js';
import { charClasses } from '../../entropy.js';

/**
 * npm access tokens (granular, automation, publish, read-only): `npm_` + 30 random base62 characters +
 * a 6-character base62 CRC-32 of them. A verified checksum makes the finding certain; an unverified
 * one is still reported (peers and hand-made fixtures rarely carry a valid checksum), at medium.
 */
export default defineSecretRuleSet({
  id: 'secrets/npm-token',
  description: 'npm access token',
  severity: 'critical',
  variants: [
    {
      keywords: ['npm_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
      minEntropy: 3.5,
      grade: (s) =>
        hasValidCrc32Suffix(s, 4)
          ? { confidence: 'high', message: 'npm access token committed to the repository (checksum verified).' }
          : // Identifiers such as npm_configregistryauthtokenvalue are letters only.
            charClasses(s.slice(4)) >= 2 && /[0-9]/.test(s.slice(4))
            ? { confidence: 'medium', message: 'npm access token committed to the repository (checksum did not verify: possibly a sample, confirm before dismissing).' }
            : null,
    },
  ],
  revoke: {
    provider: 'npm',
    url: 'https://www.npmjs.com/settings/~/tokens',
    steps: [
      'Delete the token on npmjs.com under Access Tokens (or `npm token revoke <id>` after `npm token list`).',
      'Check the packages the token could publish for versions you did not release, and deprecate or unpublish them.',
      'Issue a granular access token limited to the packages and scopes the job needs, with an expiry (or use trusted publishing from CI), and store it as a CI secret.',
    ],
  },
});
