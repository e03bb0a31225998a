/** Shared by the rules that check the token inventory file itself. */
import type { FileView, RawFinding, RuleContext } from '../../../rule.js';
import { isInventoryPath, parseInventory, type InventoryEntry, type InventoryField, type ParsedInventory } from '../../../inventory/index.js';
import { wholeFile, type WholeFile } from './context.js';

export { isInventoryPath };

export interface LoadedInventory {
  inv: ParsedInventory;
  whole: WholeFile;
}

/**
 * The inventory behind a file view: the file itself, or — for a diff excerpt — the whole file from
 * `ctx.repo` (findings then land only on added lines). `undefined` when only an excerpt is known.
 * Throws `LimitExceeded` for an inventory over a parser limit.
 */
export function loadInventory(file: FileView, ctx: RuleContext): LoadedInventory | undefined {
  const whole = wholeFile(file, ctx.repo);
  if (!whole) return undefined;
  const inv = parseInventory(file.path, whole.text);
  // Over a parser limit: not judged (the scanner lists it), rather than judged as holding nothing.
  if (inv.limit) throw inv.limit;
  return { inv, whole };
}

/** A finding at an entry's field (or at the entry), mapped onto the view; `undefined` off the view. */
export function atEntry(l: LoadedInventory, e: InventoryEntry, field: InventoryField | undefined, f: Omit<RawFinding, 'line' | 'column'>): RawFinding | undefined {
  const p = (field && e.fields[field]) || { line: e.line, column: e.column };
  const line = l.whole.viewLine(p.line);
  return line === undefined ? undefined : { line, column: p.column, ...f };
}

export const label = (e: InventoryEntry): string => `\`${e.name}\`${e.kind ? ` (${e.kind}${e.provider ? `, ${e.provider}` : ''})` : ''}`;
export const ownerNote = (e: InventoryEntry): string => (e.owner ? ` Owner: ${e.owner}.` : '');
