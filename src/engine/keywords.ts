/**
 * One-pass, case-insensitive keyword prefilter (Aho–Corasick over ASCII). The scanner walks each file
 * once and hands every rule only the places where one of its keywords occurs, so 200+ rules cost about
 * as much as one.
 *
 * The inner loop is two array reads per character and no allocation:
 * - characters are mapped to classes first (one per character that occurs in some keyword, case
 *   folded; everything else, non-ASCII included, is class 0, which always leads back to the root), so
 *   the transition table is states × ~50 classes instead of states × 128: it stays in the cache;
 * - table entries are premultiplied by the class count (no multiply in the loop);
 * - states where a keyword ends are numbered last, so "is there a hit here" is one comparison;
 * - a state's row of the table is filled the first time the scan reaches it (0 until then): a text
 *   reaches a few hundred of the thousands of states, and the matcher is built in every process
 *   before the first file, where filling every row took 30–60 ms of a pre-commit hook's run.
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
  /**
   * Transition table: entry [rank × C + class] = next rank × C; 0 where the row is not filled yet. Rank 0
   * is no state (the root is rank 1), so a fresh, zeroed table needs no fill.
   */
  private readonly table: Int32Array;
  /** States ≥ this (× C) have outputs. */
  private readonly firstOut: number;
  /** Outputs of state s (premultiplied index s × C → list), for states with any. */
  private readonly outputs: (Int32Array | undefined)[];
  private readonly classes: number;
  private readonly lengths: Int32Array;
  /** The trie's edges by trie state: [state × C + class] = trie state, or 0 (the root is no one's child). */
  private readonly trie: Int32Array;
  /** Failure link of each trie state. */
  private readonly fail: Int32Array;
  /** Trie state → rank (table row), and back. */
  private readonly rank: Int32Array;
  private readonly unrank: Int32Array;
  /** `collect`'s output: [keyword, offset] pairs. */
  hits = new Int32Array(1024);

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

    // The trie, over classes, in one flat table (at most one state per keyword character, plus the root).
    let maxStates = 1;
    for (const k of this.keywords) maxStates += k.length;
    const trie = new Int32Array(maxStates * C);
    const own: (number[] | undefined)[] = [undefined];
    // Each state but the root has one incoming edge: children as linked lists, so the breadth-first
    // pass visits edges, not states × classes (that loop, run cold in every process, cost ~20 ms).
    const firstChild = new Int32Array(maxStates); // 0: none (no state's child is the root)
    const nextSibling = new Int32Array(maxStates);
    const edgeClass = new Int32Array(maxStates);
    let n = 1;
    for (let idx = 0; idx < this.keywords.length; idx++) {
      const k = this.keywords[idx]!;
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const c = classOf[k.charCodeAt(i)]!;
        let next = trie[s * C + c]!;
        if (next === 0) {
          next = n++;
          own.push(undefined);
          trie[s * C + c] = next;
          edgeClass[next] = c;
          nextSibling[next] = firstChild[s]!;
          firstChild[s] = next;
        }
        s = next;
      }
      (own[s] ??= []).push(idx);
    }
    // Failure links, breadth-first; outputs inherited from the failure state.
    const fail = new Int32Array(n);
    const out: (number[] | undefined)[] = own.slice();
    const order = new Int32Array(n);
    let tail = 0;
    for (let t = firstChild[0]!; t !== 0; t = nextSibling[t]!) order[tail++] = t; // fail = root
    for (let qi = 0; qi < tail; qi++) {
      const s = order[qi]!;
      if (out[fail[s]!]) out[s] = [...(own[s] ?? []), ...out[fail[s]!]!];
      for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) {
        const c = edgeClass[t]!;
        let f = fail[s]!;
        while (f !== 0 && trie[f * C + c] === 0) f = fail[f]!;
        fail[t] = trie[f * C + c]!; // 0 (the root) when no suffix continues
        order[tail++] = t;
      }
    }
    // Renumber: the root is 1, states without outputs next, states with outputs last.
    const rank = new Int32Array(n);
    const unrank = new Int32Array(n + 1);
    let next = 1;
    for (let s = 0; s < n; s++) if (!out[s]) rank[s] = next++;
    const firstOut = next;
    for (let s = 0; s < n; s++) if (out[s]) rank[s] = next++;
    const outputs = new Array<Int32Array | undefined>(n + 1);
    for (let s = 0; s < n; s++) {
      unrank[rank[s]!] = s;
      if (out[s]) outputs[rank[s]!] = Int32Array.from(out[s]!);
    }
    this.trie = trie;
    this.fail = fail;
    this.rank = rank;
    this.unrank = unrank;
    this.table = new Int32Array((n + 1) * C);
    this.firstOut = firstOut * C;
    this.outputs = outputs;
  }

  /**
   * Fill the table row at `row` (rank × C): a trie edge where there is one, else the failure state's
   * transition (its row filled first; failure states are shallower, so this ends).
   */
  private fillRow(row: number): void {
    const C = this.classes;
    const s = this.unrank[row / C]!;
    const f = this.fail[s]!;
    const frow = this.rank[f]! * C;
    if (s !== 0 && this.table[frow] === 0) this.fillRow(frow);
    for (let c = 0; c < C; c++) {
      const t = this.trie[s * C + c]!;
      this.table[row + c] = t !== 0 ? this.rank[t]! * C : s === 0 ? frow : this.table[frow + c]!;
    }
  }

  /**
   * Every occurrence of every keyword, in `scan`'s order, into `hits` as pairs [keyword, offset];
   * returns how many. The buffer is reused by the next call: read it before scanning again. (The
   * scanner's per-file loop; a callback per hit, a new closure per file, kept its compiled code from
   * settling.)
   */
  collect(text: string): number {
    const table = this.table;
    const classOf = this.classOf;
    const firstOut = this.firstOut;
    let buf = this.hits;
    let n = 0;
    let s = this.classes; // rank × C; the root is rank 1
    for (let i = 0, len = text.length; i < len; i++) {
      const at = s + classOf[text.charCodeAt(i)]!;
      s = table[at]!;
      if (s === 0) {
        this.fillRow(at - classOf[text.charCodeAt(i)]!);
        s = table[at]!;
      }
      if (s >= firstOut) {
        const o = this.outputs[s / this.classes]!;
        if (2 * (n + o.length) > buf.length) {
          const grown = new Int32Array(Math.max(buf.length * 2, 2 * (n + o.length)));
          grown.set(buf);
          this.hits = buf = grown;
        }
        for (let j = 0; j < o.length; j++) {
          const k = o[j]!;
          buf[2 * n] = k;
          buf[2 * n + 1] = i - this.lengths[k]! + 1;
          n++;
        }
      }
    }
    return n;
  }

  /** Calls `onHit` for every occurrence (case-insensitive) of every keyword, by end offset. */
  scan(text: string, onHit: (keyword: number, offset: number) => void): void {
    const n = this.collect(text);
    // Copied: `onHit` may scan again with this matcher.
    const hits = this.hits.slice(0, 2 * n);
    for (let h = 0; h < n; h++) onHit(hits[2 * h]!, hits[2 * h + 1]!);
  }

  /** The distinct keyword indexes that occur in `text`. */
  present(text: string): Set<number> {
    const seen = new Set<number>();
    const n = this.collect(text);
    for (let h = 0; h < n; h++) seen.add(this.hits[2 * h]!);
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
