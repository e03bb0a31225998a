import { defineSecretRuleSet } from './lib/rule-set.js';

/**
 * WinSCP stores session passwords (without a master password) with a fixed, published obfuscation: each
 * byte `b` is written as two hex digits of `~(b ^ 0xA3)`; a flag byte 0xFF, a dummy, the length and a
 * shift count come first, then `shift` random bytes, then user name + host name + password.
 */
const decodeByte = (hex: string, i: number): number => ~(parseInt(hex.slice(i, i + 2), 16) ^ 0xa3) & 0xff;

/** The text (user + host + password) a WinSCP `Password=` value decodes to, or undefined when it is no such value. */
export function decodeWinscp(hex: string): string | undefined {
  if (!/^[0-9A-F]{8,1000}$/i.test(hex) || hex.length % 2 !== 0) return undefined;
  let at = 0;
  let length = decodeByte(hex, at);
  at += 2;
  if (length === 0xff) {
    at += 2; // the dummy byte
    length = decodeByte(hex, at);
    at += 2;
  }
  const shift = decodeByte(hex, at);
  at += 2 + shift * 2;
  if (length === 0 || at + length * 2 > hex.length) return undefined;
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(decodeByte(hex, at + 2 * i));
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

/**
 * A session password in WinSCP.ini (`Password=…`, `ProxyPassword=…`, `TunnelPassword=…`) or in a
 * registry export of WinSCP's Sessions key (`"Password"="…"`): an obfuscation WinSCP documents as such,
 * reversed by any of the public decoders. Judged by decoding it (printable text of a stated length).
 */
export default defineSecretRuleSet({
  id: 'secrets/winscp-password',
  description: 'WinSCP saved session password (reversible obfuscation)',
  severity: 'high',
  confidence: 'high',
  appliesTo: (path) => /\.(?:ini|reg)$/i.test(path),
  variants: [
    {
      keywords: ['password='],
      pattern: /(?:^|\n)[ \t]*(?:Proxy|Tunnel)?Password[ \t]*=[ \t]*(?<secret>[0-9A-F]{20,1000})[ \t]*(?=\r?\n|$)/g,
      placeholders: 'off',
      // WinSCP pads to 50 bytes at least: 100 hex digits or more.
      validate: (s) => s.length >= 100 && decodeWinscp(s) !== undefined,
      message: 'WinSCP saved password committed: WinSCP only obfuscates it (public decoders reverse it), so the server password is exposed.',
    },
    {
      keywords: ['password"="'],
      pattern: /"(?:Proxy|Tunnel)?Password"="(?<secret>[0-9A-F]{100,1000})"/g,
      placeholders: 'off',
      validate: (s) => decodeWinscp(s) !== undefined,
      message: 'WinSCP saved password committed: WinSCP only obfuscates it (public decoders reverse it), so the server password is exposed.',
    },
  ],
  revoke: {
    provider: 'The SFTP/FTP/SCP server of the saved session',
    url: 'https://winscp.net/eng/docs/security_credentials',
    steps: [
      'Change the password on the server of the session (and on the proxy or tunnel host, for ProxyPassword/TunnelPassword).',
      'Remove WinSCP.ini (or the registry export) from the repository; set a WinSCP master password or stop saving passwords.',
      'Prefer key authentication, with the private key kept out of the repository.',
    ],
  },
});
