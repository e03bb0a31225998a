/**
 * One small tree for policy documents wherever they are written — Terraform `jsonencode(...)` objects,
 * heredoc or quoted JSON, CloudFormation YAML/JSON, standalone JSON files — so the IAM, GCP, Azure and
 * Kubernetes helpers read one shape. Every node keeps the 1-based line and column it starts at in the
 * scanned file; JSON embedded in a string (a heredoc, a `!Sub |` block) is parsed with positions and
 * its lines are mapped back into the file.
 *
 * Values that are not literal (Terraform references and interpolations, CloudFormation intrinsic
 * functions) are kept with `dynamic: true`, so rules can tell "unknown" from "wildcard".
 */
import { DEFAULT_PARSE_LIMITS, LimitExceeded } from '../../../limits.js';
import type { HclValue } from '../../../parse/hcl.js';
import type { YamlDoc, YamlNode } from '../../../parse/yaml.js';
import { isMap, isScalar, isSeq } from '../../../parse/yaml.js';

export interface At {
  line: number;
  column: number;
}

export type PNode =
  | ({ k: 'str'; v: string; dynamic: boolean } & At)
  | ({ k: 'arr'; items: PNode[] } & At)
  | ({ k: 'obj'; entries: PEntry[] } & At)
  /** Anything else: numbers, booleans, null, unresolved expressions (`text` is their source, if known). */
  | ({ k: 'other'; text: string } & At);

export interface PEntry {
  key: string;
  line: number;
  column: number;
  value: PNode;
}

/** Marks a Terraform `${…}` interpolation replaced before parsing embedded JSON (never in real policies). */
export const PLACEHOLDER = '\u2026';

// ---------------------------------------------------------------------------------------------------
// Accessors

/** The entry for `key` in an object node, case-insensitive (policy grammars are case-sensitive, authors are not). */
export function entry(n: PNode | undefined, key: string): PEntry | undefined {
  if (!n || n.k !== 'obj') return undefined;
  const lower = key.toLowerCase();
  for (const e of n.entries) if (e.key === key) return e;
  for (const e of n.entries) if (e.key.toLowerCase() === lower) return e;
  return undefined;
}

export function get(n: PNode | undefined, key: string): PNode | undefined {
  return entry(n, key)?.value;
}

/** A string node (or each string of an array node); other kinds are skipped. */
export function strings(n: PNode | undefined): Array<Extract<PNode, { k: 'str' }>> {
  if (!n) return [];
  if (n.k === 'str') return [n];
  if (n.k === 'arr') return n.items.flatMap((i) => (i.k === 'str' ? [i] : i.k === 'arr' ? strings(i) : []));
  return [];
}

/** The items of an array node, or the node itself as a one-item list (IAM allows both). */
export function list(n: PNode | undefined): PNode[] {
  if (!n) return [];
  return n.k === 'arr' ? n.items : [n];
}

export function str(n: PNode | undefined): string | undefined {
  return n?.k === 'str' ? n.v : undefined;
}

// ---------------------------------------------------------------------------------------------------
// From Terraform values

