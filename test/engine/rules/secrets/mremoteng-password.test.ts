import { createCipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import rule, { decryptMremoteng } from '../../../../src/engine/rules/secrets/mremoteng-password.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { redact } from '../../../../src/engine/redact.js';
import { B64, cat, rand } from '../../../helpers/tokens.js';

// mRemoteNG's two ciphers, applied here so that no saved password is committed.
const MASTER = ['mR', '3m'].join('');
// Salts, nonces and IVs from a counter: the cases are the same at every run.
let counter = 0;
const randomBytes = (n: number): Buffer => createHash('sha256').update(`mrng-${counter++}`).digest().subarray(0, n);
function gcm(plain: string, master = MASTER, iterations = 1000): string {
  if (plain === '') return '';
  const salt = randomBytes(16);
  const nonce = randomBytes(16);
  const c = createCipheriv('aes-256-gcm', pbkdf2Sync(master, salt, iterations, 32, 'sha1'), nonce);
  c.setAAD(salt);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([salt, nonce, body, c.getAuthTag()]).toString('base64');
}
function legacy(plain: string, master = MASTER): string {
  if (plain === '') return '';
  const iv = randomBytes(16);
  const c = createCipheriv('aes-128-cbc', createHash('md5').update(master).digest(), iv);
  return Buffer.concat([iv, c.update(plain, 'utf8'), c.final()]).toString('base64');
}

const pw = cat(rand(12, undefined, 'mrng'), '!x');
const node = (name: string, password: string, extra = ''): string =>
  `    <Node Name="${name}" Type="Connection" Descr="" Icon="mRemoteNG" Panel="General" Id="${randomBytes(16).toString('hex')}" Username="administrator" Domain="CORP" Password="${password}" Hostname="10.0.0.5" Protocol="RDP" ${extra}InheritPassword="false" />`;
const confCons = (nodes: string[], protectedAs = gcm('ThisIsNotProtected'), extra = 'KdfIterations="1000" FullFileEncryption="false"'): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<mrng:Connections xmlns:mrng="http://mremoteng.org" Name="Connections" Export="false" EncryptionEngine="AES" BlockCipherMode="GCM" ${extra} Protected="${protectedAs}" ConfVersion="2.6">`,
    '  <Node Name="Servers" Type="Container" Expanded="true" Username="" Domain="" Password="" Hostname="">',
    ...nodes,
    '  </Node>',
    '</mrng:Connections>',
    '',
  ].join('\n');
const legacyFile = (nodes: string[]): string =>
  ['<?xml version="1.0" encoding="utf-8"?>', `<Connections Name="Connections" Export="False" Protected="${legacy('ThisIsNotProtected')}" ConfVersion="2.5">`, ...nodes, '</Connections>', ''].join(
    '\n',
  );

const secret = gcm(pw);
const custom = cat(rand(10, undefined, 'mrngmaster'), 'Z9');

ruleTester(rule, {
  valid: [
    // No password saved: mRemoteNG writes an empty attribute.
    { code: confCons([node('dc01', '')]), path: 'confCons.xml' },
    // A value that is no ciphertext under the default key (a random blob).
    { code: confCons([node('dc01', rand(64, B64, 'notmrng'))]), path: 'confCons.xml' },
    // A placeholder password.
    { code: confCons([node('dc01', gcm('changeme'))]), path: 'confCons.xml' },
    // Some other XML that has a ConfVersion and a Password attribute.
    { code: `<Settings ConfVersion="1"><Node Name="x" Password="${secret}" /></Settings>\n`, path: 'app.xml' },
  ],
  invalid: [
    { name: 'AES-GCM, default master password', code: confCons([node('dc01', secret), node('web01', '')]), path: 'mRemoteNG/confCons.xml', secret, line: 4, count: 1 },
    { name: 'a backup copy', code: confCons([node('dc01', gcm(pw))]), path: 'confCons.xml.20240101-0930.backup', count: 1 },
    { name: 'RD Gateway password', code: confCons([node('dc01', '', `RDGatewayPassword="${gcm(pw + 'g')}" `)]), path: 'confCons.xml', count: 1 },
    { name: 'no Protected attribute', code: confCons([node('dc01', secret)], ''), path: 'confCons.xml', secret },
    { name: 'KdfIterations 10000', code: confCons([node('dc01', gcm(pw, MASTER, 10000))], gcm('ThisIsNotProtected', MASTER, 10000), 'KdfIterations="10000"'), path: 'confCons.xml', count: 1 },
    { name: 'legacy Rijndael (ConfVersion 2.5)', code: legacyFile([node('dc01', legacy(pw)), node('dc02', '')]), path: 'confCons.xml', count: 1 },
    {
      name: 'full-file encryption',
      code: confCons([], gcm('ThisIsNotProtected'), 'KdfIterations="1000" FullFileEncryption="true"').replace(
        /\n {2}<Node Name="Servers"[^]*?<\/Node>\n/,
        `${gcm(`<Node Name="dc01" Type="Connection" Username="a" Password="${secret}" />`)}\n`,
      ),
      path: 'confCons.xml',
      count: 1,
    },
  ],
});

describe("a file protected by a master password of the user's own", () => {
  it('reports its stored values at low confidence, undecrypted', () => {
    const value = gcm(pw, custom);
    const found = runRule(rule, { code: confCons([node('dc01', value), node('web01', '')], gcm('ThisIsProtected', custom)), path: 'confCons.xml' });
    expect(found.map((f) => [f.startLine, f.confidence, f.severity])).toEqual([[4, 'low', 'medium']]);
    expect(found[0]!.redacted).toBe(redact(value));
  });

  it('and, low too, the values of a cipher node:crypto lacks (Twofish, CCM, EAX)', () => {
    const value = gcm(pw);
    const code = confCons([node('dc01', value)], gcm('ThisIsNotProtected')).replace('EncryptionEngine="AES"', 'EncryptionEngine="Twofish"');
    expect(runRule(rule, { code, path: 'confCons.xml' }).map((f) => [f.startLine, f.confidence])).toEqual([[4, 'low']]);
  });
});

describe('decryptMremoteng', () => {
  it('reads both ciphers under the default master password', () => {
    expect(decryptMremoteng(gcm(pw), { kind: 'gcm', iterations: 1000 })).toBe(pw);
    expect(decryptMremoteng(legacy(pw), { kind: 'legacy' })).toBe(pw);
    expect(decryptMremoteng(gcm(pw, custom), { kind: 'gcm', iterations: 1000 })).toBeUndefined();
  });
});
