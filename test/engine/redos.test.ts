/**
 * Every registered rule, through the real scanner, over adversarial inputs: 100 KB lines of repeated
 * prefixes, unterminated structures, long runs of one character class, and one 5 MB minified-like line
 * mixing every keyword. Each input must finish within a generous budget — this catches catastrophic
 * backtracking and quadratic blow-ups, not speed.
 *
 * The scan runs in a worker thread (the engine bundled on the fly with esbuild, which vitest already
 * ships), so a runaway regex is terminated and reported with the rule it was in, instead of hanging the
 * test run. If esbuild cannot be loaded, the inputs run in-process with the same assertions.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../src/engine/rule.js';
import { allRules } from '../../src/engine/registry.js';
import { Scanner } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { isLimitExceeded } from '../../src/engine/limits.js';
import { ALNUM, B64, HEX, rand } from '../helpers/tokens.js';

/** Per input (all paths): generous, so only super-linear behaviour trips it. */
const BUDGET_MS = 5_000;
/** The 5 MB line: 50 times the data of the others, still a budget for "finishes", not for speed. */
const BIG_BUDGET_MS = 20_000;
const K = 100_000;
/**
 * Inputs that currently blow the budget, each with its cause (reported to the owners; not fixed here).
 * They are skipped so the suite stays usable; `TW_REDOS_ALL=1 npx vitest run test/engine/redos.test.ts`
 * runs them anyway. Delete an entry once its cause is fixed.
 */
// Inputs that once took too long, with the cause; all fixed (per-line suppression cache, linear
// overlap sweep, windowed excerpts, one-pass armour scan). Keep the mechanism for the next one.
const KNOWN_SLOW: Record<string, string> = {};
const RUN_ALL = process.env.TW_REDOS_ALL === '1';
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
const TODAY = new Date('2026-06-15T12:00:00Z');

// ---------------------------------------------------------------------------------------------------
// Inputs

const fill = (unit: string, n = K): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** The same text with a newline every `width` characters: full lines for the rules, no windows. */
const wrap = (text: string, width = 4000): string => text.replace(new RegExp(`([^\\n]{${width}})`, 'g'), '$1\n');

const keywords = [...new Set(allRules.flatMap((r) => r.keywords))].sort();

interface Input {
  name: string;
  text: string;
  budget: number;
}

