/**
 * Fuzzing the parsers of repository content: random and adversarial YAML (anchors, aliases, merge
 * keys, deep flow and block nesting, long lines, odd Unicode, lone surrogates, random code units,
 * mutations of valid files), policy files with random globs, and HCL-ish text, thrown at
 * `parseYaml`, the policy loader, the inventory parser, `referencedSecrets` and the scanner with every
 * rule. Each call must return — a `LimitExceeded` is the only exception `parseYaml` may throw, the
 * others throw nothing — within a deadline, and a file the scanner cannot judge must be listed as
 * skipped, never as an internal error.
 *
 * Seeded (mulberry32), so a failure reproduces: the message names the seed and the case;
 * `TW_FUZZ_SEED=<n> TW_FUZZ_CASES=<n>` runs other or more cases.
 */
import { describe, expect, it } from 'vitest';
import { clearYamlCache, parseYaml, type YamlDoc } from '../../../src/engine/parse/yaml.js';
import { resolvePolicy } from '../../../src/engine/policy/load.js';
import { parseInventory, referencedSecrets } from '../../../src/engine/inventory/index.js';
import { Scanner } from '../../../src/engine/scan.js';
import { allRules } from '../../../src/engine/registry.js';
import { isLimitExceeded } from '../../../src/engine/limits.js';
import { aliasBomb, mergeBomb } from '../../helpers/hostile-yaml.js';

const SEED = Number(process.env.TW_FUZZ_SEED ?? 0x7a11) >>> 0;
const CASES = Number(process.env.TW_FUZZ_CASES ?? 300);
/** Per call: generous (the machine may be busy), so only a hang or a blow-up trips it. */
const DEADLINE_MS = 4_000;
const TODAY = new Date('2026-06-15T12:00:00Z');

