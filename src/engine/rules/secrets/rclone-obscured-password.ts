import { createDecipheriv } from 'node:crypto';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { isPlaceholderPassword } from './lib/credential-values.js';

/**
 * rclone "obscures" passwords in rclone.conf with AES-256-CTR under a key fixed in its source (fs/config/obscure),
 * the IV first, all base64url without padding: `rclone reveal` (or any copy of the key) gives the password.
 */
const RCLONE_FIXED_KEY = Buffer.from('9c935b48730a554d6bfd7c63c886a92bd390198eb8128afbf4de162b8b95f638', 'hex');

/** The password an obscured value reveals, or undefined when it is not one (too short, not printable text). */
export function revealRclone(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{24,1400}$/.test(value)) return undefined;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length <= 16) return undefined;
  const d = createDecipheriv('aes-256-ctr', RCLONE_FIXED_KEY, bytes.subarray(0, 16));
  const text = Buffer.concat([d.update(bytes.subarray(16)), d.final()]).toString('utf8');
  return /^[\x20-\x7e]{4,256}$/.test(text) ? text : undefined;
}

/**
 * An obscured password in an rclone configuration (`pass = …`, `password = …`, `password2 = …`,
 * `key_file_pass = …`, and `RCLONE_CONFIG_<REMOTE>_PASS=…`), judged by revealing it: printable text, not a
 * sample. What it reveals is the storage or crypt-remote password.
 */
export default defineSecretRuleSet({
  id: 'secrets/rclone-obscured-password',
  description: 'rclone obscured password (reversible with the key in rclone’s source)',
  severity: 'high',
  confidence: 'high',
  variants: [
    {
      keywords: ['pass'],
      pattern:
        /(?:^|\n)[ \t]*(?:pass|password|password2|key_file_pass|RCLONE_CONFIG_[A-Z0-9_]{1,60}_(?:PASS|PASSWORD|PASSWORD2))[ \t]*[=:][ \t]*["']?(?<secret>[A-Za-z0-9_-]{24,1400})["']?[ \t]*(?=\r?\n|$)/g,
      placeholders: 'off',
      // `pass = …` only in rclone's own files (rclone.conf, rclone-backup.conf); the variable anywhere.
      validate: (s, m, file) => {
        if (!/RCLONE_CONFIG_/.test(m[0]) && !/rclone[^/]*$/i.test(file.path)) return false;
        const plain = revealRclone(s);
        return plain !== undefined && !isPlaceholderPassword(plain);
      },
      message: 'rclone obscured password committed: obscuring is reversible (`rclone reveal`), so the remote’s password is exposed.',
    },
  ],
  revoke: {
    provider: 'The storage the rclone remote logs in to (SFTP, WebDAV, FTP, SMB, …), or the crypt remote’s data',
    url: 'https://rclone.org/docs/#configuration-encryption',
    steps: [
      'Change the password on the remote’s server; for a crypt remote, the password protects the data itself: re-encrypt the data under a new password (a new crypt remote) and delete the old copy.',
      'Remove rclone.conf from the repository; encrypt the configuration (`rclone config encryption set`) or pass secrets as RCLONE_CONFIG_… variables from a secret store.',
    ],
  },
});
