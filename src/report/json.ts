/**
 * The machine-readable report. `version` is the schema version: bump it on any breaking change.
 * Only redacted values and hashes leave here.
 */
import type { Finding } from '../engine/finding.js';
import type { ScanResult } from '../engine/scan.js';
import type { HistoryInfo, LeftOut, Origin, ReportContext } from './context.js';
import { leftOutList, originNote, TOOL_NAME } from './context.js';
import { countFindings, type Counts } from './summary.js';
import { explainVerdict, type Verdict } from './verdict.js';
import { batchScrubber, scrubCached, type Scrub } from './scrub.js';

export const JSON_REPORT_VERSION = 1;

export interface JsonFinding {
  ruleId: string;
  family: Finding['family'];
  severity: Finding['severity'];
  confidence: Finding['confidence'];
  level: Finding['level'];
  /** Redacted where the file name holds a secret (`pathRedacted`). */
  path: string;
  pathRedacted: boolean;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  message: string;
  remediation: string;
  excerpt: string;
  redacted: string | null;
  fingerprint: string;
  secretHash: string | null;
  controls: string[];
  /** `scan --history` only: where the secret first appeared, and whether HEAD still holds it. */
  history?: Origin & { note: string };
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  verdict: Verdict;
  policy: { sources: string[]; hash: string };
  stats: { files: number; bytes: number };
  counts: Counts;
  findings: JsonFinding[];
  excepted: Array<JsonFinding & { exception: { justification: string; approvedBy: string; expires: string; source: string | null } }>;
  skipped: Array<{ path: string; reason: string; detail: string | null }>;
  /** A tree scan: files and folders left out on purpose (never read), by path. */
  leftOut?: LeftOut[];
  notes?: string[];
  /** `scan --history` only: the range and how many commits were read. */
  history?: HistoryInfo;
}

/** An explicit field list, so a field added to `Finding` never reaches the output unreviewed. */
export function jsonFinding(f: Finding, scrub: Scrub = scrubCached, origin?: Origin): JsonFinding {
  const path = scrub(f.path);
  const history = origin ? { history: { ...origin, path: scrub(origin.path), paths: origin.paths.map(scrub), note: scrub(originNote(origin)) } } : {};
  return {
    ruleId: f.ruleId,
    family: f.family,
    severity: f.severity,
    confidence: f.confidence,
    level: f.level,
    path,
    pathRedacted: path !== f.path,
    startLine: f.startLine,
    endLine: f.endLine,
    startColumn: f.startColumn,
    endColumn: f.endColumn,
    message: scrub(f.message),
    remediation: f.remediation,
    excerpt: f.excerpt,
    redacted: f.redacted ?? null,
    fingerprint: f.fingerprint,
    secretHash: f.secretHash ?? null,
    controls: [...f.controls],
    ...history,
  };
}

export function buildJsonReport(result: ScanResult, ctx: ReportContext): JsonReport {
  // Paths and free text of the whole report, scrubbed in one batch.
  const all = [...result.findings, ...result.excepted.map((e) => e.finding)];
  const scrub = batchScrubber([...all.flatMap((f) => [f.path, f.message]), ...result.excepted.map((e) => e.exception.justification), ...result.skipped.flatMap((s) => [s.path, s.detail])]);
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: ctx.toolVersion },
    verdict: explainVerdict(result, ctx.policy).verdict,
    policy: { sources: [...ctx.policy.sources], hash: ctx.policy.hash },
    stats: { ...result.stats },
    counts: countFindings(result),
    findings: result.findings.map((f) => jsonFinding(f, scrub, ctx.origins?.get(f.fingerprint))),
    excepted: result.excepted.map(({ finding, exception: e }) => ({
      ...jsonFinding(finding, scrub, ctx.origins?.get(finding.fingerprint)),
      exception: { justification: scrub(e.justification), approvedBy: e.approvedBy, expires: e.expires, source: e.source ?? null },
    })),
    skipped: [...result.skipped].sort((a, b) => a.path.localeCompare(b.path)).map((s) => ({ path: scrub(s.path), reason: s.reason, detail: s.detail ? scrub(s.detail) : null })),
    ...(ctx.leftOut ? { leftOut: leftOutList(ctx.leftOut, scrubCached) } : {}),
    ...(ctx.history ? { history: { ...ctx.history } } : {}),
    ...(ctx.notes?.length ? { notes: ctx.notes.map((n) => scrubCached(n)) } : {}),
  };
}

export function renderJson(result: ScanResult, ctx: ReportContext): string {
  return JSON.stringify(buildJsonReport(result, ctx), null, 2) + '\n';
}
