import { describe, expect, it } from 'vitest';
import rule, { decodeFileZillaPass } from '../../../../src/engine/rules/secrets/filezilla-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

// FileZilla's base64 <Pass> element, assembled: the generic rule reads its encoding attribute as a password.
const ENCODING = ['encoding', '"base64"'].join('=');
const passB64 = (value: string): string => `<Pass ${ENCODING}>${value}</Pass>`;
const pw = cat(rand(12, undefined, 'fz'), '#4');
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const server = (pass: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<FileZilla3 version="3.66.4" platform="windows">',
    '\t<Servers>',
    '\t\t<Server>',
    '\t\t\t<Host>ftp.example.com</Host>',
    '\t\t\t<Port>21</Port>',
    '\t\t\t<Protocol>0</Protocol>',
    '\t\t\t<Type>0</Type>',
    '\t\t\t<User>deploy</User>',
    `\t\t\t${pass}`,
    '\t\t\t<Logontype>1</Logontype>',
    '\t\t\t<Name>production</Name>',
    '\t\t</Server>',
    '\t</Servers>',
    '</FileZilla3>',
    '',
  ].join('\n');

ruleTester(rule, {
  valid: [
    // Encrypted to the master password's key: nothing in the file reads it.
    { code: server(`<Pass encoding="crypt" pubkey="${rand(64, B64, 'fzpub')}">${rand(88, B64, 'fzcrypt')}</Pass>`), path: 'sitemanager.xml' },
    { code: server(`<Pass ${ENCODING} />`), path: 'sitemanager.xml' },
    { code: server(passB64('')), path: 'recentservers.xml' },
    { code: server(passB64(b64('changeme'))), path: 'sitemanager.xml' },
    { code: server(passB64(b64('${FTP_PASSWORD}'))), path: 'sitemanager.xml' },
    // Not base64 of text.
    { code: server(passB64(Buffer.from([0xff, 0xfe, 0x80, 0x81, 0x90, 0xc3]).toString('base64'))), path: 'sitemanager.xml' },
    { code: server('<Pass>password</Pass>'), path: 'sitemanager.xml' },
    // Some other program's <Pass> element, not FileZilla's file.
    { code: `<config><Pass>${pw}</Pass></config>\n`, path: 'app/settings.xml' },
    { code: `FileZilla stores ${passB64(b64(pw))} in sitemanager.xml.\n`, path: 'docs/filezilla.md' },
  ],
  invalid: [
    { name: 'Site Manager, base64', code: server(passB64(b64(pw))), path: 'ops/FileZilla/sitemanager.xml', secret: b64(pw), line: 10, count: 1 },
    { name: 'recent servers', code: server(passB64(b64(pw + 'r'))), path: 'recentservers.xml', secret: b64(pw + 'r') },
    { name: 'an export under any name', code: server(passB64(b64(pw))), path: 'backup/ftp-sites.xml', secret: b64(pw) },
    { name: 'old clear text', code: server(`<Pass>${pw}</Pass>`), path: 'sitemanager.xml', secret: pw, count: 1 },
  ],
});

describe('decodeFileZillaPass', () => {
  it('gives the password', () => {
    expect(decodeFileZillaPass(b64(pw))).toBe(pw);
    expect(decodeFileZillaPass('not base64!')).toBeUndefined();
  });
});
