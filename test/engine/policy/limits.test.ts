/**
 * A proposed policy is repository content: parser limits become policy errors at file:line with a
 * fix, and every glob it holds is checked for the cost of matching it before anything compiles it.
 */
import { describe, expect, it } from 'vitest';
import { resolvePolicy, type PolicyError, type PolicyResult } from '../../../src/engine/policy/load.js';
import { basePolicy } from '../../../src/engine/policy/builtin.js';
import { allRules } from '../../../src/engine/registry.js';
import { Scanner, exceptionMatches } from '../../../src/engine/scan.js';
import { checkGlob, compileGlob, globMatches, MAX_GLOB_SUBJECT, nameMatches, wildcardMatch } from '../../../src/engine/glob.js';
import { globMatch } from '../../../src/engine/rules/scopes/lib/rule-options.js';
import { actionMatches } from '../../../src/engine/rules/scopes/lib/aws-actions.js';
import { DEFAULT_GLOB_LIMITS, DEFAULT_PARSE_LIMITS } from '../../../src/engine/limits.js';
import type { Finding } from '../../../src/engine/finding.js';
import { aliasBomb } from '../../helpers/hostile-yaml.js';

const BOUND_MS = 2_000;
const today = new Date('2026-06-15T00:00:00Z');
const SOURCE = '.github/tokenwarden.yml';

function load(text: string): { r: PolicyResult; ms: number } {
  const t = performance.now();
  const r = resolvePolicy([{ source: SOURCE, text }], { today });
  return { r, ms: performance.now() - t };
}
const errorsOf = (r: PolicyResult): PolicyError[] => (r.ok ? [] : r.errors);

/** `*a*a*…*b`: each `*` multiplies minimatch's backtracking by the length of the name. */
const STARS = '*a*a*a*a*a*a*a*a*a*a*b';
const BRACE_BOMB = '{a,b}'.repeat(12);

describe('policy parser limits', () => {
  it('reports deeply nested YAML as a policy error at its line, without crashing', () => {
    for (const n of [500, 20_000]) {
      const { r, ms } = load(`rules:\n  secrets/github-token:\n    options:\n      x: ${'['.repeat(n)}${']'.repeat(n)}\n`);
      expect(ms).toBeLessThan(BOUND_MS);
      const [e] = errorsOf(r);
      expect(e).toMatchObject({ source: SOURCE, line: 4 });
      expect(e!.message).toMatch(/not loaded: it exceeds limit nesting-depth/);
      expect(e!.fix).toMatch(/Flatten/);
    }
    let block = 'rules:\n  secrets/github-token:\n    options:\n';
    for (let i = 0; i < 2_000; i++) block += `${' '.repeat(i + 6)}k:\n`;
    const { r, ms } = load(block);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(errorsOf(r)[0]!.message).toMatch(/nesting-depth/);
  });

  it('reports an alias bomb and an oversized file', () => {
    const bomb = load(`extends: default\n${aliasBomb()}`);
    expect(bomb.ms).toBeLessThan(BOUND_MS);
    expect(errorsOf(bomb.r)[0]!.message).toMatch(/alias-expansion/);
    const big = load(`extends: default\n# ${'x'.repeat(DEFAULT_PARSE_LIMITS.maxChars)}\n`);
    expect(errorsOf(big.r)[0]).toMatchObject({ line: 1, message: expect.stringMatching(/text-size/), fix: expect.stringMatching(/Split/) });
  });

  it('still reads a policy with ordinary anchors', () => {
    const { r } = load('ignore: &ig ["docs/**"]\nrules:\n  secrets/github-token: { level: fail, ignore: *ig }\n');
    expect(r.ok && r.policy.rules['secrets/github-token']?.ignore).toEqual(['docs/**']);
  });
});

