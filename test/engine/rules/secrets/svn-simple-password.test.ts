import rule from '../../../../src/engine/rules/secrets/svn-simple-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(12, undefined, 'svn'), '*1');
const dump = (passtype: string, password: string): string => {
  const kv = (k: string, v: string): string => `K ${Buffer.byteLength(k)}\n${k}\nV ${Buffer.byteLength(v)}\n${v}\n`;
  return kv('passtype', passtype) + kv('password', password) + kv('svn:realmstring', '<https://svn.example.com:443> Subversion Repository') + kv('username', 'builder') + 'END\n';
};
const path = 'home/.subversion/auth/svn.simple/' + 'd0f1c8e7a6b5c4d3e2f1a0b9c8d7e6f5';

ruleTester(rule, {
  valid: [
    // Encrypted with DPAPI: the Windows user's key, not in the file.
    { code: dump('wincrypt', rand(232, B64, 'dpapi')), path },
    { code: dump('simple', 'changeme'), path },
    // The length does not match: not Subversion's hash dump.
    { code: dump('simple', pw).replace(`V ${pw.length}\n${pw}`, `V 3\n${pw}`), path },
    // Not in svn.simple/.
    { code: dump('simple', pw), path: 'fixtures/credentials.txt' },
  ],
  invalid: [{ name: 'passtype simple', code: dump('simple', pw), path, secret: pw, line: 8, count: 1 }],
});
