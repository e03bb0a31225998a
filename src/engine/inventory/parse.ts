/**
 * Reading `.github/token-inventory.yml`: YAML with positions → entries with line numbers, plus every
 * syntax, schema and consistency error with its line and a fix. Never throws; a broken entry does
 * not hide the others; a file that exceeds a parser limit comes back with `limit` set (not judged).
 */
import { composeYaml, firstSyntaxErrors, parseYaml, type YamlDoc, type YamlNode } from '../parse/yaml.js';
import { isLimitExceeded, limitFix } from '../limits.js';
import type { FieldPosition, InventoryEntry, InventoryError, InventoryField, ParsedInventory } from './types.js';
import { isCredentialKind } from './kinds.js';
import { isDate, parseDate } from './dates.js';
import { validateInventoryShape } from './schema.js';

/** The inventory GitHub-wide: `.github/token-inventory.yml` (or `.yaml`) at a repository's root. */
export const INVENTORY_FILE = /(?:^|\/)\.github\/token-inventory\.ya?ml$/;
/** Where `inventory init` writes and where rules look first. */
export const INVENTORY_PATHS = ['.github/token-inventory.yml', '.github/token-inventory.yaml'] as const;

export const isInventoryPath = (path: string): boolean => INVENTORY_FILE.test(path);

const OWNER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;
const FIELDS: readonly InventoryField[] = ['name', 'secrets', 'kind', 'provider', 'owner', 'scopes', 'rotation_days', 'last_rotated', 'expires', 'used_in', 'environment', 'notes'];

function syntaxErrors(path: string, text: string): InventoryError[] {
  const errors: InventoryError[] = [];
  try {
    const stream = composeYaml(text);
    const pos = (offset: number) => {
      const p = stream.lineCounter.linePos(offset);
      return { line: p.line, column: p.col };
    };
    for (const e of firstSyntaxErrors([...stream.streamErrors, ...stream.docs.flatMap((d) => d.errors)])) {
      errors.push({
        source: path,
        ...pos(e.offset),
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
        fix: e.code === 'DUPLICATE_KEY' ? 'Remove the duplicate key.' : 'Fix the YAML syntax (indentation with spaces; quote values that start with `@` or contain `: ` or ` #`).',
      });
    }
  } catch {
    // `parseYaml` read the same text within the limits a moment ago: nothing more to say.
  }
  return errors.length
    ? errors
    : [{ source: path, line: 1, column: 1, message: 'The inventory is not valid YAML.', fix: 'Keep one YAML document (no `---` separators) holding `version: 1` and `credentials:`.' }];
}

let cache: { path: string; text: string; result: ParsedInventory } | undefined;

/** Parse and validate an inventory. Cached for the last path + text (several rules read one file). */
export function parseInventory(path: string, text: string): ParsedInventory {
  if (cache && cache.path === path && cache.text === text) return cache.result;
  const result = parseUncached(path, text);
  cache = { path, text, result };
  return result;
}

function parseUncached(path: string, text: string): ParsedInventory {
  try {
    return read(path, text);
  } catch (e) {
    if (!isLimitExceeded(e)) throw e;
    const limit = e.inFile(path);
    return {
      path,
      entries: [],
      errors: [{ source: path, line: e.line ?? 1, column: 1, message: `The inventory was not judged: it ${e.detail}.`, fix: limitFix(e.limit) }],
      limit,
    };
  }
}

