/** A file named after a secret: the CLI's reports print the name redacted, as they print the secret. */
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import { redact } from '../../src/engine/redact.js';
import { buildJsonReport, renderJson } from '../../src/report/json.js';
import { buildSarif, renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import type { ReportContext } from '../../src/report/context.js';
import { UPPER_ALNUM, cat, githubToken, rand } from '../helpers/tokens.js';

const inName = githubToken('ghp', 'report-in-name');
const inFile = githubToken('ghp', 'report-in-file');
const awsKey = cat('AKIA', rand(16, UPPER_ALNUM, 'report-skipped'));

function fixture() {
  const policy = basePolicy();
  const rules = allRules.filter((r) => r.meta.id === 'secrets/github-token');
  const result = scanFiles(
    [
      { path: `config/${inName}.txt`, text: `t="${inFile}"\n` },
      { path: 'src/app.ts', text: `t="${inFile}"\n` },
    ],
    { policy, rules, today: new Date('2026-06-15') },
    [{ path: `dumps/${awsKey}.sql`, reason: 'too-large', detail: `6000000 bytes in ${awsKey}` }],
  );
  const ctx: ReportContext = { policy, toolVersion: '1.2.3', rules };
  return { result, ctx };
}

const expectClean = (text: string): void => {
  for (const s of [inName, inFile, awsKey]) expect(text).not.toContain(s);
};

describe('reports name files that hold a secret redacted', () => {
  it('text', () => {
    const { result, ctx } = fixture();
    const out = renderText(result, ctx, { color: false });
    expectClean(out);
    expect(out).toContain(`config/${redact(inName)}.txt:1:4`);
    expect(out).toContain('the file name holds a secret (shown redacted)');
    expect(out).toContain(`dumps/${redact(awsKey)}.sql`);
    expect(out.match(/the file name holds a secret/g)).toHaveLength(1);
  });

  it('JSON, with pathRedacted', () => {
    const { result, ctx } = fixture();
    expectClean(renderJson(result, ctx));
    const r = buildJsonReport(result, ctx);
    expect(r.findings.map((f) => [f.path, f.pathRedacted])).toEqual([
      [`config/${redact(inName)}.txt`, true],
      ['src/app.ts', false],
    ]);
    expect(r.skipped[0]).toEqual({ path: `dumps/${redact(awsKey)}.sql`, reason: 'too-large', detail: `6000000 bytes in ${redact(awsKey)}` });
  });

  it('SARIF, with pathRedacted', () => {
    const { result, ctx } = fixture();
    expectClean(renderSarif(result, ctx));
    const run = buildSarif(result, ctx).runs[0]!;
    expect(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(`config/${encodeURIComponent(redact(inName))}.txt`);
    expect(run.results![0]!.properties!.pathRedacted).toBe(true);
    expect(run.results![1]!.properties!.pathRedacted).toBeUndefined();
  });
});
