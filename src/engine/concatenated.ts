/**
 * String literals joined by `+` (JavaScript, Java, C#, Python, Ruby, Kotlin, Go), `.` (PHP files) or by
 * nothing at all where the language joins adjacent literals (Python, C and C++, Ruby: `implicit`), on one
 * line or across lines: `"sk_live_4eC3" + "9HqLyjWD…"`, or a long key split to fit the line length. The
 * joined text is decoded as one line (what is before the first literal, the contents, what is after the
 * last), so the rules see the assignment around it; when the first literal opens its line under
 * `KEY = (`, that line is put in front. A finding counts only where it crosses a join (anything else the
 * plain text already had its chance at).
 *
 * Linear: each `+` or `.` is tested by its neighbours (a quote on both sides, past blanks), and only then
 * are the lines around it tokenised, once each; adjacent literals by one regex pass.
 */
import type { DecodedPiece } from './encoded.js';

/** Lines longer than this (minified code) are not tokenised. */
const MAX_LINE = 4096;
/** Literals joined into one piece at most, and how far a join may reach across blank space. */
const MAX_PARTS = 64;
const MAX_GAP = 200;
/** Characters of the line kept before the first literal and after the last. */
const CONTEXT = 256;

const isQuote = (k: number): boolean => k === 34 || k === 39 || k === 96;
/** A string prefix before a quote: Python's r, b, f, u (and rb, fr …), C's L, u, U, u8. */
const isPrefix = (k: number): boolean => k === 114 || k === 82 || k === 98 || k === 66 || k === 102 || k === 70 || k === 117 || k === 85 || k === 76 || k === 56;
/** A closing quote, blanks (line breaks too), an opening quote after at most two prefix letters. */
const ADJACENT = /["'](?:[ \t]+|[ \t]*(?:\r?\n[ \t]*)+)(?:[rRbBfFuUL8]{1,2})?["']/g;
const isSpace = (k: number): boolean => k === 32 || k === 9 || k === 10 || k === 13;

/** The string literals of one line, as [opening quote, past the closing quote); stops at a `//` comment. */
function literalsOf(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 47 && text.charCodeAt(i + 1) === 47) break;
    if (isQuote(c)) {
      let j = i + 1;
      while (j < to && text.charCodeAt(j) !== c) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (j >= to) break;
      out.push([i, j + 1]);
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

export function* concatenatedPieces(text: string, start: number, end: number, implicit = false): Generator<DecodedPiece> {
  const lines = new Map<number, Array<[number, number]> | null>();
  // The last line looked up, [lineStart, lineEnd]: a long line is found once, not by a search back to
  // its start from every operator on it (quadratic on a minified line of joins).
  let lineStart = -1;
  let lineEnd = -2;
  /** The literals of the line holding `at` (null for a line too long to tokenise). */
  const literalsAround = (at: number): Array<[number, number]> | null => {
    if (at < lineStart || at > lineEnd) {
      lineStart = text.lastIndexOf('\n', at - 1) + 1;
      lineEnd = text.indexOf('\n', at);
      if (lineEnd === -1) lineEnd = text.length;
    }
    let got = lines.get(lineStart);
    if (got === undefined) {
      got = lineEnd - lineStart > MAX_LINE ? null : literalsOf(text, lineStart, lineEnd);
      lines.set(lineStart, got);
    }
    return got;
  };
  /**
   * The literal ending at `close` (its closing quote's offset + 1), or starting at `open`. A line's
   * literals are in order and do not overlap: a binary search, not a scan of the line's list per
   * operator (a 4,000-character line of `"ab" + "ab" + …` holds 600 of them).
   */
  const literalAt = (list: Array<[number, number]> | null, offset: number, side: 0 | 1): [number, number] | undefined => {
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = list[mid]![side];
      if (v === offset) return list[mid];
      if (v < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const literalEnding = (close: number): [number, number] | undefined => literalAt(literalsAround(close - 1), close, 1);
  const literalStarting = (open: number): [number, number] | undefined => literalAt(literalsAround(open), open, 0);

  /** The literal joined to the right of the one ending at `close`, if any. */
  const joinedAfter = (close: number): [number, number] | undefined => {
    let p = close;
    const limit = Math.min(end, close + MAX_GAP);
    while (p < limit && isSpace(text.charCodeAt(p))) p++;
    const op = text.charCodeAt(p);
    if (op === 43 || (op === 46 && php)) {
      p++;
      while (p < limit && isSpace(text.charCodeAt(p))) p++;
    } else if (!implicit || p === close) return undefined;
    if (implicit) for (let k = 0; k < 2 && p < limit && isPrefix(text.charCodeAt(p)); k++) p++;
    return p < limit && isQuote(text.charCodeAt(p)) ? literalStarting(p) : undefined;
  };

  /** The literals joined to `left`, itself first. */
  const chain = (left: [number, number]): Array<[number, number]> => {
    const parts: Array<[number, number]> = [left];
    for (let next = joinedAfter(left[1]); next && parts.length < MAX_PARTS; next = joinedAfter(next[1])) parts.push(next);
    return parts;
  };

  const plus = cursor(text, '+');
  // `.` joins strings in PHP (and Perl); elsewhere it is member access, a third of all punctuation in a
  // bundle, so it is looked at only in a file that opens PHP.
  const php = text.includes('<?php');
  const dot = php ? cursor(text, '.') : () => -1;
  const adjacent = implicit ? regexCursor(text, ADJACENT) : () => -1;
  let past = start;
  for (;;) {
    const p = plus(past);
    const d = dot(past);
    const a = adjacent(past);
    const i = p === -1 ? d : d === -1 ? p : Math.min(p, d);
    if (a !== -1 && (i === -1 || a < i)) {
      // Two literals side by side: the left one must end at this quote.
      if (a >= end) return;
      past = a + 1;
      const left = literalEnding(a + 1);
      if (!left) continue;
      const parts = chain(left);
      if (parts.length < 2) continue;
      yield piece(text, parts);
      past = parts[parts.length - 1]![1];
      continue;
    }
    if (i === -1 || i >= end) return;
    past = i + 1;
    // A quote on the left, past blanks: the end of a literal, if the line's tokens say so.
    let l = i - 1;
    while (l >= start && i - l < MAX_GAP && isSpace(text.charCodeAt(l))) l--;
    if (l < start || !isQuote(text.charCodeAt(l))) continue;
    // And one on the right (`"x".length` and `'…'.join(…)` stop here, before any tokenising).
    let r = i + 1;
    while (r < end && r - i < MAX_GAP && isSpace(text.charCodeAt(r))) r++;
    if (r >= end || !isQuote(text.charCodeAt(r))) continue;
    const left = literalEnding(l + 1);
    if (!left) continue;
    const parts = chain(left);
    if (parts.length < 2) continue;
    yield piece(text, parts);
    // The operators inside the chain belong to it.
    past = parts[parts.length - 1]![1];
  }
}

/** `indexOf(ch, from)`, remembered while `from` moves forward. */
function cursor(text: string, ch: string): (from: number) => number {
  let found = -2;
  return (from) => (found === -1 || found >= from ? found : (found = text.indexOf(ch, from)));
}

/** `re`'s next match at or after `from` (its index), remembered while `from` moves forward. */
function regexCursor(text: string, re: RegExp): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    re.lastIndex = from;
    const m = re.exec(text);
    return (found = m ? m.index : -1);
  };
}

/** One line of decoded text: the first literal's line up to its quote, the contents, then the last literal's line. */
function piece(text: string, parts: ReadonlyArray<[number, number]>): DecodedPiece {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const lineStart = text.lastIndexOf('\n', first[0] - 1) + 1;
  // `KEY = (` on the line above a literal that opens its line (Python's way to wrap a long string).
  const opener = openerAbove(text, lineStart, first[0]);
  let lineEnd = text.indexOf('\n', last[1]);
  if (lineEnd === -1) lineEnd = text.length;
  const chunks: string[] = [];
  const map: number[] = [];
  /** Decoded offsets where a literal after the first begins. */
  const joins: number[] = [];
  const add = (from: number, to: number): void => {
    chunks.push(text.slice(from, to));
    for (let i = from; i < to; i++) map.push(i);
  };
  if (opener) add(opener[0], opener[1]);
  // The line around the chain, up to CONTEXT characters each side (the name and operator are next to
  // it): a whole 4 KB line for each of the many chains on it was most of the cost of such lines.
  add(Math.max(lineStart, first[0] + 1 - CONTEXT), first[0] + 1);
  parts.forEach(([s, e], k) => {
    if (k > 0) joins.push(map.length);
    add(s + 1, e - 1);
  });
  add(last[1] - 1, Math.min(lineEnd, last[1] - 1 + CONTEXT));
  return {
    encoding: 'concatenated',
    text: chunks.join(''),
    span: (a, b) => [map[a] ?? lineEnd, b > a && map[b - 1] !== undefined ? map[b - 1]! + 1 : (map[b] ?? lineEnd)],
    encodedAt: (a, b) => joins.some((j) => j > a && j < b),
  };
}

/**
 * The line above, as [start, end without trailing blanks], when the literal at `quote` opens its own line
 * (blanks or a `(` before it) and that line ends the way an assignment opens a wrapped value: `(`, `=`,
 * `:` or a `\` continuation.
 */
function openerAbove(text: string, lineStart: number, quote: number): [number, number] | undefined {
  if (lineStart === 0) return undefined;
  for (let k = lineStart; k < quote; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 40) return undefined;
  }
  let e = lineStart - 1; // the line break
  if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
  const s = text.lastIndexOf('\n', e - 1) + 1;
  if (e - s > MAX_LINE) return undefined;
  while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  const last = text.charCodeAt(e - 1);
  return e > s && (last === 40 || last === 61 || last === 58 || last === 92) ? [s, e] : undefined;
}