function read(path: string, text: string): ParsedInventory {
  const parsed = parseYaml(text);
  if (!parsed) return { path, entries: [], errors: syntaxErrors(path, text) };
  const errors: InventoryError[] = [];
  if (parsed.docs.length > 1) {
    const p = parsed.docs[1]!.pos(parsed.docs[1]!.doc.contents) ?? { line: 1, column: 1 };
    errors.push({ source: path, ...p, message: 'The inventory holds more than one YAML document.', fix: 'Keep a single document: remove the `---` separators and merge the lists.' });
  }
  const doc = parsed.first;
  const root = doc?.root;
  if (!doc || root === undefined || doc.isNull(root)) {
    errors.push({
      source: path,
      line: 1,
      column: 1,
      message: 'The inventory is empty.',
      fix: 'Add `version: 1` and `credentials:` with one entry per credential (see docs/token-inventory.md), or run `tokenwarden inventory init --force`.',
    });
    return { path, entries: [], errors };
  }
  const at = (p: (string | number)[], key: boolean): { line: number; column: number } => {
    let node: unknown = root;
    let last: { line: number; column: number } = doc.pos(root) ?? { line: 1, column: 1 };
    for (let i = 0; i < p.length; i++) {
      const seg = p[i]!;
      if (typeof seg === 'number') node = doc.items(node)[seg];
      else {
        const e = doc.entry(node, seg);
        if (!e) return last;
        if (key && i === p.length - 1) return doc.pos(e.keyNode) ?? last;
        node = e.value ?? e.keyNode;
        if (e.value === undefined || doc.isNull(e.value)) return doc.pos(e.keyNode) ?? last;
      }
      if (node === undefined) return last;
      last = doc.pos(node) ?? last;
    }
    return last;
  };
  for (const v of validateInventoryShape(doc.toJS(root))) errors.push({ source: path, ...at(v.path, v.atKey), message: v.message, fix: v.fix });

  const entries = readEntries(doc, root);
  // Consistency the schema cannot express.
  const seen = new Map<string, string>();
  for (const e of entries) {
    for (const n of e.secretNames) {
      const k = n.toUpperCase();
      const first = seen.get(k);
      if (first !== undefined) {
        const pos = e.fields[n === e.name ? 'name' : 'secrets'] ?? e;
        errors.push({
          source: path,
          line: pos.line,
          column: pos.column,
          message: `\`${n}\` is declared twice (also by \`${first}\`); secret names are case-insensitive.`,
          fix: 'Keep one entry per credential: merge the two entries or rename one.',
        });
      } else seen.set(k, e.name);
    }
    if (e.lastRotated && e.expires && e.expires !== 'never' && parseDate(e.expires)! < parseDate(e.lastRotated)!) {
      const pos = e.fields.expires ?? e;
      errors.push({
        source: path,
        line: pos.line,
        column: pos.column,
        message: `\`${e.name}\` expires ${e.expires}, before it was last rotated (${e.lastRotated}).`,
        fix: 'A rotation issues a new credential with its own expiry: set `expires` to the new credential’s expiry date.',
      });
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { path, entries, errors };
}

function readEntries(doc: YamlDoc, root: YamlNode): InventoryEntry[] {
  const out: InventoryEntry[] = [];
  doc.items(doc.get(root, 'credentials')).forEach((node, index) => {
    if (!doc.isMap(node)) return;
    const name = doc.str(doc.get(node, 'name'))?.trim();
    if (!name) return;
    const start = doc.pos(node) ?? { line: 1, column: 1 };
    const fields: Partial<Record<InventoryField, FieldPosition>> = {};
    for (const f of FIELDS) {
      const e = doc.entry(node, f);
      const p = e ? doc.pos(e.keyNode) : undefined;
      if (p) fields[f] = p;
    }
    const str = (k: string): string | undefined => {
      const v = doc.get(node, k);
      return doc.isNull(v) ? undefined : doc.str(v)?.trim() || undefined;
    };
    /** A value a person has not filled in yet: empty, `TODO`, `TBD`, `?`. */
    const filled = (v: string | undefined): string | undefined => (v === undefined || /^(?:todo|tbd|fixme|unknown|\?+|-)\b/i.test(v) ? undefined : v);
    const list = (k: string): string[] =>
      doc
        .strings(doc.get(node, k))
        .map((s) => s.trim())
        .filter(Boolean);
    const entry: InventoryEntry = {
      name,
      secretNames: [name, ...list('secrets').filter((s) => s.toUpperCase() !== name.toUpperCase())],
      scopes: list('scopes'),
      usedIn: list('used_in'),
      index,
      line: start.line,
      column: start.column,
      fields,
      invalid: [],
    };
    /** A value is present when the key has something other than `null`. */
    const given = (k: InventoryField): boolean => fields[k] !== undefined && !doc.isNull(doc.get(node, k));
    const kind = str('kind');
    if (isCredentialKind(kind)) entry.kind = kind;
    else if (given('kind')) entry.invalid.push('kind');
    const provider = filled(str('provider'));
    if (provider) entry.provider = provider;
    const owner = str('owner');
    if (owner && OWNER.test(owner)) entry.owner = owner;
    else if (given('owner')) entry.invalid.push('owner');
    const n = doc.str(doc.get(node, 'rotation_days'));
    if (n !== undefined && /^\d+$/.test(n) && Number(n) > 0 && Number(n) <= 3660) entry.rotationDays = Number(n);
    else if (given('rotation_days')) entry.invalid.push('rotation_days');
    const last = str('last_rotated');
    if (isDate(last)) entry.lastRotated = last;
    else if (given('last_rotated')) entry.invalid.push('last_rotated');
    const exp = str('expires');
    if (isDate(exp) || exp === 'never') entry.expires = exp;
    else if (given('expires')) entry.invalid.push('expires');
    const env = filled(str('environment'));
    if (env) entry.environment = env;
    const notes = str('notes');
    if (notes) entry.notes = notes;
    out.push(entry);
  });
  return out;
}
