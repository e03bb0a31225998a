import rule from '../../../../src/engine/rules/secrets/pgp-private-key.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

const BEGIN = cat('-----BEGIN PGP ', 'PRIVATE KEY BLOCK-----');
const END = cat('-----END PGP ', 'PRIVATE KEY BLOCK-----');
const wrap = (s: string): string => s.match(/.{1,64}/g)!.join('\n');
const body = 'lQ' + rand(2400, B64, 'pgp');
const block = (b: string, headers = ''): string => `${BEGIN}\n${headers}\n${wrap(b)}\n=${rand(4, B64, 'crc')}\n${END}\n`;

ruleTester(rule, {
  valid: [
    block('lQWGBGSVV4YBDACl...'),
    `${BEGIN}\n\n<paste your key here>\n${END}`,
    `${BEGIN}\n${END}`,
    // Public keys and messages are not secrets.
    `${cat('-----BEGIN PGP ', 'PUBLIC KEY BLOCK-----')}\n\nmQEN${wrap(rand(900, B64, 'pub'))}\n${cat('-----END PGP ', 'PUBLIC KEY BLOCK-----')}`,
    `${cat('-----BEGIN PGP ', 'MESSAGE-----')}\n\nhQGM${wrap(rand(600, B64, 'msg'))}\n${cat('-----END PGP ', 'MESSAGE-----')}`,
    'gpg --armor --export-secret-keys KEYID  # prints a PGP PRIVATE KEY BLOCK',
  ],
  invalid: [
    { code: block(body, 'Version: GnuPG v2\nComment: release signing key\n'), secret: body, count: 1, line: 1 },
    { name: 'no armour headers', code: block(body) },
    { name: 'short (test) key body', code: block('lQ' + rand(62, B64, 'short')) },
    { name: 'in a YAML secret', code: `signing_key: |\n  ${block(body).replace(/\n/g, '\n  ')}`, line: 2, path: 'ci.yml' },
  ],
});

describe('secrets/pgp-private-key: passphrase protection', () => {
  // A v4 EdDSA secret-key packet as GnuPG writes it (RFC 9580 §5.5.3), then a user ID and a signature.
  const packet = (tag: number, body: Buffer) => Buffer.concat([Buffer.from([0xc0 | tag, body.length]), body]);
  const bytes = (n: number, seed: string) => Buffer.from(rand(n * 2, '0123456789abcdef', seed), 'hex');
  const secretKey = (usage: 'clear' | 'encrypted') => {
    const pub = Buffer.concat([Buffer.from([4, 0x65, 0x00, 0x00, 0x00, 22, 9, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x0f, 0x01, 0x01, 0x07, 0x40]), bytes(32, 'pgp-point')]);
    const secret =
      usage === 'clear'
        ? Buffer.concat([Buffer.from([0, 0x00, 0xff]), bytes(32, 'pgp-scalar'), bytes(2, 'pgp-sum')])
        : Buffer.concat([Buffer.from([254, 9, 3, 8]), bytes(8, 'pgp-salt'), Buffer.from([0xff]), bytes(16, 'pgp-iv'), bytes(54, 'pgp-ct')]);
    return Buffer.concat([packet(5, Buffer.concat([pub, secret])), packet(13, Buffer.from('Test <t@example.test>')), packet(2, bytes(120, 'pgp-sig'))]).toString('base64');
  };
  it('reads the S2K usage of the secret-key packet: encrypted keys are medium severity and say so', () => {
    const [clear] = runRule(rule, { code: block(secretKey('clear')), path: 'keys/signing.asc' });
    expect(clear?.severity).toBe('high');
    const [enc] = runRule(rule, { code: block(secretKey('encrypted')), path: 'test/keys/user.asc' });
    expect(enc?.severity).toBe('medium');
    expect(enc?.message).toMatch(/Passphrase-protected/);
  });
});
