/** What a proposed policy changes in the effective one, one readable line per change. */
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import { DEFAULT_BACKFILL_POLICY, DEFAULT_ISSUE_POLICY } from '../../engine/policy/types.js';

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
const key = (k: string): string => `\`${k}\``;

function changed(out: string[], name: string, a: unknown, b: unknown): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${key(name)}: ${show(a)} → ${show(b)}`);
}

function listDelta(out: string[], name: string, a: readonly string[], b: readonly string[]): void {
  const added = b.filter((x) => !a.includes(x));
  const removed = a.filter((x) => !b.includes(x));
  if (added.length) out.push(`${key(name)} adds ${added.map(key).join(', ')}`);
  if (removed.length) out.push(`${key(name)} removes ${removed.map(key).join(', ')}`);
}

export function describePolicyDiff(a: ResolvedPolicy, b: ResolvedPolicy): string[] {
  const out: string[] = [];
  changed(out, 'settings.max_file_size', a.settings.maxFileBytes, b.settings.maxFileBytes);
  changed(out, 'settings.min_confidence', a.settings.minConfidence, b.settings.minConfidence);
  changed(out, 'settings.incomplete_scan', a.settings.incompleteScan, b.settings.incompleteScan);
  changed(out, 'settings.decode_encoded', a.settings.decodeEncoded, b.settings.decodeEncoded);
  for (const fam of Object.keys(a.families) as Array<keyof ResolvedPolicy['families']>) changed(out, `families.${fam}`, a.families[fam], b.families[fam]);
  for (const sev of Object.keys(a.severityLevels) as Array<keyof ResolvedPolicy['severityLevels']>) changed(out, `severity_levels.${sev}`, a.severityLevels[sev], b.severityLevels[sev]);
  for (const id of [...new Set([...Object.keys(a.rules), ...Object.keys(b.rules)])].sort()) {
    const ra = a.rules[id] ?? {},
      rb = b.rules[id] ?? {};
    changed(out, `rules.${id}.level`, ra.level, rb.level);
    changed(out, `rules.${id}.paths`, ra.paths, rb.paths);
    changed(out, `rules.${id}.ignore`, ra.ignore, rb.ignore);
    changed(out, `rules.${id}.options`, ra.options, rb.options);
  }
  listDelta(out, 'ignore', a.ignore, b.ignore);
  const ex = (p: ResolvedPolicy): string[] => p.exceptions.map((e) => `${e.fingerprint ?? [e.rule, e.path].filter(Boolean).join(' ')} until ${e.expires} (${e.approvedBy})`);
  listDelta(out, 'exceptions', ex(a), ex(b));
  listDelta(out, 'lock', a.locked, b.locked);
  const issues = (p: ResolvedPolicy) => ({ ...DEFAULT_ISSUE_POLICY, ...p.issues });
  const ia = issues(a),
    ib = issues(b);
  for (const k of ['secrets', 'scopes', 'rotation', 'repository'] as const) changed(out, `issues.${k}`, ia[k], ib[k]);
  changed(out, 'secrets.revoke', a.secrets?.revoke ?? false, b.secrets?.revoke ?? false);
  const backfill = (p: ResolvedPolicy) => ({ ...DEFAULT_BACKFILL_POLICY, ...p.backfill });
  changed(out, 'backfill.history', backfill(a).history, backfill(b).history);
  changed(out, 'backfill.max_commits', backfill(a).maxCommits, backfill(b).maxCommits);
  return out;
}
