import { describe, expect, it } from 'vitest';
import { explainVerdict, verdictOf, verdictLine } from '../../src/report/verdict.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import type { ScanResult } from '../../src/engine/scan.js';
import type { Finding, Level } from '../../src/engine/finding.js';
import type { SkipReason } from '../../src/engine/decode.js';

const finding = (level: Level): Finding => ({
  ruleId: 'secrets/x',
  family: 'secrets',
  severity: 'high',
  confidence: 'high',
  path: 'a',
  startLine: 1,
  endLine: 1,
  startColumn: 1,
  endColumn: 2,
  excerpt: '',
  fingerprint: '0'.repeat(16),
  message: '',
  remediation: '',
  controls: [],
  level,
});
const result = (levels: Level[], skipped = 0, reason: SkipReason = 'too-large'): ScanResult => ({
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
  it('fails closed on files that could not be judged (an error or a limit), whatever incomplete_scan says', () => {
    for (const reason of ['limit', 'error', 'unreadable', 'patch-missing'] as const) {
      const d = explainVerdict(result([], 1, reason), policyWith('pass'));
      expect(d, reason).toMatchObject({ verdict: 'fail', notJudged: 1, incomplete: 'fail' });
      expect(verdictLine(d, 3)).toContain('1 file not judged (an error or a limit: fails closed)');
    }
    // Skipped by size or type: still the policy's choice.
    expect(explainVerdict(result([], 1, 'too-large'), policyWith('pass'))).toMatchObject({ verdict: 'pass', notJudged: 0 });
    expect(explainVerdict(result([], 1, 'binary'), policyWith('fail'))).toMatchObject({ verdict: 'pass', notJudged: 0 });
  });

  it('a lockfile over the size limit is listed but leaves the scan complete; any other large file does not', () => {
    const skipped = (path: string): ScanResult => ({ ...result([]), skipped: [{ path, reason: 'too-large', detail: '9 MB' }] });
    for (const path of ['package-lock.json', 'apps/web/pnpm-lock.yaml', 'yarn.lock', 'Cargo.lock', 'backend/poetry.lock']) {
      expect(explainVerdict(skipped(path), policyWith('fail')), path).toMatchObject({ verdict: 'pass', skipped: 1, unscanned: 0 });
    }
    for (const path of ['dump.sql', 'package-lock.json.bak', 'src/yarn.lock.js']) {
      expect(explainVerdict(skipped(path), policyWith('fail')), path).toMatchObject({ verdict: 'fail', unscanned: 1 });
    }
    // A lockfile that could not be judged (an error, a limit) still fails closed.
    expect(explainVerdict({ ...result([]), skipped: [{ path: 'yarn.lock', reason: 'error' }] }, policyWith('pass')).verdict).toBe('fail');
  });

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
