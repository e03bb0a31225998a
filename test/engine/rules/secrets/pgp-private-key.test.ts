import rule from '../../../../src/engine/rules/secrets/pgp-private-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
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
