/**
 * Windows around keyword hits on long lines (minified code, base64 blobs). A line longer than
 * `LONG_LINE` is not handed to a rule whole: each hit gets `WINDOW` characters either side, and each
 * edge is moved outwards while it would cut a token (a run of base64 / URL-safe characters), by at most
 * one more window. So a token is never cut, and no regex runs over a whole megabyte line.
 *
 * Widening edge by edge costs up to 2 × WINDOW steps per hit: a 1 MB line of base64 zeros has a hit
 * at almost every character and took 15 s. `LongLine` gives the same windows in time linear in the
 * line: hits come in (nearly) increasing order, so each edge is found from cursors that only move
 * forward, and what one hit learnt about the line (no token boundary between here and there) serves
 * the next. `widenNaive` is the definition, kept for the tests.
 */

export const LONG_LINE = 4096;
export const WINDOW = 1024;

/** base64, base64url and the characters of most token formats (`.` for JWTs, `-`/`_` for url-safe). */
export function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45 || c === 46;
}

/** Move a window edge outwards while it would cut a token, up to one more window (the definition). */
export function widenNaive(text: string, at: number, limit: number, dir: 1 | -1): number {
  let i = at;
  const stop = dir === 1 ? Math.min(limit, at + WINDOW) : Math.max(limit, at - WINDOW);
  while (i !== stop) {
    if (!isTokenChar(text.charCodeAt(dir === 1 ? i : i - 1))) break;
    i += dir;
  }
  return i;
}

/** The windows of one long line `[start, end)`; ask in (roughly) increasing offset order for linear time. */
export class LongLine {
  /** Backward edges: every character in [start, back) was looked at; `lastBreak` is the last non-token one (start − 1 if none). */
  private back: number;
  private lastBreak: number;
  /** Forward edges: no non-token character in [fwdFrom, fwdBreak); `fwdBreak` is one, or `end`. */
  private fwdFrom = -1;
  private fwdBreak = -1;
  /** The last hit's window, for the several rules and keywords that share a hit. */
  private memoOffset = -1;
  private memo: [number, number] = [0, 0];

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {
    this.back = start;
    this.lastBreak = start - 1;
  }

  /** `[from, to)` of the window around a hit at `offset`: the same as widening edge by edge. */
  window(offset: number): [number, number] {
    if (offset === this.memoOffset) return this.memo;
    const lo = this.lowEdge(Math.max(this.start, offset - WINDOW));
    const hi = this.highEdge(Math.min(this.end, offset + WINDOW));
    this.memoOffset = offset;
    return (this.memo = [lo, hi]);
  }

  /** widenNaive(text, at, start, -1): past the last non-token character before `at`, at most WINDOW back. */
  private lowEdge(at: number): number {
    const stop = Math.max(this.start, at - WINDOW);
    const text = this.text;
    if (at > this.back) {
      let last = this.lastBreak;
      for (let i = this.back; i < at; i++) if (!isTokenChar(text.charCodeAt(i))) last = i;
      this.back = at;
      this.lastBreak = last;
    }
    let brk: number;
    if (this.lastBreak < at) brk = this.lastBreak;
    else {
      // A hit out of order (a shorter keyword ending after a longer one began): look back from `at`.
      brk = this.start - 1;
      for (let i = at - 1; i >= stop; i--) {
        if (!isTokenChar(text.charCodeAt(i))) {
          brk = i;
          break;
        }
      }
    }
    return Math.max(brk + 1, stop);
  }

  /** widenNaive(text, at, end, 1): up to the first non-token character from `at`, at most WINDOW on. */
  private highEdge(at: number): number {
    const stop = Math.min(this.end, at + WINDOW);
    const text = this.text;
    if (at >= this.fwdFrom && at <= this.fwdBreak) return Math.min(this.fwdBreak, stop);
    let i = at;
    if (at < this.fwdFrom) {
      // Out of order: only [at, fwdFrom) is new.
      while (i < this.fwdFrom && isTokenChar(text.charCodeAt(i))) i++;
      if (i === this.fwdFrom) {
        this.fwdFrom = at;
        return Math.min(this.fwdBreak, stop);
      }
      return Math.min(i, stop);
    }
    // Ahead of what is known: find the next break, however far (each character is passed once).
    const end = this.end;
    while (i < end && isTokenChar(text.charCodeAt(i))) i++;
    this.fwdFrom = at;
    this.fwdBreak = i;
    return Math.min(i, stop);
  }
}
