/**
 * Records out, for a SIEM or an auditor: JSON Lines (one canonical JSON object per record, with
 * everything its digest covers, so each line can be re-hashed with other tools) or CSV (a few columns
 * a spreadsheet can filter on, and the body as canonical JSON). No engine import.
 */
import type { AuditKind, AuditRecord } from '../store/types.js';
import { canonicalJson } from './canonical.js';
import type { AuditStore } from './types.js';

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportOptions {
  /** Records at or after this time. */
  since?: Date;
  /** Records before this time. */
  until?: Date;
  /** `owner/name`, any case: only records about this repository (checkpoints name none). */
  repo?: string;
  kinds?: readonly AuditKind[];
  format: ExportFormat;
  /** Records per query (default 1000). */
  pageSize?: number;
}

/** One record as a JSON Lines line: `{"body":…,"digest":…,"kind":…,"prev":…,"seq":…,"time":…}`. */
export function jsonlLine(r: AuditRecord): string {
  return canonicalJson({ body: r.body, digest: r.digest, kind: r.kind, prev: r.prev, seq: r.seq, time: r.time.toISOString() });
}

export const CSV_COLUMNS = ['seq', 'time', 'kind', 'repository', 'installation', 'event', 'delivery', 'verdict', 'prev', 'digest', 'body'] as const;

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe; the body
 * column keeps every value as it was recorded.
 */
export function csvCell(v: unknown, text = true): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : canonicalJson(v as never);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(r: AuditRecord): string {
  const b = r.body as Record<string, unknown>;
  return [
    csvCell(r.seq, false),
    csvCell(r.time.toISOString(), false),
    csvCell(r.kind),
    csvCell(b.repository),
    csvCell(b.installation, false),
    csvCell(b.event),
    csvCell(b.delivery),
    csvCell(b.verdict),
    csvCell(r.prev, false),
    csvCell(r.digest, false),
    csvCell(canonicalJson(r.body), false),
  ].join(',');
}

/**
 * The records matching the filters, in sequence order, as lines without their line break (CSV: the
 * header first). Read page by page: memory stays flat whatever the size of the trail.
 */
export async function* exportRecords(store: AuditStore, opts: ExportOptions): AsyncIterable<string> {
  const pageSize = opts.pageSize ?? 1000;
  const line = opts.format === 'csv' ? csvLine : jsonlLine;
  if (opts.format === 'csv') yield CSV_COLUMNS.join(',');
  const filter = {
    ...(opts.since ? { since: opts.since } : {}),
    ...(opts.until ? { until: opts.until } : {}),
    ...(opts.repo ? { repository: opts.repo } : {}),
    ...(opts.kinds ? { kinds: opts.kinds } : {}),
  };
  let after = 0;
  for (;;) {
    const page = await store.audit.find(filter, after, pageSize);
    for (const r of page) yield line(r);
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}
