import { describe, expect, it } from 'vitest';
import { KeywordMatcher } from '../../src/engine/keywords.js';

type Hit = [keyword: string, offset: number];

function hits(keywords: string[], text: string): Hit[] {
  const m = new KeywordMatcher(keywords);
  const out: Hit[] = [];
  m.scan(text, (k, offset) => out.push([m.keywords[k]!, offset]));
  return out.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

/** The obvious quadratic search, as the oracle. */
function naive(keywords: string[], text: string): Hit[] {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const out: Hit[] = [];
  // One hit per listed keyword, duplicates included, as the matcher reports them.
  for (const k of keywords.map((x) => x.toLowerCase())) {
    for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) out.push([k, i]);
  }
  return out.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

describe('KeywordMatcher', () => {
  it('reports overlapping and nested keywords (the classic he/she/his/hers)', () => {
    expect(hits(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([
      ['she', 1],
      ['he', 2],
      ['hers', 2],
    ]);
  });

  it('reports a keyword that is a suffix of another through the failure links', () => {
    expect(hits(['api_key', 'key'], 'x_api_key=1')).toEqual([
      ['api_key', 2],
      ['key', 6],
    ]);
  });

  it('reports self-overlapping occurrences of one keyword', () => {
    expect(hits(['aa'], 'aaaa')).toEqual([
      ['aa', 0],
      ['aa', 1],
      ['aa', 2],
    ]);
  });

  it('is case-insensitive in the text and lower-cases its keywords', () => {
    const m = new KeywordMatcher(['GHP_', 'xoxb-']);
    expect(m.keywords).toEqual(['ghp_', 'xoxb-']);
    expect(hits(['GHP_', 'xoxb-'], 'GhP_ ghp_ XOXB- xOxB-')).toEqual([
      ['ghp_', 0],
      ['ghp_', 5],
      ['xoxb-', 10],
      ['xoxb-', 16],
    ]);
  });

  it('reports hits at the very start and the very end of the text', () => {
    expect(hits(['akia'], 'AKIA')).toEqual([['akia', 0]]);
    expect(hits(['akia', 'end'], 'akia middle the end')).toEqual([
      ['akia', 0],
      ['end', 16],
    ]);
  });

  it('counts offsets in UTF-16 code units around non-ASCII text', () => {
    // é is one code unit, 😀 is two, 日本 two.
    const text = 'é=ghp_ 😀 ghp_ 日本ghp_';
    expect(hits(['ghp_'], text)).toEqual(naive(['ghp_'], text));
    expect(hits(['ghp_'], text).map(([, o]) => text.slice(o, o + 4))).toEqual(['ghp_', 'ghp_', 'ghp_']);
  });

  it('does not match across a non-ASCII character', () => {
    expect(hits(['ghp_'], 'gh\u00e9p_ g\u0127p_ ghp\u200b_')).toEqual([]);
    // … and restarts cleanly right after one.
    expect(hits(['ghp_'], '\u00e9ghp_')).toEqual([['ghp_', 1]]);
  });

  it('does not fold non-ASCII letters that upper-case to ASCII (K for Kelvin sign)', () => {
    expect(hits(['key'], '\u212aey')).toEqual([]);
  });

  it('rejects empty and non-ASCII keywords', () => {
    expect(() => new KeywordMatcher([''])).toThrow(/non-empty ASCII/);
    expect(() => new KeywordMatcher(['clé'])).toThrow(/non-empty ASCII/);
  });

  it('works with no keywords at all', () => {
    expect(hits([], 'anything at all')).toEqual([]);
  });

  it('reports each index when a keyword is listed twice', () => {
    const m = new KeywordMatcher(['tok', 'tok']);
    const seen: number[] = [];
    m.scan('a tok', (k) => seen.push(k));
    expect(seen.sort()).toEqual([0, 1]);
  });

  it('present() lists the distinct keyword indexes found', () => {
    const m = new KeywordMatcher(['ghp_', 'akia', 'xoxb-', 'password']);
    expect([...m.present('ghp_ ghp_ PASSWORD=1')].sort()).toEqual([0, 3]);
    expect(m.present('nothing here').size).toBe(0);
  });

  it('agrees with a naive search on random text over a small alphabet', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const alphabet = 'abAB_-é';
    const word = (len: number): string => Array.from({ length: len }, () => 'abAB_-'[rnd(6)]).join('');
    for (let round = 0; round < 50; round++) {
      const keywords = Array.from({ length: 1 + rnd(8) }, () => word(1 + rnd(4)));
      const text = Array.from({ length: 300 }, () => alphabet[rnd(alphabet.length)]).join('');
      expect(hits(keywords, text)).toEqual(naive(keywords, text));
    }
  });

  it('collects hits in the order the scanner relies on: by end offset, longer keyword first, then list order', () => {
    let seed = 11;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const word = (len: number): string => Array.from({ length: len }, () => 'abAB_'[rnd(5)]).join('');
    for (let round = 0; round < 50; round++) {
      // Duplicates and suffixes of each other on purpose: `ab`, `b`, `ab` again.
      const keywords = Array.from({ length: 2 + rnd(10) }, () => word(1 + rnd(4)));
      if (round % 2) keywords.push(keywords[0]!, keywords[0]!.slice(1) || 'a');
      const text = Array.from({ length: 400 }, () => 'abAB_x'[rnd(6)]).join('');
      const m = new KeywordMatcher(keywords);
      const n = m.collect(text);
      const got = Array.from({ length: n }, (_, h) => [m.hits[2 * h]!, m.hits[2 * h + 1]!]);
      const lower = text.toLowerCase();
      const want: number[][] = [];
      m.keywords.forEach((k, idx) => {
        for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) want.push([idx, i]);
      });
      const end = ([k, at]: number[]): number => at! + m.keywords[k!]!.length;
      want.sort((a, b) => end(a) - end(b) || m.keywords[b[0]!]!.length - m.keywords[a[0]!]!.length || a[0]! - b[0]!);
      expect(got).toEqual(want);
      // A second text reuses the buffer and the rows filled so far: the same answer as a fresh matcher.
      expect(new KeywordMatcher(keywords).collect(text)).toBe(n);
    }
  });

  it('scans a large text with many keywords in linear time', () => {
    const keywords = Array.from({ length: 500 }, (_, i) => `kw${i.toString(36)}_`);
    const m = new KeywordMatcher(keywords);
    const text = 'lorem ipsum kw1_ dolor '.repeat(200_000); // 4.6 MB
    let n = 0;
    const t0 = performance.now();
    m.scan(text, () => n++);
    expect(n).toBe(200_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
