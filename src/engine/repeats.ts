/**
 * One secret repeated in one file (a token pasted into 171 fixtures of one JSON file, a webhook secret in
 * every code sample of a generated API description) is one finding: the leak is one, and so is its fix.
 */
import type { RawFinding } from './rule.js';
import { isSuppressed } from './suppress.js';
import { LineIndex } from './lines.js';

/** At most this many lines are listed in the message; the count is always complete. */
const MAX_LISTED = 20;

/**
 * Findings of one rule on the same secret in one file become one: the first, with the other lines in
 * its message. An occurrence on a suppressed line (`tokenwarden:allow`) stays apart, so the scanner can
 * suppress that one alone.
 */
export function collapseRepeats(raws: RawFinding[], file: { text: string; lineNumbers?: readonly number[] | undefined }): RawFinding[] {
  const bySecret = new Map<string, number[]>();
  raws.forEach((r, i) => {
    if (!r.secret || r.start === undefined) return;
    const list = bySecret.get(r.secret);
    if (list) list.push(i);
    else bySecret.set(r.secret, [i]);
  });
  if ([...bySecret.values()].every((l) => l.length === 1)) return raws;
  const lines = new LineIndex(file.text);
  const lineOf = (offset: number): number => lines.lineAt(offset);
  const suppressed = (l0: number): boolean => isSuppressed(lines.lineText(l0), l0 > 0 ? lines.lineText(l0 - 1) : undefined);
  const realLine = (l0: number): number => file.lineNumbers?.[l0] ?? l0 + 1;
  const drop = new Set<number>();
  const replaced = new Map<number, RawFinding>();
  for (const idx of bySecret.values()) {
    if (idx.length < 2) continue;
    const live = idx.filter((i) => !suppressed(lineOf(raws[i]!.start!)));
    if (live.length < 2) continue;
    const [first, ...rest] = live.sort((a, b) => raws[a]!.start! - raws[b]!.start!);
    const firstLine = realLine(lineOf(raws[first!]!.start!));
    const others = [...new Set(rest.map((i) => realLine(lineOf(raws[i]!.start!))))].filter((l) => l !== firstLine);
    for (const i of rest) drop.add(i);
    const r = raws[first!]!;
    const listed = others.slice(0, MAX_LISTED).join(', ') + (others.length > MAX_LISTED ? `, … (${others.length - MAX_LISTED} more)` : '');
    replaced.set(first!, {
      ...r,
      // The repeats' spans are this finding's: another rule's finding there (a catch-all's) is the same leak.
      covers: [...(r.covers ?? []), ...rest.map((i) => ({ start: raws[i]!.start!, end: raws[i]!.end ?? raws[i]!.start! + raws[i]!.secret!.length }))],
      message: `${r.message.replace(/\s+$/, '')} The same value occurs ${live.length} times in this file${others.length ? ` (also line${others.length > 1 ? 's' : ''} ${listed})` : ''}: one leak, one rotation.`,
    });
  }
  return raws.flatMap((r, i) => (drop.has(i) ? [] : [replaced.get(i) ?? r]));
}
