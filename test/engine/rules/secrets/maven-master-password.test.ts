import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { decryptMaven } from '../../../../src/engine/rules/secrets/maven-master-password.js';
import { ruleTester, TODAY } from '../../../helpers/rule-tester.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { redact } from '../../../../src/engine/redact.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

// plexus-cipher's encryption, applied here so that no encrypted password is committed.
const FIXED = ['settings', 'security'].join('.');
let n = 0;
function encrypt(plain: string, password: string): string {
  const salt = createHash('sha256').update(`salt-${n++}`).digest().subarray(0, 8);
  const kv = createHash('sha256').update(password).update(salt).digest();
  const c = createCipheriv('aes-128-cbc', kv.subarray(0, 16), kv.subarray(16, 32));
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  const padLen = 16 - ((8 + body.length + 1) % 16);
  return `{${Buffer.concat([salt, Buffer.from([padLen]), body, Buffer.alloc(padLen, 7)]).toString('base64')}}`;
}

const master = cat(rand(14, undefined, 'mvnmaster'), '+2');
const pw = cat(rand(12, undefined, 'mvnpw'), '%8');
const security = (value: string): string => `<settingsSecurity>\n  <master>${value}</master>\n</settingsSecurity>\n`;
const settings = (value: string): string =>
  `<settings>\n  <servers>\n    <server>\n      <id>nexus</id>\n      <username>deploy</username>\n      <password>${value}</password>\n    </server>\n  </servers>\n</settings>\n`;

function scan(files: Array<{ path: string; text: string }>) {
  const policy = basePolicy();
  policy.families = { secrets: 'warn', scopes: 'warn', rotation: 'warn' };
  return scanFiles(files, { policy, rules: [rule], today: TODAY }).findings.filter((f) => f.ruleId === rule.meta.id);
}

ruleTester(rule, {
  valid: [
    { code: security('{' + rand(44, B64, 'notmvn') + '}'), path: '.m2/settings-security.xml' },
    { code: security(encrypt('changeme', FIXED)), path: '.m2/settings-security.xml' },
    // A relocated master: no value here.
    { code: '<settingsSecurity>\n  <relocation>/Volumes/usb/settings-security.xml</relocation>\n</settingsSecurity>\n', path: 'settings-security.xml' },
    // An encrypted settings.xml password alone: its master is not in the scan.
    { code: settings(encrypt(pw, master)), path: '.mvn/settings.xml' },
  ],
  invalid: [{ name: 'settings-security.xml master', code: security(encrypt(master, FIXED)), path: 'ci/settings-security.xml', line: 2, count: 1 }],
});

describe('settings.xml passwords and the master in the same scan', () => {
  it('are reported at the settings.xml password, whatever the order of files', () => {
    const value = encrypt(pw, master);
    const found = scan([
      { path: 'ci/settings.xml', text: settings(value) },
      { path: 'ci/settings-security.xml', text: security(encrypt(master, FIXED)) },
    ]);
    expect(found.map((f) => [f.path, f.startLine])).toEqual([
      ['ci/settings-security.xml', 2],
      ['ci/settings.xml', 6],
    ]);
    expect(found[1]!.redacted).toBe(redact(value));
  });

  it('not when the master does not decrypt them', () => {
    const found = scan([
      { path: 'ci/settings.xml', text: settings(encrypt(pw, cat('other-', master))) },
      { path: 'ci/settings-security.xml', text: security(encrypt(master, FIXED)) },
    ]);
    expect(found.map((f) => f.path)).toEqual(['ci/settings-security.xml']);
  });

  it('decrypts with text around the braces, as Maven allows', () => {
    expect(decryptMaven(`rotated in May ${encrypt(pw, master)} by ops`, master)).toBe(pw);
  });
});
