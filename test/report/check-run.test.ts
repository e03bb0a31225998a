import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import {
  ANNOTATION_LIMITS,
  OUTPUT_TITLE_LIMIT,
  PATH_SECRET_NOTE,
  SUMMARY_LIMIT,
  findingAnnotation,
  policyErrorAnnotation,
  renderConfigError,
  renderIncomplete,
  renderSummary,
  validAnnotation,
  validOutput,
  type CheckAnnotation,
  type SummaryInput,
} from '../../src/report/check-run.js';
import { redact } from '../../src/engine/redact.js';
import { utf8Length } from '../../src/report/limits.js';
import { UPPER_ALNUM, cat, githubToken, rand } from '../helpers/tokens.js';

const token = githubToken('ghp', 'check-run-path');
const awsKey = cat('AKIA', rand(16, UPPER_ALNUM, 'check-run-aws'));

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'secrets/github-token',
  family: 'secrets',
  severity: 'critical',
  confidence: 'high',
  path: 'src/app.ts',
  startLine: 3,
  endLine: 3,
  startColumn: 5,
  endColumn: 45,
  excerpt: 'token = ghp_********…(40)',
  fingerprint: '0123456789abcdef',
  secretHash: 'fedcba9876543210',
  redacted: 'ghp_********…(40)',
  message: 'GitHub token committed.',
  remediation: 'Revoke it.',
  controls: ['PCI-DSS-8.6.2'],
  level: 'fail',
  ...over,
});

const input = (findings: Finding[], over: Partial<SummaryInput> = {}): SummaryInput => ({
  subject: 'pull request #1',
  verdict: 'fail',
  findings,
  filesScanned: findings.length,
  wholeFiles: [],
  skipped: [],
  incompleteScan: 'warn',
  excepted: 0,
  expired: 0,
  suppressed: 0,
  policy: { sources: ['built-in:default'], hash: 'h'.repeat(64), ref: 'main' },
  policyWarnings: [],
  ruleMeta: () => undefined,
  ...over,
});

/** GitHub's rules for one annotation, checked independently of the code under test. */
function expectAcceptable(a: CheckAnnotation): void {
  expect(typeof a.path).toBe('string');
  expect(a.path.length).toBeGreaterThan(0);
  expect(a.path.length).toBeLessThanOrEqual(ANNOTATION_LIMITS.path);
  expect(Number.isInteger(a.start_line) && a.start_line >= 1).toBe(true);
  expect(Number.isInteger(a.end_line) && a.end_line >= a.start_line).toBe(true);
  expect(['notice', 'warning', 'failure']).toContain(a.annotation_level);
  expect(a.title.length).toBeLessThanOrEqual(255);
  expect(a.message.length).toBeGreaterThan(0);
  expect(utf8Length(a.message)).toBeLessThanOrEqual(65_535);
  if (a.raw_details !== undefined) expect(utf8Length(a.raw_details)).toBeLessThanOrEqual(65_535);
  if (a.start_column !== undefined || a.end_column !== undefined) {
    expect(a.start_line).toBe(a.end_line);
    expect(Number.isInteger(a.start_column) && a.start_column! >= 1).toBe(true);
    expect(Number.isInteger(a.end_column) && a.end_column! >= a.start_column!).toBe(true);
  }
  for (const v of Object.values(a)) if (typeof v === 'string') expect(v).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
}

