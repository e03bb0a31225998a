import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { decryptSecureCrtV2 } from '../../../../src/engine/rules/secrets/securecrt-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

// SecureCRT's Password V2 (02:) encryption, applied here so that no saved password is committed.
function v2(password: string, passphrase = ''): string {
  const pw = Buffer.from(password, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(pw.length);
  let plain = Buffer.concat([len, pw, createHash('sha256').update(pw).digest()]);
  const pad = 16 - (plain.length % 16);
  plain = Buffer.concat([plain, Buffer.alloc(pad === 16 ? 0 : pad, 0)]);
  const c = createCipheriv('aes-256-cbc', createHash('sha256').update(passphrase).digest(), Buffer.alloc(16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('hex');
}

const pw = cat(rand(12, undefined, 'securecrt'), '&7');
const session = (value: string): string => `S:"Protocol Name"=SSH2\nS:"Hostname"=10.1.2.3\nS:"Username"=netops\nS:"Password"=\nS:"Password V2"=${value}\nD:"[SSH2] Port"=00000016\n`;

ruleTester(rule, {
  valid: [
    { code: session(''), path: 'Sessions/core-sw1.ini' },
    { code: session('02:' + v2('changeme')), path: 'Sessions/core-sw1.ini' },
    // A configuration passphrase of the user's own: the digest does not match under the default key.
    { code: session('02:' + v2(pw, cat('own-', rand(10, undefined, 'crtpass')))), path: 'Sessions/core-sw1.ini' },
    { code: session('02:' + rand(96, HEX, 'notcrt')), path: 'Sessions/core-sw1.ini' },
  ],
  invalid: [
    { name: 'session .ini', code: session('02:' + v2(pw)), path: 'VanDyke/Config/Sessions/core-sw1.ini', secret: v2(pw), line: 5, count: 1 },
    {
      name: 'XML export',
      code: `<VanDyke version="3.0">\n<key name="Sessions">\n<key name="core-sw1">\n<string name="Password V2">02:${v2(pw + 'x')}</string>\n</key>\n</key>\n</VanDyke>\n`,
      path: 'securecrt-export.xml',
      secret: v2(pw + 'x'),
    },
  ],
});

describe('decryptSecureCrtV2', () => {
  it('reads a value saved without a configuration passphrase', () => {
    expect(decryptSecureCrtV2(v2(pw))).toBe(pw);
    expect(decryptSecureCrtV2(v2(pw, 'x'))).toBeUndefined();
  });
});
