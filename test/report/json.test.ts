import { describe, expect, it } from 'vitest';
import { buildJsonReport, renderJson, JSON_REPORT_VERSION } from '../../src/report/json.js';
import { assertNoSecret, richFixture } from './fixture.js';

describe('JSON report', () => {
  it('has a versioned, stable top level', () => {
    const { result, ctx } = richFixture();
    const r = buildJsonReport(result, ctx);
    expect(Object.keys(r)).toEqual(['version', 'tool', 'verdict', 'policy', 'stats', 'counts', 'findings', 'excepted', 'skipped']);
    expect(r.version).toBe(JSON_REPORT_VERSION);
    expect(r.tool).toEqual({ name: 'tokenwarden', version: '1.2.3' });
    expect(r.verdict).toBe('fail');
    expect(r.policy).toEqual({ sources: ['built-in:default', '.github/tokenwarden.yml'], hash: 'f'.repeat(64) });
  });

  it('findings carry location, level, fingerprint, redacted excerpt and controls, and an explicit field set', () => {
    const { result, ctx } = richFixture();
    const r = buildJsonReport(result, ctx);
    const f = r.findings.find((x) => x.path === 'src/app.ts')!;
    expect(Object.keys(f).sort()).toEqual(
      [
        'confidence',
        'controls',
        'endColumn',
        'endLine',
        'excerpt',
        'family',
        'fingerprint',
        'level',
        'message',
        'path',
        'pathRedacted',
        'redacted',
        'remediation',
        'ruleId',
        'secretHash',
        'severity',
        'startColumn',
        'startLine',
      ].sort(),
    );
    expect(f).toMatchObject({ ruleId: 'secrets/github-token', level: 'fail', startLine: 2, startColumn: 16 });
    expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(f.excerpt).toMatch(/^const token = "ghp_\*+…\(40\)";$/);
    expect(f.controls).toContain('SOX-ITGC-AC');
  });

  it('counts by severity, family and level, and lists exceptions and skipped files', () => {
    const { result, ctx } = richFixture();
    const r = buildJsonReport(result, ctx);
    expect(r.counts).toMatchObject({
      findings: 3,
      bySeverity: { critical: 2, high: 0, medium: 1, low: 0, info: 0 },
      byFamily: { secrets: 3, scopes: 0, rotation: 0 },
      byLevel: { fail: 2, warn: 1 },
      excepted: 1,
      expiredExceptions: 1,
      skipped: 2,
    });
    expect(r.excepted).toHaveLength(1);
    expect(r.excepted[0]!.exception).toEqual({ justification: 'Revoked test token kept as a fixture', approvedBy: 'alice', expires: '2026-12-31', source: '.github/tokenwarden.yml' });
    expect(r.skipped).toEqual([
      { path: 'assets/logo.png', reason: 'binary', detail: null },
      { path: 'dump.sql', reason: 'too-large', detail: '6000000 bytes > limit 5242880' },
    ]);
  });

  it('never contains a raw secret', () => {
    const { result, ctx } = richFixture();
    assertNoSecret(renderJson(result, ctx));
  });
});
