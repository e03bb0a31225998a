/**
 * Text hidden under an encoding: base64 (standard and URL-safe), hex, percent-encoding, and the escapes of
 * string literals and markup (`\uXXXX`, `\xXX`, `\/`, `\"`, `&#NN;`, `&#xNN;`, `&quot;` …). A token written
 * as `Z2hwX…` in a CI variable, `%3D` in a query string or `\u002B` in serialised JSON is still a leak;
 * the scanner runs the secret rules again on the decoded text and reports each finding at the
 * encoded span it came from.
 *
 * Everything here is linear in the text: a skipping search for base64 runs, `indexOf` for `%`, `\`
 * and `&`, a decode only of candidates, and a test of the first bytes before a whole base64 run is
 * decoded (integrity hashes and source-map mappings decode to binary and are dropped at once).
 */

import { concatenatedPieces } from './concatenated.js';

export type Encoding = 'base64' | 'hex' | 'percent-encoded' | 'escaped' | 'concatenated';

export interface DecodedPiece {
  encoding: Encoding;
  /** The decoded text. */
  text: string;
  /** The source span [start, end) holding decoded [from, to): every encoded character involved. */
  span(from: number, to: number): [number, number];
  /**
   * Whether decoded [from, to) holds an encoded character, or follows one at once (`token%3Dxoxb-…`).
   * A finding elsewhere on a decoded line is one the plain text already had its chance at.
   */
  encodedAt(from: number, to: number): boolean;
}

/** Shortest base64 run tried: 24 characters are 18 bytes, less than almost every token. */
const MIN_BASE64 = 24;
/** Each base64 character's 6-bit value (both alphabets), -1 for anything else. */
const B64 = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (B64[c.charCodeAt(0)] = i));
B64[45] = 62; // '-'
B64[95] = 63; // '_'
const isB64 = (k: number): boolean => k < 128 && B64[k]! >= 0;
const hexValue = (k: number): number => (k >= 48 && k <= 57 ? k - 48 : k >= 65 && k <= 70 ? k - 55 : k >= 97 && k <= 102 ? k - 87 : -1);

/**
 * Whether the first `groups` groups of 4 characters at `at` decode to printable bytes, without
 * allocating: most runs (paths, identifiers, hashes) fail on their first 3 bytes.
 */
function headPrintable(text: string, at: number, groups: number): boolean {
  for (let g = 0; g < groups; g++) {
    const i = at + 4 * g;
    const v = (B64[text.charCodeAt(i)]! << 18) | (B64[text.charCodeAt(i + 1)]! << 12) | (B64[text.charCodeAt(i + 2)]! << 6) | B64[text.charCodeAt(i + 3)]!;
    if (!printable((v >> 16) & 255) || !printable((v >> 8) & 255) || !printable(v & 255)) return false;
  }
  return true;
}

/**
 * The next run of at least MIN_BASE64 base64 characters in text[from, end), as [start, end), or
 * undefined. It looks at every MIN_BASE64-th character only: where that one is not base64, no run of
 * that length can cover it, so most text is skipped unread (a regex tried every position, 8× slower).
 */
function nextRun(text: string, from: number, end: number): [number, number] | undefined {
  let i = from + MIN_BASE64 - 1;
  while (i < end) {
    if (!isB64(text.charCodeAt(i))) {
      i += MIN_BASE64;
      continue;
    }
    let s = i;
    while (s > from && isB64(text.charCodeAt(s - 1))) s--;
    let e = i + 1;
    while (e < end && isB64(text.charCodeAt(e))) e++;
    if (e - s >= MIN_BASE64) return [s, e];
    i = e + MIN_BASE64;
  }
  return undefined;
}

