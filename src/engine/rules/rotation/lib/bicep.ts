/**
 * Bicep files read as ARM templates, so the rules that read ARM resources read Bicep too. Bicep
 * compiles to ARM: `resource <symbol> '<type>@<apiVersion>' = { name: …, properties: { … } }` is the
 * template resource `{ "type", "apiVersion", "name", "properties" }`. This turns the declarations of a
 * `.bicep` file into that JSON, each key on the line it has in the Bicep source (so findings point at
 * the right line), with:
 *
 * - literal strings, numbers and booleans as themselves; anything computed (`'${prefix}-kv'`, a
 *   function call, a ternary) as an ARM expression string (`"[ … ]"`), which the rules treat as not
 *   known here; a bare parameter or variable name as `[parameters('x')]` / `[variables('x')]`, with a
 *   `parameters` section holding the literal defaults (`param x bool = true`) and a `variables` section;
 * - the resource's name as its symbolic name (what a Bicep author recognises);
 * - child resources declared inside their parent (`resource secret 'secrets' = { … }`) under the
 *   parent's `resources` (one `resources` key per child: read them with every entry of that name);
 *   `parent:` children keep their full type;
 * - an object that spreads another (`...common`) as an expression (any key may come from it), and a
 *   resource whose body does left out;
 * - conditional (`= if (…) { … }`) and looped (`= [for … : { … }]`) resources as the object they
 *   declare; `existing` resources, modules, outputs and everything else left out.
 */

interface Tok {
  kind: 'nl' | 'str' | 'istr' | 'num' | 'id' | 'punct';
  text: string;
  /** The string's value (literal strings) or source text. */
  value: string;
  line: number;
}

const MAX_BYTES = 2 * 1024 * 1024;

function tokenize(src: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '\n') {
      out.push({ kind: 'nl', text: '\n', value: '\n', line });
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === '\n') line++;
      i = stop;
    } else if (src.startsWith("'''", i)) {
      const end = src.indexOf("'''", i + 3);
      const stop = end === -1 ? n : end + 3;
      const text = src.slice(i, stop);
      out.push({ kind: 'str', text, value: src.slice(i + 3, end === -1 ? n : end), line });
      for (const ch of text) if (ch === '\n') line++;
      i = stop;
    } else if (c === "'") {
      const start = i;
      const startLine = line;
      let value = '';
      let interpolated = false;
      i++;
      while (i < n && src[i] !== "'") {
        if (src[i] === '\\' && i + 1 < n) {
          const e = src[i + 1]!;
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          i += 2;
        } else if (src[i] === '$' && src[i + 1] === '{') {
          interpolated = true;
          let depth = 0;
          for (; i < n; i++) {
            if (src[i] === '{') depth++;
            else if (src[i] === '}' && --depth === 0) {
              i++;
              break;
            } else if (src[i] === '\n') line++;
          }
        } else {
          if (src[i] === '\n') line++;
          value += src[i];
          i++;
        }
      }
      i++;
      out.push({ kind: interpolated ? 'istr' : 'str', text: src.slice(start, i), value, line: startLine });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(?:\.[0-9]+)?/.exec(src.slice(i, i + 40))!;
      out.push({ kind: 'num', text: m[0], value: m[0], line });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 200))!;
      out.push({ kind: 'id', text: m[0], value: m[0], line });
      i += m[0].length;
    } else {
      out.push({ kind: 'punct', text: c, value: c, line });
      i++;
    }
    if (out.length > 500_000) return undefined;
  }
  return out;
}

type Value =
  | { kind: 'obj'; line: number; entries: Array<{ key: string; line: number; value: Value }>; spread?: boolean }
  | { kind: 'arr'; line: number; items: Value[] }
  | { kind: 'lit'; line: number; json: string }
  | { kind: 'expr'; line: number; text: string }
  | { kind: 'res'; line: number; symbol: string; type: string; api: string | undefined; body: Value | undefined };

const OPEN: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

class Parser {
  i = 0;
  constructor(readonly t: Tok[]) {}