// ---------------------------------------------------------------------------------------------------
// A seeded generator of hostile text

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private readonly r: () => number;
  private anchors: string[] = [];

  constructor(seed: number) {
    this.r = mulberry32(seed);
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.r() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }

  /** Keys the rules look for, so fuzzed files get past their prefilters. */
  private static readonly KEYS = [
    'on',
    'jobs',
    'steps',
    'run',
    'uses',
    'with',
    'env',
    'permissions',
    'contents',
    'secrets',
    'name',
    'kind',
    'owner',
    'credentials',
    'version',
    'rotation_days',
    'last_rotated',
    'expires',
    'scopes',
    'used_in',
    'rules',
    'apiVersion',
    'metadata',
    'subjects',
    'roleRef',
    'verbs',
    'resources',
    'Statement',
    'Effect',
    'Action',
    'Resource',
    'Principal',
    'Type',
    'Properties',
    'extends',
    'ignore',
    'paths',
    'options',
    'exceptions',
    'lock',
    'settings',
    'write-all',
    '<<',
  ];

  private static readonly WORDS = [
    'push',
    'write',
    'read',
    'ubuntu-latest',
    'actions/checkout@v4',
    '${{ secrets.DEPLOY_TOKEN }}',
    '${{ secrets[format(x)] }}',
    'rbac.authorization.k8s.io/v1',
    'ClusterRole',
    'cluster-admin',
    '"*"',
    'iam:*',
    'AWS::IAM::Role',
    'Allow',
    'api-key',
    'classic-pat',
    '@acme/platform',
    '2026-01-01',
    'never',
    'default',
    'secrets/github-token',
    'fail',
    'null',
    '~',
    'yes',
    '0x1F',
    '1.5e3',
    '.inf',
    '-',
    '?',
    ':',
    '|',
    '>',
    '#',
    '%',
    '@',
    '`',
    '!!str',
    '!!binary',
    '!custom',
    "'it''s'",
    '"\\u00e9\\t"',
  ];

  private static readonly ODD = ['\u200b', '\u202e', '\ufeff', '\u0000', '\u0007', '\ud800', '\udfff', '😀', 'ß', 'İ', '\u2028', '\r', '\t', '\\', '"', "'"];

  word(): string {
    if (this.chance(0.1)) return this.pick(Gen.ODD) + this.pick(Gen.WORDS);
    if (this.chance(0.1)) return String(this.int(-1e6, 1e6));
    return this.pick(Gen.WORDS);
  }

  key(): string {
    return this.chance(0.85) ? this.pick(Gen.KEYS) : this.word().replace(/[:#\n]/g, '');
  }

  private props(): string {
    let s = '';
    if (this.chance(0.15)) {
      const a = `a${this.int(0, 9)}`;
      this.anchors.push(a);
      s += `&${a} `;
    }
    if (this.chance(0.05)) s += `${this.pick(['!!str', '!!map', '!!seq', '!t', '!!binary'])} `;
    return s;
  }

  private alias(): string {
    return `*${this.anchors.length && this.chance(0.9) ? this.pick(this.anchors) : `a${this.int(0, 9)}`}`;
  }

  /** A flow value (one line). */
  flow(depth: number): string {
    const c = depth > 6 ? 0 : this.int(0, 9);
    if (c <= 4) return this.chance(0.12) ? this.alias() : this.props() + this.word();
    const n = this.int(0, 4);
    if (c <= 6) return `${this.props()}[${Array.from({ length: n }, () => this.flow(depth + 1)).join(', ')}]`;
    return `${this.props()}{${Array.from({ length: n }, () => (this.chance(0.1) ? `<<: ${this.alias()}` : `${this.key()}: ${this.flow(depth + 1)}`)).join(', ')}}`;
  }

  /** A block value at `indent`, as lines. */
  block(indent: number, depth: number): string[] {
    const pad = ' '.repeat(indent);
    const c = depth > 7 ? 9 : this.int(0, 9);
    if (c <= 3) {
      const n = this.int(1, 5);
      return Array.from({ length: n }, () => {
        if (this.chance(0.08)) return [`${pad}<<: ${this.chance(0.5) ? this.alias() : `[${this.alias()}, ${this.alias()}]`}`];
        const k = this.key();
        if (this.chance(0.4)) return [`${pad}${k}: ${this.flow(depth + 1)}`];
        if (this.chance(0.1)) return [`${pad}${k}: ${this.pick(['|', '>-', '|+', '|2'])}`, ...Array.from({ length: this.int(1, 3) }, () => `${pad}  ${this.word()}`)];
        return [`${pad}${k}: ${this.props()}`.trimEnd(), ...this.block(indent + this.pick([2, 2, 4, 1]), depth + 1)];
      }).flat();
    }
    if (c <= 6) {
      return Array.from({ length: this.int(1, 4) }, () => (this.chance(0.5) ? [`${pad}- ${this.flow(depth + 1)}`] : [`${pad}-`, ...this.block(indent + 2, depth + 1)])).flat();
    }
    if (c === 7 && this.chance(0.3)) return [`${pad}? ${this.flow(depth)}`, `${pad}: ${this.flow(depth)}`];
    return [`${pad}${this.flow(depth)}`];
  }

  /** A random document or an adversarial one. */
  yaml(): string {
    this.anchors = [];
    const kind = this.int(0, 19);
    switch (kind) {
      case 0:
        return `a: ${'['.repeat(this.int(100, 30_000))}${this.chance(0.5) ? ']'.repeat(this.int(0, 30_000)) : ''}\n`;
      case 1: {
        let s = '';
        const n = this.int(100, 400);
        for (let i = 0; i < n; i++) s += `${' '.repeat(i)}${this.chance(0.5) ? 'k:' : '-'}\n`;
        return s;
      }
      case 2:
        return '- '.repeat(this.int(100, 50_000)) + 'x\n';
      case 3:
        return this.chance(0.5) ? aliasBomb(this.int(3, 10), this.int(2, 10)) : mergeBomb(this.int(2, 9));
      case 4:
        return `key: ${this.word().repeat(this.int(1_000, 20_000))}\n`;
      case 5: {
        // Random code units, lone surrogates and controls included.
        const n = this.int(1, 3_000);
        let s = '';
        for (let i = 0; i < n; i++) s += String.fromCharCode(this.chance(0.7) ? this.int(9, 126) : this.int(0, 0xffff));
        return s;
      }
      case 6:
        return `a: &a [*a, ${this.flow(0)}]\nb: &b { <<: *b }\n`;
      case 7:
        return Array.from({ length: this.int(2, 6) }, () => ['%YAML 1.1', '---', ...this.block(0, 0), this.pick(['...', '---', ''])].join('\n')).join('\n');
      case 8:
        return `${'{a: '.repeat(this.int(100, 5_000))}1\n`;
      default: {
        const text = this.block(0, 0).join('\n') + '\n';
        return this.chance(0.3) ? this.mutate(text) : text;
      }
    }
  }

  /** Insert, delete or replace a few characters. */
  mutate(text: string): string {
    let s = text;
    for (let i = this.int(1, 6); i > 0; i--) {
      const at = this.int(0, s.length);
      const op = this.int(0, 2);
      const piece = this.pick(['[', ']', '{', '}', ':', '- ', '&a', '*a', '<<: ', '"', "'", '\n  ', '\t', '#', '|', '\ud83d', '\u0000']);
      if (op === 0) s = s.slice(0, at) + piece + s.slice(at);
      else if (op === 1) s = s.slice(0, at) + s.slice(at + this.int(1, 5));
      else s = s.slice(0, at) + piece + s.slice(at + 1);
    }
    return s;
  }

  glob(): string {
    const parts = ['*', '**', '?', 'a', 'src', '{a,b}', '{1..9}', '[abc]', '[!x]', '+(a|b)', '!(x)', '.', '\\*', '{', '}', ','];
    const n = this.int(1, 14);
    let g = '';
    for (let i = 0; i < n; i++) g += this.pick(parts) + (this.chance(0.4) ? '/' : '');
    return this.chance(0.1) ? g.repeat(this.int(2, 40)) : g;
  }

  policy(): string {
    if (this.chance(0.3)) return this.yaml();
    // Half valid (so what gets through is matched too), half with random globs and values.
    const wild = this.chance(0.5);
    const glob = (): string => (wild ? this.glob() : this.pick(['**/*.test.ts', 'docs/**', '{src,lib}/**/*.js', '*.min.js', 'a/*b*/**', '**/x*y*']));
    const q = (v: string): string => JSON.stringify(v);
    const lines = [
      `extends: ${wild ? this.pick(['default', 'sox', '[default, soc2]', 'nope']) : 'default'}`,
      'ignore:',
      ...Array.from({ length: this.int(0, 4) }, () => `  - ${q(glob())}`),
      'rules:',
      `  secrets/github-token: { level: ${wild ? this.pick(['fail', 'warn', 'off', 'maybe']) : 'warn'}, paths: [${q(glob())}], ignore: [${q(glob())}] }`,
      `  scopes/k8s-rbac-wildcard: { options: { allowRoles: [${q(glob())}] } }`,
      '  scopes/workflow-disallowed-write:',
      '    options:',
      `      allow: [{ workflow: ${q(glob())}, job: ${q(glob())}, permissions: [contents] }]`,
      'exceptions:',
      `  - { path: ${q(glob())}, rule: secrets/github-token, justification: fuzzed exception text, approved_by: "@a", expires: 2026-07-01 }`,
    ];
    const text = lines.join('\n') + '\n';
    return this.chance(0.2) ? this.mutate(text) : text;
  }

  hcl(): string {
    if (this.chance(0.2)) return `x = ${'['.repeat(this.int(100, 5_000))}\n`;
    const lines: string[] = [];
    for (let i = this.int(1, 6); i > 0; i--) {
      lines.push(`resource "${this.pick(['aws_iam_policy', 'aws_iam_role', 'aws_kms_key', 'google_project_iam_member'])}" "r${i}" {`);
      lines.push(`  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "${this.pick(['*', 'iam:*', 's3:Get*', '*a*a*a*a*a*a*a*a*b'])}", Resource = "*" }] })`);
      if (this.chance(0.3)) lines.push(`  ${'{'.repeat(this.int(1, 50))}`);
      lines.push('}');
    }
    const text = lines.join('\n') + '\n';
    return this.chance(0.3) ? this.mutate(text) : text;
  }
}

// ---------------------------------------------------------------------------------------------------
// Targets

function within<T>(label: string, fn: () => T): T {
  const t = performance.now();
  const v = fn();
  const ms = performance.now() - t;
  expect(ms, `${label}: ${ms.toFixed(0)} ms`).toBeLessThan(DEADLINE_MS);
  return v;
}

/** What the inputs came to, so a generator that stopped producing variety is noticed. */
const seen = { parsed: 0, malformed: 0, limits: 0 };

/** parseYaml may return, return `undefined` or throw `LimitExceeded`; walking what it returns likewise. */
function yamlTarget(label: string, text: string): void {
  for (const options of [{}, { tolerant: true, version: '1.1' as const, uniqueKeys: false }]) {
    clearYamlCache();
    within(label, () => {
      try {
        const file = parseYaml(text, options);
        seen[file ? 'parsed' : 'malformed']++;
        for (const d of file?.docs ?? []) walk(d);
      } catch (e) {
        if (!isLimitExceeded(e)) throw new Error(`${label}: parseYaml threw ${String(e)}`);
        seen.limits++;
      }
    });
  }
}

function walk(d: YamlDoc): void {
  d.toJS(d.root);
  for (const e of d.entries(d.root)) d.get(e.value, 'jobs', 0, 'steps');
  let n = 0;
  for (const s of d.scalars(d.root)) if (n++ > 10_000 || !s) break;
}

const WORKFLOW = '.github/workflows/fuzz.yml';
const INVENTORY = '.github/token-inventory.yml';

describe(`fuzzing the parsers (seed ${SEED}, ${CASES} cases)`, () => {
  it('parseYaml, the inventory parser and referencedSecrets return on every input', () => {
    const g = new Gen(SEED);
    for (let i = 0; i < CASES; i++) {
      const text = g.yaml();
      const label = `seed ${SEED} case ${i}`;
      yamlTarget(label, text);
      const inv = within(`${label} parseInventory`, () => parseInventory(INVENTORY, text));
      // Either judged, or said not to be: never an empty, error-free result for a limit.
      if (inv.limit) expect(inv.errors.length).toBeGreaterThan(0);
      within(`${label} referencedSecrets`, () => referencedSecrets([{ path: WORKFLOW, text }]));
    }
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(CASES / 20);
  });

  it('the policy loader returns a policy or errors on every input', () => {
    const g = new Gen(SEED ^ 0x5eed);
    let loaded = 0;
    for (let i = 0; i < CASES; i++) {
      const text = g.policy();
      const r = within(`seed ${SEED} policy case ${i}`, () => resolvePolicy([{ source: '.github/tokenwarden.yml', text }], { today: TODAY }));
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      else {
        loaded++;
        // Whatever globs got through match a long path quickly.
        const s = new Scanner({ policy: r.policy, rules: allRules, today: TODAY });
        within(`seed ${SEED} policy case ${i} matching`, () => s.isIgnored(`${'a/'.repeat(1_000)}${'b'.repeat(2_000)}.ts`));
      }
    }
    expect(loaded).toBeGreaterThan(CASES / 50);
  });

  it('the scanner with every rule lists what it cannot judge and never fails internally', () => {
    const g = new Gen(SEED ^ 0xbeef);
    const policy = resolvePolicy([], { today: TODAY });
    if (!policy.ok) throw new Error('default policy');
    const batches = Math.max(1, Math.round(CASES / 12));
    for (let b = 0; b < batches; b++) {
      const files = [
        { path: WORKFLOW, text: g.yaml() },
        { path: INVENTORY, text: g.yaml() },
        { path: '.github/tokenwarden.yml', text: g.policy() },
        { path: 'k8s/rbac.yaml', text: `apiVersion: rbac.authorization.k8s.io/v1\n${g.yaml()}` },
        { path: 'cfn/template.json', text: `{"Resources": {"R": {"Type": "AWS::IAM::Role", "Statement": ${g.flow(0)}}}}` },
        { path: 'deploy/app.yml', text: `AWSTemplateFormatVersion: x\nResources:\n${g.block(2, 0).join('\n')}\n` },
        { path: 'infra/main.tf', text: g.hcl() },
        { path: 'manifest.yml', text: `default_permissions:\n${g.block(2, 0).join('\n')}\n` },
      ];
      clearYamlCache();
      const r = within(`seed ${SEED} scan batch ${b}`, () => {
        const s = new Scanner({ policy: policy.policy, rules: allRules, today: TODAY });
        for (const f of files) s.scanFile(f);
        return s.result();
      });
      const internal = r.skipped.filter((s) => s.reason === 'error');
      expect(internal, `seed ${SEED} scan batch ${b}: ${JSON.stringify(internal)}\n${files.map((f) => `--- ${f.path}\n${f.text.slice(0, 400)}`).join('\n')}`).toEqual([]);
      for (const s of r.skipped) expect(s.reason).toBe('limit');
    }
  });
});