const printable = (b: number): boolean => (b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09;

/** Decoded bytes that read as text: printable ASCII, or a few UTF-8 bytes among it. */
function textual(bytes: Uint8Array, from: number, to: number): boolean {
  let other = 0;
  for (let i = from; i < to; i++) if (!printable(bytes[i]!)) other++;
  return other * 20 <= to - from;
}

/** Both cases in a run: base64 of text always has them; constants, hex and paths in one case are skipped. */
function mixed(s: string): boolean {
  let upper = false,
    lower = false;
  for (let i = 0; i < s.length && !(upper && lower); i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
  }
  return upper && lower;
}

/** Shortest line of a wrapped block: `base64` wraps at 76, PEM and OpenSSL at 64, some tools at 60. */
const MIN_WRAP = 40;

const isBlank = (k: number): boolean => k === 32 || k === 9;

/** The offset just past the line break at `i` (`\n` or `\r\n`), or -1 when no line break is there. */
function pastBreak(text: string, i: number): number {
  if (text.charCodeAt(i) === 10) return i + 1;
  return text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : -1;
}

/**
 * Base64 wrapped over lines (what `base64` prints, pasted under a YAML `|`): the run [at, runEnd) fills
 * its line, and the lines after it hold runs of the same length, the last one shorter. Returns the
 * runs, or undefined when the run is not the first line of such a block.
 */
function wrappedLines(text: string, at: number, runEnd: number, end: number): Array<[number, number]> | undefined {
  const width = runEnd - at;
  if (width < MIN_WRAP || width % 4 !== 0) return undefined;
  let i = at;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  if (i > 0 && text.charCodeAt(i - 1) !== 10) return undefined;
  const lines: Array<[number, number]> = [[at, runEnd]];
  let next = pastBreak(text, runEnd);
  while (next !== -1 && next < end) {
    let s = next;
    while (s < end && isBlank(text.charCodeAt(s))) s++;
    let e = s;
    while (e < end && isB64(text.charCodeAt(e))) e++;
    const padded = e;
    while (e < end && text.charCodeAt(e) === 61 && e - padded < 2) e++;
    const after = e >= end ? e : pastBreak(text, e);
    if (e === s || after === -1 || e - s > width) break;
    lines.push([s, e]);
    if (e - s < width || padded < e) break;
    next = after;
  }
  return lines.length > 1 ? lines : undefined;
}

function* base64Pieces(text: string, start: number, end: number): Generator<DecodedPiece> {
  let from = start;
  // A block of equal lines that did not decode as one: its lines are tried one by one, not as the
  // start of a shorter block each (quadratic).
  let singleUntil = -1;
  for (let r = nextRun(text, from, end); r !== undefined; r = nextRun(text, from, end)) {
    from = r[1];
    const lines = r[0] >= singleUntil ? wrappedLines(text, r[0], r[1], end) : undefined;
    if (lines) {
      const piece = wrappedPiece(text, lines);
      if (piece) {
        from = lines[lines.length - 1]![1];
        yield piece;
        continue;
      }
      singleUntil = lines[lines.length - 1]![1];
    }
    const at = r[0];
    const hex = hexPiece(text, at, r[1]);
    if (hex) {
      yield hex;
      continue;
    }
    // First 12 bytes, then the whole: most runs (hashes, source maps, identifiers) fail at once.
    if (!headPrintable(text, at, 4)) continue;
    const run = text.slice(at, r[1]);
    if (!mixed(run)) continue;
    // Without padding, a length of 4n+1 is not base64; drop the last character rather than the run.
    const usable = run.length % 4 === 1 ? run.slice(0, -1) : run;
    const bytes = Buffer.from(usable, 'base64');
    if (bytes.length < 16 || !textual(bytes, 0, bytes.length)) continue;
    // One character per byte (latin1), so that offsets map 3 bytes → 4 characters exactly: decoded as
    // UTF-8, text before a secret in another script would shift its span off the secret's base64.
    // Secrets are ASCII, which latin1 keeps as it is.
    const runEnd = at + usable.length;
    yield {
      encoding: 'base64',
      text: bytes.toString('latin1'),
      span: (from, to) => [Math.min(runEnd, at + Math.floor(from / 3) * 4), Math.min(runEnd, at + Math.ceil(to / 3) * 4)],
      encodedAt: () => true,
    };
  }
}

/** Shortest hex run tried: 32 digits are 16 characters of text. */
const MIN_HEX = 32;

/**
 * A run of hex digits that spells printable text (`6768705f…` is `ghp_…`): digests and ids decode to
 * binary and fail on their first bytes.
 */
function hexPiece(text: string, at: number, end: number): DecodedPiece | undefined {
  let e = at;
  while (e < end && hexValue(text.charCodeAt(e)) >= 0) e++;
  if (e !== end || end - at < MIN_HEX) return undefined;
  const stop = at + ((end - at) & ~1);
  for (let i = at; i < stop; i += 2) {
    if (!printable(hexValue(text.charCodeAt(i)) * 16 + hexValue(text.charCodeAt(i + 1)))) return undefined;
  }
  return {
    encoding: 'hex',
    text: Buffer.from(text.slice(at, stop), 'hex').toString('latin1'),
    span: (from, to) => [at + 2 * from, Math.min(stop, at + 2 * to)],
    encodedAt: () => true,
  };
}

/** A wrapped block decoded as one: offsets in the joined runs map back line by line. */
function wrappedPiece(text: string, lines: ReadonlyArray<[number, number]>): DecodedPiece | undefined {
  const joined = lines.map(([s, e]) => text.slice(s, e)).join('');
  if (!mixed(joined)) return undefined;
  const bytes = Buffer.from(joined, 'base64');
  if (bytes.length < 16) return undefined;
  // Binary with text in it (a protobuf span carrying JSON attributes, as recorded HTTP cassettes hold them):
  // decoded as one, its control bytes turned into line breaks, so that a name and its value are read whole
  // and a secret across a wrapped line is found; line by line they were cut (`agent_key` read as `gent_key`).
  let decoded = bytes.toString('latin1');
  if (!textual(bytes, 0, bytes.length)) {
    let shown = 0;
    for (const b of bytes) if (printable(b)) shown++;
    if (shown * 4 < bytes.length * 3) return undefined;
    decoded = decoded.replace(/[^\x20-\x7e\t\r\n]/g, '\n');
  }
  const starts: number[] = [];
  let n = 0;
  for (const [s, e] of lines) {
    starts.push(n);
    n += e - s;
  }
  /** The source offset of joined character `j` (the end of the block past the last one). */
  const source = (j: number): number => {
    if (j >= n) return lines[lines.length - 1]![1];
    let k = lines.length - 1;
    while (starts[k]! > j) k--;
    return lines[k]![0] + (j - starts[k]!);
  };
  return {
    encoding: 'base64',
    // latin1: one character per byte, as in base64Pieces.
    text: decoded,
    span: (from, to) => {
      const a = Math.floor(from / 3) * 4;
      const b = Math.min(n, Math.ceil(to / 3) * 4);
      return [source(a), b > a ? source(b - 1) + 1 : source(a)];
    },
    encodedAt: () => true,
  };
}

/** Decoded text with, for each decoded character, the source offset it came from. */
class Mapped {
  readonly parts: string[] = [];
  readonly from: number[] = [];
  /** Decoded offsets of the characters that were escapes, ascending. */
  readonly escapes: number[] = [];
  length = 0;
  add(s: string, sourceAt: number, sourceLength: number): void {
    this.parts.push(s);
    if (sourceLength !== s.length) this.escapes.push(this.length);
    // One source offset per decoded character: plain text maps one to one, an escape's single
    // character maps to the escape's start.
    for (let i = 0; i < s.length; i++) this.from.push(sourceLength === s.length ? sourceAt + i : sourceAt);
    this.length += s.length;
  }
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', sol: '/', plus: '+', equals: '=', colon: ':' };

interface Escape {
  index: number;
  length: number;
  char: string;
}

function ascii(code: number): string | undefined {
  return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : undefined;
}

/** Where `ch` next occurs from an offset on: `indexOf`, remembered, so that a character absent from
 * the rest of the text is not searched for again at every escape (quadratic on a long line). */
function occurrences(text: string, ch: string): (from: number) => number {
  let found = -2;
  let searched = Infinity;
  return (from) => {
    // Valid for any offset from the last search on (a step back, to overlap pieces, searches again).
    if (from >= searched && (found === -1 || found >= from)) return found;
    searched = from;
    return (found = text.indexOf(ch, from));
  };
}

type Finder = (from: number, end: number) => Escape | undefined;

/** The next `%XX` of an ASCII character. */
function percentFinder(text: string): Finder {
  const next = occurrences(text, '%');
  return (from, end) => {
    for (let i = next(from); i !== -1 && i < end; i = next(i + 1)) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      const char = hi >= 0 && lo >= 0 ? ascii(hi * 16 + lo) : undefined;
      if (char !== undefined) return { index: i, length: 3, char };
    }
    return undefined;
  };
}

// Escapes decoded to ASCII only: a secret is ASCII, and leaving other code points encoded keeps the
// decoded text (and its offsets) close to the source. Tried only where a `\` or `&` stands.
const ESCAPE_AT = /\\u([0-9A-Fa-f]{4})|\\u\{([0-9A-Fa-f]{1,6})\}|\\x([0-9A-Fa-f]{2})|\\\/|\\"|&#(\d{1,7});|&#[xX]([0-9A-Fa-f]{1,6});|&([a-z]{2,6});/y;

function unescapeOne(m: RegExpExecArray): string | undefined {
  if (m[1] !== undefined) return ascii(parseInt(m[1], 16));
  if (m[2] !== undefined) return ascii(parseInt(m[2], 16));
  if (m[3] !== undefined) return ascii(parseInt(m[3], 16));
  if (m[0] === '\\/') return '/';
  if (m[0] === '\\"') return '"';
  if (m[4] !== undefined) return ascii(parseInt(m[4], 10));
  if (m[5] !== undefined) return ascii(parseInt(m[5], 16));
  return m[6] !== undefined ? ENTITIES[m[6]] : undefined;
}

/** The next string-literal or markup escape of an ASCII character. */
function escapeFinder(text: string): Finder {
  const nextSlash = occurrences(text, '\\');
  const nextAmp = occurrences(text, '&');
  return (from, end) => {
    let slash = nextSlash(from);
    let amp = nextAmp(from);
    for (;;) {
      const i = slash === -1 ? amp : amp === -1 ? slash : Math.min(slash, amp);
      if (i === -1 || i >= end) return undefined;
      // Most `\` and `&` in code escape something else (`\n`, `&&`): one character tells.
      const k = text.charCodeAt(i + 1);
      if (i === slash ? k === 117 || k === 120 || k === 47 || k === 34 : k === 35 || (k >= 97 && k <= 122)) {
        ESCAPE_AT.lastIndex = i;
        const m = ESCAPE_AT.exec(text);
        const char = m ? unescapeOne(m) : undefined;
        if (m && char !== undefined) return { index: i, length: m[0].length, char };
      }
      if (i === slash) slash = nextSlash(i + 1);
      else amp = nextAmp(i + 1);
    }
  };
}

/** Around each escape: its line, or a window of the line when the line is long (minified code). */
const WINDOW = 512;
/** A window that escapes keep widening is cut here and the rest decoded as the next piece. */
const MAX_PIECE = 64 * 1024;

function* substituted(text: string, start: number, end: number, encoding: Encoding, next: Finder): Generator<DecodedPiece> {
  let done = start;
  // The line of the last escape, found once: on a long line, a search back to its start from each
  // window's first escape was quadratic (2 MB of escaped minified code: 1.9 s).
  let lineStart = -1;
  let lineEnd = -2;
  for (let first = next(start, end); first !== undefined; first = next(done, end)) {
    if (first.index < lineStart || first.index > lineEnd) {
      lineStart = text.lastIndexOf('\n', first.index) + 1;
      lineEnd = text.indexOf('\n', first.index);
      if (lineEnd === -1) lineEnd = text.length;
    }
    const long = lineEnd - lineStart > 2 * WINDOW;
    const from = Math.max(done, lineStart, long ? first.index - WINDOW : lineStart);
    let to = Math.min(end, lineEnd, long ? first.index + WINDOW : lineEnd);
    const out = new Mapped();
    let pos = from;
    // Every escape up to `to`; on a long line the window moves on while escapes keep coming.
    for (let e: Escape | undefined = first; e !== undefined && e.index < to; e = next(pos, to)) {
      if (e.index > pos) out.add(text.slice(pos, e.index), pos, e.index - pos);
      out.add(e.char, e.index, e.length);
      pos = e.index + e.length;
      if (long) to = Math.min(end, lineEnd, from + MAX_PIECE, Math.max(to, pos + WINDOW));
    }
    if (to > pos) out.add(text.slice(pos, to), pos, to - pos);
    const last = Math.max(to, pos);
    // A piece cut at its size limit: the next one starts a window back, so a secret across the cut is
    // whole in one of them (a finding in both is one span, reported once).
    done = long && to === from + MAX_PIECE && to < Math.min(end, lineEnd) ? to - WINDOW : last;
    const map = out.from;
    // Decoded [a, b) came from source [map[a], map[b]): an escape's character spans the whole escape.
    const escapes = out.escapes;
    yield {
      encoding,
      text: out.parts.join(''),
      span: (a, b) => [map[a] ?? last, map[b] ?? last],
      encodedAt: (a, b) => escapes.some((i) => i >= a - 2 && i < b),
    };
  }
}

/**
 * Every decoded piece of text[start, end): base64 runs, percent-encoded and escaped stretches, then string
 * literals joined by an operator (or, with `implicitJoins`, side by side).
 */
/** Files in languages that join adjacent string literals: Python, C, C++, Objective-C, Ruby. */
export const joinsAdjacentLiterals = (path: string): boolean => /\.(?:pyw?|pyi|c|h|cc|cpp|cxx|hh|hpp|hxx|ino|m|mm|rb)$/i.test(path);

export function* decodedPieces(text: string, start = 0, end = text.length, implicitJoins = false): Generator<DecodedPiece> {
  yield* base64Pieces(text, start, end);
  yield* substituted(text, start, end, 'percent-encoded', percentFinder(text));
  yield* substituted(text, start, end, 'escaped', escapeFinder(text));
  yield* concatenatedPieces(text, start, end, implicitJoins);
}
