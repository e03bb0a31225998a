/** Counts shared by the text and JSON reports. */
import type { Family, Level, Severity } from '../engine/finding.js';
import { SEVERITIES } from '../engine/finding.js';
import type { ScanResult } from '../engine/scan.js';

export interface Counts {
  findings: number;
  bySeverity: Record<Severity, number>;
  byFamily: Record<Family, number>;
  byLevel: Record<Exclude<Level, 'off'>, number>;
  excepted: number;
  expiredExceptions: number;
  suppressed: number;
  baselined: number;
  skipped: number;
}

export function countFindings(result: ScanResult): Counts {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byFamily: Record<Family, number> = { secrets: 0, scopes: 0, rotation: 0 };
  const byLevel = { fail: 0, warn: 0 };
  for (const f of result.findings) {
    bySeverity[f.severity]++;
    byFamily[f.family]++;
    if (f.level !== 'off') byLevel[f.level]++;
  }
  return {
    findings: result.findings.length,
    bySeverity,
    byFamily,
    byLevel,
    excepted: result.excepted.length,
    expiredExceptions: result.expired.length,
    suppressed: result.suppressed,
    baselined: result.baselined,
    skipped: result.skipped.length,
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
