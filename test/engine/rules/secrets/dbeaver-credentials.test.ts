import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { decryptDbeaverCredentials, decryptDbeaverLegacy } from '../../../../src/engine/rules/secrets/dbeaver-credentials.js';
import { decodeFile, encryptedFileLine } from '../../../../src/engine/decode.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

// DBeaver's two published keys, applied here so that no saved password is committed.
const KEY = Buffer.from(['babb4a9f774ab853', 'c96c2d653dfe544a'].join(''), 'hex');
const XOR = Buffer.from(['sdf@!#$verf^wv%6Fwe%', '$$#FFGwfsdefwfe135s$^H)dg'].join(''), 'latin1');
const iv = (seed: string): Buffer => createHash('sha256').update(seed).digest().subarray(0, 16);

function encryptFile(json: unknown, seed = 'iv'): Buffer {
  const c = createCipheriv('aes-128-cbc', KEY, iv(seed));
  return Buffer.concat([iv(seed), c.update(JSON.stringify(json), 'utf8'), c.final()]);
}
const fileLine = (json: unknown, seed?: string): string => encryptedFileLine('dbeaver-credentials', encryptFile(json, seed));
function legacy(password: string): string {
  const b = Buffer.concat([Buffer.from(password, 'utf8'), Buffer.from([0x00, 0x81])]);
  for (let i = 0; i < b.length; i++) b[i] = b[i]! ^ XOR[i % XOR.length]!;
  return b.toString('base64');
}

const pw = cat(rand(12, undefined, 'dbeaver'), '$1');
const creds = { 'postgres-jdbc-18f2a1c2e4b-5d1b8e0a': { '#connection': { user: 'app', password: pw } }, 'mysql8-18f2a1c2e4b-7a': { '#connection': { user: 'root' } } };
const legacyXml = (password: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<data-sources>\n\t<data-source id="mysql5-1" provider="mysql" driver="mysql5" name="prod" save-password="true">\n\t\t<connection host="db.internal" port="3306" server="" database="shop" url="jdbc:mysql://db.internal:3306/shop" user="shop" password="${password}" type="prod"/>\n\t</data-source>\n</data-sources>\n`;

ruleTester(rule, {
  valid: [
    // Only user names saved, or a placeholder.
    { code: fileLine({ 'postgres-jdbc-1': { '#connection': { user: 'postgres' } } }), path: '.dbeaver/credentials-config.json' },
    { code: fileLine({ 'postgres-jdbc-1': { '#connection': { user: 'postgres', password: 'postgres' } } }), path: '.dbeaver/credentials-config.json' },
    // Bytes that are not DBeaver's ciphertext (bad padding under its key).
    { code: encryptedFileLine('dbeaver-credentials', Buffer.from(rand(64, B64, 'dbvnot'))), path: '.dbeaver/credentials-config.json' },
    // The legacy attribute: empty, a placeholder, or base64 without DBeaver's marker bytes.
    { code: legacyXml(''), path: '.dbeaver-data-sources.xml' },
    { code: legacyXml(legacy('changeme')), path: '.dbeaver-data-sources.xml' },
    { code: legacyXml(Buffer.from(pw).toString('base64')), path: '.dbeaver-data-sources.xml' },
    // Not DBeaver's file.
    { code: legacyXml(legacy(pw)), path: 'src/main/resources/datasource.xml' },
  ],
  invalid: [
    { name: 'credentials-config.json', code: fileLine(creds), path: 'General/.dbeaver/credentials-config.json', count: 1, line: 1 },
    {
      name: 'an SSH tunnel password',
      code: fileLine({ 'postgres-jdbc-1': { '#connection': { user: 'app' }, 'network/ssh_tunnel': { user: 'jump', password: pw } } }, 'iv2'),
      path: '.dbeaver/credentials-config.json',
      count: 1,
    },
    { name: 'legacy .dbeaver-data-sources.xml', code: legacyXml(legacy(pw)), path: 'workspace/.dbeaver-data-sources.xml', secret: legacy(pw), line: 4, count: 1 },
    { name: 'legacy data-sources-2.xml', code: legacyXml(legacy(pw + 'q')), path: '.dbeaver-data-sources-2.xml', secret: legacy(pw + 'q') },
  ],
});

describe('DBeaver credentials', () => {
  it('decrypts both forms', () => {
    expect(JSON.parse(decryptDbeaverCredentials(encryptFile(creds).toString('base64'))!)).toEqual(creds);
    expect(decryptDbeaverLegacy(legacy(pw))).toBe(pw);
  });

  it('reads the encrypted file as one line of base64, and a plain JSON copy as text', () => {
    const bytes = encryptFile(creds);
    const d = decodeFile('project/.dbeaver/credentials-config.json', bytes, 1 << 20);
    expect(d).toEqual({ ok: true, text: encryptedFileLine('dbeaver-credentials', bytes), as: 'encrypted-file' });
    const plain = Buffer.from(JSON.stringify(creds, null, 2));
    expect(decodeFile('.dbeaver/credentials-config.json', plain, 1 << 20)).toEqual({ ok: true, text: plain.toString('utf8') });
    // Another file with the same bytes is binary, as before.
    expect(decodeFile('other.json', Buffer.concat([bytes, Buffer.alloc(1)]), 1 << 20)).toMatchObject({ ok: false });
  });
});
