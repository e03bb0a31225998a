/**
 * YAML (and JSON, which the `yaml` package parses too) with positions, for structural rules: GitHub
 * Actions workflows, App manifests, token inventories, Kubernetes RBAC, CloudFormation, IAM JSON.
 *
 * - Text that does not parse gives `undefined` (a malformed file is not a finding).
 * - Hostile text throws `LimitExceeded` (src/engine/limits.ts), never hangs and never looks clean:
 *   size and nesting are checked on the text and its syntax tree before the recursive composer
 *   runs; alias count, alias / merge-key expansion and recursive aliases right after, in one linear
 *   pass; and the walk helpers count the aliases and merged entries they produce. The scanner
 *   catches it and lists the file as not judged.
 * - One-entry cache: several rules looking at the same file parse it once.
 * - Walk helpers resolve aliases (`*anchor`) and merge keys (`<<: *anchor`), and give 1-based
 *   line/column positions (UTF-16 code units, like the rest of the engine).
 *
 * Pure: no I/O.
 */
import {
  Composer,
  Lexer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Alias,
  type CST,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { DEFAULT_PARSE_LIMITS, LimitExceeded, type ParseLimits } from '../limits.js';

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
  /** Tighter or looser bounds than `DEFAULT_PARSE_LIMITS` (tests, callers with their own budget). */
  limits?: Partial<ParseLimits>;
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
  /** Alias resolutions and merged entries produced so far (bounded by `maxWalkSteps`). */
  private steps = 0;

  constructor(
    readonly doc: Document.Parsed,
    readonly file: YamlFile,
    /** 0-based index of the document in the stream. */
    readonly index: number,
    /** Every alias of the document and the node it names, found once by `composeYaml`. */
    private readonly aliases: ReadonlyMap<Alias, Node | undefined> = new Map(),
    private readonly limits: Readonly<ParseLimits> = DEFAULT_PARSE_LIMITS,
  ) {}

  /** A fresh walk budget: `parseYaml` gives one to every caller of a cached file. */
  resetWalkBudget(): void {
    this.steps = 0;
  }

  /**
   * Count work done through aliases and merge keys. The expansion was bounded when the document was
   * parsed; this bounds what one caller walking it again and again can make of it.
   */
  private spend(n: number, at: unknown): void {
    this.steps += n;
    if (this.steps > this.limits.maxWalkSteps) {
      throw new LimitExceeded('walk-steps', `reading the YAML resolved more than ${this.limits.maxWalkSteps} aliases and merged keys`, this.pos(at)?.line);
    }
  }

  /** The document's root node (aliases resolved), or `undefined` for an empty document. */
  get root(): Node | undefined {
    return this.deref(this.doc.contents);
  }

  /** Follow an alias to the node it names; anything else is returned as is. */
  deref(node: unknown): Node | undefined {
    if (isAlias(node)) {
      // `Alias.resolve` would walk the whole document on every call: use the map made at parse time.
      this.spend(1, node);
      const n = this.aliases.get(node);
      return n === undefined || isAlias(n) ? undefined : n;
    }
    return node === null || node === undefined ? undefined : (node as Node);
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
    this.spend(merged.length, map);
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
    if (isSeq(n))
      return this.items(n)
        .map((i) => this.str(i))
        .filter((s): s is string => s !== undefined);
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
   * Aliases are not followed (their target is visited where it is defined), so nothing is seen twice (`resolvedScalars` follows them).
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

  /**
   * Every scalar under `node` as a reader of the document sees it: aliases followed and merge keys
   * expanded (`entries`: an explicit key wins over a merged one), depth first, a mapping's own entries
   * before its merged ones. A scalar reached through an alias is yielded with the keys that lead to it
   * from `node` and its own node, where the anchor writes it; one used at several places is yielded at
   * each. Bounded like every walk: parsing refused recursive aliases and capped what aliases expand to
   * (`maxAliasExpansion`), and each alias resolved and entry merged counts against `maxWalkSteps`.
   */
  *resolvedScalars(node: unknown, path: Array<string | number> = []): Generator<{ node: Scalar; path: Array<string | number> }> {
    const n = this.deref(node);
    if (isScalar(n)) {
      yield { node: n, path };
    } else if (isMap(n)) {
      for (const e of this.entries(n)) yield* this.resolvedScalars(e.value, [...path, e.key]);
    } else if (isSeq(n)) {
      let i = 0;
      for (const it of n.items) yield* this.resolvedScalars(it, [...path, i++]);
    }
  }
}

function nodeToPlain(d: YamlDoc, node: Node | undefined, depth: number): unknown {
  if (node === undefined) return undefined;
  // Parsing bounded the depth with aliases expanded; this only guards against a bug there.
  if (depth > DEFAULT_PARSE_LIMITS.maxDepth * 2) throw new LimitExceeded('nesting-depth', `YAML nesting deeper than ${DEFAULT_PARSE_LIMITS.maxDepth * 2} levels`, d.pos(node)?.line);
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
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar holds a primitive, or a Date or bytes (YAML 1.1 timestamp, binary), each printed by its own toString
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

  constructor(
    readonly text: string,
    docs: readonly ComposedDoc[],
    lineCounter: LineCounter,
    limits: Readonly<ParseLimits> = DEFAULT_PARSE_LIMITS,
  ) {
    this.lineCounter = lineCounter;
    this.docs = docs.map((d, i) => new YamlDoc(d.doc, this, i, d.aliases, limits));
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

/** A syntax error: `yaml`'s own, or a duplicate key (found here in linear time). */
export interface YamlError {
  /** 0-based offset in the text. */
  offset: number;
  code: string;
  message: string;
}

/**
 * Syntax errors worth reporting: the first `max`, then one `TOO_MANY_ERRORS` entry counting the rest.
 * One broken construct repeated (a file of quotes gives one error per pair) must not become 50,000
 * findings: the first few say what to fix, the count says how much.
 */
export const MAX_SYNTAX_ERRORS = 20;
export function firstSyntaxErrors(errors: readonly YamlError[], max = MAX_SYNTAX_ERRORS): YamlError[] {
  if (errors.length <= max) return [...errors];
  const rest = errors.length - max;
  return [...errors.slice(0, max), { offset: errors[max]!.offset, code: 'TOO_MANY_ERRORS', message: `${rest} more YAML syntax error${rest === 1 ? '' : 's'} after this point` }];
}

export interface ComposedDoc {
  doc: Document.Parsed;
  /** `doc.errors` and the duplicate keys, in source order. */
  errors: YamlError[];
  aliases: ReadonlyMap<Alias, Node | undefined>;
}

export interface ComposedStream {
  docs: ComposedDoc[];
  /** Errors outside any document (e.g. a lone `]` in an otherwise empty stream). */
  streamErrors: YamlError[];
  lineCounter: LineCounter;
}

export type ComposeOptions = Pick<ParseOptions, 'version' | 'uniqueKeys' | 'limits'>;

const COLLECTIONS: ReadonlySet<unknown> = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Nesting depth and alias count of the concrete syntax tree, with an explicit stack. This runs
 * before the composer, which recurses once per level: deep enough, it nears the end of the stack,
 * and when V8 then compiles a regular expression (a first use, or a tier-up to native code) its
 * regexp compiler treats the stack overflow as out-of-memory and aborts the whole process
 * ("RegExpCompiler Allocation failed") instead of throwing.
 */
function checkSyntaxTree(tokens: readonly unknown[], limits: Readonly<ParseLimits>, lineCounter: LineCounter): void {
  const stack: Array<[unknown, number]> = tokens.map((t) => [t, 0]);
  let aliases = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object') stack.push([x, depth]);
      continue;
    }
    const t = v as { type?: unknown; offset?: unknown };
    let d = depth;
    if (COLLECTIONS.has(t.type)) {
      d++;
      if (d > limits.maxDepth) {
        const line = typeof t.offset === 'number' ? lineCounter.linePos(t.offset).line : undefined;
        throw new LimitExceeded('nesting-depth', `YAML nesting deeper than ${limits.maxDepth} levels`, line);
      }
    } else if (t.type === 'alias' && ++aliases > limits.maxAliases) {
      const line = typeof t.offset === 'number' ? lineCounter.linePos(t.offset).line : undefined;
      throw new LimitExceeded('alias-count', `more than ${limits.maxAliases} YAML aliases`, line);
    }
    for (const x of Object.values(t)) if (x && typeof x === 'object') stack.push([x, d]);
  }
}

/**
 * The concrete syntax tree, fed one lexical token at a time so that runaway nesting stops before the
 * parser has built it (100,000 `[` cost the parser a second, the lexer a twentieth of that): the
 * parser's stack holds the open collections, so its length is the nesting depth so far.
 * `checkSyntaxTree` then measures the finished tree exactly.
 */
function parseTokens(text: string, limits: Readonly<ParseLimits>, lineCounter: LineCounter): CST.Token[] {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  // `Parser.parse` reports the first line itself; `next` does not.
  lineCounter.addNewLine(0);
  // The document and a scalar being read sit on the stack too.
  const maxStack = limits.maxDepth + 2;
  for (const lexeme of new Lexer().lex(text)) {
    for (const t of parser.next(lexeme)) tokens.push(t);
    if (parser.stack.length > maxStack) {
      throw new LimitExceeded('nesting-depth', `YAML nesting deeper than ${limits.maxDepth} levels`, lineCounter.linePos(parser.offset).line);
    }
  }
  for (const t of parser.end()) tokens.push(t);
  return tokens;
}

const keyId = (key: Scalar): string | undefined => {
  const v = key.value;
  if (typeof v === 'symbol') return `symbol:${v.description ?? ''}`;
  if (v !== null && typeof v === 'object') return undefined;
  return `${typeof v}:${String(v)}`;
};

/**
 * One linear pass over a composed document, in source order: the node each alias names, the size and
 * depth of the document with aliases and merge keys expanded (memoised per node, so an alias bomb is
 * measured, not expanded), recursive aliases, and duplicate keys (`yaml`'s own check is quadratic in
 * the number of keys of a mapping).
 */
function analyse(doc: Document.Parsed, limits: Readonly<ParseLimits>, uniqueKeys: boolean, lineCounter: LineCounter): Omit<ComposedDoc, 'doc'> {
  const anchors = new Map<string, Node>();
  const aliases = new Map<Alias, Node | undefined>();
  const measured = new Map<Node, { size: number; depth: number }>();
  const open = new Set<Node>();
  const errors: YamlError[] = doc.errors.map((e) => ({ offset: e.pos[0], code: e.code, message: e.message }));
  const lineOf = (n: { range?: unknown }): number | undefined => (Array.isArray(n.range) ? lineCounter.linePos(n.range[0] as number).line : undefined);
  let added = 0;
  const NONE = { size: 0, depth: 0 };
  const visit = (node: unknown): { size: number; depth: number } => {
    if (!node || typeof node !== 'object') return NONE;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      aliases.set(node, target);
      if (!target) return NONE;
      if (open.has(target)) throw new LimitExceeded('recursive-alias', 'an alias is inside the node its anchor names', lineOf(node));
      const m = measured.get(target) ?? NONE;
      added += m.size;
      if (added > limits.maxAliasExpansion) {
        throw new LimitExceeded('alias-expansion', `YAML aliases and merge keys expand to more than ${limits.maxAliasExpansion} nodes`, lineOf(node));
      }
      return m;
    }
    const n = node as Node;
    if (n.anchor) anchors.set(n.anchor, n);
    let size = 1;
    let depth = 0;
    if (isMap(n) || isSeq(n)) {
      open.add(n);
      const keys = uniqueKeys && isMap(n) ? new Set<string>() : undefined;
      for (const it of n.items as unknown[]) {
        if (isPair(it)) {
          const k = visit(it.key);
          const v = visit(it.value);
          size += k.size + v.size;
          depth = Math.max(depth, k.depth, v.depth);
          if (keys && isScalar(it.key) && !isMergeKey(it.key)) {
            const id = keyId(it.key);
            if (id !== undefined && keys.has(id)) errors.push({ offset: it.key.range?.[0] ?? 0, code: 'DUPLICATE_KEY', message: 'Map keys must be unique' });
            else if (id !== undefined) keys.add(id);
          }
        } else {
          const c = visit(it);
          size += c.size;
          depth = Math.max(depth, c.depth);
        }
      }
      open.delete(n);
      depth++;
      if (depth > limits.maxDepth) throw new LimitExceeded('nesting-depth', `YAML nesting deeper than ${limits.maxDepth} levels with aliases expanded`, lineOf(n));
    }
    const m = { size, depth };
    measured.set(n, m);
    return m;
  };
  visit(doc.contents);
  errors.sort((a, b) => a.offset - b.offset);
  return { errors, aliases };
}

