/** A scan result with every kind of entry a renderer must handle, built at run time (no committed tokens). */
import { scanFiles, type ScanResult } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import type { ResolvedPolicy } from '../../src/engine/policy/types.js';
import type { ReportContext } from '../../src/report/context.js';
import { githubToken } from '../helpers/tokens.js';

export const TODAY = new Date('2026-06-15T12:00:00Z');

export const secrets = {
  failing: githubToken('ghp', 'report-fail'),
  warning: githubToken('gho', 'report-warn'),
  excepted: githubToken('ghs', 'report-excepted'),
  expired: githubToken('ghu', 'report-expired'),
};

export interface Fixture {
  result: ScanResult;
  ctx: ReportContext;
}

/** Scanned with one rule, so rules still being written elsewhere cannot change the counts; described with all. */
const scanned = allRules.filter((r) => r.meta.id === 'secrets/github-token');

export function richFixture(): Fixture {
  const files = [
    { path: 'src/app.ts', text: `const a = 1;\nconst token = "${secrets.failing}";\n` },
    // A path that needs percent-encoding in a URI.
    { path: 'docs/setup notes#1 é.md', text: `Use ${secrets.warning} here\n`, lineNumbers: [12] },
    { path: 'test/fixture.env', text: `T=${secrets.excepted}\n` },
    { path: 'old/legacy.env', text: `T=${secrets.expired}\n` },
  ];
  const policy: ResolvedPolicy = basePolicy();
  policy.sources = ['built-in:default', '.github/tokenwarden.yml'];
  policy.hash = 'f'.repeat(64);
  // Stated, not inherited: the built-in default changed to `fail` and may change again.
  policy.settings.incompleteScan = 'warn';
  policy.rules['secrets/github-token'] = { level: 'fail' };
  const skipped = [
    { path: 'assets/logo.png', reason: 'binary' as const },
    { path: 'dump.sql', reason: 'too-large' as const, detail: '6000000 bytes > limit 5242880' },
  ];
  // First pass to learn fingerprints, then exceptions for two of them and a warn level for one file.
  const probe = scanFiles(files, { policy, rules: scanned, today: TODAY });
  const fp = (path: string): string => probe.findings.find((f) => f.path === path)!.fingerprint;
  policy.exceptions = [
    { fingerprint: fp('test/fixture.env'), justification: 'Revoked test token kept as a fixture', approvedBy: 'alice', expires: '2026-12-31', source: '.github/tokenwarden.yml' },
    { fingerprint: fp('old/legacy.env'), justification: 'Legacy file being removed', approvedBy: 'bob', expires: '2026-01-31' },
  ];
  const result = scanFiles(files, { policy, rules: scanned, today: TODAY }, skipped);
  // One finding at warn, as a medium-severity rule would produce under the default levels.
  const warn = result.findings.find((f) => f.path.startsWith('docs/'))!;
  warn.level = 'warn';
  warn.severity = 'medium';
  return { result, ctx: { policy, toolVersion: '1.2.3', rules: allRules, baselineSource: '.tokenwarden-baseline.json' } };
}

export function assertNoSecret(text: string): void {
  for (const s of Object.values(secrets)) {
    if (text.includes(s)) throw new Error(`raw secret leaked into output: ${s.slice(0, 4)}…`);
  }
}
