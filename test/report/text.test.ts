import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import { assertNoSecret, richFixture, TODAY } from './fixture.js';

const ESC = '\x1b[';

describe('text report', () => {
  it('prints path:line:col  severity  rule  message, the redacted excerpt, counts, skipped files and a verdict', () => {
    const { result, ctx } = richFixture();
    const out = renderText(result, ctx, { color: false });
    assertNoSecret(out);
    expect(out).not.toContain(ESC);
    expect(out).toMatch(/^src\/app\.ts:2:16 {2}critical {2}secrets\/github-token {2}GitHub token committed/m);
    expect(out).toMatch(/^ {4}│ const token = "ghp_\*+…\(40\)";$/m);
    expect(out).toMatch(/^ {4}fail · fingerprint [0-9a-f]{16}$/m);
    expect(out).toMatch(/^docs\/setup notes#1 é\.md:12:5 {2}medium /m);
    expect(out).toMatch(/^ {4}warn · fingerprint/m);
    expect(out).toContain('expired on 2026-01-31');
    expect(out).toMatch(/^Not scanned \(2\)\n {2}assets\/logo\.png {2}binary\n {2}dump\.sql {2}too-large: 6000000 bytes > limit 5242880$/m);
    expect(out).toMatch(/^Findings: 3 \(critical 2, medium 1; secrets 3\)$/m);
    expect(out).toMatch(/^Not reported: 1 covered by a policy exception, 1 with an expired exception$/m);
    expect(out).toMatch(/with policy built-in:default \+ \.github\/tokenwarden\.yml/);
    expect(out.trimEnd().split('\n').pop()).toBe('FAIL: 2 findings at level fail, 1 warning; 2 files not scanned (1 could hold text: incomplete scan counts as warn)');
  });

  it('lists remediation once per rule', () => {
    const { result, ctx } = richFixture();
    const out = renderText(result, ctx, { color: false });
    expect(out.match(/^ {2}secrets\/github-token: Revoke/gm)).toHaveLength(1);
  });

  it('gives one fix line to rules that share a remediation', () => {
    const { result, ctx } = richFixture();
    const f = result.findings[0]!;
    const twin = { ...f, ruleId: 'secrets/other-rule', startLine: f.startLine + 1 };
    const out = renderText({ ...result, findings: [f, twin] }, ctx, { color: false });
    expect(out).toContain(`  ${f.ruleId}, secrets/other-rule: ${f.remediation}`);
  });

  it('colours only when asked', () => {
    const { result, ctx } = richFixture();
    expect(renderText(result, ctx, { color: true })).toContain(ESC);
  });

  it('a clean scan is a short PASS; quiet makes it silent', () => {
    const policy = basePolicy();
    const result = scanFiles([{ path: 'a.ts', text: 'const a = 1;\n' }], { policy, rules: allRules, today: TODAY });
    const ctx = { policy, toolVersion: '1', rules: allRules };
    expect(renderText(result, ctx, { color: false })).toBe('Scanned 1 file (13 B) with policy built-in\nPASS: no findings in 1 file\n');
    expect(renderText(result, ctx, { color: false, quiet: true })).toBe('');
  });
});