/**
 * Parse a YAML stream (or JSON) for the engine: the one way repository content reaches the `yaml`
 * package. Throws `LimitExceeded` when the text exceeds a limit; otherwise returns every document
 * with its errors (the caller decides what a document with errors means).
 */
export function composeYaml(text: string, options: ComposeOptions = {}): ComposedStream {
  // `yaml` makes an Error per syntax error, and capturing each one's stack costs more than parsing:
  // a 100 KB file of quotes (50,000 errors) took seconds. Nobody reads those stacks.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return composeUnlimited(text, options);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function composeUnlimited(text: string, options: ComposeOptions): ComposedStream {
  const limits: Readonly<ParseLimits> = options.limits ? { ...DEFAULT_PARSE_LIMITS, ...options.limits } : DEFAULT_PARSE_LIMITS;
  if (text.length > limits.maxChars) throw new LimitExceeded('text-size', `${text.length} characters, more than the ${limits.maxChars} a YAML or JSON file may have`);
  const lineCounter = new LineCounter();
  const tokens = parseTokens(text, limits, lineCounter);
  checkSyntaxTree(tokens, limits, lineCounter);
  // Duplicate keys are found by `analyse` in linear time; `yaml`'s check compares every pair of keys.
  const composer = new Composer({ merge: true, version: options.version ?? '1.2', uniqueKeys: false, strict: false });
  const docs = Array.from(composer.compose(tokens));
  const uniqueKeys = options.uniqueKeys ?? true;
  const streamErrors = docs.length ? [] : composer.streamInfo().errors.map((e) => ({ offset: e.pos[0], code: e.code, message: e.message }));
  return { docs: docs.map((doc) => ({ doc, ...analyse(doc, limits, uniqueKeys, lineCounter) })), streamErrors, lineCounter };
}

