import { describe, expect, it } from 'vitest';
import rule, { decodeWinscp } from '../../../../src/engine/rules/secrets/winscp-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

// WinSCP's documented obfuscation, applied here so that no saved password is committed.
const enc = (b: number): string => ((~b ^ 0xa3) & 0xff).toString(16).toUpperCase().padStart(2, '0');
function winscp(user: string, host: string, password: string, shift = 3): string {
  const s = user + host + password;
  let out = enc(0xff) + enc(0) + enc(s.length) + enc(shift) + enc(7).repeat(shift);
  for (const ch of s) out += enc(ch.charCodeAt(0));
  while (out.length < 100) out += enc(0x5a);
  return out;
}

const pw = cat(rand(12, undefined, 'winscp'), '%1');
const ini = (p: string): string => `[Sessions\\deploy@sftp.example.com]\nHostName=sftp.example.com\nUserName=deploy\nPassword=${p}\nFSProtocol=2\n`;

ruleTester(rule, {
  valid: [
    { code: ini(''), path: 'WinSCP.ini' },
    // Hex that does not decode (no flag, no length that fits).
    { code: ini('F'.repeat(100)), path: 'WinSCP.ini' },
    { code: 'Password=A35C4\n', path: 'WinSCP.ini' },
  ],
  invalid: [
    { name: 'WinSCP.ini session', code: ini(winscp('deploy', 'sftp.example.com', pw)), path: 'WinSCP.ini', secret: winscp('deploy', 'sftp.example.com', pw), line: 4 },
    { name: 'registry export', code: `[HKEY_CURRENT_USER\\Software\\Martin Prikryl\\WinSCP 2\\Sessions\\ops@db]\n"Password"="${winscp('ops', 'db', pw, 9)}"\n`, path: 'winscp-sessions.reg' },
  ],
});

describe('decodeWinscp', () => {
  it('gives user, host and password', () => {
    expect(decodeWinscp(winscp('deploy', 'sftp.example.com', pw))).toBe(`deploysftp.example.com${pw}`);
  });
});
