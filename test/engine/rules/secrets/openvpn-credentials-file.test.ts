import { describe, expect, it } from 'vitest';
import rule, { authUserPassFiles, mayBeCredentialsFile, names } from '../../../../src/engine/rules/secrets/openvpn-credentials-file.js';
import { ruleTester, TODAY } from '../../../helpers/rule-tester.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { redact } from '../../../../src/engine/redact.js';
import { cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(14, undefined, 'ovpnfile'), '%2');
const creds = (password: string, user = 'vpnuser@example.org'): string => `${user}\n${password}\n`;
const profile = (authLine: string): string => `client\ndev tun\nproto udp\nremote vpn.example.org 1194\n${authLine}\nca ca.crt\nverb 3\n`;

function scan(files: Array<{ path: string; text: string }>) {
  const policy = basePolicy();
  policy.families = { secrets: 'warn', scopes: 'warn', rotation: 'warn' };
  return scanFiles(files, { policy, rules: [rule], today: TODAY }).findings.filter((f) => f.ruleId === rule.meta.id);
}

ruleTester(rule, {
  valid: [
    // A bare auth.txt that no profile names, outside any VPN folder: two lines say nothing alone.
    { code: creds(pw), path: 'auth.txt' },
    { code: creds(pw), path: 'docs/examples/pass.txt' },
    // In a VPN folder, but not a credentials file's shape, or a placeholder.
    { code: creds('password'), path: 'openvpn/auth.txt' },
    { code: creds('${VPN_PASSWORD}'), path: 'openvpn/auth.txt' },
    { code: 'username=vpnuser\npassword=' + pw + '\n', path: 'openvpn/auth.txt' },
    { code: `# user, then password\n${creds(pw)}`, path: 'openvpn/auth.txt' },
    { code: creds(pw) + 'third line\n', path: 'openvpn/auth.txt' },
    { code: 'vpnuser\n', path: 'openvpn/auth.txt' },
    // A profile is no credentials file.
    { code: profile('auth-user-pass auth.txt'), path: 'openvpn/client.ovpn' },
  ],
  invalid: [
    { name: 'in an OpenVPN folder, no profile in the scan', code: creds(pw), path: 'docker/openvpn/auth.txt', secret: pw, line: 2, count: 1 },
    { name: 'named for a VPN', code: creds(pw, 'p1234567'), path: 'config/nordvpn-credentials.txt', secret: pw },
    { name: 'CRLF and a BOM', code: `\ufeffvpnuser\r\n${pw}\r\n`, path: 'vpn/login.conf', secret: pw },
  ],
});

describe('a credentials file a profile names', () => {
  it('is reported at high confidence wherever it lies', () => {
    const found = scan([
      { path: 'client/office.ovpn', text: profile('auth-user-pass auth.txt') },
      { path: 'client/auth.txt', text: creds(pw) },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'client/auth.txt', startLine: 2, confidence: 'high', redacted: redact(pw) });
  });

  it('by an absolute path, by its name; in any order of files', () => {
    const found = scan([
      { path: 'secrets/login.conf', text: creds(pw) },
      { path: 'deploy/openvpn/site.conf', text: profile('auth-user-pass "/etc/openvpn/client/login.conf"') },
    ]);
    expect(found.map((f) => f.path)).toEqual(['secrets/login.conf']);
  });

  it('not when the profile names another file, or the line is commented out', () => {
    expect(
      scan([
        { path: 'a.ovpn', text: profile('auth-user-pass creds/other.txt') },
        { path: 'auth.txt', text: creds(pw) },
      ]),
    ).toEqual([]);
    expect(
      scan([
        { path: 'a.ovpn', text: profile('# auth-user-pass auth.txt') },
        { path: 'auth.txt', text: creds(pw) },
      ]),
    ).toEqual([]);
    // Some other program's .conf is no profile.
    expect(
      scan([
        { path: 'etc/app.conf', text: profile('auth-user-pass auth.txt') },
        { path: 'etc/auth.txt', text: creds(pw) },
      ]),
    ).toEqual([]);
    // `auth-user-pass` alone prompts for the credentials.
    expect(
      scan([
        { path: 'a.ovpn', text: profile('auth-user-pass') },
        { path: 'auth.txt', text: creds(pw) },
      ]),
    ).toEqual([]);
  });
});

describe('helpers', () => {
  it('reads the argument of auth-user-pass', () => {
    expect(authUserPassFiles('auth-user-pass  "C:\\\\Program Files\\\\OpenVPN\\\\auth.txt"\n;auth-user-pass x\nauth-user-pass up.txt # comment\n')).toEqual([
      'C://Program Files//OpenVPN//auth.txt',
      'up.txt',
    ]);
  });
  it('resolves it against the profile or the root', () => {
    expect(names('../creds/auth.txt', 'vpn/profiles/a.ovpn', 'vpn/creds/auth.txt')).toBe(true);
    expect(names('vpn/creds/auth.txt', 'vpn/profiles/a.ovpn', 'vpn/creds/auth.txt')).toBe(true);
    expect(names('auth.txt', 'vpn/a.ovpn', 'other/auth.txt')).toBe(false);
    expect(names('/etc/openvpn/auth.txt', 'vpn/a.ovpn', 'other/auth.txt')).toBe(true);
  });
  it('takes only the names a credentials file goes by', () => {
    expect(['auth.txt', 'x/pass.txt', 'a/b/login.conf', 'vpn.auth', 'openvpn/credentials', 'vpn/user.txt'].map(mayBeCredentialsFile)).toEqual([true, true, true, true, true, true]);
    expect(['README.md', 'openvpn/server.conf', 'client.ovpn', 'src/auth.ts', 'notes.txt'].map(mayBeCredentialsFile)).toEqual([false, false, false, false, false]);
  });
});