/** A Terraform value as a tree: `jsonencode(x)` is `x`; a string holding JSON is parsed with positions. */
export function fromHcl(v: HclValue, text: string, opts: { parseStrings?: boolean } = {}): PNode {
  const at = { line: v.pos.line, column: v.pos.column };
  switch (v.kind) {
    case 'string':
    case 'template': {
      if (opts.parseStrings) {
        const single = v.pos.line === v.endLine ? v.pos.line : undefined;
        const parsed =
          parseEmbeddedJson(v.value, v.kind === 'template', text, v.pos.line, single) ??
          // A quoted string (`"{\"Statement\": …}"`) holds its JSON with HCL escapes; a heredoc holds it as written.
          (v.value.includes('\\"') && quotedAt(text, v.pos.line, v.pos.column) ? parseEmbeddedJson(unescapeHcl(v.value), v.kind === 'template', text, v.pos.line, single) : undefined);
        if (parsed) return parsed;
      }
      return { k: 'str', v: v.value, dynamic: v.kind === 'template', ...at };
    }
    case 'tuple':
      return { k: 'arr', items: v.items.map((i) => fromHcl(i, text)), ...at };
    case 'object':
      return { k: 'obj', entries: v.entries.map((e) => ({ key: unquote(e.key), line: e.keyPos.line, column: e.keyPos.column, value: fromHcl(e.value, text) })), ...at };
    case 'call':
      if ((v.name === 'jsonencode' || v.name === 'yamlencode') && v.args.length === 1) return fromHcl(v.args[0]!, text);
      return { k: 'other', text: `${v.name}(…)`, ...at };
    case 'number':
    case 'bool':
      return { k: 'other', text: String(v.value), ...at };
    case 'null':
      return { k: 'other', text: 'null', ...at };
    case 'expr':
      return { k: 'other', text: v.text, ...at };
  }
}

/** Whether the value at (line, column) is written as a quoted string (not a heredoc). */
function quotedAt(text: string, line: number, column: number): boolean {
  return fileLinesOf(text)[line - 1]?.[column - 1] === '"';
}

/** HCL's escapes in a quoted string (a backslash before `"`, `\\`, `n`, `t`, `r`, `uXXXX`). */
export function unescapeHcl(s: string): string {
  return s.replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/g, (_m, u: string | undefined, U: string | undefined, c: string | undefined) => {
    if (u) return String.fromCharCode(parseInt(u, 16));
    if (U) return String.fromCodePoint(parseInt(U, 16));
    return c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : (c ?? '');
  });
}

const unquote = (s: string): string => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

// ---------------------------------------------------------------------------------------------------
// From YAML / JSON documents (CloudFormation, ARM, Kubernetes, standalone policies)

/** CloudFormation short-form tags whose value is not a literal. */
const DYNAMIC_TAGS = new Set([
  '!Ref',
  '!GetAtt',
  '!Sub',
  '!Join',
  '!If',
  '!Select',
  '!Split',
  '!ImportValue',
  '!FindInMap',
  '!GetAZs',
  '!Base64',
  '!Cidr',
  '!Transform',
  '!And',
  '!Or',
  '!Not',
  '!Equals',
  '!Condition',
]);

export function fromYaml(doc: YamlDoc, node: YamlNode | undefined, depth = 0): PNode {
  const n = doc.deref(node);
  const p = doc.pos(n) ?? { line: 1, column: 1 };
  const at = { line: p.line, column: p.column };
  if (n === undefined || depth > 48) return { k: 'other', text: '', ...at };
  const tag = (n as { tag?: string }).tag;
  if (isScalar(n)) {
    const v = n.value;
    if (typeof v === 'string') {
      // `!Sub |` JSON policy strings: parse them (positions mapped into the file).
      if (v.includes('{') && /"Statement"/.test(v)) {
        const block = (n as { type?: string }).type === 'BLOCK_LITERAL';
        const parsed = parseEmbeddedJson(v, tag === '!Sub', doc.file.text, block ? p.line + 1 : p.line, block ? undefined : p.line);
        if (parsed) return parsed;
      }
      const dynamic = tag !== undefined && DYNAMIC_TAGS.has(tag) && !(tag === '!Sub' && !v.includes('${'));
      return { k: 'str', v, dynamic, ...at };
    }
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar holds a primitive, or a Date or bytes (YAML 1.1 timestamp, binary), each printed by its own toString
    return { k: 'other', text: v === null || v === undefined ? 'null' : String(v), ...at };
  }
  if (isSeq(n)) {
    if (tag && DYNAMIC_TAGS.has(tag)) return { k: 'other', text: tag, ...at };
    return { k: 'arr', items: doc.items(n).map((i) => fromYaml(doc, i, depth + 1)), ...at };
  }
  if (isMap(n)) {
    const entries = doc.entries(n);
    // Long-form intrinsic functions (`{ "Fn::Sub": … }`, `{ "Ref": … }`) are not literals.
    if (entries.length === 1 && /^(?:Ref|Fn::\w+)$/.test(entries[0]!.key)) {
      const only = entries[0]!;
      if (only.key === 'Fn::Sub') {
        const inner = fromYaml(doc, only.value, depth + 1);
        if (inner.k === 'str') return { ...inner, dynamic: inner.v.includes('${') };
        if (inner.k === 'arr' && inner.items[0]?.k === 'str') return { ...inner.items[0], dynamic: true };
      }
      return { k: 'other', text: only.key, ...at };
    }
    return {
      k: 'obj',
      entries: entries.map((e) => {
        const kp = doc.pos(e.keyNode) ?? at;
        return { key: e.key, line: kp.line, column: kp.column, value: fromYaml(doc, e.value, depth + 1) };
      }),
      ...at,
    };
  }
  return { k: 'other', text: tag ?? '', ...at };
}

