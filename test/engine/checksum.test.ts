import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BASE62, base62, crc32, hasValidCrc32Suffix } from '../../src/engine/checksum.js';
import { githubToken, npmToken, rand } from '../helpers/tokens.js';

describe('crc32', () => {
  it('matches the standard check value and the empty string', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
    expect(crc32('a')).toBe(0xe8b7be43);
  });

  it('agrees with zlib on random ASCII strings', () => {
    for (let len = 1; len <= 64; len += 7) {
      const s = rand(len, BASE62, `crc${len}`);
      expect(crc32(s)).toBe(zlibCrc32(s));
    }
  });

  it('returns an unsigned 32-bit integer', () => {
    for (const s of ['x', 'ffff', rand(30)]) {
      const c = crc32(s);
      expect(Number.isInteger(c)).toBe(true);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(0xffffffff);
    }
  });
});

describe('base62', () => {
  it('uses digits, then upper case, then lower case', () => {
    expect(BASE62).toHaveLength(62);
    expect(base62(0, 1)).toBe('0');
    expect(base62(9, 1)).toBe('9');
    expect(base62(10, 1)).toBe('A');
    expect(base62(36, 1)).toBe('a');
    expect(base62(61, 1)).toBe('z');
    expect(base62(62, 1)).toBe('10');
    expect(base62(62 * 62 - 1, 1)).toBe('zz');
  });

  it('pads to the width and fits any CRC-32 in six characters', () => {
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 6)).toBe('00000z');
    expect(base62(0xffffffff, 6)).toHaveLength(6);
    expect(base62(0xffffffff, 6)).toBe('4gfFC3');
  });
});

describe('hasValidCrc32Suffix', () => {
  it('accepts GitHub and npm tokens built with the checksum', () => {
    for (const kind of ['ghp', 'gho', 'ghu', 'ghs', 'ghr']) expect(hasValidCrc32Suffix(githubToken(kind), 4)).toBe(true);
    expect(hasValidCrc32Suffix(npmToken(), 4)).toBe(true);
  });

  it('rejects a token with any one character of the body or checksum changed', () => {
    const t = githubToken('ghp', 'flip');
    for (let i = 4; i < t.length; i++) {
      const c = t[i] === 'A' ? 'B' : 'A';
      expect(hasValidCrc32Suffix(t.slice(0, i) + c + t.slice(i + 1), 4)).toBe(false);
    }
  });

  it('rejects random look-alikes and strings too short to hold a body', () => {
    let accepted = 0;
    for (let i = 0; i < 200; i++) if (hasValidCrc32Suffix(`ghp_${rand(36, BASE62, `la${i}`)}`, 4)) accepted++;
    expect(accepted).toBe(0);
    expect(hasValidCrc32Suffix('ghp_', 4)).toBe(false);
    expect(hasValidCrc32Suffix('ghp_000000', 4)).toBe(false);
  });
});

describe('base58check', () => {
  it("verifies the Bitcoin wiki's WIF example and rejects an edited copy", async () => {
    const { base58CheckPayload } = await import('../../src/engine/checksum.js');
    // https://en.bitcoin.it/wiki/Wallet_import_format (split: the repository scans itself)
    const wif = ['5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ', '1jvhTVqvbTLvyTJ'].join('');
    const p = base58CheckPayload(wif);
    expect(p && Buffer.from(p).toString('hex')).toBe('800c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d');
    expect(base58CheckPayload(wif.slice(0, -1) + 'K')).toBeUndefined();
    expect(base58CheckPayload('0OIl' + wif.slice(4))).toBeUndefined();
  });
});
