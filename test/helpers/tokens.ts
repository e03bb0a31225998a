/**
 * Token-shaped strings are assembled at run time, never committed whole: the repository must pass its
 * own scan and push protection. Deterministic, so failures reproduce.
 */
import { BASE62, base62, crc32 } from '../../src/engine/checksum.js';

export const ALNUM = BASE62;
export const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';
export const HEX = '0123456789abcdef';
export const B64 = BASE62 + '+/';
export const B64URL = BASE62 + '-_';

function seedOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random string over `charset`, the same for the same `seed`. */
export function rand(length: number, charset: string = ALNUM, seed = 'tw'): string {
  const r = prng(seedOf(`${seed}:${length}:${charset}`));
  let s = '';
  for (let i = 0; i < length; i++) s += charset[Math.floor(r() * charset.length)];
  return s;
}

/** A GitHub token with a valid CRC-32 suffix (`ghp`, `gho`, `ghu`, `ghs`, `ghr`). */
export function githubToken(kind = 'ghp', seed = 'gh'): string {
  const body = rand(30, ALNUM, seed + kind);
  return `${kind}_${body}${base62(crc32(body), 6)}`;
}

/** An npm automation/publish token with a valid CRC-32 suffix. */
export function npmToken(seed = 'npm'): string {
  const body = rand(30, ALNUM, seed);
  return `npm_${body}${base62(crc32(body), 6)}`;
}

/** Concatenate pieces: lets a test spell a documented example without committing it whole. */
export const cat = (...parts: string[]): string => parts.join('');

/** Base64url of a JSON value, for JWT-shaped test values. */
export const b64url = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** RFC 4648 base32 without padding, upper case (`lower` for the lower-case alphabet), for formats that use it. */
export function base32(bytes: Uint8Array, lower = false): string {
  const A = lower ? 'abcdefghijklmnopqrstuvwxyz234567' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += A[(acc >> bits) & 31];
    }
  }
  return bits > 0 ? out + A[(acc << (5 - bits)) & 31] : out;
}
