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
    expect(out).toMatch(/^ {4}fail · confidence high · fingerprint [0-9a-f]{16}$/m);
    expect(out).toMatch(/^docs\/setup notes#1 é\.md:12:5 {2}medium /m);
    expect(out).toMatch(/^ {4}warn · confidence high · fingerprint/m);
    expect(out).toContain('expired on 2026-01-31');
    expect(out).toMatch(/^Not scanned \(2\)\n {2}assets\/logo\.png {2}binary\n {2}dump\.sql {2}too-large: 6000000 bytes > limit 5242880$/m);
    expect(out).toMatch(/^ {2}\(too-large: raise settings\.max_file_size in \.github\/tokenwarden\.yml.*now 5\.0 MB\)$/m);
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

  it('prints the provider revoke steps and link the SARIF rule help has, once per provider', () => {
    const { result, ctx } = richFixture();
    const out = renderText(result, ctx, { color: false });
    const guide = allRules.find((r) => r.meta.id === 'secrets/github-token')!.meta.revoke!;
    expect(out.split('\n')).toContain(`  Revoke at ${guide.provider} ${guide.url} (secrets/github-token)`);
    expect(out.split('\n')).toContain(`    1. ${guide.steps[0]}`);
    expect(out.match(/Revoke at /g)).toHaveLength(1);
  });

  it('a look-alike whose checksum fails does not look verified', () => {
    const { result, ctx } = richFixture();
    const f = { ...result.findings[0]!, confidence: 'low' as const };
    const out = renderText({ ...result, findings: [f] }, ctx, { color: false });
    expect(out).toMatch(/^ {4}(?:fail|warn) · confidence low \(not verified: may be a look-alike\) · fingerprint/m);
  });

  it('gives each severity its own colour', () => {
    const { result, ctx } = richFixture();
    const base = result.findings[0]!;
    const sevs = ['critical', 'high', 'medium', 'low', 'info'] as const;
    const out = renderText({ ...result, findings: sevs.map((severity, i) => ({ ...base, severity, startLine: i + 1 })) }, ctx, { color: true });
    const codes = sevs.map((s) => new RegExp(`((?:\\x1b\\[[0-9;]*m)+)${s}\\x1b`).exec(out)?.[1]);
    expect(codes.every((c) => c !== undefined)).toBe(true);
    expect(new Set(codes).size).toBe(sevs.length);
  });

  it('staged findings carry a staged note; history findings say where they came from', () => {
    const { result, ctx } = richFixture();
    const staged = renderText(result, { ...ctx, mode: 'staged' }, { color: false });
    expect(staged).toContain('Staged, not committed yet');
    const f = result.findings[0]!;
    const origins = new Map([[f.fingerprint, { commit: 'a'.repeat(40), date: '2026-01-02T10:00:00Z', author: 'Dev', path: f.path, paths: [f.path], commits: 1, presentAtHead: false }]]);
    const out = renderText(result, { ...ctx, mode: 'history', history: { range: 'HEAD', commits: 7 }, origins }, { color: false });
    expect(out).toContain(`first added in commit aaaaaaaaaaaa (2026-01-02, Dev) at ${f.path}; no longer at HEAD, but still in the history: a leak until it is revoked`);
    expect(out).toMatch(/^ {2}1 secret is no longer at HEAD: deleting a line does not undo a leak/m);
    expect(out).toMatch(/^History: 7 commits \(HEAD\)/m);
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
