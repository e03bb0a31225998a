import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { decryptNavicat } from '../../../../src/engine/rules/secrets/navicat-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { HEX, cat, rand } from '../../../helpers/tokens.js';

// Navicat 12's fixed key and IV, applied here so that no saved password is committed.
const KEY = Buffer.from(['libcckey', 'libcckey'].join(''), 'latin1');
const IV = Buffer.from(['libcciv ', 'libcciv '].join(''), 'latin1');
function navicat(plain: string): string {
  const c = createCipheriv('aes-128-cbc', KEY, IV);
  return Buffer.concat([c.update(plain, 'utf8'), c.final()])
    .toString('hex')
    .toUpperCase();
}

const pw = cat(rand(12, undefined, 'navicat'), '@9');
const ncx = (password: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Connections Ver="1.5">\n\t<Connection ConnectionName="prod-mysql" ProjectUUID="" ConnType="MYSQL" OraConnType="" ServiceProvider="Default" Host="10.0.0.12" Port="3306" Database="" UserName="root" Password="${password}" SavePassword="true" ${extra}SSH="false" HTTP="false"/>\n</Connections>\n`;

ruleTester(rule, {
  valid: [
    { code: ncx(''), path: 'connections.ncx' },
    { code: ncx(navicat('changeme')), path: 'connections.ncx' },
    { code: ncx(navicat('root')), path: 'connections.ncx' },
    // Hex that is no ciphertext under Navicat's key.
    { code: ncx(rand(32, HEX, 'notnavicat').toUpperCase()), path: 'connections.ncx' },
    // An EPUB's table of contents is an .ncx too.
    { code: '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/></ncx>\n', path: 'OEBPS/toc.ncx' },
    { code: ncx(navicat(pw)), path: 'connections.xml' },
  ],
  invalid: [
    { name: 'connections export', code: ncx(navicat(pw)), path: 'db/connections.ncx', secret: navicat(pw), line: 3, count: 1 },
    { name: 'an SSH tunnel password', code: ncx('', `SSH_Password="${navicat(pw + 's')}" `), path: 'navicat.ncx', secret: navicat(pw + 's') },
  ],
});

describe('decryptNavicat', () => {
  it('reads Navicat 12 values', () => {
    expect(decryptNavicat(navicat(pw))).toBe(pw);
    expect(decryptNavicat('XYZ')).toBeUndefined();
  });
});
