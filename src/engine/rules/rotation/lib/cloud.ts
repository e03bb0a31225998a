/**
 * Reading cloud resources for the rotation rules: Terraform resources (parseHcl), CloudFormation
 * resources (parseYaml; short-form tags such as `!Ref` read as their plain value) and ARM template
 * resources (JSON), with the value helpers they share.
 */
import { attr, findBlocks, parseHcl, type HclBlock, type HclFile, type HclValue } from '../../../parse/hcl.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../../parse/yaml.js';
import type { FileView, RawFinding } from '../../../rule.js';
import { addedWhole } from './context.js';
import { bicepAsArm } from './bicep.js';

export const isTerraformPath = (path: string): boolean => /\.tf$/i.test(path);
/** CloudFormation / ARM templates: YAML or JSON (and `.template`). */
export const isTemplatePath = (path: string): boolean => /\.(?:ya?ml|json|template)$/i.test(path);

/** Parse a Terraform file once per text; `undefined` when not HCL. */
export function terraform(file: FileView): HclFile | undefined {
  return parseHcl(file.text);
}

export interface TfResource {
  block: HclBlock;
  type: string;
  name: string;
  /** `type.name`, how Terraform addresses it. */
  address: string;
}

/** Every `resource "<type>" "<name>"` of the given types (top level and in nested blocks). */
export function tfResources(file: HclFile, ...types: string[]): TfResource[] {
  return findBlocks(file.root, 'resource')
    .filter((b) => types.includes(b.labels[0] ?? ''))
    .map((block) => ({ block, type: block.labels[0]!, name: block.labels[1] ?? '', address: `${block.labels[0]}.${block.labels[1] ?? ''}` }));
}

/** A value as written, following `var.x` / `local.x` to a literal default in the same file. */
export function resolve(file: HclFile, v: HclValue | undefined, depth = 0): HclValue | undefined {
  if (!v || depth > 4 || v.kind !== 'expr') return v;
  const m = /^(var|local)\.([A-Za-z_][\w-]*)$/.exec(v.text.trim());
  if (!m) return v;
  if (m[1] === 'var') {
    const decl = findBlocks(file.root, 'variable').find((b) => b.labels[0] === m[2]);
    const def = decl ? attr(decl, 'default')?.value : undefined;
    return def ? resolve(file, def, depth + 1) : v;
  }
  for (const locals of findBlocks(file.root, 'locals')) {
    const a = attr(locals, m[2]!);
    if (a) return resolve(file, a.value, depth + 1);
  }
  return v;
}

/** `true`/`false` for a bool (or a "true"/"false" string); `undefined` for anything else. */
export function boolOf(v: HclValue | undefined): boolean | undefined {
  if (!v) return undefined;
  if (v.kind === 'bool') return v.value;
  if (v.kind === 'string' && /^(?:true|false)$/i.test(v.value)) return v.value.toLowerCase() === 'true';
  return undefined;
}

