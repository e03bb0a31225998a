import { describe, expect, it } from 'vitest';
import { excerptAt, excerptOf, redact, redactAll } from '../../src/engine/redact.js';
import { B64, githubToken, rand } from '../helpers/tokens.js';

describe('redact', () => {
  it('hides short secrets entirely', () => {
    expect(redact('')).toBe('***');
    expect(redact('abc')).toBe('***');
    expect(redact('abcdefg')).toBe('*******');
  });

  it('keeps two characters of a medium secret and four of a long one, plus its length', () => {
    expect(redact('abcdefgh')).toBe('ab******…(8)');
    expect(redact('abcdefghijklmnopqrstuvw')).toBe('ab********…(23)');
    const t = githubToken();
    expect(redact(t)).toBe(`${t.slice(0, 4)}********…(40)`);
  });

  it('never reveals more than the prefix, whatever the length', () => {
    for (let len = 0; len <= 300; len += 1) {
      const s = rand(len, B64, 'redact');
      const r = redact(s);
      const keep = len < 8 ? 0 : len >= 24 ? 4 : 2;
      expect(r.replace(/[*…()\d]/g, '').length).toBeLessThanOrEqual(keep);
      if (len >= 8) expect(r.startsWith(s.slice(0, keep))).toBe(true);
      if (len >= 6) expect(r).not.toContain(s.slice(keep, keep + 4));
      // Bounded output: a 300-char key does not produce 300 stars.
      expect(r.length).toBeLessThanOrEqual(4 + 8 + 6);
    }
  });
});

describe('redactAll', () => {
  it('replaces every occurrence of every secret', () => {
    const a = githubToken('ghp', 'a');
    const b = githubToken('ghs', 'b');
    const out = redactAll(`x=${a} y=${b} z=${a}`, [a, b]);
    expect(out).not.toContain(a);
    expect(out).not.toContain(b);
    expect(out).toBe(`x=${redact(a)} y=${redact(b)} z=${redact(a)}`);
  });

  it('replaces a secret that contains another one whole (longest first)', () => {
    const inner = rand(20, B64, 'inner');
    const outer = `prefix${inner}suffix`;
    const out = redactAll(`a=${outer} b=${inner}`, [inner, outer]);
    expect(out).toBe(`a=${redact(outer)} b=${redact(inner)}`);
  });

  it('ignores empty and duplicate secrets and leaves clean text alone', () => {
    expect(redactAll('nothing secret here', ['', 'absent-value', 'absent-value'])).toBe('nothing secret here');
  });
});

describe('excerptOf', () => {
  it('redacts and trims the line', () => {
    const t = githubToken();
    expect(excerptOf(`   token: ${t}   `, 11, [t])).toBe(`token: ${redact(t)}`);
  });

  it('redacts every secret on the line, not only the one reported', () => {
    const a = githubToken('ghp', 'one');
    const b = rand(40, B64, 'two');
    const line = `a="${a}"; b="${b}"`;
    for (const col of [5, line.indexOf(b) + 1]) {
      const e = excerptOf(line, col, [a, b]);
      expect(e).not.toContain(a);
      expect(e).not.toContain(b);
    }
  });

  it('cuts a long line to a window around the column, with ellipses', () => {
    const t = githubToken();
    const line = `${'a'.repeat(5000)}"${t}"${'b'.repeat(5000)}`;
    const e = excerptOf(line, 5002, [t]);
    expect(e.length).toBeLessThanOrEqual(202);
    expect(e.startsWith('…')).toBe(true);
    expect(e.endsWith('…')).toBe(true);
    expect(e).toContain(redact(t));
    expect(e).not.toContain(t);
  });

  it('keeps a short line whole and handles a column past the end', () => {
    expect(excerptOf('short', 99, [])).toBe('short');
    const long = 'c'.repeat(300);
    expect(excerptOf(long, 1, []).endsWith('…')).toBe(true);
    expect(excerptOf(long, 1, []).startsWith('…')).toBe(false);
  });
});

describe('excerptAt: keys no rule reported on the same line', () => {
  it('masks a second key-shaped run beside the reported one, and leaves words, paths and identifiers readable', () => {
    const android = rand(32, '0123456789abcdef', 'amap-android');
    const ios = rand(32, '0123456789abcdef', 'amap-ios');
    const line = `    AMapFlutterLocation.setApiKey("${android}", "${ios}"); // see /api/ios-location-sdk/guide/get-key`;
    const start = line.indexOf(android);
    const out = excerptAt(line, start + 1, [{ start, end: start + 32, secret: android }]);
    expect(out).not.toContain(android);
    expect(out).not.toContain(ios.slice(4));
    expect(out).toContain(redact(ios));
    expect(out).toContain('AMapFlutterLocation.setApiKey(');
    expect(out).toContain('/api/ios-location-sdk/guide/get-key');
    const plain = 'const getAccessTokenFromCacheOrNetwork = loadConfigurationValues2;';
    expect(excerptAt(plain, 1, [])).toBe(plain);
  });
});
