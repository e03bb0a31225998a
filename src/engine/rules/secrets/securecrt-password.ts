import { createDecipheriv, createHash } from 'node:crypto';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { isNonSecretDatum, isPlaceholderPassword, isTemplated } from './lib/credential-values.js';

/**
 * SecureCRT 8's "Password V2" values with the `02:` prefix: AES-256-CBC, zero IV, under SHA-256 of the
 * configuration passphrase — of the empty string when none is set, as by default — of the password's
 * length (32-bit little-endian), the password and its SHA-256. The digest tells a real decryption from a
 * wrong key. (A passphrase of the user's own, the `03:` form and the Blowfish "Password" of SecureCRT 7
 * are not read here.)
 */
const EMPTY_PASSPHRASE_KEY = createHash('sha256').update('').digest();

/** The password an `02:` value holds under the default (empty) passphrase, or undefined. */
export function decryptSecureCrtV2(hex: string, key: Buffer = EMPTY_PASSPHRASE_KEY): string | undefined {
  if (!/^(?:[0-9a-f]{32}){3,64}$/i.test(hex)) return undefined;
  const d = createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));
  d.setAutoPadding(false);
  const plain = Buffer.concat([d.update(Buffer.from(hex, 'hex')), d.final()]);
  const length = plain.readUInt32LE(0);
  if (length > plain.length - 4 - 32) return undefined;
  const password = plain.subarray(4, 4 + length);
  const digest = plain.subarray(4 + length, 4 + length + 32);
  if (!createHash('sha256').update(password).digest().equals(digest)) return undefined;
  return password.toString('utf8');
}

const isRealPassword = (p: string | undefined): boolean => p !== undefined && p.length > 0 && !isTemplated(p) && !isNonSecretDatum(p) && !isPlaceholderPassword(p);

/**
 * A password in a SecureCRT session (Sessions\*.ini: `S:"Password V2"=02:…`, and the proxy's or
 * firewall's) or in a SecureCRT XML export (`<string name="Password V2">02:…</string>`), saved without a
 * configuration passphrase: decrypted with the empty passphrase's key, checked by its embedded SHA-256.
 */
export default defineSecretRuleSet({
  id: 'secrets/securecrt-password',
  description: 'SecureCRT saved session password (Password V2, no configuration passphrase)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /\.(?:ini|xml)$/i.test(path),
  variants: [
    {
      keywords: ['password v2"=02:'],
      pattern: /S:"(?:[\w ]{0,40} )?Password V2"=02:(?<secret>[0-9a-fA-F]{96,2048})[ \t]*(?=\r?\n|$)/g,
      placeholders: 'off',
      validate: (s) => isRealPassword(decryptSecureCrtV2(s)),
      message: 'SecureCRT saved password committed (session .ini): without a configuration passphrase SecureCRT encrypts it under a fixed key, so the server password is exposed.',
    },
    {
      keywords: ['password v2">02:'],
      pattern: /<string name="(?:[\w ]{0,40} )?Password V2">02:(?<secret>[0-9a-fA-F]{96,2048})<\/string>/g,
      placeholders: 'off',
      validate: (s) => isRealPassword(decryptSecureCrtV2(s)),
      message: 'SecureCRT saved password committed (XML export): without a configuration passphrase SecureCRT encrypts it under a fixed key, so the server password is exposed.',
    },
  ],
  revoke: {
    provider: 'The SSH/Telnet hosts of the SecureCRT sessions (and their proxies or firewalls)',
    url: 'https://www.vandyke.com/support/securecrt/index.html',
    steps: [
      'Change the password of the account on each host whose session the file holds (its Hostname and Username).',
      'Remove the session files (or the XML export) from the repository and its history.',
      'Set a configuration passphrase in SecureCRT (Global Options → Configuration Paths), or stop saving passwords; prefer public-key authentication.',
    ],
  },
});
