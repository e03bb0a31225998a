import rule from '../../../../src/engine/rules/secrets/putty-private-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, cat, HEX, rand } from '../../../helpers/tokens.js';

const wrap = (s: string): string => s.match(/.{1,64}/g)!.join('\n');
function ppk(encryption: string, privateBody: string, version = '2'): string {
  const pub = rand(372, B64, 'pub');
  const priv = wrap(privateBody);
  return [
    `${cat('PuTTY-User-', 'Key-File-')}${version}: ssh-rsa`,
    `Encryption: ${encryption}`,
    'Comment: imported-openssh-key',
    `Public-Lines: ${wrap(pub).split('\n').length}`,
    wrap(pub),
    `Private-Lines: ${priv.split('\n').length}`,
    priv,
    `Private-MAC: ${rand(40, HEX, 'mac')}`,
    '',
  ].join('\n');
}
const body = rand(880, B64, 'ppk');

ruleTester(rule, {
  valid: [
    ppk('none', 'AAAA...'),
    ppk('none', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'),
    'Convert with puttygen: the file starts with PuTTY-User-Key-File-2: ssh-rsa',
    `${cat('PuTTY-User-', 'Key-File-')}3: ssh-ed25519\nEncryption: none\nComment: x\nPublic-Lines: 2\nAAAA\nPrivate-Lines: 1\n`,
  ],
  invalid: [
    { code: ppk('none', body), secret: body, count: 1, line: 1, path: 'keys/deploy.ppk' },
    { name: 'passphrase-protected (v3)', code: ppk('aes256-cbc', rand(880, B64, 'enc'), '3'), count: 1 },
    { name: 'CRLF line endings', code: ppk('none', body).replace(/\n/g, '\r\n') },
  ],
});
