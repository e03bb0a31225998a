import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../src/engine/decode.js';
import { allRules } from '../../src/engine/registry.js';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { githubToken } from '../helpers/tokens.js';

const LIMIT = 1 << 20;
const le = (s: string, bom = true): Uint8Array => Uint8Array.from([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(s, 'utf16le')]);
const be = (s: string, bom = true): Uint8Array => {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
  return Uint8Array.from([...(bom ? [0xfe, 0xff] : []), ...b]);
};

describe('decode: UTF-16 text', () => {
  const text = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Acme]\r\n"Region"="eu-west-1 é"\r\n';

  it('reads UTF-16 LE and BE, with or without a BOM, instead of skipping it as binary', () => {
    for (const [bytes, as] of [
      [le(text), 'utf-16le'],
      [le(text, false), 'utf-16le'],
      [be(text), 'utf-16be'],
      [be(text, false), 'utf-16be'],
    ] as const) {
      expect(decodeFile('acme.reg', bytes, LIMIT)).toEqual({ ok: true, text, as });
    }
  });

  it('still skips binary content with NULs that is not UTF-16 text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0]);
    expect(decodeFile('logo.png', png, LIMIT)).toMatchObject({ ok: false, skipped: { reason: 'binary' } });
    expect(decodeFile('a.txt', Buffer.from('plain ASCII text\n'), LIMIT)).toEqual({ ok: true, text: 'plain ASCII text\n' });
  });

  it('finds a token in a PowerShell-redirected (UTF-16 LE) file, on its line', () => {
    const t = githubToken('ghp', 'utf16');
    const d = decodeFile('out.txt', le(`Get-Secret\r\n$env:GH_TOKEN = "${t}"\r\n`), LIMIT);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const policy = basePolicy();
    const r = scanFiles([{ path: 'out.txt', text: d.text }], { policy, rules: allRules, today: new Date('2026-06-15') });
    expect(r.findings.filter((f) => f.ruleId === 'secrets/github-token').map((f) => f.startLine)).toEqual([2]);
  });
});