export function stringOf(v: HclValue | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

export function numberOf(v: HclValue | undefined): number | undefined {
  if (v?.kind === 'number') return v.value;
  if (v?.kind === 'string' && /^\d+$/.test(v.value.trim())) return Number(v.value);
  return undefined;
}

/** Source text of a value, for messages. */
export function shown(v: HclValue | undefined): string {
  if (!v) return '';
  switch (v.kind) {
    case 'string':
    case 'template':
      return `"${v.value}"`;
    case 'number':
    case 'bool':
      return String(v.value);
    case 'expr':
      return v.text;
    case 'null':
      return 'null';
    default:
      return v.kind;
  }
}

/** Whether a Terraform block was added whole (always, outside diff scans). */
export function blockJudgeable(file: FileView, b: HclBlock): boolean {
  return addedWhole(file, b.pos.line, b.endLine);
}

/** A finding on a Terraform block (or one of its attributes). */
export function atBlock(b: HclBlock, at: { line: number; column: number } | undefined, f: Omit<RawFinding, 'line' | 'column'>): RawFinding {
  const p = at ?? b.pos;
  return { line: p.line, column: p.column, ...f };
}

// ---------------------------------------------------------------------------------------------------
// CloudFormation and ARM

export interface TemplateResource {
  doc: YamlDoc;
  /** Logical id (CloudFormation) or name (ARM). */
  id: string;
  type: string;
  node: YamlNode;
  properties: YamlNode | undefined;
  line: number;
  column: number;
  endLine: number;
}

const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/** CloudFormation resources (`Resources: { Id: { Type: AWS::…, Properties } }`) of a YAML/JSON template. */
export function cfnResources(file: FileView): TemplateResource[] {
  if (file.text.length > MAX_TEMPLATE_BYTES) return [];
  const parsed = parseYaml(file.text, /\.json$/i.test(file.path) ? { uniqueKeys: false } : { tolerant: true });
  const out: TemplateResource[] = [];
  for (const doc of parsed?.docs ?? []) {
    for (const e of doc.entries(doc.get(doc.root, 'Resources'))) {
      const type = doc.str(doc.get(e.value, 'Type'));
      if (!type || !e.value) continue;
      const span = doc.span(e.keyNode) ?? { line: 1, column: 1 };
      const end = doc.span(e.value)?.endLine ?? span.line;
      out.push({ doc, id: e.key, type, node: e.value, properties: doc.get(e.value, 'Properties'), line: span.line, column: span.column, endLine: end });
    }
  }
  return out;
}

/** The logical id a CloudFormation reference names: `!Ref X`, `{Ref: X}`, `!GetAtt X.Arn`, `{Fn::GetAtt: [X, Arn]}`. */
export function cfnRefTarget(doc: YamlDoc, node: YamlNode | undefined): string | undefined {
  const s = doc.str(node);
  if (s !== undefined) {
    const tag = (doc.deref(node) as { tag?: string } | undefined)?.tag;
    if (tag === '!GetAtt') return s.split('.')[0];
    return s;
  }
  const ref = doc.str(doc.get(node, 'Ref'));
  if (ref) return ref;
  const ga = doc.get(node, 'Fn::GetAtt');
  const first = doc.isSeq(ga) ? doc.str(doc.items(ga)[0]) : doc.str(ga)?.split('.')[0];
  if (first) return first;
  if (doc.isSeq(node)) return doc.str(doc.items(node)[0]);
  return undefined;
}

/** ARM templates (JSON) and Bicep files, which compile to them. */
export const isArmPath = (path: string): boolean => /\.(?:json|bicep)$/i.test(path);

/**
 * ARM template resources (`resources: [{ type, name, properties, resources: [...] }]`, or keyed by
 * symbolic name in languageVersion 2.0; `existing` references left out), nested children typed in full; for a `.bicep` file, its resource declarations read as the template they compile to
 * (lib/bicep.ts), on their Bicep lines.
 */
export function armResources(file: FileView): TemplateResource[] {
  if (file.text.length > MAX_TEMPLATE_BYTES || !isArmPath(file.path)) return [];
  const text = /\.bicep$/i.test(file.path) ? bicepAsArm(file.text) : file.text;
  if (text === undefined) return [];
  const doc = parseYaml(text, { uniqueKeys: false })?.first;
  if (!doc || !doc.isMap(doc.root)) return [];
  const out: TemplateResource[] = [];
  const walk = (list: YamlNode | undefined, parentType: string | undefined, depth: number): void => {
    if (depth > 6) return;
    // languageVersion 2.0 templates (what Bicep emits with user-defined types) key resources by symbolic name.
    const nodes = doc.isMap(list) ? doc.entries(list).flatMap((e) => (e.value ? [e.value] : [])) : doc.items(list);
    for (const node of nodes) {
      let type = doc.str(doc.get(node, 'type'));
      if (!type || templateBool(doc, doc.get(node, 'existing')) === true) continue;
      if (parentType && !type.includes('/')) type = `${parentType}/${type}`;
      const span = doc.span(node) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
      // Point at `"type": …`, the line that says what the resource is.
      const at = doc.pos(doc.entry(node, 'type')?.keyNode) ?? span;
      const properties = doc.get(node, 'properties');
      // Properties computed as a whole (`"[union(…)]"`, a Bicep `union({…}, …)` or spread): nothing in them is known here.
      if (!armExpression(doc.str(properties))) {
        out.push({ doc, id: doc.str(doc.get(node, 'name')) ?? '', type, node, properties, line: at.line, column: at.column, endLine: span.endLine });
      }
      // Bicep children declared in their parent come one `resources` entry each.
      for (const e of doc.entries(node)) if (e.key === 'resources') walk(e.value, type, depth + 1);
    }
  };
  walk(doc.get(doc.root, 'resources'), undefined, 0);
  return out;
}

export function templateJudgeable(file: FileView, r: TemplateResource): boolean {
  return addedWhole(file, r.line, r.endLine);
}

/** `true`/`false` of a template scalar (booleans, or "true"/"false" strings). */
export function templateBool(doc: YamlDoc, node: YamlNode | undefined): boolean | undefined {
  const s = doc.str(node);
  if (s === undefined) return undefined;
  return /^true$/i.test(s) ? true : /^false$/i.test(s) ? false : undefined;
}

/** A finding at a template resource, or at a node inside it. */
export function atTemplate(r: TemplateResource, node: YamlNode | undefined, f: Omit<RawFinding, 'line' | 'column'>): RawFinding {
  const p = (node && r.doc.pos(node)) || { line: r.line, column: r.column };
  return { line: p.line, column: p.column, ...f };
}

/** Days in a `rate(N unit)` schedule expression; `undefined` for cron or anything else. */
export function rateDays(expr: string): number | undefined {
  const m = /^\s*rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)\s*$/i.exec(expr);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return unit.startsWith('day') ? n : unit.startsWith('hour') ? n / 24 : n / 1440;
}

