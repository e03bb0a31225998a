import { describe, expect, it } from 'vitest';
import rule, { decodeUnattendPassword } from '../../../../src/engine/rules/secrets/windows-unattend-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand } from '../../../helpers/tokens.js';

const pw = cat(rand(11, undefined, 'unattend'), '#5');
// Windows System Image Manager's encoding: base64 of the UTF-16LE password and the element's name.
const encode = (p: string, el: string): string => Buffer.from(p + el, 'utf16le').toString('base64');
const answer = (el: string, value: string, plain: 'true' | 'false'): string =>
  `<unattend xmlns="urn:schemas-microsoft-com:unattend">\n  <settings pass="oobeSystem">\n    <component name="Microsoft-Windows-Shell-Setup">\n      <UserAccounts>\n        <${el}>\n          <Value>${value}</Value>\n          <PlainText>${plain}</PlainText>\n        </${el}>\n      </UserAccounts>\n    </component>\n  </settings>\n</unattend>\n`;

ruleTester(rule, {
  valid: [
    // What sysprep leaves, and samples.
    { code: answer('AdministratorPassword', '*SENSITIVE*DATA*DELETED*', 'true'), path: 'Panther/unattend.xml' },
    { code: answer('AdministratorPassword', 'changeme', 'true'), path: 'autounattend.xml' },
    // A Vagrant base box's conventional password (Packer templates, chef/bento): public by specification.
    { code: answer('AdministratorPassword', 'vagrant', 'true'), path: 'answer_files/2019/Autounattend.xml' },
    { code: answer('Password', encode('password', 'Password'), 'false'), path: 'autounattend.xml' },
    // Base64 that does not end in the element's name is not this encoding.
    { code: answer('Password', Buffer.from(pw, 'utf16le').toString('base64'), 'false'), path: 'autounattend.xml' },
  ],
  invalid: [
    { name: 'plain-text administrator password', code: answer('AdministratorPassword', pw, 'true'), path: 'autounattend.xml', secret: pw, line: 6 },
    { name: 'encoded password', code: answer('Password', encode(pw, 'Password'), 'false'), path: 'sysprep/unattend.xml', secret: encode(pw, 'Password') },
    {
      name: 'AutoLogon, PlainText first',
      code: `<AutoLogon>\n  <Password>\n    <PlainText>true</PlainText>\n    <Value>${pw}</Value>\n  </Password>\n  <Username>kiosk</Username>\n</AutoLogon>\n`,
      path: 'unattend.xml',
      secret: pw,
    },
  ],
});

describe('decodeUnattendPassword', () => {
  it('strips the element name', () => {
    expect(decodeUnattendPassword(encode(pw, 'AdministratorPassword'), 'AdministratorPassword')).toBe(pw);
  });
});
