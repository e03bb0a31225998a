/**
 * Terraform / HCL with positions, for structural rules (IAM policies, KMS keys, secrets, tokens).
 * The parser is tree-sitter's HCL grammar compiled to WebAssembly (no native addon): `initHcl()` loads
 * it once, asynchronously, at start-up (`initEngine()` does it for the CLI, the App and the tests);
 * after that `parseHcl` is synchronous like the rest of the engine.
 *
 * The syntax tree is turned into plain objects at once (and the WASM tree freed), so rules walk
 * ordinary data: blocks with labels, attributes with values, and 1-based positions.
 *
 * Repository content is hostile: the text size is bounded, the parse has a deadline (tree-sitter's
 * error recovery is super-linear on some garbage: 0.4 MB took 17 s), and the conversion bounds its
 * recursion. Each throws `LimitExceeded`, which the scanner reports as "not judged".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Position } from './yaml.js';
import { DEFAULT_PARSE_LIMITS, LimitExceeded } from '../limits.js';

type TsParser = import('web-tree-sitter').Parser;
type TsNode = import('web-tree-sitter').Node;

export type HclValue =
  | { kind: 'string'; value: string; pos: Position; endLine: number }
  /** A string with `${…}` interpolation: `value` is the raw text between the quotes. */
  | { kind: 'template'; value: string; pos: Position; endLine: number }
  | { kind: 'number'; value: number; pos: Position; endLine: number }
  | { kind: 'bool'; value: boolean; pos: Position; endLine: number }
  | { kind: 'null'; pos: Position; endLine: number }
  | { kind: 'tuple'; items: HclValue[]; pos: Position; endLine: number }
  | { kind: 'object'; entries: HclObjectEntry[]; pos: Position; endLine: number }
  | { kind: 'call'; name: string; args: HclValue[]; pos: Position; endLine: number }
  /** Anything else (references, operators, conditionals, for-expressions): its source text. */
  | { kind: 'expr'; text: string; pos: Position; endLine: number };

export interface HclObjectEntry {
  key: string;
  keyPos: Position;
  value: HclValue;
}

export interface HclAttribute {
  name: string;
  value: HclValue;
  pos: Position;
}

export interface HclBlock {
  /** `resource`, `data`, `provider`, `statement`, … */
  type: string;
  labels: string[];
  attributes: HclAttribute[];
  blocks: HclBlock[];
  pos: Position;
  endLine: number;
}

export interface HclFile {
  /** The top-level body as a block of type `''`. */
  root: HclBlock;
  /** The grammar recovered from syntax errors somewhere: results may be partial. */
  hasErrors: boolean;
}

let parser: TsParser | undefined;
let loading: Promise<void> | undefined;

/** Load the WASM grammar once. Safe to call many times and concurrently. */
export function initHcl(): Promise<void> {
  loading ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const language = await Language.load(wasm);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return loading;
}

export function hclReady(): boolean {
  return parser !== undefined;
}

const pos = (n: TsNode): Position => ({ line: n.startPosition.row + 1, column: n.startPosition.column + 1 });
const endLine = (n: TsNode): number => n.endPosition.row + 1;
const named = (n: TsNode): TsNode[] => n.namedChildren.filter((c): c is TsNode => c !== null);

function stringOf(n: TsNode): { text: string; interpolated: boolean } {
  // string_lit: quoted_template_start, template_literal*, quoted_template_end;
  // quoted_template / heredoc_template may also hold template_interpolation.
  let text = '';
  let interpolated = false;
  for (const c of named(n)) {
    if (c.type === 'template_literal') text += c.text;
    else if (c.type === 'template_interpolation' || c.type === 'template_directive') {
      interpolated = true;
      text += c.text;
    }
  }
  return { text, interpolated };
}

function heredocOf(n: TsNode): { text: string; interpolated: boolean } {
  const parts = named(n).filter((c) => c.type !== 'heredoc_start' && c.type !== 'heredoc_identifier');
  const src = n.text;
  if (!parts.length) return { text: '', interpolated: false };
  const from = parts[0]!.startIndex - n.startIndex;
  const to = parts[parts.length - 1]!.endIndex - n.startIndex;
  return { text: src.slice(from, to), interpolated: parts.some((p) => p.type === 'template_interpolation' || p.type === 'template_directive') };
}

/** Syntax-tree levels the conversion may recurse through (a few per level of HCL nesting). */
const MAX_TREE_DEPTH = DEFAULT_PARSE_LIMITS.maxDepth * 4;

function tooDeep(n: TsNode): LimitExceeded {
  return new LimitExceeded('nesting-depth', `HCL blocks or values nested deeper than ${MAX_TREE_DEPTH} syntax levels`, n.startPosition.row + 1);
}

