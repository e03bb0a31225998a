/**
 * One-pass, case-insensitive keyword prefilter (Aho–Corasick over ASCII). The scanner walks each file
 * once and hands every rule only the places where one of its keywords occurs, so 100+ rules cost about
 * as much as one.
 */

const ALPHABET = 128;

export interface KeywordHit {
  /** Index into the keyword list given to the constructor. */
  keyword: number;
  /** Offset of the first character of the keyword in the text. */
  offset: number;
}

export class KeywordMatcher {
  readonly keywords: readonly string[];
  private readonly table: Int32Array;
  private readonly hasOut: Uint8Array;
  /** For each state, the keywords ending there (own and via suffix links), or undefined. */
  private readonly outputs: (number[] | undefined)[];

  constructor(keywords: readonly string[]) {
    this.keywords = keywords.map((k) => k.toLowerCase());
    for (const k of this.keywords) {
      if (!k.length || /[^\x00-\x7f]/.test(k)) throw new Error(`keyword must be non-empty ASCII: ${JSON.stringify(k)}`);
    }
    // Build the trie.
    const trie: Int32Array[] = [new Int32Array(ALPHABET).fill(-1)];
    const out: (number[] | undefined)[] = [undefined];
    this.keywords.forEach((k, idx) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        let next = trie[s]![c]!;
        if (next === -1) {
          next = trie.length;
          trie.push(new Int32Array(ALPHABET).fill(-1));
          out.push(undefined);
          trie[s]![c] = next;
        }
        s = next;
      }
      (out[s] ??= []).push(idx);
    });
    // Breadth-first: failure links folded into a full transition table.
    const n = trie.length;
    const delta = new Int32Array(n * ALPHABET);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const t = trie[0]![c]!;
      if (t === -1) delta[c] = 0;
      else {
        delta[c] = t;
        fail[t] = 0;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      const f = fail[s]!;
      if (out[f]) out[s] = [...(out[s] ?? []), ...out[f]!];
      for (let c = 0; c < ALPHABET; c++) {
        const t = trie[s]![c]!;
        if (t === -1) delta[s * ALPHABET + c] = delta[f * ALPHABET + c]!;
        else {
          delta[s * ALPHABET + c] = t;
          fail[t] = delta[f * ALPHABET + c]!;
          queue.push(t);
        }
      }
    }
    // Scan-time layout: entries are next-state × ALPHABET (no multiply in the loop), upper-case
    // letters folded into the table, and a flag per state saying whether any keyword ends there.
    const table = new Int32Array(n * ALPHABET);
    for (let st = 0; st < n; st++) {
      for (let c = 0; c < ALPHABET; c++) {
        const lower = c >= 65 && c <= 90 ? c + 32 : c;
        table[st * ALPHABET + c] = delta[st * ALPHABET + lower]! * ALPHABET;
      }
    }
    const hasOut = new Uint8Array(n);
    for (let st = 0; st < n; st++) if (out[st]) hasOut[st] = 1;
    this.table = table;
    this.hasOut = hasOut;
    this.outputs = out;
  }

  /** Calls `onHit` for every occurrence (case-insensitive) of every keyword. */
  scan(text: string, onHit: (keyword: number, offset: number) => void): void {
    const table = this.table;
    const hasOut = this.hasOut;
    const outputs = this.outputs;
    const keywords = this.keywords;
    let s = 0; // state × ALPHABET
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= ALPHABET) {
        s = 0;
        continue;
      }
      s = table[s + c]!;
      if (hasOut[s >> 7] === 1) {
        const o = outputs[s >> 7]!;
        for (let j = 0; j < o.length; j++) {
          const k = o[j]!;
          onHit(k, i - keywords[k]!.length + 1);
        }
      }
    }
  }

  /** The distinct keyword indexes that occur in `text`. */
  present(text: string): Set<number> {
    const seen = new Set<number>();
    this.scan(text, (k) => seen.add(k));
    return seen;
  }
}