  peek(k = 0): Tok | undefined {
    return this.t[this.i + k];
  }
  skipNl(): void {
    while (this.peek()?.kind === 'nl') this.i++;
  }
  /** Skip a balanced group starting at the current opening bracket. */
  skipGroup(): void {
    const stack: string[] = [];
    do {
      const tok = this.t[this.i++];
      if (!tok) return;
      if (tok.kind === 'punct' && OPEN[tok.text]) stack.push(OPEN[tok.text]!);
      else if (tok.kind === 'punct' && tok.text === stack[stack.length - 1]) stack.pop();
    } while (stack.length);
  }
  /** Skip to the end of the line, over balanced brackets (a statement left out). */
  skipStatement(): void {
    while (this.i < this.t.length) {
      const tok = this.peek()!;
      if (tok.kind === 'nl') return;
      if (tok.kind === 'punct' && OPEN[tok.text]) this.skipGroup();
      else this.i++;
    }
  }

  /** A value, up to the end of its line (or a `,` / closing bracket of the enclosing collection). */
  value(): Value {
    this.skipNl();
    const tok = this.peek();
    if (!tok) return { kind: 'expr', line: 1, text: '' };
    const startI = this.i;
    let v: Value | undefined;
    if (tok.kind === 'punct' && tok.text === '{') v = this.object();
    else if (tok.kind === 'punct' && tok.text === '[' && !(this.peek(1)?.kind === 'id' && this.peek(1)?.text === 'for')) v = this.array();
    else if (tok.kind === 'str' || tok.kind === 'num' || (tok.kind === 'id' && /^(?:true|false|null)$/.test(tok.text))) {
      this.i++;
      v = { kind: 'lit', line: tok.line, json: tok.kind === 'str' ? JSON.stringify(tok.value) : tok.text };
    }
    // A value followed by more of an expression (`{ … }.x`, `'a' == b ? …`) is an expression.
    const next = this.peek();
    if (v && (!next || next.kind === 'nl' || (next.kind === 'punct' && /[,}\]]/.test(next.text)))) return v;
    this.i = startI;
    const parts: string[] = [];
    while (this.i < this.t.length) {
      const t = this.peek()!;
      if (t.kind === 'nl') {
        // A ternary or a boolean expression carried on to the next lines (`cond\n  ? { … }\n  : null`).
        let k = this.i;
        while (this.t[k]?.kind === 'nl') k++;
        const after = this.t[k];
        if (after?.kind === 'punct' && /^[?:&|]$/.test(after.text)) {
          this.i = k;
          continue;
        }
        break;
      }
      if (t.kind === 'punct' && /[,}\])]/.test(t.text)) break;
      if (t.kind === 'punct' && OPEN[t.text]) {
        const from = this.i;
        this.skipGroup();
        parts.push(
          this.t
            .slice(from, this.i)
            .filter((x) => x.kind !== 'nl')
            .map((x) => x.text)
            .join(' '),
        );
      } else {
        parts.push(t.text);
        this.i++;
      }
    }
    return {
      kind: 'expr',
      line: tok.line,
      text: parts
        .join(' ')
        .replace(/\s+([.)\]])/g, '$1')
        .replace(/([.([])\s+/g, '$1')
        .replace(/(\w)\s+\(/g, '$1('),
    };
  }

  object(): Value {
    const open = this.t[this.i++]!;
    const obj: Value & { kind: 'obj' } = { kind: 'obj', line: open.line, entries: [] };
    for (;;) {
      this.skipNl();
      const tok = this.peek();
      if (!tok) return obj;
      if (tok.kind === 'punct' && (tok.text === '}' || tok.text === ',')) {
        this.i++;
        if (tok.text === '}') return obj;
        continue;
      }
      if (tok.kind === 'punct' && tok.text === '@') {
        this.i++;
        this.skipStatement();
        continue;
      }
      // `...expr`: any key may come from the spread object, so what is absent is not known to be absent.
      if (tok.text === '.' && this.peek(1)?.text === '.' && this.peek(2)?.text === '.') {
        obj.spread = true;
        this.i += 3;
        this.value();
        continue;
      }
      if (tok.kind === 'id' && tok.text === 'resource' && this.peek(1)?.kind === 'id') {
        const child = this.resource();
        if (child) obj.entries.push({ key: 'resources', line: child.line, value: { kind: 'arr', line: child.line, items: [child] } });
        continue;
      }
      if ((tok.kind === 'id' || tok.kind === 'str') && this.peek(1)?.text === ':') {
        this.i += 2;
        obj.entries.push({ key: tok.value, line: tok.line, value: this.value() });
        continue;
      }
      // Something this reader does not know: skip the line.
      this.skipStatement();
    }
  }

  array(): Value {
    const open = this.t[this.i++]!;
    const arr: Value & { kind: 'arr' } = { kind: 'arr', line: open.line, items: [] };
    for (;;) {
      this.skipNl();
      const tok = this.peek();
      if (!tok) return arr;
      if (tok.kind === 'punct' && (tok.text === ']' || tok.text === ',')) {
        this.i++;
        if (tok.text === ']') return arr;
        continue;
      }
      const before = this.i;
      arr.items.push(this.value());
      if (this.i === before) this.i++;
    }
  }

  /** `resource sym 'type@api' [existing] = body`; undefined for `existing` ones (references, not declarations). */
  resource(): (Value & { kind: 'res' }) | undefined {
    const kw = this.t[this.i++]!;
    const sym = this.t[this.i++]!;
    const typeTok = this.peek();
    if (typeTok?.kind !== 'str') {
      this.skipStatement();
      return undefined;
    }
    this.i++;
    let existing = false;
    while (this.peek() && this.peek()!.kind !== 'nl' && this.peek()!.text !== '=') {
      if (this.peek()!.text === 'existing') existing = true;
      this.i++;
    }
    if (this.peek()?.text !== '=') return undefined;
    this.i++;
    const body = this.body();
    if (existing) return undefined;
    const [type, api] = typeTok.value.split('@');
    return { kind: 'res', line: kw.line, symbol: sym.text, type: type!, api, body };
  }

  /** What follows `=`: an object, `if (…) { … }`, or `[for … : { … }]` (the object either way). */
  body(): Value | undefined {
    this.skipNl();
    let tok = this.peek();
    if (tok?.kind === 'id' && tok.text === 'if' && this.peek(1)?.text === '(') {
      this.i++;
      this.skipGroup();
      this.skipNl();
      tok = this.peek();
    }
    if (tok?.kind === 'punct' && tok.text === '{') return this.object();
    if (tok?.kind === 'punct' && tok.text === '[') {
      const end = this.findClose(this.i);
      // The object after the loop's `:`.
      for (let k = this.i + 1, depth = 0; k < end; k++) {
        const x = this.t[k]!;
        if (x.kind === 'punct' && OPEN[x.text]) {
          if (depth === 0 && x.text === '{' && this.colonBefore(this.i + 1, k)) {
            this.i = k;
            const obj = this.object();
            this.i = end + 1;
            return obj;
          }
          depth++;
        } else if (x.kind === 'punct' && /[}\])]/.test(x.text)) depth--;
      }
      this.i = end + 1;
      return undefined;
    }
    this.skipStatement();
    return undefined;
  }

  findClose(from: number): number {
    const save = this.i;
    this.i = from;
    this.skipGroup();
    const end = this.i - 1;
    this.i = save;
    return end;
  }

  colonBefore(from: number, to: number): boolean {
    let depth = 0;
    for (let k = from; k < to; k++) {
      const x = this.t[k]!;
      if (x.kind === 'punct' && OPEN[x.text]) depth++;
      else if (x.kind === 'punct' && /[}\])]/.test(x.text)) depth--;
      else if (depth === 0 && x.text === ':') return true;
    }
    return false;
  }
}

