import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/key-store-file.js';
import { decodeFile } from '../../../../src/engine/decode.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { HEX, rand } from '../../../helpers/tokens.js';

// The head of a PKCS#12 file as OpenSSL writes it: SEQUENCE, INTEGER 3, SEQUENCE { OID pkcs7-data, … }.
const random = (n: number, seed: string): number[] => [...Buffer.from(rand(n * 2, HEX, seed), 'hex')];
const pkcs12 = (seed: string): Uint8Array =>
  Uint8Array.from([0x30, 0x82, 0x09, 0xcf, 0x02, 0x01, 0x03, 0x30, 0x82, 0x09, 0x85, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x82, ...random(2000, seed)]);
const jks = (seed: string): Uint8Array => Uint8Array.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1, ...random(1500, seed)]);
const textOf = (path: string, bytes: Uint8Array): string => {
  const d = decodeFile(path, bytes, 1 << 20);
  if (!d.ok) throw new Error(`not read: ${d.skipped.reason}`);
  return d.text;
};

ruleTester(rule, {
  valid: [
    { code: textOf('cert.p12', Uint8Array.from(Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'))), path: 'cert.p12' },
    'tokenwarden:key-store pkcs12 sha256=short bytes=1',
    'see docs: a tokenwarden:key-store line is what the decoder writes',
  ],
  invalid: [
    { name: 'PKCS#12 .p12', code: textOf('ios/push.p12', pkcs12('a')), path: 'ios/push.p12', count: 1, line: 1 },
    { name: 'PKCS#12 .pfx', code: textOf('certs/site.pfx', pkcs12('b')), path: 'certs/site.pfx', count: 1 },
    { name: 'PKCS#12 under another name', code: textOf('backup.bin', pkcs12('c')), path: 'backup.bin', count: 1 },
    { name: 'Java KeyStore', code: textOf('android/release.jks', jks('d')), path: 'android/release.jks', count: 1 },
  ],
});

describe('secrets/key-store-file', () => {
  it('does not take another DER structure for a key store (an X.509 certificate)', () => {
    const cert = Uint8Array.from([0x30, 0x82, 0x03, 0x0d, 0x30, 0x82, 0x01, 0xf5, 0xa0, 0x03, 0x02, 0x01, 0x02, ...random(700, 'der')]);
    expect(decodeFile('cert.der', cert, 1 << 20)).toMatchObject({ ok: false, skipped: { reason: 'binary' } });
  });

  it("grades Android's debug key store low, a release one as it is", () => {
    const [debug] = runRule(rule, { code: textOf('android/app/debug.keystore', jks('dbg')), path: 'android/app/debug.keystore' });
    expect(debug).toMatchObject({ confidence: 'low', severity: 'low' });
    const [release] = runRule(rule, { code: textOf('android/app/release.keystore', jks('rel')), path: 'android/app/release.keystore' });
    expect(release!.confidence).toBe('high');
  });

  it('is read, not skipped as binary, and keyed on the file digest', () => {
    const a = runRule(rule, { code: textOf('a.p12', pkcs12('x')), path: 'a.p12' });
    const b = runRule(rule, { code: textOf('a.p12', pkcs12('y')), path: 'a.p12' });
    expect(a[0]!.message).toMatch(/PKCS#12/);
    expect(a[0]!.fingerprint).not.toBe(b[0]!.fingerprint);
    expect(runRule(rule, { code: textOf('a.p12', pkcs12('x')), path: 'a.p12' })[0]!.fingerprint).toBe(a[0]!.fingerprint);
  });
});

describe('secrets/key-store-file: a trust store', () => {
  // A JKS entry as keytool writes it (version 2): tag, alias, creation time, then a certificate or a key and its chain.
  const utf = (s: string): number[] => [0, s.length, ...Buffer.from(s)];
  const u32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const cert = (seed: string): number[] => [...utf('X.509'), ...u32(300), ...random(300, seed)];
  const trusted = (alias: string): number[] => [...u32(2), ...utf(alias), ...random(8, `t-${alias}`), ...cert(alias)];
  const privateKey = (alias: string): number[] => [...u32(1), ...utf(alias), ...random(8, `t-${alias}`), ...u32(600), ...random(600, `k-${alias}`), ...u32(1), ...cert(`c-${alias}`)];
  const store = (...entries: number[][]): Uint8Array => Uint8Array.from([0xfe, 0xed, 0xfe, 0xed, ...u32(2), ...u32(entries.length), ...entries.flat(), ...random(20, 'mac')]);
  const grade = (path: string, bytes: Uint8Array) => runRule(rule, { code: textOf(path, bytes), path });

  it('grades a JKS of trusted certificates low, and one with a private key high whatever its name', () => {
    const [trust] = grade('certs/kafka.truststore.jks', store(trusted('caroot'), trusted('intermediate')));
    expect(trust).toMatchObject({ confidence: 'low', severity: 'low' });
    expect(trust!.message).toMatch(/trust store, certificates and no private key/);
    const [key] = grade('certs/serverTrustStore.jks', store(trusted('caroot'), privateKey('server')));
    expect(key!.confidence ?? 'high').toBe('high');
    expect(key!.message).toMatch(/holding a private or secret key/);
  });

  it('grades a PKCS#12 file without a key bag low, and one with a shrouded key bag high', () => {
    const head = [0x30, 0x82, 0x09, 0xcf, 0x02, 0x01, 0x03, 0x30, 0x82, 0x09, 0x85, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x82];
    const shrouded = [0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x0a, 0x01, 0x02];
    const [trust] = grade('truststore.p12', Uint8Array.from([...head, ...random(1200, 'p12-trust')]));
    expect(trust).toMatchObject({ confidence: 'low' });
    const [key] = grade('truststore.p12', Uint8Array.from([...head, ...random(400, 'p12-a'), ...shrouded, ...random(800, 'p12-b')]));
    expect(key!.confidence ?? 'high').toBe('high');
  });

  it('reports a store that does not parse as it did', () => {
    const [f] = grade('odd.jks', Uint8Array.from([0xfe, 0xed, 0xfe, 0xed, ...u32(2), ...u32(3), ...u32(7), ...random(400, 'odd')]));
    expect(f!.confidence ?? 'high').toBe('high');
  });
});