function inputs(): Input[] {
  const single: Array<[string, string]> = [
    ['ghp_ repeated', fill('ghp_')],
    ['github_pat_ repeated', fill('github_pat_')],
    ['ghp_ + 100 KB alnum', 'ghp_' + rand(K, ALNUM, 'gh')],
    ['xoxb- repeated', fill('xoxb-')],
    ['xoxb-1- repeated', fill('xoxb-1-')],
    ['xoxb- + 100 KB digits and dashes', 'xoxb-' + fill('1234567890-')],
    ['AKIA repeated', fill('AKIA')],
    ['AKIA + 100 KB upper alnum', 'AKIA' + fill('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')],
    ['aws_secret_access_key= repeated', fill('aws_secret_access_key=')],
    ['eyJ repeated', fill('eyJ')],
    ['eyJ + 100 KB base64url', 'eyJ' + rand(K, ALNUM + '-_', 'jwt')],
    ['eyJ segments and dots', fill('eyJhbGciOi.eyJ')],
    ['-----BEGIN repeated', fill('-----BEGIN ')],
    ['-----BEGIN PRIVATE KEY----- repeated', fill('-----BEGIN PRIVATE KEY-----')],
    ['-----BEGIN RSA PRIVATE KEY----- without END', `-----BEGIN RSA PRIVATE KEY-----\n${wrap(rand(K, B64, 'pem'), 64)}`],
    ['-----BEGIN OPENSSH PRIVATE KEY----- without END, one line', `-----BEGIN OPENSSH PRIVATE KEY-----${rand(K, B64, 'ssh')}`],
    ['-----BEGIN PGP PRIVATE KEY BLOCK----- without END', `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${wrap(rand(K, B64, 'pgp'), 64)}`],
    ['PuTTY-User-Key-File- repeated', fill('PuTTY-User-Key-File-2: ssh-rsa\nPrivate-Lines: 14\n')],
    ['password=password= …', fill('password=')],
    ['password: " … (unterminated)', fill('password: "')],
    ['password=" + 100 KB (no closing quote)', 'password="' + rand(K, ALNUM, 'pw')],
    ['"password": " repeated', fill('"password": "')],
    ['api_key= repeated', fill('api_key=')],
    ['secret token key repeated', fill('secret token key ')],
    ['Authorization: Bearer repeated', fill('Authorization: Bearer ')],
    ['Authorization: Basic + 100 KB base64', 'Authorization: Basic ' + rand(K, B64, 'basic')],
    ['a:a@a:a@ …', fill('a:a@')],
    ['https://a:a@ repeated', fill('https://a:a@')],
    ['https:// + 100 KB user, no @', 'https://' + rand(K, ALNUM, 'url')],
    ['postgres://u: + 100 KB, no @', 'postgres://u:' + rand(K, ALNUM, 'pg')],
    ['mongodb+srv:// repeated', fill('mongodb+srv://a:')],
    ['curl -u repeated', fill('curl -u a:')],
    ['run of =', fill('=')],
    ['run of :', fill(':')],
    ['run of "', fill('"')],
    ['run of backslashes', fill('\\')],
    ['run of base64', rand(K, B64, 'b64')],
    ['run of hex', rand(K, HEX, 'hex')],
    ['run of A', fill('A')],
    ['run of spaces', fill(' ')],
    ['run of tabs and spaces', fill(' \t')],
    ['100,000 empty lines', fill('\n')],
    ['100,000 CRLF lines', fill('\r\n')],
    ['every keyword + 40 chars of base62, repeated', fill(keywords.map((k, i) => `${k}${rand(40, ALNUM, `k${i}`)} `).join(''))],
    ['every keyword + = + quote, repeated', fill(keywords.map((k) => `${k}="`).join(''))],
    ['every keyword back to back', fill(keywords.join(''))],
    ['permissions: write-all repeated (YAML-ish)', fill('permissions: write-all\n  contents: write\n')],
    ['deeply nested YAML', Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}permissions:`).join('\n')],
    ['JSON-ish secret keys', fill('{"private_key":"-----BEGIN PRIVATE KEY-----\\n","client_secret":"')],
    ['kind: Secret with 100 KB data', `apiVersion: v1\nkind: Secret\ndata:\n  key: ${rand(K, B64, 'k8s')}\n`],
    // 1 MB lines of shapes that were quadratic in the line's length (a search back to the line's start, or
    // for the value in the whole line, per element): 0.5 MB of XML elements took 8 s.
    ['1 MB line of <password>x</password>', fill('<password>x</password>', 10 * K)],
    ['1 MB line of "ab" + joins', fill('"ab" + ', 10 * K)],
    ['1 MB line of escapes 1 KB apart', fill(`${'x'.repeat(1000)}\\u0041%41`, 10 * K)],
  ];
  const out: Input[] = [];
  for (const [name, text] of single) {
    out.push({ name, text, budget: BUDGET_MS });
    if (!text.includes('\n')) out.push({ name: `${name} (4,000-char lines)`, text: wrap(text), budget: BUDGET_MS });
  }
  // One 5 MB minified-like line (just under the default maxFileBytes) mixing code and every keyword.
  const code = ['function(e,t){return e&&t}', 'var n=Object.assign({},o);', 'if(!r)throw new Error("x");', 'a.b.c=[1,2,3].map(String);', 'x="', '";'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const p = `${code[i % code.length]}${keywords[i % keywords.length]}${i % 3 === 0 ? rand(32 + (i % 40), i % 2 ? B64 : ALNUM, `m${i % 97}`) : '='}`;
    parts.push(p);
    size += p.length;
  }
  out.push({ name: '5 MB minified-like line mixing every keyword', text: parts.join('').slice(0, 5_000_000), budget: BIG_BUDGET_MS });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Which path each rule is scanned under: the generic one unless its appliesTo wants a particular file.

const GENERIC = 'src/adversarial.js';
const CANDIDATES = [
  GENERIC,
  '.github/workflows/adversarial.yml',
  'config/adversarial.json',
  '.git-credentials',
  '.htpasswd',
  'settings.xml',
  'nuget.config',
  '.pypirc',
  '.netrc',
  '.npmrc',
  '.env',
  '.docker/config.json',
  '.github/token-inventory.yml',
  'k8s/manifest.yaml',
  'main.tf',
  'config/adversarial.ini',
  'auth.json',
  'pgbouncer/userlist.txt',
  'connections.ncx',
  'client.ovpn',
  'openvpn/auth.txt',
  '.dbeaver/credentials-config.json',
  'jenkins/secrets/master.key',
  'auth/svn.simple/0123456789abcdef0123456789abcdef',
];

type Plan = Array<{ path: string; rules: number[] }>;

function assignPaths(rules: readonly Rule[]): { plan: Plan; unreachable: string[] } {
  const byPath = new Map<string, number[]>();
  const unreachable: string[] = [];
  rules.forEach((r, i) => {
    const path = r.appliesTo ? CANDIDATES.find((p) => r.appliesTo!(p)) : GENERIC;
    if (!path) unreachable.push(r.meta.id);
    else (byPath.get(path) ?? byPath.set(path, []).get(path)!).push(i);
  });
  return { plan: [...byPath].map(([path, list]) => ({ path, rules: list })), unreachable };
}

// ---------------------------------------------------------------------------------------------------
// Running: in a worker when possible.

interface RunResult {
  ms: number;
  perRule: Array<[number, number]>;
  findings: number;
}

/** Shared by the worker and the in-process fallback. */
function allOnPolicy(): ReturnType<typeof basePolicy> {
  const policy = basePolicy();
  policy.families = { secrets: 'warn', scopes: 'warn', rotation: 'warn' };
  policy.severityLevels = { critical: 'warn', high: 'warn', medium: 'warn', low: 'warn', info: 'warn' };
  policy.settings.minConfidence = 'low';
  return policy;
}

const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
import { allRules } from '../../src/engine/registry.js';
import { Scanner } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { initEngine } from '../../src/engine/init.js';
await initEngine();
const progress = new Int32Array(workerData.progress);
const policy = basePolicy();
policy.families = { secrets: 'warn', scopes: 'warn', rotation: 'warn' };
policy.severityLevels = { critical: 'warn', high: 'warn', medium: 'warn', low: 'warn', info: 'warn' };
policy.settings.minConfidence = 'low';
const today = new Date(workerData.today);
let times = new Float64Array(allRules.length);
const wrapped = allRules.map((rule, i) => Object.assign(Object.create(rule), {
  check(file, ctx) {
    Atomics.store(progress, 0, i + 1);
    const t0 = performance.now();
    try { return rule.check(file, ctx); } finally { times[i] += performance.now() - t0; Atomics.store(progress, 0, 0); }
  },
}));
parentPort.on('message', ({ text, plan, direct }) => {
  times = new Float64Array(allRules.length);
  const t0 = performance.now();
  let findings = 0;
  plan.forEach(({ path, rules }, pi) => {
    Atomics.store(progress, 1, pi);
    if (direct) {
      // Each rule's check over the whole text as one segment: the regexes alone, without the scanner.
      // A parser limit is a rule's legitimate answer (the scanner lists the file as not judged).
      for (const i of rules) {
        try {
          findings += wrapped[i].check({ path, text, segments: [{ text, offset: 0 }] }, { today, options: {} }).length;
        } catch (e) {
          if (e?.name !== 'LimitExceeded') throw e;
        }
      }
      return;
    }
    const s = new Scanner({ policy, rules: rules.map((i) => wrapped[i]), today });
    s.scanFile({ path, text });
    findings += s.result().findings.length;
  });
  const perRule = [];
  times.forEach((ms, i) => { if (ms > 0) perRule.push([i, ms]); });
  parentPort.postMessage({ ms: performance.now() - t0, perRule, findings });
});
`;

class Runner {
  private worker: Worker | undefined;
  private progress = new SharedArrayBuffer(8);
  constructor(private readonly bundle: string | undefined) {}

  get isolated(): boolean {
    return this.bundle !== undefined;
  }

  private spawn(): Worker {
    this.progress = new SharedArrayBuffer(8);
    return new Worker(pathToFileURL(this.bundle!), { workerData: { progress: this.progress, today: TODAY.toISOString() } });
  }

  /** Resolves with the result, or with `timeout` naming where the scan was when the budget ran out. */
  async run(text: string, plan: Plan, budget: number, direct = false): Promise<RunResult | { timeout: string }> {
    if (!this.bundle) return runInProcess(text, plan, direct);
    const worker = (this.worker ??= this.spawn());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = new Int32Array(this.progress);
        const ri = Atomics.load(p, 0) - 1;
        const where = `${ri >= 0 ? `in ${allRules[ri]!.meta.id}` : 'in the scanner (prefilter/materialise)'} on ${plan[Atomics.load(p, 1)]?.path}`;
        cleanup();
        void worker.terminate();
        this.worker = undefined;
        resolve({ timeout: where });
      }, budget * 3);
      const onMessage = (r: RunResult): void => {
        cleanup();
        resolve(r);
      };
      const onError = (e: Error): void => {
        cleanup();
        this.worker = undefined;
        reject(e);
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ text, plan, direct });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

function runInProcess(text: string, plan: Plan, direct: boolean): RunResult {
  const times = new Float64Array(allRules.length);
  const wrapped = allRules.map((rule, i) =>
    Object.assign(Object.create(rule) as Rule, {
      check: (file: Parameters<Rule['check']>[0], ctx: Parameters<Rule['check']>[1]) => {
        const t0 = performance.now();
        try {
          return rule.check(file, ctx);
        } finally {
          times[i]! += performance.now() - t0;
        }
      },
    }),
  );
  const t0 = performance.now();
  let findings = 0;
  for (const { path, rules } of plan) {
    if (direct) {
      for (const i of rules) {
        try {
          findings += wrapped[i]!.check({ path, text, segments: [{ text, offset: 0 }] }, { today: TODAY, options: {} }).length;
        } catch (e) {
          if (!isLimitExceeded(e)) throw e;
        }
      }
      continue;
    }
    const s = new Scanner({ policy: allOnPolicy(), rules: rules.map((i) => wrapped[i]!), today: TODAY });
    s.scanFile({ path, text });
    findings += s.result().findings.length;
  }
  const perRule: Array<[number, number]> = [];
  times.forEach((ms, i) => ms > 0 && perRule.push([i, ms]));
  return { ms: performance.now() - t0, perRule, findings };
}

async function bundleWorker(dir: string): Promise<string | undefined> {
  try {
    const esbuild = await import('esbuild');
    const out = join(dir, 'redos-worker.mjs');
    await esbuild.build({
      stdin: { contents: WORKER_SOURCE, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts', sourcefile: 'redos-worker.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: out,
      logLevel: 'silent',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      // Loaded from node_modules at run time: it finds its own .wasm next to itself.
      external: ['web-tree-sitter'],
    });
    return out;
  } catch (e) {
    console.warn(`redos.test: esbuild unavailable (${(e as Error).message}); running in-process, a runaway regex would hang`);
    return undefined;
  }
}

function check(input: Input, r: RunResult | { timeout: string }): void {
  if ('timeout' in r) {
    expect.fail(`${input.name}: still running after ${(input.budget * 3) / 1000} s, ${r.timeout} — catastrophic backtracking?`);
    return;
  }
  const slowest = r.perRule
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([i, ms]) => `${allRules[i]!.meta.id} ${ms.toFixed(0)} ms`)
    .join(', ');
  expect(r.ms, `${input.name}: ${r.ms.toFixed(0)} ms; slowest rules: ${slowest}`).toBeLessThan(input.budget);
}

// ---------------------------------------------------------------------------------------------------

const { plan, unreachable } = assignPaths(allRules);
let tmp: string;
let runner: Runner;

beforeAll(async () => {
  // Inside the repository, so the bundle's bare imports (web-tree-sitter, the HCL grammar) resolve.
  mkdirSync(CACHE, { recursive: true });
  tmp = mkdtempSync(join(CACHE, 'tw-redos-'));
  runner = new Runner(await bundleWorker(tmp));
}, 60_000);

afterAll(async () => {
  await runner?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('adversarial inputs against every registered rule', () => {
  it('reaches every rule with one of the candidate paths', () => {
    expect(unreachable, 'add a path this rule applies to, to CANDIDATES').toEqual([]);
    expect(plan.reduce((n, p) => n + p.rules.length, 0)).toBe(allRules.length);
  });

  const all = inputs();
  for (const input of all) {
    const known = KNOWN_SLOW[input.name];
    (known && !RUN_ALL ? it.skip : it)(
      `${known ? `[known slow: ${known}] ` : ''}finishes: ${input.name} (${Math.round(input.text.length / 1000)} KB)`,
      // Each path of the plan is a scan of its own, held to the budget on its own: the plan grows with
      // every rule that wants a file of its kind, and the whole plan once had to fit one budget.
      async () => {
        for (const p of plan) check({ ...input, name: `${input.name} as ${p.path}` }, await runner.run(input.text, [p], input.budget));
      },
      BIG_BUDGET_MS * 4 + plan.length * BUDGET_MS,
    );
  }

  // The scanner's own cost aside: every rule's check over the 5 MB line as a single segment. Here every
  // rule reads all 5 MB, so the sum grows with the rule set (273 rules when BIG_BUDGET_MS was set, 326
  // now): a pathological expression is caught by its own time, each rule alone within a tenth of the
  // big budget; the sum is held to an average of 100 ms a rule (13 s for 326 on an idle machine, 21 s
  // while CI runs the other e2e files beside it).
  const big = all[all.length - 1]!;
  it(
    `every rule's check alone finishes on the ${big.name}`,
    async () => {
      const budget = Math.max(BIG_BUDGET_MS, allRules.length * 100);
      const r = await runner.run(big.text, plan, budget, true);
      check({ ...big, name: `${big.name}, rules alone`, budget }, r);
      if ('timeout' in r) return;
      const slow = r.perRule.filter(([, ms]) => ms > BIG_BUDGET_MS / 10).map(([i, ms]) => `${allRules[i]!.meta.id} ${ms.toFixed(0)} ms`);
      expect(slow, 'a rule alone took more than a tenth of the big budget on the 5 MB line').toEqual([]);
    },
    Math.max(BIG_BUDGET_MS, allRules.length * 100) * 4,
  );
});