function valueOf(n: TsNode, depth: number): HclValue {
  if (depth > MAX_TREE_DEPTH) throw tooDeep(n);
  const d = depth + 1;
  const valueOf_ = (c: TsNode): HclValue => valueOf(c, d);
  const at = { pos: pos(n), endLine: endLine(n) };
  switch (n.type) {
    case 'expression':
    case 'literal_value':
    case 'collection_value':
    case 'template_expr': {
      const inner = named(n);
      return inner.length === 1 ? valueOf_(inner[0]!) : { kind: 'expr', text: n.text, ...at };
    }
    case 'string_lit':
    case 'quoted_template': {
      const s = stringOf(n);
      return s.interpolated ? { kind: 'template', value: s.text, ...at } : { kind: 'string', value: s.text, ...at };
    }
    case 'heredoc_template': {
      const s = heredocOf(n);
      return s.interpolated ? { kind: 'template', value: s.text, ...at } : { kind: 'string', value: s.text, ...at };
    }
    case 'numeric_lit':
      return { kind: 'number', value: Number(n.text), ...at };
    case 'bool_lit':
      return { kind: 'bool', value: n.text === 'true', ...at };
    case 'null_lit':
      return { kind: 'null', ...at };
    case 'tuple':
      return {
        kind: 'tuple',
        items: named(n)
          .filter((c) => c.type === 'expression')
          .map(valueOf_),
        ...at,
      };
    case 'object':
      return {
        kind: 'object',
        entries: named(n)
          .filter((c) => c.type === 'object_elem')
          .map((e) => {
            const k = e.childForFieldName('key') ?? named(e)[0]!;
            const v = e.childForFieldName('val') ?? named(e)[1]!;
            const kv = valueOf_(k);
            const key = kv.kind === 'string' ? kv.value : kv.kind === 'expr' ? kv.text : k.text;
            return { key, keyPos: pos(k), value: valueOf_(v) };
          }),
        ...at,
      };
    case 'function_call': {
      const kids = named(n);
      const name = kids.find((c) => c.type === 'identifier')?.text ?? '';
      const args = kids.find((c) => c.type === 'function_arguments');
      return {
        kind: 'call',
        name,
        args: args
          ? named(args)
              .filter((c) => c.type === 'expression')
              .map(valueOf_)
          : [],
        ...at,
      };
    }
    default:
      return { kind: 'expr', text: n.text, ...at };
  }
}

function blockOf(n: TsNode, type: string, labels: string[], depth: number): HclBlock {
  if (depth > MAX_TREE_DEPTH) throw tooDeep(n);
  const block: HclBlock = { type, labels, attributes: [], blocks: [], pos: pos(n), endLine: endLine(n) };
  const body = n.type === 'body' ? n : named(n).find((c) => c.type === 'body');
  for (const c of body ? named(body) : []) {
    if (c.type === 'attribute') {
      const kids = named(c);
      const id = kids.find((k) => k.type === 'identifier');
      const expr = kids.find((k) => k.type === 'expression');
      if (id && expr) block.attributes.push({ name: id.text, value: valueOf(expr, depth + 1), pos: pos(c) });
    } else if (c.type === 'block') {
      const kids = named(c);
      const id = kids.find((k) => k.type === 'identifier');
      const labs = kids.filter((k) => k !== id && (k.type === 'string_lit' || k.type === 'identifier')).map((k) => (k.type === 'string_lit' ? stringOf(k).text : k.text));
      block.blocks.push(blockOf(c, id?.text ?? '', labs, depth + 1));
    }
  }
  return block;
}

let cache: { text: string; file: HclFile | undefined; error?: LimitExceeded } | undefined;

/**
 * Parse HCL/Terraform text; `undefined` for text that is not HCL at all. Needs `initHcl()` first.
 * Throws `LimitExceeded` for text over a limit (remembered, so the next rule does not parse it again).
 */
export function parseHcl(text: string): HclFile | undefined {
  if (cache && cache.text === text) {
    if (cache.error) throw cache.error;
    return cache.file;
  }
  if (!parser) throw new Error('The HCL parser is not loaded: call `await initEngine()` (or `initHcl()`) once before scanning.');
  try {
    const file = parseUncached(parser, text);
    cache = { text, file };
    return file;
  } catch (e) {
    if (e instanceof LimitExceeded) cache = { text, file: undefined, error: e };
    throw e;
  }
}

function parseUncached(p: TsParser, text: string): HclFile | undefined {
  const limits = DEFAULT_PARSE_LIMITS;
  if (text.length > limits.maxHclChars) throw new LimitExceeded('text-size', `${text.length} characters, more than the ${limits.maxHclChars} an HCL file may have`);
  const deadline = performance.now() + limits.maxHclParseMs;
  let late = false;
  const tree = p.parse(text, null, { progressCallback: () => (late ||= performance.now() > deadline) });
  if (late || !tree) {
    // A cancelled parse resumes on the next call unless reset.
    p.reset();
    tree?.delete();
    if (late) throw new LimitExceeded('parse-time', `the HCL parser ran longer than ${limits.maxHclParseMs} ms`);
    return undefined;
  }
  try {
    const root = tree.rootNode;
    const body = named(root).find((c) => c.type === 'body');
    return { root: body ? blockOf(body, '', [], 0) : { type: '', labels: [], attributes: [], blocks: [], pos: { line: 1, column: 1 }, endLine: 1 }, hasErrors: root.hasError };
  } finally {
    tree.delete();
  }
}

/** Plain JS of a value: `jsonencode(x)` is `x`; references and templates are their source text. */
export function hclToJS(v: HclValue): unknown {
  switch (v.kind) {
    case 'string':
    case 'template':
    case 'number':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'tuple':
      return v.items.map(hclToJS);
    case 'object':
      return Object.fromEntries(v.entries.map((e) => [e.key, hclToJS(e.value)]));
    case 'call':
      return (v.name === 'jsonencode' || v.name === 'yamlencode') && v.args.length === 1 ? hclToJS(v.args[0]!) : `${v.name}(…)`;
    case 'expr':
      return v.text;
  }
}

/** Every block (depth-first) matching `type` and, optionally, its first label. */
export function findBlocks(block: HclBlock, type: string, firstLabel?: string): HclBlock[] {
  const out: HclBlock[] = [];
  const walk = (b: HclBlock): void => {
    for (const c of b.blocks) {
      if (c.type === type && (firstLabel === undefined || c.labels[0] === firstLabel)) out.push(c);
      walk(c);
    }
  };
  walk(block);
  return out;
}

export function attr(block: HclBlock, name: string): HclAttribute | undefined {
  return block.attributes.find((a) => a.name === name);
}
