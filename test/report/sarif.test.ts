import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type * as Sarif from 'sarif';
import { buildSarif, renderSarif, artifactUri, FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import { assertNoSecret, richFixture, TODAY } from './fixture.js';

// CommonJS modules: under NodeNext the class and the function are their `default` export.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/**
 * The OASIS schema declares draft-04, which Ajv 8 supports only through the ajv-draft-04 package.
 * It uses no keyword whose meaning changed after draft-04 (asserted below), only the old `id`
 * spelling of `$id`; so it is loaded with Ajv's default draft-07 class after renaming that one key.
 */
function sarifValidator() {
  const raw = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  expect(raw.$schema).toBe('http://json-schema.org/draft-04/schema#');
  const text = JSON.stringify(raw);
  expect(text).not.toMatch(/"exclusiveM(in|ax)imum"/);
  const { $schema: _drop, id, ...rest } = raw;
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return ajv.compile({ $id: id as string, ...rest });
}

const validate = sarifValidator();
const expectValid = (log: unknown): void => {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
};

describe('SARIF 2.1.0', () => {
  it('validates against the official schema: findings, exceptions, skipped files', () => {
    const { result, ctx } = richFixture();
    const text = renderSarif(result, ctx);
    assertNoSecret(text);
    expectValid(JSON.parse(text));
  });

  it('validates for an empty scan too', () => {
    const result = scanFiles([], { policy: basePolicy(), rules: allRules, today: TODAY });
    expectValid(buildSarif(result, { policy: basePolicy(), toolVersion: '0.0.1', rules: allRules }));
  });

  it('the schema check catches a broken log (the validator is not a no-op)', () => {
    const { result, ctx } = richFixture();
    const log = buildSarif(result, ctx) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('describes every rule that ran, with help, tags, controls, security-severity and level', () => {
    const { result, ctx } = richFixture();
    const log = buildSarif(result, ctx);
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'tokenwarden', version: '1.2.3' });
    const ids = driver.rules!.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The secrets family is at `fail` in this policy, so every secret rule ran.
    for (const r of allRules.filter((x) => x.meta.family === 'secrets')) expect(ids).toContain(r.meta.id);
    const rule = driver.rules!.find((r) => r.id === 'secrets/github-token')!;
    expect(rule.shortDescription!.text).toMatch(/^GitHub token/);
    expect(rule.fullDescription!.text).toContain('Revoke and rotate');
    expect(rule.help!.text).toContain('Remediation:');
    expect(rule.help!.text).toContain('https://github.com/settings/tokens');
    expect(rule.defaultConfiguration).toEqual({ level: 'error' });
    expect(rule.properties).toMatchObject({ 'security-severity': '9.5', precision: 'high', controls: expect.arrayContaining(['PCI-DSS-8.6.2']) });
    expect(rule.properties!.tags).toEqual(expect.arrayContaining(['security', 'secrets']));
  });

  it('omits rules the policy turned off', () => {
    const policy = basePolicy();
    policy.rules['secrets/github-fine-grained-pat'] = { level: 'off' };
    const result = scanFiles([], { policy, rules: allRules, today: TODAY });
    const ids = buildSarif(result, { policy, toolVersion: '1', rules: allRules }).runs[0]!.tool.driver.rules!.map((r) => r.id);
    expect(ids).not.toContain('secrets/github-fine-grained-pat');
    expect(ids).toContain('secrets/github-token');
  });

  it('results carry level, region, rule index and the fingerprint', () => {
    const { result, ctx } = richFixture();
    const run = buildSarif(result, ctx).runs[0]!;
    const rules = run.tool.driver.rules!;
    const byUri = new Map(run.results!.map((r) => [r.locations![0]!.physicalLocation!.artifactLocation!.uri, r]));
    const app = byUri.get('src/app.ts')!;
    const finding = result.findings.find((f) => f.path === 'src/app.ts')!;
    expect(app).toMatchObject({ ruleId: 'secrets/github-token', level: 'error', partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint } });
    expect(rules[app.ruleIndex!]!.id).toBe(app.ruleId);
    expect(app.locations![0]!.physicalLocation!.region).toMatchObject({ startLine: 2, startColumn: 16, endLine: 2, endColumn: 56 });
    expect(app.locations![0]!.physicalLocation!.region!.snippet!.text).toBe(finding.excerpt);
    // The diff-style file reports its real line, and its URI is encoded.
    const docs = byUri.get('docs/setup%20notes%231%20%C3%A9.md')!;
    expect(docs.level).toBe('warning');
    expect(docs.locations![0]!.physicalLocation!.region!.startLine).toBe(12);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('exceptions become accepted suppressions; expired ones stay open results', () => {
    const { result, ctx } = richFixture();
    const run = buildSarif(result, ctx).runs[0]!;
    const suppressed = run.results!.filter((r) => r.suppressions?.length);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions![0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(suppressed[0]!.suppressions![0]!.justification).toContain('alice');
    const legacy = run.results!.find((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === 'old/legacy.env')!;
    expect(legacy.suppressions).toBeUndefined();
    expect(legacy.message.text).toContain('expired on 2026-01-31');
  });

  it('skipped files become tool execution notifications with locations', () => {
    const { result, ctx } = richFixture();
    const notes = buildSarif(result, ctx).runs[0]!.invocations![0]!.toolExecutionNotifications as Sarif.Notification[];
    expect(notes.map((n) => [n.descriptor!.id, n.level, n.locations![0]!.physicalLocation!.artifactLocation!.uri])).toEqual([
      ['tokenwarden/skipped/binary', 'warning', 'assets/logo.png'],
      ['tokenwarden/skipped/too-large', 'warning', 'dump.sql'],
    ]);
    expect(notes[1]!.message.text).toContain('6000000 bytes');
  });

  it('encodes artifact URIs segment by segment', () => {
    expect(artifactUri('a b/c#d?.txt')).toBe('a%20b/c%23d%3F.txt');
    expect(artifactUri('src/ok.ts')).toBe('src/ok.ts');
  });
});