/**
 * The alternatives of a CloudFormation `!If [cond, a, b]` / `Fn::If` (both branches), or the node itself.
 * Rules look at every branch: a template that can deploy an admin policy is one that grants it.
 */
export function branches(doc: YamlDoc, node: YamlNode | undefined): YamlNode[] {
  const n = doc.deref(node);
  if (!n) return [];
  const tag = (n as { tag?: string }).tag;
  if (tag === '!If' && isSeq(n))
    return doc
      .items(n)
      .slice(1)
      .flatMap((b) => branches(doc, b));
  if (isMap(n)) {
    const es = doc.entries(n);
    if (es.length === 1 && es[0]!.key === 'Fn::If' && isSeq(es[0]!.value))
      return doc
        .items(es[0]!.value)
        .slice(1)
        .flatMap((b) => branches(doc, b));
  }
  return [n];
}

// ---------------------------------------------------------------------------------------------------
// Embedded JSON with positions

/**
 * Parse JSON held in a string value whose content starts on `firstLine` of the file. Terraform / `!Sub`
 * interpolations (`${…}`) are replaced by placeholders first (same length, so columns hold). Lines are
 * mapped one to one; columns are recovered by finding the token on the file's line (best effort).
 * `undefined` when the text is not a JSON object.
 */
export function parseEmbeddedJson(value: string, interpolated: boolean, fileText: string, firstLine: number, singleLine?: number): PNode | undefined {
  const trimmed = value.trimStart();
  if (!trimmed.startsWith('{')) return undefined;
  const src = interpolated ? maskInterpolations(value) : value;
  const tree = parseJsonText(src);
  if (!tree) return undefined;
  const fileLines = fileLinesOf(fileText);
  // A heredoc's first content line is the line after `<<EOT`: find where the JSON really starts.
  let base = firstLine;
  const firstContent = value.split('\n', 1)[0]!.trim();
  if (singleLine === undefined && firstContent) {
    for (let l = firstLine; l <= Math.min(firstLine + 2, fileLines.length); l++) {
      if (fileLines[l - 1]?.includes(firstContent)) {
        base = l;
        break;
      }
    }
  }
  const map = (n: PNode): PNode => {
    const line = singleLine ?? base + n.line - 1;
    const column = columnIn(fileLines[line - 1], n) ?? n.column;
    switch (n.k) {
      case 'str':
        return { ...n, line, column, dynamic: n.dynamic || n.v.includes(PLACEHOLDER) };
      case 'arr':
        return { ...n, line, column, items: n.items.map(map) };
      case 'obj':
        return {
          ...n,
          line,
          column,
          entries: n.entries.map((e) => {
            const el = singleLine ?? base + e.line - 1;
            const kc = fileLines[el - 1]?.indexOf(`"${e.key}"`) ?? -1;
            return { ...e, line: el, column: kc >= 0 ? kc + 1 : e.column, value: map(e.value) };
          }),
        };
      default:
        return { ...n, line, column };
    }
  };
  return map(tree);
}

