/**
 * YAML (and JSON, which the `yaml` package parses too) with positions, for structural rules: GitHub
 * Actions workflows, App manifests, token inventories, Kubernetes RBAC, CloudFormation, IAM JSON.
 *
 * - Never throws: text that does not parse gives `undefined` (a malformed file is not a finding).
 * - One-entry cache: several rules looking at the same file parse it once.
 * - Walk helpers resolve aliases (`*anchor`) and merge keys (`<<: *anchor`), and give 1-based
 *   line/column positions (UTF-16 code units, like the rest of the engine).
 *
 * Pure: no I/O.
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

export type { Node as YamlNode, YAMLMap, YAMLSeq, Scalar, Pair };
export { isMap, isSeq, isScalar };

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
}

export interface Span extends Position {
  endLine: number;
  endColumn: number;
}

export interface ParseOptions {
  /**
   * `1.2` (default, what GitHub Actions and JSON need: `on`, `yes` stay strings) or `1.1`
   * (Kubernetes / go-yaml style: `yes`/`no`/`on`/`off` are booleans).
   */
  version?: '1.1' | '1.2';
  /**
   * Multi-document streams: keep the documents that parse and drop the broken ones (default `false`:
   * any error makes the whole text `undefined`).
   */
  tolerant?: boolean;
  /** Reject duplicate keys as errors (default `true`, like GitHub and most loaders). */
  uniqueKeys?: boolean;
}

export interface MapEntry {
  /** The key as a string (`String(value)` of a scalar key; `''` for complex keys). */
  key: string;
  keyNode: Node | undefined;
  /** The value, with aliases resolved; `undefined` for `key:` with nothing after it. */
  value: Node | undefined;
  pair: Pair;
}

/** One parsed document of a file, with the walk helpers bound to it (aliases need the document). */
export class YamlDoc {
  constructor(
    readonly doc: Document.Parsed,
    readonly file: YamlFile,
    /** 0-based index of the document in the stream. */
    readonly index: number,
  ) {}

  /** The document's root node (aliases resolved), or `undefined` for an empty document. */
  get root(): Node | undefined {
    return this.deref(this.doc.contents);
  }

  /** Follow an alias to the node it names; anything else is returned as is. */
  deref(node: unknown): Node | undefined {
    let n = node;
    for (let i = 0; i < 32 && isAlias(n); i++) {
      try {
        n = n.resolve(this.doc);
      } catch {
        return undefined;
      }
    }
    return n === null || n === undefined || isAlias(n) ? undefined : (n as Node);
  }

  /**
   * The entries of a mapping in source order, merge keys expanded (an explicit key wins over a
   * merged one, as YAML specifies). Not a mapping → `[]`.
   */
  entries(node: unknown): MapEntry[] {
    const map = this.deref(node);
    if (!isMap(map)) return [];
    const own: MapEntry[] = [];
    const merged: MapEntry[] = [];
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        const src = this.deref(pair.value);
        const sources = isSeq(src) ? src.items.map((s) => this.deref(s)) : [src];
        for (const s of sources) for (const e of this.entries(s)) merged.push(e);
        continue;
      }
      own.push({ key: keyString(pair.key), keyNode: (pair.key as Node | null) ?? undefined, value: this.deref(pair.value), pair });
    }
    if (!merged.length) return own;
    const seen = new Set(own.map((e) => e.key));
    return [...own, ...merged.filter((e) => !seen.has(e.key) && (seen.add(e.key), true))];
  }

  /** The entry for `key` in a mapping (exact, case-sensitive), merge keys included. */
  entry(node: unknown, key: string): MapEntry | undefined {
    return this.entries(node).find((e) => e.key === key);
  }

  /** Whether a mapping has `key` (even with an empty value). */
  has(node: unknown, key: string): boolean {
    return this.entry(node, key) !== undefined;
  }

  /**
   * Walk from `node` along `path`: strings index mappings, numbers index sequences.
   * `get(root, 'jobs', 'build', 'steps', 0)`. Any miss → `undefined`.
   */
  get(node: unknown, ...path: Array<string | number>): Node | undefined {
    let cur = this.deref(node);
    for (const seg of path) {
      if (cur === undefined) return undefined;
      if (typeof seg === 'number') {
        cur = isSeq(cur) ? this.deref(cur.items[seg]) : undefined;
      } else {
        cur = this.entry(cur, seg)?.value;
      }
    }
    return cur;
  }

  /** The items of a sequence, aliases resolved (a non-sequence → `[]`). */
  items(node: unknown): Node[] {
    const seq = this.deref(node);
    if (!isSeq(seq)) return [];
    const out: Node[] = [];
    for (const it of seq.items) {
      const n = this.deref(it);
      if (n) out.push(n);
    }
    return out;
  }

  /**
   * A scalar as a string: strings as they are, numbers and booleans as their source text would read
   * (`true`, `42`); `null`, mappings and sequences → `undefined`.
   */
  str(node: unknown): string | undefined {
    const n = this.deref(node);
    if (!isScalar(n)) return undefined;
    const v = n.value;
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return undefined;
  }

  /** A scalar string, or each string of a sequence of scalars; anything else → `[]`. */
  strings(node: unknown): string[] {
    const n = this.deref(node);
    if (isSeq(n)) return this.items(n).map((i) => this.str(i)).filter((s): s is string => s !== undefined);
    const s = this.str(n);
    return s === undefined ? [] : [s];
  }

  /** Whether the node is an explicit null / empty value (`key:` or `key: null` or `key: ~`). */
  isNull(node: unknown): boolean {
    const n = this.deref(node);
    return n === undefined || (isScalar(n) && (n.value === null || n.value === undefined));
  }

  isMap(node: unknown): node is YAMLMap {
    return isMap(this.deref(node));
  }

  isSeq(node: unknown): node is YAMLSeq {
    return isSeq(this.deref(node));
  }

  /** Plain JavaScript value of a node (aliases and merge keys applied, depth-limited); never throws. */
  toJS(node: unknown): unknown {
    return nodeToPlain(this, this.deref(node), 0);
  }

  /** Where a node starts (its first character); `undefined` when it has no source range. */
  pos(node: unknown): Position | undefined {
    const n = node as { range?: [number, number, number] } | undefined;
    if (!n || !n.range) return undefined;
    return this.file.pos(n.range[0]);
  }

  /** Where a node starts and ends (the end of its value, before trailing comments). */
  span(node: unknown): Span | undefined {
    const n = node as { range?: [number, number, number] } | undefined;
    if (!n || !n.range) return undefined;
    const s = this.file.pos(n.range[0]);
    const e = this.file.pos(Math.max(n.range[0], n.range[1]));
    return { ...s, endLine: e.line, endColumn: e.column };
  }

  /** Start offset of a node in the file text, or `undefined`. */
  offset(node: unknown): number | undefined {
    const n = node as { range?: [number, number, number] } | undefined;
    return n?.range?.[0];
  }

  /** The raw source text of a node (what is written in the file, quotes and block indicators included). */
  source(node: unknown): string | undefined {
    const n = node as { range?: [number, number, number] } | undefined;
    if (!n?.range) return undefined;
    return this.file.text.slice(n.range[0], n.range[1]);
  }

  /**
   * Every scalar under `node` (depth first, source order), with the path of keys/indexes leading to it.
   * Aliases are not followed (their target is visited where it is defined), so nothing is seen twice.
   */
  *scalars(node: unknown, path: Array<string | number> = []): Generator<{ node: Scalar; path: Array<string | number> }> {
    if (isScalar(node)) {
      yield { node, path };
    } else if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        yield* this.scalars(p.value, [...path, keyString(p.key)]);
      }
    } else if (isSeq(node)) {
      let i = 0;
      for (const it of node.items) yield* this.scalars(it, [...path, i++]);
    }
  }
}