describe('policy glob checks', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['stars', STARS, /more than 2 `\*` in the path segment/],
    ['brace range', 'src/{1..100000}.ts', /brace range/],
    ['letter range', '{a..z}/**', /brace range/],
    ['brace bomb', BRACE_BOMB, /expands to more than 32 patterns/],
    ['nested braces', '{a,{b,{c,{d,{e,{f,{g,{h,{i,{j,k}}}}}}}}}}', /nests braces/],
    ['extglob', '+(a|aa)+(a|aa)b', /extended glob/],
    ['negated extglob', 'src/!(vendor)/**', /extended glob/],
    ['long', `${'dir/'.repeat(80)}*.ts`, /characters long/],
    ['globstars', '**/a/**/b/**/c/**/d/**/e', /more than 4 `\*\*` segments/],
  ];

  for (const [name, glob, message] of cases) {
    it(`rejects ${name} at its line, with a fix`, () => {
      const text = ['extends: default', 'ignore:', '  - "docs/**"', `  - "${glob}"`, ''].join('\n');
      const { r, ms } = load(text);
      expect(ms).toBeLessThan(BOUND_MS);
      const errs = errorsOf(r);
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatchObject({ source: SOURCE, line: 4, column: 5 });
      expect(errs[0]!.message).toMatch(message);
      expect(errs[0]!.fix.length).toBeGreaterThan(10);
    });
  }

  it('checks rule paths and ignores, exception paths and rule options that are globs', () => {
    const text = [
      'rules:',
      '  secrets/github-token:',
      `    paths: ["${STARS}"]`,
      `    ignore: ["src/{1..9}"]`,
      '  scopes/k8s-rbac-wildcard:',
      '    options:',
      `      allowRoles: ["system:*", "${STARS}"]`,
      '  scopes/workflow-disallowed-write:',
      '    options:',
      '      allow:',
      `        - workflow: "${BRACE_BOMB}"`,
      '          job: "+(a|aa)"',
      '          permissions: [contents]',
      '  rotation/inventory-missing:',
      `    options: { exempt: ["SLACK_*", "${STARS}"] }`,
      'exceptions:',
      `  - path: "${STARS}"`,
      '    rule: secrets/github-token',
      '    justification: fixtures hold fake tokens for the tests',
      '    approved_by: "@acme/security"',
      '    expires: 2026-07-01',
      '',
    ].join('\n');
    const { r, ms } = load(text);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(
      errorsOf(r)
        .map((e) => e.line)
        .sort((a, b) => a - b),
    ).toEqual([3, 4, 7, 11, 12, 15, 17]);
  });

  it('pairs braces in linear time (unbalanced, nested, escaped)', () => {
    const t = performance.now();
    for (const g of ['\\*{?/'.repeat(50), '{?/'.repeat(80), '{a,'.repeat(80), '{'.repeat(250), '}{'.repeat(120), '[{'.repeat(120)]) {
      const problem = checkGlob(g);
      if (!problem) compileGlob(g)!.match('a/b/c');
    }
    expect(performance.now() - t).toBeLessThan(BOUND_MS);
  });

  it('accepts the globs people write', () => {
    const globs = [
      '**/*.test.ts',
      'docs/**',
      '{src,lib}/**/*.js',
      '*.min.js',
      'release-*.yml',
      '*.test.*',
      'test/**/fixtures/**',
      '.github/workflows/*.y{a,}ml',
      'a/[abc]*/b?.txt',
      '**/node_modules/**',
    ];
    for (const g of globs) expect(checkGlob(g), g).toBeUndefined();
    const text = `ignore:\n${globs.map((g) => `  - "${g}"`).join('\n')}\nrules:\n  scopes/k8s-rbac-wildcard:\n    options: { allowRoles: ["system:*", "argocd-*-controller"] }\n`;
    const { r } = load(text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.ok && r.policy.ignore).toEqual(expect.arrayContaining(globs));
  });
});

