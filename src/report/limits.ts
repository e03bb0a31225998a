/**
 * Length limits of what GitHub accepts, and cutting text to them without breaking it: never inside a
 * surrogate pair, with a marker that says something was cut. Cut text only once it is redacted: a
 * secret cut in half is no longer recognised as one.
 */

/** GitHub's issue title limit (characters). */
export const ISSUE_TITLE_LIMIT = 256;
/** GitHub's issue body and issue comment limit (characters). */
export const ISSUE_BODY_LIMIT = 65_536;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** At most `max` UTF-16 code units (so at most `max` characters as GitHub counts them), ending in `tail` when cut. */
export function fitChars(s: string, max: number, tail = '…'): string {
  if (s.length <= max) return s;
  if (max <= tail.length) return fitChars(tail, max, '');
  let cut = max - tail.length;
  if (isHigh(s.charCodeAt(cut - 1))) cut--;
  return s.slice(0, cut) + tail;
}

/** UTF-8 size, as a limit in bytes ("64 KB") counts it. */
export const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** At most `maxBytes` bytes of UTF-8, ending in `tail` when cut (lone surrogates count as the 3 bytes they become). */
export function fitBytes(s: string, maxBytes: number, tail = '…'): string {
  // Every UTF-16 unit is at most 3 bytes: short strings need no counting.
  if (s.length * 3 <= maxBytes || utf8Length(s) <= maxBytes) return s;
  const tailBytes = utf8Length(tail);
  if (maxBytes <= tailBytes) return fitBytes(tail, maxBytes, '');
  const budget = maxBytes - tailBytes;
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + n > budget) break;
    bytes += n;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return s.slice(0, i) + tail;
}

/** Shorten from the middle, keeping the start and more of the end (a path's file name). */
export function shortenMiddle(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max < 8) return fitChars(s, max);
  const keep = max - 1;
  let head = Math.floor(keep / 4);
  let tailStart = s.length - (keep - head);
  if (isHigh(s.charCodeAt(head - 1))) head--;
  if (isHigh(s.charCodeAt(tailStart - 1))) tailStart++;
  return `${s.slice(0, head)}…${s.slice(tailStart)}`;
}
