import { createDecipheriv } from 'node:crypto';
import { defineSecretRuleSet } from './lib/rule-set.js';
import { isPlaceholderPassword } from './lib/credential-values.js';

/**
 * VNC servers and viewers (RealVNC, TightVNC, UltraVNC, TigerVNC) store the password DES-encrypted under
 * one fixed key that ships in every VNC source tree: reversible by anyone. DES is triple DES with the
 * key three times (OpenSSL 3 has no single DES by default). The key bytes are bit-reversed, as VNC's
 * `d3des` uses them.
 */
const VNC_FIXED_KEY = Buffer.from([23, 82, 107, 6, 35, 78, 88, 7]).map((b) => parseInt(b.toString(2).padStart(8, '0').split('').reverse().join(''), 2));

/** The password 16 hex digits (8 bytes; UltraVNC appends a check byte) decrypt to, or undefined when not printable text. */
export function decryptVncPassword(hex: string): string | undefined {
  if (!/^(?:[0-9A-Fa-f]{16}|[0-9A-Fa-f]{18})$/.test(hex)) return undefined;
  const d = createDecipheriv('des-ede3-ecb', Buffer.concat([VNC_FIXED_KEY, VNC_FIXED_KEY, VNC_FIXED_KEY]), null);
  d.setAutoPadding(false);
  const plain = Buffer.concat([d.update(Buffer.from(hex.slice(0, 16), 'hex')), d.final()]);
  const end = plain.indexOf(0);
  const text = plain.subarray(0, end < 0 ? 8 : end).toString('latin1');
  return /^[\x20-\x7e]{1,8}$/.test(text) ? text : undefined;
}

const MESSAGE = 'VNC password committed: VNC encrypts it with a fixed DES key published in its source, so it is readable by anyone.';

/** 8 bytes that decrypt to printable text that is not a sample (`password`, `12345678`). */
function isVncPassword(hex: string): boolean {
  const plain = decryptVncPassword(hex);
  return plain !== undefined && !isPlaceholderPassword(plain);
}

/**
 * A VNC password in a connection file (`.vnc`: `Password=…`), UltraVNC's ultravnc.ini (`passwd=…`,
 * `passwd2=…`) or a registry export of a VNC server's key (`"Password"=hex:…`): 8 bytes under VNC's fixed
 * DES key, judged by what they decrypt to (printable text, not a sample).
 */
export default defineSecretRuleSet({
  id: 'secrets/vnc-password',
  description: 'VNC password (DES under the fixed key every VNC implementation ships)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /\.(?:vnc|ini|reg)$/i.test(path),
  variants: [
    {
      keywords: ['password=', 'passwd=', 'passwd2='],
      pattern: /(?:^|\n)[ \t]*(?:Password|passwd2?|PasswordViewOnly)[ \t]*=[ \t]*(?<secret>[0-9A-Fa-f]{16}(?:[0-9A-Fa-f]{2})?)[ \t]*(?=\r?\n|$)/gi,
      placeholders: 'off',
      validate: (s) => isVncPassword(s),
      message: MESSAGE,
    },
    {
      // A registry export: `"Password"=hex:a1,b2,…` (TightVNC, RealVNC's server keys).
      keywords: ['password"=hex:'],
      pattern: /"(?:Password|PasswordViewOnly|ControlPassword)"=hex:(?<secret>(?:[0-9a-fA-F]{2},){7}[0-9a-fA-F]{2})[ \t]*(?=\r?\n|$)/g,
      placeholders: 'off',
      validate: (s) => isVncPassword(s.replace(/,/g, '')),
      message: MESSAGE,
    },
  ],
  revoke: {
    provider: 'The VNC server the file connects to',
    steps: [
      'Set a new VNC password on the server (vncpasswd, or the server’s options dialog) and on any server that reused it.',
      'Remove the saved password from the connection file or registry export; let the viewer prompt for it.',
      'Put VNC behind SSH, a VPN or the platform’s own authentication (RealVNC system authentication), since VNC passwords are at most 8 characters.',
    ],
  },
});