describe('annotations GitHub accepts, whatever the finding', () => {
  const hostile: Array<[string, Partial<Finding>]> = [
    ['a 200 KB message', { family: 'scopes', message: 'm'.repeat(200_000) }],
    ['a 200 KB message of multi-byte characters', { family: 'scopes', message: '😀é'.repeat(70_000) }],
    ['a 200 KB excerpt', { family: 'scopes', excerpt: 'e'.repeat(200_000) }],
    ['a 10 KB rule title', { ruleId: `secrets/${'x'.repeat(10_000)}` }],
    ['line 0', { startLine: 0, endLine: 0 }],
    ['negative and fractional lines', { startLine: -3, endLine: 2.5 }],
    ['NaN lines and columns', { startLine: Number.NaN, endLine: Number.NaN, startColumn: Number.NaN, endColumn: Number.NaN }],
    ['an end before the start', { startLine: 9, endLine: 4 }],
    ['columns across lines', { startLine: 3, endLine: 7, startColumn: 40, endColumn: 2 }],
    ['columns backwards on one line', { startColumn: 40, endColumn: 2 }],
    ['column 0', { startColumn: 0, endColumn: 0 }],
    ['a path with a token', { path: `config/${token}.txt` }],
    ['a directory named after an access key', { path: `keys/${awsKey}/creds.json` }],
    ['a path of 5,000 characters', { path: `${'a/'.repeat(2_500)}x.ts` }],
    ['a long path with a token at its end', { path: `${'d/'.repeat(2_500)}${token}.txt` }],
    ['an empty path', { path: '' }],
  ];

  for (const [name, over] of hostile) {
    it(`${name}`, () => {
      const a = findingAnnotation(finding(over));
      expectAcceptable(a);
      expect(JSON.stringify(a)).not.toContain(token);
      expect(JSON.stringify(a)).not.toContain(awsKey);
      // Valid already: a second pass (the publisher's, defensively) changes nothing.
      expect(validAnnotation(a)).toEqual(a);
    });
  }

  it('keeps what it can: lines clamped, columns kept only on one line', () => {
    expect(findingAnnotation(finding({ startLine: 0, endLine: 0 }))).toMatchObject({ start_line: 1, end_line: 1 });
    expect(findingAnnotation(finding({ startLine: 9, endLine: 4 }))).toMatchObject({ start_line: 9, end_line: 9 });
    const across = findingAnnotation(finding({ startLine: 3, endLine: 7, startColumn: 40, endColumn: 2 }));
    expect(across).toMatchObject({ start_line: 3, end_line: 7 });
    expect(across.start_column).toBeUndefined();
    expect(across.end_column).toBeUndefined();
    expect(findingAnnotation(finding())).toMatchObject({ start_column: 5, end_column: 45 });
  });

  it('cuts a long message with a note, keeping its start', () => {
    const a = findingAnnotation(finding({ family: 'scopes', message: `Start. ${'m'.repeat(200_000)}` }));
    expect(a.message.startsWith('Start. ')).toBe(true);
    expect(a.message).toContain("Cut to GitHub's 64 KB limit");
    expect(a.title).toBe('secrets/github-token (critical)');
  });

  it('names a file that holds a secret by its redacted name, and says why it is not on the diff', () => {
    const a = findingAnnotation(finding({ path: `config/${token}.txt` }));
    expect(a.path).toBe(`config/${redact(token)}.txt`);
    expect(a.message.startsWith(PATH_SECRET_NOTE)).toBe(true);
    // An ordinary path keeps its place and says nothing of the sort.
    expect(findingAnnotation(finding()).message).not.toContain(PATH_SECRET_NOTE);
  });

  it('shortens a 5,000-character path from the middle and says so', () => {
    const a = findingAnnotation(finding({ path: `${'a/'.repeat(2_500)}x.ts` }));
    expect(a.path.endsWith('/x.ts')).toBe(true);
    expect(a.message).toContain(`longer than ${ANNOTATION_LIMITS.path} characters`);
  });

  it('mends annotations built elsewhere (the publisher can run every batch through it)', () => {
    const raw = {
      path: `x/${token}`,
      start_line: 0,
      end_line: -1,
      start_column: 3,
      end_column: 1,
      annotation_level: 'error' as CheckAnnotation['annotation_level'],
      title: 't'.repeat(1_000),
      message: '',
      raw_details: 'd'.repeat(100_000),
    };
    const a = validAnnotation(raw);
    expectAcceptable(a);
    expect(a.annotation_level).toBe('warning');
    expect(JSON.stringify(a)).not.toContain(token);
  });

  // Behaviour only (the standards keep timings in `npm run bench`): ours come back as they are, the same
  // objects, and a batch built elsewhere is mended whole, every copy of the secret gone.
  it('checking ours again returns them as they are, and a batch built elsewhere is mended whole', () => {
    const ours = Array.from({ length: 2_000 }, (_, i) => finding({ path: `src/m${i}.ts`, fingerprint: i.toString(16).padStart(16, '0') })).map(findingAnnotation);
    const again = ours.map(validAnnotation);
    expect(again.every((a, i) => a === ours[i])).toBe(true);
    const theirs = ours.map((a) => ({ ...a, raw_details: `${a.raw_details}\n${token}` }));
    const mended = theirs.map(validAnnotation);
    mended.forEach(expectAcceptable);
    expect(JSON.stringify(mended)).not.toContain(token);
    // Mended ones are valid already: checked again, they come back as they are.
    expect(mended.map(validAnnotation).every((a, i) => a === mended[i])).toBe(true);
  });

  it('a policy error annotation obeys the limits too', () => {
    const a = policyErrorAnnotation({ source: '.github/tokenwarden.yml', line: 0, column: 0, message: 'x'.repeat(100_000), fix: `remove ${token}` } as never, '.github/tokenwarden.yml');
    expectAcceptable(a);
    expect(JSON.stringify(a)).not.toContain(token);
  });

  it('a whole batch of hostile annotations is valid, so none costs the others theirs', () => {
    const batch = hostile.map(([, over]) => findingAnnotation(finding(over)));
    batch.forEach(expectAcceptable);
    expect(batch.length).toBeLessThanOrEqual(ANNOTATION_LIMITS.perRequest);
  });
});

