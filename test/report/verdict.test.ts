import { describe, expect, it } from 'vitest';
import { explainVerdict, verdictOf, verdictLine } from '../../src/report/verdict.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import type { ScanResult } from '../../src/engine/scan.js';
import type { Finding, Level } from '../../src/engine/finding.js';

const finding = (level: Level): Finding => ({
  ruleId: 'secrets/x', family: 'secrets', severity: 'high', confidence: 'high', path: 'a', startLine: 1, endLine: 1, startColumn: 1, endColumn: 2,
  excerpt: '', fingerprint: '0'.repeat(16), message: '', remediation: '', controls: [], level,
});
const result = (levels: Level[], skipped = 0, reason: 'binary' | 'too-large' = 'too-large'): ScanResult => ({
  findings: levels.map(finding),
  excepted: [],
  expired: [],
  suppressed: 0,
  baselined: 0,
  skipped: Array.from({ length: skipped }, (_, i) => ({ path: `s${i}`, reason })),
  stats: { files: 3, bytes: 10 },
});
const policyWith = (incompleteScan: 'pass' | 'warn' | 'fail') => {
  const p = basePolicy();
  p.settings.incompleteScan = incompleteScan;
  return p;
};

describe('verdict', () => {
  it('fail beats warn beats pass', () => {
    const p = policyWith('pass');
    expect(verdictOf(result([]), p)).toBe('pass');
    expect(verdictOf(result(['warn']), p)).toBe('warn');
    expect(verdictOf(result(['warn', 'fail']), p)).toBe('fail');
  });

  it('skipped files raise the verdict to settings.incompleteScan, never lower it', () => {
    expect(verdictOf(result([], 1), policyWith('pass'))).toBe('pass');
    expect(verdictOf(result([], 1), policyWith('warn'))).toBe('warn');
    expect(verdictOf(result([], 1), policyWith('fail'))).toBe('fail');
    expect(verdictOf(result(['fail'], 1), policyWith('warn'))).toBe('fail');
    expect(verdictOf(result(['warn'], 0), policyWith('fail'))).toBe('warn');
  });

  it('binary files are listed but do not make a scan incomplete', () => {
    expect(verdictOf(result([], 2, 'binary'), policyWith('fail'))).toBe('pass');
    expect(explainVerdict(result([], 2, 'binary'), policyWith('fail'))).toMatchObject({ skipped: 2, unscanned: 0 });
  });

  it('says why in one line', () => {
    expect(verdictLine(explainVerdict(result(['fail', 'warn', 'warn'], 2), policyWith('warn')), 3)).toBe(
      'FAIL: 1 finding at level fail, 2 warnings; 2 files not scanned (2 could hold text: incomplete scan counts as warn)',
    );
    expect(verdictLine(explainVerdict(result([], 1), policyWith('pass')), 1)).toBe('PASS: no findings in 1 file; 1 file not scanned');
  });
});
