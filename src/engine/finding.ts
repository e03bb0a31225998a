/** The finding model shared by every rule, renderer and store. */

export type Family = 'secrets' | 'scopes' | 'rotation';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Confidence = 'high' | 'medium' | 'low';
/** What the policy makes of a finding: `fail` blocks, `warn` annotates, `off` drops it. */
export type Level = 'off' | 'warn' | 'fail';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

export interface Location {
  path: string;
  /** 1-based, in the new version of the file. */
  startLine: number;
  endLine: number;
  /** 1-based, in UTF-16 code units like editors and GitHub annotations count. */
  startColumn: number;
  endColumn: number;
}

export interface Finding extends Location {
  ruleId: string;
  family: Family;
  severity: Severity;
  confidence: Confidence;
  /** The offending line with every detected secret replaced by its redacted form. */
  excerpt: string;
  /** Stable across line moves: rule + path + hash of the secret or construct. */
  fingerprint: string;
  /** Hash of the secret alone (not the path), to recognise one leak in several places. */
  secretHash?: string;
  /** Redacted secret, safe to print anywhere. */
  redacted?: string;
  message: string;
  remediation: string;
  controls: string[];
  /** Set by the policy: the level this finding is reported at. */
  level: Level;
  /** `RawFinding.sameAs` while a scan runs; `Scanner.result()` folds the copies and removes it. */
  sameAs?: string;
}

const severityRank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.path.localeCompare(b.path) || a.startLine - b.startLine || a.startColumn - b.startColumn || severityRank[a.severity] - severityRank[b.severity] || a.ruleId.localeCompare(b.ruleId);
}

export function severityAtLeast(s: Severity, min: Severity): boolean {
  return severityRank[s] <= severityRank[min];
}