class Writer {
  out = '';
  line = 1;
  at(line: number): void {
    while (this.line < line) {
      this.out += '\n';
      this.line++;
    }
  }
  put(s: string, line?: number): void {
    if (line !== undefined) this.at(line);
    this.out += s;
    for (const ch of s) if (ch === '\n') this.line++;
  }
}

function write(w: Writer, v: Value, names: { params: Set<string>; vars: Set<string> }): void {
  switch (v.kind) {
    case 'lit':
      w.put(v.json, v.line);
      return;
    case 'expr': {
      const id = /^[A-Za-z_]\w*$/.test(v.text) ? v.text : undefined;
      const text = id && names.params.has(id) ? `[parameters('${id}')]` : id && names.vars.has(id) ? `[variables('${id}')]` : `[ ${v.text} ]`;
      w.put(JSON.stringify(text), v.line);
      return;
    }
    case 'arr':
      w.put('[', v.line);
      v.items.forEach((x, k) => {
        if (k) w.put(',');
        write(w, x, names);
      });
      w.put(']');
      return;
    case 'obj':
      if (v.spread) {
        w.put(JSON.stringify('[ {…} ]'), v.line);
        return;
      }
      w.put('{', v.line);
      v.entries.forEach((e, k) => {
        if (k) w.put(',');
        w.put(`${JSON.stringify(e.key)}:`, e.line);
        write(w, e.value, names);
      });
      w.put('}');
      return;
    case 'res': {
      w.put(`{"type":${JSON.stringify(v.type)}`, v.line);
      if (v.api) w.put(`,"apiVersion":${JSON.stringify(v.api)}`);
      w.put(`,"name":${JSON.stringify(v.symbol)}`);
      for (const e of v.body?.kind === 'obj' ? v.body.entries : []) {
        if (e.key === 'name') continue;
        w.put(',');
        w.put(`${JSON.stringify(e.key)}:`, e.line);
        write(w, e.value, names);
      }
      w.put('}');
      return;
    }
  }
}