let cache: { text: string; key: string; result: YamlFile | undefined; error?: LimitExceeded } | undefined;

/**
 * Parse YAML (one or several `---` documents) or JSON with positions. `undefined` when it does not
 * parse (see `ParseOptions.tolerant` for streams); throws `LimitExceeded` when it exceeds a limit.
 * Cached for the last text + options.
 */
export function parseYaml(text: string, options: ParseOptions = {}): YamlFile | undefined {
  const key = `${options.version ?? '1.2'}|${options.tolerant ? 't' : 's'}|${options.uniqueKeys === false ? 'd' : 'u'}|${options.limits ? JSON.stringify(options.limits) : ''}`;
  if (cache && cache.key === key && cache.text === text) {
    if (cache.error) throw cache.error;
    // Each caller (a rule, a later scan of the same text) walks within its own budget.
    for (const d of cache.result?.docs ?? []) d.resetWalkBudget();
    return cache.result;
  }
  try {
    const result = parseUncached(text, options);
    cache = { text, key, result };
    return result;
  } catch (e) {
    // Remembered like a result: the next rule on this file is told at once.
    if (e instanceof LimitExceeded) cache = { text, key, result: undefined, error: e };
    throw e;
  }
}

/** JSON with positions: the same parser (JSON is YAML 1.2), duplicate keys tolerated like `JSON.parse`. */
export function parseJson(text: string): YamlFile | undefined {
  return parseYaml(text, { uniqueKeys: false });
}

function parseUncached(text: string, options: ParseOptions): YamlFile | undefined {
  let stream: ComposedStream;
  try {
    stream = composeYaml(text, options);
  } catch (e) {
    if (e instanceof LimitExceeded) throw e;
    return undefined;
  }
  const good = stream.docs.filter((d) => d.errors.length === 0);
  if (good.length !== stream.docs.length && !options.tolerant) return undefined;
  if (stream.docs.length === 0 && stream.streamErrors.length) return undefined;
  const limits = options.limits ? { ...DEFAULT_PARSE_LIMITS, ...options.limits } : DEFAULT_PARSE_LIMITS;
  return new YamlFile(text, good, stream.lineCounter, limits);
}

/** Clear the one-entry cache (tests). */
export function clearYamlCache(): void {
  cache = undefined;
}