function columnIn(lineText: string | undefined, n: PNode): number | undefined {
  if (lineText === undefined || n.k !== 'str') return undefined;
  const i = lineText.indexOf(JSON.stringify(n.v).replace(new RegExp(PLACEHOLDER, 'g'), ''));
  return i >= 0 ? i + 1 : undefined;
}

let linesCache: { text: string; lines: string[] } | undefined;
function fileLinesOf(text: string): string[] {
  if (linesCache?.text !== text) linesCache = { text, lines: text.split('\n') };
  return linesCache.lines;
}

/** Replace `${…}` (balanced) by same-length placeholders: inside a JSON string `……`, outside `"……"`. */
export function maskInterpolations(s: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ((c === '$' || c === '%') && s[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}' && --depth === 0) break;
      }
      if (j >= s.length) return s;
      const len = j - i + 1;
      out += inString ? PLACEHOLDER.repeat(len) : `"${PLACEHOLDER.repeat(Math.max(0, len - 2))}"`;
      i = j;
      continue;
    }
    if (c === '\\' && inString) {
      out += c + (s[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
  }
  return out;
}

/**
 * A small JSON parser with 1-based positions (relative to `src`). Lenient where policy authors are:
 * trailing commas and `//` comments are accepted. `undefined` on anything else malformed; throws
 * `LimitExceeded` for text too large or nested too deep (not judged, rather than "no policy here").
 */
export function parseJsonText(src: string): PNode | undefined {
  const limits = DEFAULT_PARSE_LIMITS;
  if (src.length > limits.maxChars) throw new LimitExceeded('text-size', `${src.length} characters, more than the ${limits.maxChars} a JSON document may have`);
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (): never => {
    throw new SyntaxError('json');
  };
  const ws = (): void => {
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = ++i;
      } else if (c === 32 || c === 9 || c === 13) i++;
      else if (c === 47 && src.charCodeAt(i + 1) === 47) {
        while (i < src.length && src.charCodeAt(i) !== 10) i++;
      } else return;
    }
  };
  const at = (): At => ({ line, column: i - lineStart + 1 });
  const string = (): string => {
    i++;
    let out = '';
    for (;;) {
      if (i >= src.length) fail();
      const c = src[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail();
      if (c === '\\') {
        const e = src[i + 1];
        if (e === 'u') {
          out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16) || 0);
          i += 6;
        } else {
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : (e ?? '');
          i += 2;
        }
        continue;
      }
      out += c;
      i++;
    }
  };
  const value = (depth: number): PNode => {
    if (depth > limits.maxDepth) throw new LimitExceeded('nesting-depth', `JSON nesting deeper than ${limits.maxDepth} levels`);
    ws();
    const p = at();
    const c = src[i];
    if (c === '{') {
      i++;
      const entries: PEntry[] = [];
      for (;;) {
        ws();
        if (src[i] === '}') {
          i++;
          break;
        }
        if (src[i] !== '"') fail();
        const kp = at();
        const key = string();
        ws();
        if (src[i] !== ':') fail();
        i++;
        entries.push({ key, line: kp.line, column: kp.column, value: value(depth + 1) });
        ws();
        if (src[i] === ',') i++;
        else if (src[i] !== '}') fail();
      }
      return { k: 'obj', entries, ...p };
    }
    if (c === '[') {
      i++;
      const items: PNode[] = [];
      for (;;) {
        ws();
        if (src[i] === ']') {
          i++;
          break;
        }
        items.push(value(depth + 1));
        ws();
        if (src[i] === ',') i++;
        else if (src[i] !== ']') fail();
      }
      return { k: 'arr', items, ...p };
    }
    if (c === '"') return { k: 'str', v: string(), dynamic: false, ...p };
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(i, i + 32));
    if (!m) fail();
    i += m![0].length;
    return { k: 'other', text: m![0], ...p };
  };
  try {
    const v = value(0);
    ws();
    return i >= src.length ? v : undefined;
  } catch (e) {
    if (e instanceof LimitExceeded) throw e;
    return undefined;
  }
}
