/** Words that must match what was scanned: staged lines are not committed (yet). */
import type { Finding } from '../engine/finding.js';
import type { ScanResult } from '../engine/scan.js';

/** "committed to the repository" → "staged for commit"; any other "committed" → "staged". */
export function stagedText(text: string): string {
  return text
    .replace(/\bcommitted to (?:the|this) repository\b/gi, 'staged for commit')
    .replace(/\bsince it was committed\b/gi, 'since it was issued')
    .replace(/\bcommitted\b/g, 'staged')
    .replace(/\bCommitted\b/g, 'Staged');
}

const staged = (f: Finding): Finding => ({ ...f, message: stagedText(f.message), remediation: stagedText(f.remediation) });

export function stagedWording(r: ScanResult): ScanResult {
  return {
    ...r,
    findings: r.findings.map(staged),
    excepted: r.excepted.map((e) => ({ ...e, finding: staged(e.finding) })),
    expired: r.expired.map((e) => ({ ...e, finding: staged(e.finding) })),
  };
}
