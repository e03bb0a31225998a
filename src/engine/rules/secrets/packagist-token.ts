import { defineSecretRuleSet } from './lib/rule-set.js';
import { crc32 } from '../../checksum.js';

/** Private Packagist: prefix + 60 hex + 8 hex = CRC-32 of prefix and random part. */
const checksumValid = (t: string): boolean => crc32(t.slice(0, -8)).toString(16).padStart(8, '0') === t.slice(-8).toLowerCase();

export default defineSecretRuleSet({
  id: 'secrets/packagist-token',
  description: 'Private Packagist organization, user or conductor token',
  severity: 'high',
  variants: [
    {
      keywords: ['packagist_ort_', 'packagist_out_', 'packagist_uut_', 'packagist_cut_'],
      pattern: /(?<![A-Za-z0-9_])(?<secret>packagist_(?:ort|out|uut|cut)_[a-fA-F0-9]{68})(?![A-Za-z0-9_])/g,
      minEntropy: 3,
      grade: (s) =>
        checksumValid(s)
          ? { confidence: 'high', message: 'Private Packagist token committed to the repository (checksum verified).' }
          : { confidence: 'medium', message: 'Private Packagist token committed to the repository (checksum did not verify: possibly a sample, confirm before dismissing).' },
    },
  ],
  revoke: {
    provider: 'Private Packagist',
    url: 'https://packagist.com/docs/composer-authentication',
    steps: [
      'Regenerate or delete the token: organization tokens under the organization’s Settings → Authentication tokens, a user token on your profile page.',
      'Review the organization’s audit log for package access and mirroring since it was committed.',
      'Use a read-only organization token (packagist_ort_) for installs, supplied as COMPOSER_AUTH in CI — never in composer.json or a committed auth.json.',
    ],
  },
});