describe('matching validated globs is fast', () => {
  // A 4 KB path, as one long name and as two thousand short directories.
  const longName = `src/${'a'.repeat(MAX_GLOB_SUBJECT - 10)}.ts`;
  const deepPath = `${Array.from({ length: 2_040 }, () => 'a').join('/')}/b.ts`;
  const worst = ['*a*b', '**/*a*a', '**/a/**/c/**/b/**/x.ts', '{src,lib}/**/*.js', '**/*.test.ts', 'docs/**', '*.min.js', '**/a*b*/**/*.tsx'];

  it('matches the worst validated globs against a 4 KB path quickly', () => {
    for (const g of worst) {
      expect(checkGlob(g), g).toBeUndefined();
      for (const path of [longName, deepPath]) {
        expect(path.length).toBeGreaterThanOrEqual(4_000);
        const m = compileGlob(g, { matchBase: !g.includes('/') })!;
        const t = performance.now();
        m.match(path);
        expect(performance.now() - t, `${g} on ${path.slice(0, 20)}…`).toBeLessThan(250);
      }
    }
  });

  it('treats a path longer than the bound as the caller says (fail closed)', () => {
    const m = compileGlob('**')!;
    const huge = 'a/'.repeat(MAX_GLOB_SUBJECT);
    expect(globMatches(m, huge, true)).toBe(true);
    expect(globMatches(m, huge, false)).toBe(false);
  });

  it('the scanner fails closed on a costly glob that did not come through the loader', () => {
    const policy = basePolicy();
    policy.ignore = [STARS, BRACE_BOMB, 'docs/**'];
    policy.rules['secrets/github-token'] = { paths: [STARS] };
    const t = performance.now();
    const s = new Scanner({ policy, rules: allRules.filter((r) => r.meta.id === 'secrets/github-token'), today });
    expect(s.isIgnored(`${'a'.repeat(3_000)}c`)).toBe(false);
    expect(s.isIgnored('docs/x.md')).toBe(true);
    const ex = { path: STARS, justification: 'x', approvedBy: '@a', expires: '2027-01-01' };
    expect(exceptionMatches(ex, { ruleId: 'secrets/github-token', path: `${'a'.repeat(3_000)}b` } as Finding)).toBe(false);
    expect(performance.now() - t).toBeLessThan(BOUND_MS);
  });

  it('name globs: IAM-style wildcards are linear, minimatch-style ones bounded', () => {
    const long = 'a'.repeat(100_000);
    const t = performance.now();
    expect(globMatch(STARS, long)).toBe(false);
    expect(actionMatches(STARS, `s3:${long}`)).toBe(false);
    expect(wildcardMatch('*a*a*a*a*a*a*a*a*a*a*', long)).toBe(true);
    expect(nameMatches(STARS, long)).toBe(false);
    expect(nameMatches('*b', long, { nocase: true })).toBe(false);
    expect(performance.now() - t).toBeLessThan(BOUND_MS);
    // Semantics kept: whole-string, case-insensitive, `?` is one character, `/` is an ordinary one.
    expect(globMatch('system:*', 'SYSTEM:controller')).toBe(true);
    expect(globMatch('repo:org/*:env:prod', 'repo:org/app/x:env:prod')).toBe(true);
    expect(globMatch('a?c', 'abc')).toBe(true);
    expect(globMatch('a?c', 'abbc')).toBe(false);
    expect(globMatch('a.c', 'abc')).toBe(false);
    expect(actionMatches('s3:Get*', 's3:GetObject')).toBe(true);
    expect(actionMatches('iam:*', 's3:GetObject')).toBe(false);
    expect(nameMatches('SLACK_*', 'slack_hook', { nocase: true })).toBe(true);
    expect(nameMatches('SLACK_*', 'slack_hook')).toBe(false);
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_GLOB_LIMITS).toEqual({ maxGlobLength: 256, maxStarsPerSegment: 2, maxGlobstars: 4, maxBraceExpansion: 32 });
  });
});