/** The ARM-shaped JSON of a Bicep file's resource declarations (see above), or undefined when it has none. */
export function bicepAsArm(src: string): string | undefined {
  if (src.length > MAX_BYTES || !/\bresource\s/.test(src)) return undefined;
  const toks = tokenize(src);
  if (!toks) return undefined;
  const p = new Parser(toks);
  const resources: Array<Value & { kind: 'res' }> = [];
  const params = new Map<string, Value>();
  const vars = new Map<string, Value>();
  while (p.i < toks.length) {
    p.skipNl();
    const tok = p.peek();
    if (!tok) break;
    if (tok.kind === 'punct' && tok.text === '@') {
      p.i++;
      p.skipStatement();
      continue;
    }
    if (tok.kind === 'id' && tok.text === 'resource' && p.peek(1)?.kind === 'id') {
      const r = p.resource();
      if (r) resources.push(r);
      continue;
    }
    if (tok.kind === 'id' && (tok.text === 'param' || tok.text === 'var') && p.peek(1)?.kind === 'id') {
      const name = p.peek(1)!.text;
      p.i += 2;
      while (p.peek() && p.peek()!.kind !== 'nl' && p.peek()!.text !== '=') {
        if (p.peek()!.kind === 'punct' && OPEN[p.peek()!.text]) p.skipGroup();
        else p.i++;
      }
      if (p.peek()?.text === '=') {
        p.i++;
        const v = p.value();
        (tok.text === 'param' ? params : vars).set(name, v);
      } else if (tok.text === 'param') params.set(name, { kind: 'expr', line: tok.line, text: name });
      continue;
    }
    p.skipStatement();
    if (p.peek() && p.peek()!.kind !== 'nl') p.i++;
  }
  if (!resources.length) return undefined;
  const names = { params: new Set(params.keys()), vars: new Set(vars.keys()) };
  const w = new Writer();
  w.put('{"contentVersion":"1.0.0.0","resources":[');
  // A resource whose body spreads another object (`...common`) may get any property from it: left out.
  resources
    .filter((r) => !(r.body?.kind === 'obj' && r.body.spread))
    .forEach((r, k) => {
      if (k) w.put(',');
      write(w, r, names);
    });
  w.put('],"parameters":{');
  [...params].forEach(([name, v], k) => {
    if (k) w.put(',');
    w.put(`${JSON.stringify(name)}:{`);
    if (v.kind === 'lit') w.put(`"defaultValue":${v.json}`);
    w.put('}');
  });
  w.put('},"variables":{');
  [...vars].forEach(([name, v], k) => {
    if (k) w.put(',');
    w.put(`${JSON.stringify(name)}:`);
    // Written after the resources, so at the current line whatever the source line.
    write(w, { ...v, line: 0 } as Value, names);
  });
  w.put('}}\n');
  return w.out;
}
