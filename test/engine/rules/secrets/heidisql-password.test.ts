import { describe, expect, it } from 'vitest';
import rule, { decodeHeidi } from '../../../../src/engine/rules/secrets/heidisql-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

// HeidiSQL's scrambling, applied here so that no saved password is committed.
function heidi(plain: string, salt = 4): string {
  let out = '';
  for (const ch of plain) {
    let n = ch.charCodeAt(0) + salt;
    if (n > 255) n -= 255;
    out += n.toString(16).toUpperCase().padStart(2, '0');
  }
  return out + String(salt);
}

const pw = cat(rand(12, undefined, 'heidi'), '!3');
const settings = (value: string): string =>
  ['Servers\\prod-db\\Host<|||>1<|||>db.internal', 'Servers\\prod-db\\User<|||>1<|||>app', `Servers\\prod-db\\Password<|||>1<|||>${value}`, 'Servers\\prod-db\\Port<|||>1<|||>3306', ''].join('\n');
const reg = (value: string, key = 'HeidiSQL'): string =>
  `Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\${key}\\Servers\\prod-db]\n"Host"="db.internal"\n"User"="app"\n"Password"="${value}"\n`;

ruleTester(rule, {
  valid: [
    { code: settings(''), path: 'portable_settings.txt' },
    { code: settings(heidi('changeme')), path: 'portable_settings.txt' },
    // Hex that unscrambles to no text.
    { code: settings('0102030405060708' + '1'), path: 'portable_settings.txt' },
    // Another program's registry key.
    { code: reg(heidi(pw), 'SomeOtherTool'), path: 'export.reg' },
    { code: reg(rand(40, HEX, 'heidinot').toUpperCase() + '7'), path: 'heidisql.reg' },
  ],
  invalid: [
    { name: 'settings export', code: settings(heidi(pw)), path: 'tools/heidisql-settings.txt', secret: heidi(pw), line: 3, count: 1 },
    { name: 'registry export', code: reg(heidi(pw, 9)), path: 'heidisql.reg', secret: heidi(pw, 9), line: 6 },
  ],
});

describe('decodeHeidi', () => {
  it('unscrambles with the trailing salt', () => {
    expect(decodeHeidi(heidi(pw, 1))).toBe(pw);
    expect(decodeHeidi(heidi('é~', 9))).toBe('é~');
  });
});
