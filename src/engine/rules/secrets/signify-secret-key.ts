/**
 * minisign and OpenBSD signify secret keys: a line `untrusted comment: …` and under it the key, base64
 * of `Ed` (Ed25519), the key-derivation algorithm and the key material (minisign: 158 bytes, signify:
 * 104). Public keys have the same first line and start the same way, but hold 42 bytes: told apart by
 * length. A key with a password (scrypt `Sc`, bcrypt `BK` with rounds) is still a key to rotate: the
 * password is often weak or next to it.
 */
import { defineSecretRule } from './define.js';

/** Decoded sizes of the secret keys (minisign, signify). */
const SECRET_SIZES = new Set([158, 104]);

export default defineSecretRule({
  id: 'secrets/signify-secret-key',
  description: 'minisign or signify secret key (release signing)',
  severity: 'high',
  keywords: ['untrusted comment'],
  scope: 'file',
  pattern: /untrusted comment:[^\r\n]{0,200}\r?\n[ \t]*(?<secret>RW[A-Za-z0-9+/]{130,220}={0,2})(?![A-Za-z0-9+/=])/g,
  placeholders: 'off',
  validate: (s) => {
    const bytes = Buffer.from(s, 'base64');
    return bytes.length >= 2 && bytes[0] === 0x45 && bytes[1] === 0x64 && SECRET_SIZES.has(bytes.length);
  },
  revoke: {
    provider: 'minisign / signify (self-managed)',
    url: 'https://jedisct1.github.io/minisign/',
    steps: [
      'Generate a new key pair (`minisign -G` or `signify -G`), publish the new public key where users fetch it, and say that the old one is withdrawn.',
      'Sign new releases with the new key only; releases signed by the old key after the leak cannot be trusted.',
      'Keep the secret key out of the repository (a hardware token or the CI secret store).',
    ],
  },
});
