// The canonical form and digest, as docs/audit.md states them for auditors with other tools.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AuditValueError, canonicalJson, canonicalRecord, GENESIS, normalise, recordDigest } from '../../src/audit/canonical.js';
import { csvCell, jsonlLine } from '../../src/audit/export.js';
import { parsePin } from '../../src/audit/chain.js';
import type { AuditRecord } from '../../src/store/types.js';

const record = (over: Partial<AuditRecord> = {}): Omit<AuditRecord, 'digest'> => ({
  seq: 1,
  time: new Date('2026-06-15T12:00:00.000Z'),
  kind: 'evaluation',
  body: { repository: 'acme/api', verdict: 'fail', findings: [{ rule: 'secrets/github-pat', line: 3 }] },
  prev: GENESIS,
  ...over,
});

describe('canonical form', () => {
  it('is JSON without whitespace, keys sorted at every level, time with milliseconds and Z', () => {
    expect(canonicalRecord(record())).toBe(
      '{"body":{"findings":[{"line":3,"rule":"secrets/github-pat"}],"repository":"acme/api","verdict":"fail"},' + `"kind":"evaluation","prev":"${GENESIS}","seq":1,"time":"2026-06-15T12:00:00.000Z"}`,
    );
  });

  it('the digest is SHA-256 (hex) of those UTF-8 bytes — a fixed vector for other implementations', () => {
    const text = canonicalRecord(record());
    expect(recordDigest(record())).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    // Pinned: a change of the canonical form must be deliberate (and documented), never accidental.
    expect(recordDigest(record())).toMatchInlineSnapshot(`"34afbd12dd46963cc61530d962ca82061ce10e38e604bb60ea0dddf564dc63ab"`);
  });

  it('sorts keys by UTF-16 code units and escapes strings as JSON.stringify does (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], B: { z: '', y: -5 }, é: 'ü\n"\\\u0001\u2028' })).toBe('{"B":{"y":-5,"z":""},"a":[true,null,"x"],"b":1,"é":"ü\\n\\"\\\\\\u0001\u2028"}');
  });

  it('normalises what JSON tools or jsonb would render differently; refuses what JSON cannot hold exactly', () => {
    expect(normalise({ a: 'x\u0000y\u007fz', b: '\ud800', c: '😀', d: undefined, e: [undefined], f: -0, g: new Date(0) })).toEqual({
      a: 'x\ufffdy\ufffdz',
      b: '\ufffd',
      c: '😀',
      e: [null],
      f: 0,
      g: '1970-01-01T00:00:00.000Z',
    });
    expect(() => normalise({ x: 1.5 })).toThrow(AuditValueError);
    expect(() => normalise({ x: 2 ** 53 })).toThrow(/whole number/);
    expect(() => normalise({ x: 1n })).toThrow(AuditValueError);
    expect(() => normalise({ x: new Map() })).toThrow(/plain JSON/);
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => normalise(cyc)).toThrow(/cycle/);
    expect(() => normalise({ ['\ud83d']: 1 })).toThrow(/surrogate/);
  });

  it('a JSON Lines line holds what the digest covers plus the digest, canonically', () => {
    const r = { ...record(), digest: recordDigest(record()) };
    const line = jsonlLine(r);
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['body', 'digest', 'kind', 'prev', 'seq', 'time']);
    const { digest, ...rest } = parsed;
    expect(
      createHash('sha256')
        .update(canonicalJson(rest as never))
        .digest('hex'),
    ).toBe(digest);
  });

  it('CSV cells are quoted per RFC 4180 and formula-looking text is defused', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3, false)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('parses pins as audit verify prints them', () => {
    const d = 'ab'.repeat(32);
    expect(parsePin(`12:${d}`)).toEqual({ seq: 12, digest: d });
    expect(parsePin(`12:${d.toUpperCase()}`)).toEqual({ seq: 12, digest: d });
    expect(parsePin('0:' + d)).toBeUndefined();
    expect(parsePin('12:abc')).toBeUndefined();
    expect(parsePin(d)).toBeUndefined();
  });
});

// The recipe in docs/audit.md, run for real where the tools exist.
const hasJq = spawnSync('jq', ['--version']).status === 0;
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('independent recomputation (docs/audit.md)', () => {
  const tricky = { ...record({ body: { repository: 'Acme/Ünïcödé', path: 'a\tb\u0001c\u2028d "q" \\ /é/😀', n: -9007199254740991, empty: {}, list: [] } }) };
  const line = jsonlLine({ ...tricky, digest: recordDigest(tricky) });

  it.skipIf(!hasJq)('jq -jcS over a JSON Lines line gives the bytes that hash to its digest', () => {
    const text = execFileSync('jq', ['-jcS', '{body, kind, prev, seq, time}'], { input: `${line}\n` });
    expect(text.toString('utf8')).toBe(canonicalRecord(tricky));
    expect(createHash('sha256').update(text).digest('hex')).toBe(recordDigest(tricky));
  });

  it.skipIf(!hasPython)("Python's json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False) agrees", () => {
    const py = `import json,sys,hashlib
r=json.loads(sys.stdin.read())
c=json.dumps({k:r[k] for k in ('body','kind','prev','seq','time')},sort_keys=True,separators=(',',':'),ensure_ascii=False)
print(hashlib.sha256(c.encode('utf-8')).hexdigest(), end='')`;
    const out = execFileSync('python3', ['-c', py], { input: line }).toString();
    expect(out).toBe(recordDigest(tricky));
  });
});
