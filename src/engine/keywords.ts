/**
 * One-pass, case-insensitive keyword prefilter (Aho–Corasick over ASCII). The scanner walks each file
 * once and hands every rule only the places where one of its keywords occurs, so 200+ rules cost about
 * as much as one.
 *
 * The inner loop is two array reads per character and no allocation:
 * - characters are mapped to classes first (one per character that occurs in some keyword, case
 *   folded; everything else, non-ASCII included, is class 0, which always leads back to the root), so
 *   the transition table is states × ~40 classes instead of states × 128: it stays in the cache;
 * - table entries are premultiplied by the class count (no multiply in the loop);
 * - states where a keyword ends are numbered last, so "is there a hit here" is one comparison.
 * Hits are reported in the same order as a textbook automaton would (by end offset, then the state's
 * own keywords before those of its suffix links): the scanner's results depend on that order.
 */

/** Class of each UTF-16 code unit (64 KB, shared): 0 for every character no keyword contains. */
type ClassMap = Uint8Array;

export interface KeywordHit {
  /** Index into the keyword list given to the constructor. */
  keyword: number;
  /** Offset of the first character of the keyword in the text. */
  offset: number;
}

export class KeywordMatcher {
  readonly keywords: readonly string[];
  private readonly classOf: ClassMap;
  /** Transition table: entry [state × C + class] = next state × C. */
  private readonly table: Int32Array;
  /** States ≥ this (× C) have outputs. */
  private readonly firstOut: number;
  /** Outputs of state s (premultiplied index s × C → list), for states with any. */
  private readonly outputs: (Int32Array | undefined)[];
  private readonly classes: number;
  private readonly lengths: Int32Array;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords.map((k) => k.toLowerCase());
    for (const k of this.keywords) {
      if (!k.length || /[\x80-\uffff]/.test(k)) throw new Error(`keyword must be non-empty ASCII: ${JSON.stringify(k)}`);
    }
    this.lengths = Int32Array.from(this.keywords, (k) => k.length);
    // Character classes: 0 = in no keyword; upper-case ASCII letters share their lower-case class.
    const classOf = new Uint8Array(65536);
    let C = 1;
    for (const k of this.keywords) {
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        if (classOf[c] === 0) {
          classOf[c] = C;
          if (c >= 97 && c <= 122) classOf[c - 32] = C;
          C++;
        }
      }
    }
    this.classOf = classOf;
    this.classes = C;

    // The trie, over classes.
    const goto: Int32Array[] = [new Int32Array(C).fill(-1)];
    const own: (number[] | undefined)[] = [undefined];
    this.keywords.forEach((k, idx) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const c = classOf[k.charCodeAt(i)]!;
        let next = goto[s]![c]!;
        if (next === -1) {
          next = goto.length;
          goto.push(new Int32Array(C).fill(-1));
          own.push(undefined);
          goto[s]![c] = next;
        }
        s = next;
      }
      (own[s] ??= []).push(idx);
    });
    // Breadth-first: failure links folded into a full transition table; outputs inherited.
    const n = goto.length;
    const delta = new Int32Array(n * C);
    const fail = new Int32Array(n);
    const out: (number[] | undefined)[] = own.slice();
    const order: number[] = [0];
    for (let c = 0; c < C; c++) {
      const t = goto[0]![c]!;
      if (t === -1) delta[c] = 0;
      else {
        delta[c] = t;
        fail[t] = 0;
        order.push(t);
      }
    }
    for (let qi = 1; qi < order.length; qi++) {
      const s = order[qi]!;
      const f = fail[s]!;
      if (out[f]) out[s] = [...(own[s] ?? []), ...out[f]];
      for (let c = 0; c < C; c++) {
        const t = goto[s]![c]!;
        if (t === -1) delta[s * C + c] = delta[f * C + c]!;
        else {
          delta[s * C + c] = t;
          fail[t] = delta[f * C + c]!;
          order.push(t);
        }
      }
    }
    // Renumber: the root stays 0, states without outputs next, states with outputs last.
    const rank = new Int32Array(n);
    let next = 0;
    for (let s = 0; s < n; s++) if (!out[s]) rank[s] = next++;
    const firstOut = next;
    for (let s = 0; s < n; s++) if (out[s]) rank[s] = next++;
    const table = new Int32Array(n * C);
    const outputs = new Array<Int32Array | undefined>(n);
    for (let s = 0; s < n; s++) {
      const r = rank[s]!;
      for (let c = 0; c < C; c++) table[r * C + c] = rank[delta[s * C + c]!]! * C;
      if (out[s]) outputs[r] = Int32Array.from(out[s]!);
    }
    this.table = table;
    this.firstOut = firstOut * C;
    this.outputs = outputs;
  }

  /** Calls `onHit` for every occurrence (case-insensitive) of every keyword, by end offset. */
  scan(text: string, onHit: (keyword: number, offset: number) => void): void {
    const table = this.table;
    const classOf = this.classOf;
    const firstOut = this.firstOut;
    let s = 0; // state × C
    for (let i = 0, n = text.length; i < n; i++) {
      s = table[s + classOf[text.charCodeAt(i)]!]!;
      if (s >= firstOut) this.report(s, i, onHit);
    }
  }

  private report(s: number, i: number, onHit: (keyword: number, offset: number) => void): void {
    const o = this.outputs[s / this.classes]!;
    for (let j = 0; j < o.length; j++) {
      const k = o[j]!;
      onHit(k, i - this.lengths[k]! + 1);
    }
  }

  /** The distinct keyword indexes that occur in `text`. */
  present(text: string): Set<number> {
    const seen = new Set<number>();
    this.scan(text, (k) => seen.add(k));
    return seen;
  }
}

const shared = new Map<string, KeywordMatcher>();

/**
 * One matcher per distinct keyword list for the life of the process: a scan builds several scanners
 * with the same rules (a diff's secrets-only pass, workers, the App's evaluations).
 */
export function keywordMatcher(keywords: readonly string[]): KeywordMatcher {
  const key = keywords.join('\0');
  let m = shared.get(key);
  if (!m) {
    if (shared.size >= 16) shared.clear();
    shared.set(key, (m = new KeywordMatcher(keywords)));
  }
  return m;
}
