import { defineSecretRuleSet } from './lib/rule-set.js';
import { charClasses } from '../../entropy.js';
import { crc32 } from '../../checksum.js';

/** Atlassian-issued tokens end in `=` + the upper-case hex CRC-32 of everything up to and including it. */
function atlassianCrcValid(token: string): boolean {
  const eq = token.lastIndexOf('=');
  return (
    eq > 0 &&
    crc32(token.slice(0, eq + 1))
      .toString(16)
      .toUpperCase()
      .padStart(8, '0') === token.slice(eq + 1)
  );
}

export default defineSecretRuleSet({
  id: 'secrets/bitbucket-access-token',
  description: 'Bitbucket repository, project or workspace access token, or Bitbucket Data Center HTTP access token',
  severity: 'high',
  variants: [
    {
      // Bitbucket Cloud access tokens (repository/project/workspace).
      keywords: ['atctt3'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>ATCTT3[A-Za-z0-9_-]{100,300}=[A-F0-9]{8})(?![A-Za-z0-9_=-])/g,
      minEntropy: 4,
      grade: (s) =>
        atlassianCrcValid(s)
          ? { confidence: 'high', message: 'Bitbucket access token committed to the repository (checksum verified).' }
          : { confidence: 'medium', message: 'Bitbucket access token committed to the repository (checksum did not verify: possibly a sample, confirm before dismissing).' },
    },
    {
      // Bitbucket Data Center / Server HTTP access tokens: `BBDC-` + base64 of "<id>:<random>".
      keywords: ['bbdc-'],
      pattern: /(?<![A-Za-z0-9_-])(?<secret>BBDC-[A-Za-z0-9+/@_-]{40,50})(?![A-Za-z0-9+/@_=-])/g,
      minEntropy: 3.5,
      validate: (s) => charClasses(s.slice(5).replace(/[+/@_-]/g, '')) >= 3,
      message: 'Bitbucket Data Center HTTP access token committed to the repository.',
    },
  ],
  revoke: {
    provider: 'Bitbucket',
    url: 'https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/',
    steps: [
      'Bitbucket Cloud (ATCTT3…): revoke it under the repository’s, project’s or workspace’s Settings → Access tokens.',
      'Bitbucket Data Center (BBDC-…): revoke it under Manage account → HTTP access tokens of its owner, or the project/repository HTTP access tokens page.',
      'Review the audit log for its use since it was committed, and create a replacement with the least permissions and an expiry, stored as a secured variable.',
    ],
  },
});