describe('summary and outputs', () => {
  const url = (path: string, line: number): string => `https://github.com/acme/api/blob/abc/${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;

  it('never prints a secret held in a path, says the name is a leak, and links no such row', () => {
    const leaky = finding({ path: `config/${token}.txt` });
    const clean = finding({ path: 'src/app.ts', startLine: 7 });
    const skipped = { path: `dump/${awsKey}.sql`, reason: 'too-large' as const, detail: `6000000 bytes in ${awsKey}` };
    const { summary, title } = renderSummary(input([leaky, clean], { skipped: [skipped], wholeFiles: [`whole/${token}.env`], lineUrl: url }));
    for (const s of [summary, title]) {
      expect(s).not.toContain(token);
      expect(s).not.toContain(awsKey);
    }
    expect(summary).toContain('3 file names hold a secret.');
    expect(summary).toContain(`\`config/${redact(token)}.txt\``);
    expect(summary).toContain('rename the file');
    expect(summary).toContain('[`src/app.ts:7`](https://github.com/acme/api/blob/abc/src/app.ts#L7)');
    expect(summary).toContain(`| \`config/${redact(token)}.txt:3\` |`);
  });

  it('costs little with thousands of findings in distinct files, each linked', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => finding({ path: `src/m${i}/index.ts`, startLine: i + 1, fingerprint: i.toString(16).padStart(16, '0') }));
    const t0 = performance.now();
    const { summary } = renderSummary(input(many, { lineUrl: url }));
    const annotations = many.map(findingAnnotation);
    // A scanner per path or per link would take many seconds.
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary).toContain('[`src/m0/index.ts:1`](https://github.com/acme/api/blob/abc/src/m0/index.ts#L1)');
    expect(annotations).toHaveLength(3_000);
  });

  it('a clean summary says nothing about file names', () => {
    expect(renderSummary(input([finding()])).summary).not.toContain('file name');
  });

  it('one huge message costs its row, not the table', () => {
    const findings = [finding({ family: 'scopes', redacted: undefined, message: 'm'.repeat(200_000) }), ...Array.from({ length: 5 }, (_, i) => finding({ startLine: i + 10 }))];
    const { summary } = renderSummary(input(findings));
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary.split('\n').filter((l) => l.startsWith('| 🔴')).length).toBe(6);
    expect(summary).not.toContain('more findings not shown');
  });

  it('scrubs free text that came in from outside (branch names, notes, problems)', () => {
    const { summary } = renderSummary(input([finding()], { subject: `push to \`${token}\``, notes: [`see ${awsKey}`], problems: [`failed on ${token}`] }));
    expect(summary).not.toContain(token);
    expect(summary).not.toContain(awsKey);
  });

  it('incomplete and config-error outputs obey the limits and hold no secret', () => {
    const out = renderIncomplete(`could not read config/${token}.txt ${'x'.repeat(300)}`, 'h'.repeat(100_000));
    expect(out.title.length).toBeLessThanOrEqual(OUTPUT_TITLE_LIMIT);
    expect(out.summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(JSON.stringify(out)).not.toContain(token);
    const errors = Array.from({ length: 2_000 }, (_, i) => ({ source: `org/${token}.yml`, line: i, column: 1, message: 'm'.repeat(100), fix: 'f' }));
    const cfg = renderConfigError(errors as never, 'main');
    expect(cfg.title.length).toBeLessThanOrEqual(OUTPUT_TITLE_LIMIT);
    expect(cfg.summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(JSON.stringify(cfg)).not.toContain(token);
  });

  it('validOutput cuts and scrubs any output, text included', () => {
    const out = validOutput({ title: `${token} ${'t'.repeat(1_000)}`, summary: `${token}\n${'s'.repeat(100_000)}`, text: 'x'.repeat(70_000) });
    expect(out.title.length).toBeLessThanOrEqual(OUTPUT_TITLE_LIMIT);
    expect(out.summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(out.text.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(JSON.stringify(out)).not.toContain(token);
  });
});