function nodeToPlain(d: YamlDoc, node: Node | undefined, depth: number): unknown {
  if (node === undefined || depth > 64) return undefined;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return d.items(node).map((i) => nodeToPlain(d, i, depth + 1));
  if (isMap(node)) {
    const o: Record<string, unknown> = {};
    for (const e of d.entries(node)) o[e.key] = nodeToPlain(d, e.value, depth + 1);
    return o;
  }
  return undefined;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const v = key.value;
  return v === '<<' || (typeof v === 'symbol' && v.description === '<<') || (key.source === '<<' && typeof v !== 'string');
}

function keyString(key: unknown): string {
  if (isScalar(key)) {
    const v = key.value;
    if (v === null || v === undefined) return '';
    return typeof v === 'symbol' ? (v.description ?? '') : String(v);
  }
  if (key === null || key === undefined) return '';
  if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') return String(key);
  return '';
}

/** A parsed file: its documents and a position lookup. */
export class YamlFile {
  readonly docs: YamlDoc[];
  private readonly lineCounter: LineCounter;

  constructor(readonly text: string, docs: Document.Parsed[], lineCounter: LineCounter) {
    this.lineCounter = lineCounter;
    this.docs = docs.map((d, i) => new YamlDoc(d, this, i));
  }

  /** The first document (most config files hold one), or `undefined` for an empty file. */
  get first(): YamlDoc | undefined {
    return this.docs[0];
  }

  /** 1-based line and column of a 0-based offset in `text`. */
  pos(offset: number): Position {
    const p = this.lineCounter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: p.line, column: p.col };
  }
}

let cache: { text: string; key: string; result: YamlFile | undefined } | undefined;

/**
 * Parse YAML (one or several `---` documents) or JSON with positions. `undefined` when it does not
 * parse (see `ParseOptions.tolerant` for streams). Cached for the last text + options.
 */
export function parseYaml(text: string, options: ParseOptions = {}): YamlFile | undefined {
  const key = `${options.version ?? '1.2'}|${options.tolerant ? 't' : 's'}|${options.uniqueKeys === false ? 'd' : 'u'}`;
  if (cache && cache.key === key && cache.text === text) return cache.result;
  const result = parseUncached(text, options);
  cache = { text, key, result };
  return result;
}

/** JSON with positions: the same parser (JSON is YAML 1.2), duplicate keys tolerated like `JSON.parse`. */
export function parseJson(text: string): YamlFile | undefined {
  return parseYaml(text, { uniqueKeys: false });
}

function parseUncached(text: string, options: ParseOptions): YamlFile | undefined {
  try {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      merge: true,
      version: options.version ?? '1.2',
      uniqueKeys: options.uniqueKeys ?? true,
      strict: false,
    });
    const docs: Document.Parsed[] = Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [];
    const good = docs.filter((d) => d.errors.length === 0);
    if (good.length !== docs.length && !options.tolerant) return undefined;
    // The stream-level errors of an empty stream (e.g. a lone `]`).
    const streamErrors = (parsed as { errors?: unknown[] }).errors;
    if (docs.length === 0 && streamErrors && streamErrors.length) return undefined;
    return new YamlFile(text, good, lineCounter);
  } catch {
    return undefined;
  }
}

/** Clear the one-entry cache (tests). */
export function clearYamlCache(): void {
  cache = undefined;
}
