import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { revealRclone } from '../../../../src/engine/rules/secrets/rclone-obscured-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64URL, cat, rand } from '../../../helpers/tokens.js';

// rclone's obscure (fs/config/obscure), applied here so that no obscured password is committed.
const KEY = Buffer.from(['9c935b48730a554d6bfd7c63c886a92b', 'd390198eb8128afbf4de162b8b95f638'].join(''), 'hex');
function obscure(plain: string, ivSeed = 'iv'): string {
  const iv = Buffer.from(rand(16, undefined, ivSeed), 'latin1');
  const c = createCipheriv('aes-256-ctr', KEY, iv);
  return Buffer.concat([iv, c.update(plain, 'utf8'), c.final()])
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const pw = cat(rand(14, undefined, 'rclone'), '.x');

ruleTester(rule, {
  valid: [
    { code: `[backup]\ntype = sftp\npass = ${obscure('changeme')}\n`, path: '.config/rclone/rclone.conf' },
    // Base64url that reveals no text.
    { code: `[backup]\ntype = sftp\npass = ${rand(40, B64URL, 'noise')}\n`, path: 'rclone.conf' },
    // `pass = …` outside rclone's files.
    { code: `pass = ${obscure(pw)}\n`, path: 'app.conf' },
  ],
  invalid: [
    {
      name: 'rclone.conf sftp remote',
      code: `[backup]\ntype = sftp\nhost = backup.example.com\nuser = rclone\npass = ${obscure(pw)}\n`,
      path: '.config/rclone/rclone.conf',
      secret: obscure(pw),
      line: 5,
    },
    { name: 'crypt remote password2', code: `[secret]\ntype = crypt\nremote = s3:bucket\npassword = ${obscure(pw, 'a')}\npassword2 = ${obscure(pw, 'b')}\n`, path: 'rclone.conf', count: 2 },
    { name: 'an environment variable', code: `RCLONE_CONFIG_NAS_PASS=${obscure(pw, 'c')}\n`, path: 'deploy/.env' },
  ],
});

describe('revealRclone', () => {
  it('reveals the password', () => {
    expect(revealRclone(obscure(pw))).toBe(pw);
  });
});
