/**
 * No false all-clear: what a tree scan left out on purpose, counted and listed by reason with the
 * setting that changes it, and the message for a scan that read nothing at all (which is not a pass).
 * The text report gets a "Left out" section before its summary; JSON and SARIF list the same entries
 * (`leftOut`, src/report/context.ts).
 */
import type { Skipped } from '../engine/decode.js';
import { scrubCached } from '../report/scrub.js';
import type { Exclusion, ExclusionReason, Listing } from './walk.js';

const LABEL: Record<ExclusionReason, string> = {
  'policy-ignore': 'ignored by policy',
  'git-ignored': 'git-ignored',
  'built-in': 'skipped folder',
  symlink: 'symlink',
  'not-a-file': 'not a file',
};

const ORDER: ExclusionReason[] = ['policy-ignore', 'git-ignored', 'built-in', 'symlink', 'not-a-file'];

/** Entries listed per reason and detail before the rest are only counted. */
const SHOW = 10;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function fixFor(reason: ExclusionReason, detail: string | undefined): string {
  if (reason === 'policy-ignore') return `the policy's ignore glob "${detail}" (remove it from \`ignore:\`, or name the file on the command line to scan it)`;
  return detail ?? '';
}

/** `12 ignored by policy, 2 git-ignored (1 folder), 1 symlink`. */
export function exclusionCounts(excluded: readonly Exclusion[]): string {
  const parts: string[] = [];
  for (const reason of ORDER) {
    const of = excluded.filter((e) => e.reason === reason);
    if (!of.length) continue;
    const dirs = of.filter((e) => e.dir).length;
    const label = LABEL[reason];
    if (label.endsWith(' folder')) parts.push(plural(of.length, label));
    else parts.push(`${of.length} ${label}${dirs === 0 ? '' : dirs === of.length ? (dirs === 1 ? ' (a folder)' : ' (all folders)') : ` (${plural(dirs, 'folder')})`}`);
  }
  return parts.join(', ');
}

/** The section's lines: grouped by reason and by the glob or rule that decided, folders with a `/`. */
export function exclusionLines(excluded: readonly Exclusion[]): string[] {
  const out: string[] = [];
  for (const reason of ORDER) {
    const groups = new Map<string, Exclusion[]>();
    for (const e of excluded) {
      if (e.reason !== reason) continue;
      const key = e.detail ?? '';
      const g = groups.get(key) ?? groups.set(key, []).get(key)!;
      g.push(e);
    }
    for (const [detail, list] of groups) {
      const sorted = [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      out.push(`  ${LABEL[reason]} (${sorted.length}): ${fixFor(reason, detail || undefined)}`);
      for (const e of sorted.slice(0, SHOW)) out.push(`    ${scrubCached(e.path)}${e.dir ? '/' : ''}`);
      if (sorted.length > SHOW) out.push(`    … and ${sorted.length - SHOW} more`);
    }
  }
  return out;
}

/** The text report with a "Left out" section before its summary line ("Scanned N files …"). */
export function renderExclusions(report: string, listing: Listing | undefined): string {
  if (!listing?.excluded.length || !report) return report;
  const section = [`Left out on purpose (${exclusionCounts(listing.excluded)})`, ...exclusionLines(listing.excluded), ''].join('\n') + '\n';
  const at = report.lastIndexOf('\nScanned ');
  if (at === -1) return report.startsWith('Scanned ') ? section + report : report + section;
  return report.slice(0, at + 1) + section + report.slice(at + 1);
}

/** Exit 2's message when a tree scan read no file: never "PASS" for having looked at nothing. */
export function nothingScanned(paths: readonly string[], listing: Listing, skipped: readonly Skipped[]): string {
  // The user's own words, as typed (scrubbing them would build the whole secrets prefilter for one line).
  const what = paths.length ? paths.join(' ') : '.';
  const out = [`tokenwarden: NOTHING SCANNED: no file under ${what} was read, so this is not a pass.`];
  if (listing.excluded.length) {
    out.push(`Left out on purpose (${exclusionCounts(listing.excluded)}):`);
    out.push(...exclusionLines(listing.excluded));
  }
  if (skipped.length) {
    out.push(`Not scanned (${skipped.length}):`);
    for (const s of [...skipped].sort((a, b) => (a.path < b.path ? -1 : 1))) out.push(`  ${scrubCached(s.path)}  ${s.reason}${s.detail ? `: ${scrubCached(s.detail)}` : ''}`);
  }
  if (!listing.excluded.length && !skipped.length) out.push('The folder holds no files.');
  out.push('  fix: name the files or folders to scan (tokenwarden scan PATH...), or change what the policy ignores (ignore: in .github/tokenwarden.yml)');
  return out.join('\n') + '\n';
}