// ---------------------------------------------------------------------------------------------------
// Nested blocks, durations and ARM expressions

export interface NestedBlock {
  /** The block, or the `content` block of a `dynamic "<type>"` block. */
  block: HclBlock;
  /** Generated by a `dynamic` block: whether it exists at all depends on its `for_each`. */
  dynamic: boolean;
}

/** The direct `<type> { … }` blocks of a resource, and the `content` of its `dynamic "<type>"` blocks. */
export function nestedBlocks(b: HclBlock, type: string): NestedBlock[] {
  const out: NestedBlock[] = [];
  for (const c of b.blocks) {
    if (c.type === type) out.push({ block: c, dynamic: false });
    else if (c.type === 'dynamic' && c.labels[0] === type) {
      const content = c.blocks.find((x) => x.type === 'content');
      out.push({ block: content ?? c, dynamic: true });
    }
  }
  return out;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, '\u00b5s': 1e-6, '\u03bcs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86_400 };

/** Go's `time.ParseDuration` units ("8760h", "1h30m"): no days. */
export const GO_DURATION_UNITS: readonly string[] = ['ns', 'us', '\u00b5s', '\u03bcs', 'ms', 's', 'm', 'h'];

/**
 * Days in a duration written as `<number><unit>` terms ("8760h", "1h30m", "365d"), each unit one of
 * `units`; `single`: exactly one term. `undefined` when the text is not such a duration.
 */
export function durationDays(text: string, units: readonly string[], single = false): number | undefined {
  const s = text.trim();
  if (s === '0') return 0;
  const term = /(\d+(?:\.\d+)?)(ns|us|\u00b5s|\u03bcs|ms|s|m|h|d)/gy;
  let seconds = 0;
  let terms = 0;
  let end = 0;
  for (let m = term.exec(s); m; m = term.exec(s)) {
    if (!units.includes(m[2]!)) return undefined;
    seconds += Number(m[1]) * UNIT_SECONDS[m[2]!]!;
    terms++;
    end = term.lastIndex;
  }
  if (terms === 0 || end !== s.length || (single && terms > 1)) return undefined;
  return seconds / 86_400;
}

/** An ARM template expression (`"[parameters('x')]"`), whose value is only known at deployment; `[[` escapes a literal `[`. */
export function armExpression(s: string | undefined): boolean {
  return s !== undefined && /^\s*\[(?!\[)[\s\S]*\]\s*$/.test(s);
}

/** The entry of an ARM mapping whose key matches `key` ignoring case (ARM property names are case-insensitive). */
export function armEntry(doc: YamlDoc, node: YamlNode | undefined, key: string): ReturnType<YamlDoc['entry']> {
  const k = key.toLowerCase();
  return doc.entries(node).find((e) => e.key.toLowerCase() === k);
}
