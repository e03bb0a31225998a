/**
 * The GitHub App's own cost per pull request: a Probot instance running Token Warden, with GitHub stubbed
 * in-process (an injected `fetch` that answers from memory after a simulated network latency), receives a
 * `pull_request.opened` event for a 100-file and a 3000-file pull request of ordinary code with a few fake
 * secrets. Measured per PR:
 *
 * - own time: CPU time of this process (user + system) while the event is handled, minus the time the
 *   stub spends building its answers; the simulated latency is waiting, not CPU, so it is not in it.
 *   Also shown: the main thread's busy time (event-loop utilisation), with the same subtraction.
 * - GitHub API calls, by route, against the bound "pages of files + pages of annotations + a small
 *   constant" (+ one call per remediation issue opened, at most `maxIssuesPerRun`).
 *
 * Every secret is assembled at run time; nothing token-shaped is committed. Pacing is off (it only adds
 * waiting), and the installation token is fetched before the timed runs (Probot caches it for an hour).
 *
 * Earlier issues: a 100-file PR in a repository holding 0 and 1,000 earlier Token Warden issues, judged by
 * a second instance after a first one saw the repository's first PR (a fleet, or a restart): with the
 * store's issue index (PGlite in memory) the repository is listed once, by the first instance, and never
 * again; without a store each process lists it once for itself.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Probot, type Logger } from 'probot';
import { createApp } from '../src/index.js';
import { createOctokitClass } from '../src/app/github/octokit.js';
import { IssueDesk } from '../src/app/effects/remediation.js';
import { openStore, type Store } from '../src/store/index.js';
import { BASE62, base62, crc32 } from '../src/engine/checksum.js';
import { allRules } from '../src/engine/registry.js';
import { structuralApplies } from '../src/engine/structural.js';
import { MAX_STRUCTURAL_FILES } from '../src/app/pipeline/structural.js';
import { POLICY_PATH } from '../src/app/pipeline/policy-source.js';

export const APP_TARGET_OWN_MS = 300;
/** Check-run create, org policy, repository policy, one page of labelled issues. */
export const APP_CALL_CONSTANT = 4;
/** The same without the listing: a repository the issue index already knows. */
export const APP_CALL_CONSTANT_INDEXED = APP_CALL_CONSTANT - 1;
const FILES_PER_PAGE = 100;
const ANNOTATIONS_PER_CALL = 50;
const TODAY = new Date('2026-06-15T12:00:00Z');

export interface AppBenchOptions {
  /** Ordinary source files to cut patches from (the engine bench's node_modules sources). */
  sources?: ReadonlyArray<{ path: string; text: string }>;
  /** PR sizes in files. */
  sizes?: number[];
  /**
   * Also run a 100-file PR in a repository that already holds this many Token Warden issues (closed),
   * and in one that holds none, on a second instance (0: skip).
   */
  priorIssues?: number;
  /** Run the earlier-issues cases with the store's issue index (PGlite in memory) too. Default true. */
  store?: boolean;
  /** Simulated GitHub latency per call, in ms. */
  latencyMs?: number;
  /** Timed runs per size (the median is reported). */
  repeat?: number;
}

export interface AppBenchCase {
  files: number;
  /** Token Warden issues already in the repository. */
  priorIssues: number;
  /**
   * Earlier-issues cases: the issue index of the two instances ('store': one PGlite store shared by
   * both; 'none': each its own memory). Absent: a repository's first PR on a fresh instance.
   */
  index?: 'store' | 'none';
  /** Earlier-issues cases: what the repository's first PR cost on the first instance (backfill included). */
  firstPr?: { calls: number; listingPages: number };
  /** Pages of the repository's issue listing in the timed PR. */
  listingPages: number;
  secretsPlanted: number;
  findings: number;
  annotations: number;
  conclusion: string;
  issuesOpened: number;
  /** Median over the timed runs. */
  ownCpuMs: number;
  ownBusyMs: number;
  wallMs: number;
  runs: number[];
  /** First run of the process (JIT cold, engine tables built), 100-file case only. */
  coldOwnCpuMs?: number;
  stubMs: number;
  calls: number;
  byRoute: Record<string, number>;
  filePages: number;
  annotationPages: number;
  /** Reads of changed files a structural rule judges whole (head and base). */
  structuralReads: number;
  bound: number;
  met: boolean;
  unexpected: string[];
}

// ---------------------------------------------------------------------------------------------------
// Realistic pull requests

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One fake credential line per kind, assembled from pieces at run time. */
function fakeSecretLine(r: () => number, k: number): string {
  const pick = (n: number, cs: string): string => Array.from({ length: n }, () => cs[Math.floor(r() * cs.length)]).join('');
  switch (k % 3) {
    case 0: {
      const body = pick(30, BASE62);
      return `const GITHUB_TOKEN = "${['gh', 'p_', body, base62(crc32(body), 6)].join('')}";`;
    }
    case 1:
      return `  slackToken: '${['xo', 'xb-', pick(11, '0123456789'), '-', pick(12, '0123456789'), '-', pick(24, BASE62)].join('')}',`;
    default:
      return `STRIPE_SECRET_KEY=${['sk', '_li', 've_', pick(24, BASE62)].join('')}`;
  }
}

const SYNTHETIC = Array.from({ length: 60 }, (_, i) =>
  [
    `import { readFile } from 'node:fs/promises';`,
    `export interface Options${i} { path: string; retries?: number }`,
    `export async function load${i}(opts: Options${i}): Promise<string[]> {`,
    `  const text = await readFile(opts.path, 'utf8');`,
    `  return text.split('\\n').filter((l) => l.trim() && !l.startsWith('#'));`,
    '}',
  ].join('\n'),
);

interface PrFile {
  filename: string;
  status: string;
  sha: string;
  patch: string;
  additions: number;
  deletions: number;
  changes: number;
}

/**
 * `n` modified files, each a hunk of 3 context lines, a few removed lines and 10 to 40 added lines cut
 * from real source files; `secrets` of them also add one fake credential line.
 */
function buildPullFiles(n: number, secrets: number, sources: ReadonlyArray<{ path: string; text: string }>, seed: number): PrFile[] {
  const r = prng(seed);
  const pool = sources.length ? sources : SYNTHETIC.map((text, i) => ({ path: `lib/mod${i}.ts`, text }));
  const every = Math.max(1, Math.floor(n / Math.max(1, secrets)));
  const files: PrFile[] = [];
  let planted = 0;
  for (let i = 0; i < n; i++) {
    const src = pool[Math.floor(r() * pool.length)]!;
    const lines = src.text.split('\n');
    const take = 10 + Math.floor(r() * 31);
    const at = Math.floor(r() * Math.max(1, lines.length - take - 6));
    const ctx = lines.slice(at, at + 3);
    const added = lines.slice(at + 3, at + 3 + take);
    const removed = added.slice(0, Math.min(3, added.length)).map((l) => l.replace(/\w+/, 'old'));
    if (planted < secrets && i % every === every - 1) added.splice(Math.floor(added.length / 2), 0, fakeSecretLine(r, planted++));
    const tail = lines.slice(at + 3 + take, at + 6 + take);
    const body = [...ctx.map((l) => ` ${l}`), ...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`), ...tail.map((l) => ` ${l}`)];
    const oldCount = ctx.length + removed.length + tail.length;
    const newCount = ctx.length + added.length + tail.length;
    const patch = `@@ -${at + 1},${oldCount} +${at + 1},${newCount} @@\n${body.join('\n')}`;
    // Real-looking paths that no default `ignore` glob drops (node_modules/ would be).
    const rel = src.path.replace(/^node_modules\//, '').replace(/(^|\/)node_modules\//g, '$1');
    files.push({
      filename: `src/${i}/${rel}`,
      status: 'modified',
      sha: (i.toString(16) + '0'.repeat(40)).slice(0, 40),
      patch,
      additions: added.length,
      deletions: removed.length,
      changes: added.length + removed.length,
    });
  }
  return files;
}

/** One side of a patch as a whole text: its context lines with the added (`+`) or removed (`-`) ones. */
function sideOf(patch: string, side: '+' | '-'): string {
  const other = side === '+' ? '-' : '+';
  return patch
    .split('\n')
    .filter((l) => !l.startsWith('@@') && !l.startsWith(other))
    .map((l) => l.slice(1))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// GitHub, stubbed in memory

interface Stub {
  fetch: typeof fetch;
  /** Calls by route since the last `reset`. */
  byRoute: Map<string, number>;
  unexpected: string[];
  /** Milliseconds spent building answers (not the simulated latency). */
  ms: number;
  lastCompletion?: { conclusion: string; annotations: number };
  annotationsSent: number;
  issuesOpened: number;
  reset(): void;
  pulls: Map<string, PrFile[]>;
  issues: Map<string, unknown[]>;
}

function createStub(latencyMs: number): Stub {
  const pulls = new Map<string, PrFile[]>();
  const issues = new Map<string, unknown[]>();
  let nextId = 1;
  const fileBy = (test: (f: PrFile) => boolean): PrFile | undefined => {
    for (const files of pulls.values()) for (const f of files) if (test(f)) return f;
    return undefined;
  };
  const stub: Stub = {
    byRoute: new Map(),
    unexpected: [],
    ms: 0,
    annotationsSent: 0,
    issuesOpened: 0,
    pulls,
    issues,
    reset() {
      stub.byRoute.clear();
      stub.unexpected = [];
      stub.ms = 0;
      stub.annotationsSent = 0;
      stub.issuesOpened = 0;
      delete stub.lastCompletion;
    },
    fetch: async (input, init) => {
      const t0 = performance.now();
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const method = (init?.method ?? 'GET').toUpperCase();
      const path = decodeURIComponent(url.pathname);
      const body = typeof init?.body === 'string' && init.body ? (JSON.parse(init.body) as Record<string, unknown>) : {};
      const count = (route: string): void => void stub.byRoute.set(route, (stub.byRoute.get(route) ?? 0) + 1);
      let status = 200;
      let data: unknown = {};
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      let m: RegExpMatchArray | null;
      if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
        count('installation token');
        status = 201;
        data = { token: 'bench-installation-token', expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: 'all' };
      } else if (method === 'GET' && (m = path.match(/^\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/)) && m[2] !== POLICY_PATH) {
        // A changed file read whole at the base (structural rules): its context and removed lines.
        count('structural read');
        const f = fileBy((x) => x.filename === m![2]);
        const text = f ? sideOf(f.patch, '-') : undefined;
        if (text === undefined) {
          status = 404;
          data = { message: 'Not Found' };
        } else data = { type: 'file', path: m[2], encoding: 'base64', content: Buffer.from(text).toString('base64'), size: text.length, sha: 'base' };
      } else if (method === 'GET' && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]{40})$/))) {
        // A changed file read whole at the head: its context and added lines.
        count('structural read');
        const f = fileBy((x) => x.sha === m![1]);
        const text = f ? sideOf(f.patch, '+') : '';
        data = { sha: m[1], size: text.length, encoding: 'base64', content: Buffer.from(text).toString('base64') };
      } else if (method === 'GET' && (m = path.match(/^\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/))) {
        count('policy read');
        if (m[1]!.endsWith('/.github')) {
          status = 404;
          data = { message: 'Not Found' };
        } else {
          const text = 'extends: default\nissues:\n  secrets: true\n';
          data = { type: 'file', path: m[2], encoding: 'base64', content: Buffer.from(text).toString('base64'), size: text.length, sha: 'policy' };
        }
      } else if (method === 'GET' && (m = path.match(/^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)\/files$/))) {
        count('file page');
        const all = pulls.get(`${m[1]}#${m[2]}`) ?? [];
        const per = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const capped = all.slice(0, 3000);
        data = capped.slice((page - 1) * per, page * per);
        if (page * per < capped.length) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
      } else if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path)) {
        count('check-run create');
        status = 201;
        data = { id: nextId++, head_sha: body.head_sha, status: 'in_progress' };
      } else if (method === 'PATCH' && /^\/repos\/[^/]+\/[^/]+\/check-runs\/\d+$/.test(path)) {
        count('check-run update');
        const out = body.output as { annotations?: unknown[] } | undefined;
        stub.annotationsSent += out?.annotations?.length ?? 0;
        if (body.status === 'completed') stub.lastCompletion = { conclusion: String(body.conclusion), annotations: out?.annotations?.length ?? 0 };
        data = { id: 1 };
      } else if (method === 'GET' && (m = path.match(/^\/repos\/([^/]+\/[^/]+)\/issues$/))) {
        count('issue list page');
        const all = issues.get(m[1]!) ?? [];
        const per = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        data = all.slice((page - 1) * per, page * per);
        if (page * per < all.length) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
      } else if (method === 'POST' && (m = path.match(/^\/repos\/([^/]+\/[^/]+)\/issues$/))) {
        count('issue create');
        stub.issuesOpened++;
        const list = issues.get(m[1]!) ?? [];
        const issue = { number: list.length + 1, html_url: `https://github.com/${m[1]}/issues/${list.length + 1}`, state: 'open', body: body.body, labels: [] };
        list.push(issue);
        issues.set(m[1]!, list);
        status = 201;
        data = issue;
      } else {
        count('other');
        stub.unexpected.push(`${method} ${path}`);
        status = 404;
        data = { message: 'Not Found' };
      }
      const res = new Response(JSON.stringify(data), { status, headers });
      stub.ms += performance.now() - t0;
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      return res;
    },
  };
  return stub;
}

function silentLogger(): Logger {
  const noop = (): void => undefined;
  const log: Record<string, unknown> = { level: 'info' };
  for (const l of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) log[l] = noop;
  log.child = () => log;
  return log as unknown as Logger;
}

// ---------------------------------------------------------------------------------------------------

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function payload(repo: string, number: number, headSha: string, changedFiles: number): Record<string, unknown> {
  const [owner, name] = repo.split('/') as [string, string];
  return {
    action: 'opened',
    number,
    pull_request: { number, state: 'open', head: { sha: headSha, ref: 'feature' }, base: { ref: 'main' }, user: { login: 'dev', type: 'User' }, changed_files: changedFiles },
    repository: { name, full_name: repo, owner: { login: owner, type: 'Organization' }, default_branch: 'main', html_url: `https://github.com/${repo}` },
    installation: { id: 1 },
  };
}

interface Measured {
  cpuMs: number;
  busyMs: number;
  wallMs: number;
  stubMs: number;
}

export async function runAppBench(opts: AppBenchOptions = {}): Promise<AppBenchCase[]> {
  const latencyMs = opts.latencyMs ?? 25;
  const repeat = Math.max(1, opts.repeat ?? 5);
  const sizes = opts.sizes ?? [100, 3000];
  const stub = createStub(latencyMs);
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
  /** One App process: its own Probot, Octokit class and issue desk (on the store, or in its memory). */
  const instance = async (desk: IssueDesk): Promise<Probot> => {
    const probot = new Probot({
      appId: 1,
      privateKey,
      log: silentLogger(),
      Octokit: createOctokitClass({ writeIntervalMs: 0, contentIntervalMs: 0, retryBaseMs: 1 }),
      request: { fetch: stub.fetch },
    });
    await probot.load(createApp({ now: () => TODAY, desk }));
    // The installation token, as a long-running server has it cached.
    await (await probot.auth(1)).request('GET /rate_limit').catch(() => undefined);
    return probot;
  };
  const main = await instance(new IssueDesk());
  const prior = opts.priorIssues ?? 1000;
  const store: Store | undefined = prior > 0 && (opts.store ?? true) ? await openStore({ backend: 'pglite', dataDir: null }) : undefined;

  let prCount = 0;
  const seed = (repo: string, count: number): void => {
    const hex = (i: number): string => (i.toString(16) + 'f'.repeat(16)).slice(0, 16);
    stub.issues.set(
      repo,
      Array.from({ length: count }, (_, i) => ({
        number: i + 1,
        html_url: `https://github.com/${repo}/issues/${i + 1}`,
        state: 'closed',
        labels: [{ name: 'tokenwarden' }],
        body: `<!-- tokenwarden:fingerprint=${hex(i)} -->\n<!-- tokenwarden:secret=${hex(i + 7)} -->\n<!-- tokenwarden:repo=${repo} -->\nRevoked.`,
      })),
    );
  };
  const once = async (probot: Probot, repo: string, pr: number, n: number, secrets: number, seedNo: number): Promise<Measured & { stub: Stub }> => {
    const head = (prCount.toString(16) + pr.toString(16) + 'a'.repeat(40)).slice(0, 40);
    stub.pulls.set(`${repo}#${pr}`, buildPullFiles(n, secrets, opts.sources ?? [], seedNo));
    const event = { id: randomUUID(), name: 'pull_request', payload: payload(repo, pr, head, n) } as unknown as Parameters<Probot['receive']>[0];
    gc();
    stub.reset();
    const elu0 = performance.eventLoopUtilization();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await probot.receive(event);
    const wallMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const elu = performance.eventLoopUtilization(elu0);
    return { cpuMs: (c.user + c.system) / 1000 - stub.ms, busyMs: elu.active - stub.ms, wallMs, stubMs: stub.ms, stub };
  };
  const callsOf = (s: Stub): number => [...s.byRoute.values()].reduce((a, b) => a + b, 0);
  const listingOf = (s: Stub): number => s.byRoute.get('issue list page') ?? 0;

  interface Spec {
    n: number;
    prior: number;
    index?: 'store' | 'none';
  }
  const specs: Spec[] = sizes.map((n) => ({ n, prior: 0 }));
  if (prior > 0) {
    if (store) specs.push({ n: 100, prior: 0, index: 'store' }, { n: 100, prior, index: 'store' });
    specs.push({ n: 100, prior, index: 'none' });
  }
  const cases: AppBenchCase[] = [];
  try {
    for (const { n, prior: earlier, index } of specs) {
      const secrets = Math.max(3, Math.round(n / 300));
      const cold = cases.length === 0 ? await once(main, `bench/app-${++prCount}`, 1, n, secrets, 1) : undefined;
      // Earlier-issues cases: two instances; the first judges the repository's first PR (and lists it
      // once, to index it), the second — timed — judges the next one.
      const pair = index ? await Promise.all([0, 1].map(() => instance(new IssueDesk(index === 'store' ? store : undefined)))) : undefined;
      const runs: Measured[] = [];
      let last: Awaited<ReturnType<typeof once>> | undefined;
      let firstPr: AppBenchCase['firstPr'];
      let lastRepo = '';
      for (let i = 0; i < (n > 1000 ? Math.min(repeat, 3) : repeat); i++) {
        const repo = `bench/app-${++prCount}`; // a fresh repository each run: same work, no issues carried over
        lastRepo = repo;
        if (earlier) seed(repo, earlier);
        if (pair) {
          const first = await once(pair[0]!, repo, 1, n, secrets, 2);
          firstPr = { calls: callsOf(first.stub), listingPages: listingOf(first.stub) };
          runs.push((last = await once(pair[1]!, repo, 2, n, secrets, 1)));
        } else {
          runs.push((last = await once(main, repo, 1, n, secrets, 1)));
        }
      }
      const s = last!.stub;
      const byRoute = Object.fromEntries([...s.byRoute].sort((a, b) => b[1] - a[1]));
      const calls = callsOf(s);
      // A full last page is followed by one more request that comes back empty (the listing stops at a
      // short page: the PR's file count in the event may be stale), except at GitHub's cap of 3,000.
      const filePages = Math.max(1, Math.ceil(Math.min(n, 3000) / FILES_PER_PAGE)) + (n > 0 && n < 3000 && n % FILES_PER_PAGE === 0 ? 1 : 0);
      const annotationPages = Math.max(1, Math.ceil(s.annotationsSent / ANNOTATIONS_PER_CALL));
      // A repository's first PR may list its issues once (one page when it has none); after that, none.
      // Changed files a structural rule reads whole, once at the head and once at the base (at most MAX_STRUCTURAL_FILES).
      const prFiles = s.pulls.get(`${lastRepo}#${index ? 2 : 1}`) ?? [];
      const structuralReads = 2 * Math.min(MAX_STRUCTURAL_FILES, prFiles.filter((f) => structuralApplies(allRules, f.filename, f.patch)).length);
      const bound = filePages + annotationPages + (index ? APP_CALL_CONSTANT_INDEXED : APP_CALL_CONSTANT) + s.issuesOpened + structuralReads;
      cases.push({
        files: n,
        priorIssues: earlier,
        ...(index ? { index } : {}),
        ...(firstPr ? { firstPr } : {}),
        listingPages: listingOf(s),
        secretsPlanted: secrets,
        findings: s.annotationsSent,
        annotations: s.annotationsSent,
        conclusion: s.lastCompletion?.conclusion ?? '(none)',
        issuesOpened: s.issuesOpened,
        ownCpuMs: median(runs.map((r) => r.cpuMs)),
        ownBusyMs: median(runs.map((r) => r.busyMs)),
        wallMs: median(runs.map((r) => r.wallMs)),
        runs: runs.map((r) => r.cpuMs),
        ...(cold ? { coldOwnCpuMs: cold.cpuMs } : {}),
        stubMs: median(runs.map((r) => r.stubMs)),
        calls,
        byRoute,
        filePages,
        annotationPages,
        structuralReads,
        bound,
        met: calls <= bound,
        unexpected: s.unexpected,
      });
    }
  } finally {
    await store?.close();
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------

const f1 = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function table(title: string, head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i > 0 ? c.padStart(w[i]!) : c.padEnd(w[i]!)))
      .join('  ')
      .trimEnd();
  return [`\n${title}`, line(head), w.map((n) => '─'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

const label = (c: AppBenchCase): string =>
  `${c.files.toLocaleString('en-US')} files` +
  (c.index
    ? `, ${c.priorIssues.toLocaleString('en-US')} earlier issues, ${c.index === 'store' ? 'store' : 'no store'}`
    : c.priorIssues
      ? `, ${c.priorIssues.toLocaleString('en-US')} earlier issues`
      : '');

export function formatAppBench(cases: AppBenchCase[], latencyMs: number): string {
  const out: string[] = [];
  out.push(
    table(
      `GitHub App per pull request (Probot in-process, GitHub stubbed in memory, ${latencyMs} ms simulated latency per call, pacing off; median)`,
      ['PR', 'own CPU ms', 'main-thread busy ms', 'target', 'wall ms', 'findings', 'conclusion', 'issues', 'API calls', 'bound', 'bound met'],
      cases.map((c) => [
        label(c),
        f1(c.ownCpuMs),
        f1(c.ownBusyMs),
        c.files <= 100 && !c.priorIssues && !c.index ? `<= ${APP_TARGET_OWN_MS} ${c.ownCpuMs <= APP_TARGET_OWN_MS ? 'MET' : 'ABOVE'}` : '',
        f1(c.wallMs),
        String(c.findings),
        c.conclusion,
        String(c.issuesOpened),
        String(c.calls),
        String(c.bound),
        c.met ? 'yes' : 'NO',
      ]),
    ),
  );
  out.push(
    '',
    `bound = pages of files (⌈files/${FILES_PER_PAGE}⌉, one more, empty, after a full last page below 3,000) + pages of annotations (⌈annotations/${ANNOTATIONS_PER_CALL}⌉, at least 1: the completion) + ${APP_CALL_CONSTANT} ` +
      `(check-run create, org policy, repository policy, one page of labelled issues: a repository's first PR) + one per remediation issue opened (at most 20 per run) ` +
      `+ two reads (head and base) per changed file a structural rule judges whole (at most ${MAX_STRUCTURAL_FILES}; a source file only when its patch names a structural rule's keyword); ` +
      `${APP_CALL_CONSTANT_INDEXED} without the listing for a repository the issue index already knows`,
  );
  for (const c of cases) {
    const constant = c.index ? APP_CALL_CONSTANT_INDEXED : APP_CALL_CONSTANT;
    out.push(
      `  ${label(c)}: ${c.calls} calls = ${Object.entries(c.byRoute)
        .map(([k, v]) => `${v} ${k}`)
        .join(' + ')}` +
        `; expected ${c.filePages} file pages + ${c.annotationPages} annotation pages + ${constant} + ${c.issuesOpened} issues + ${c.structuralReads} structural reads = ${c.bound}` +
        (c.unexpected.length ? `; UNEXPECTED: ${[...new Set(c.unexpected)].slice(0, 5).join(', ')}` : ''),
    );
  }
  const cold = cases.find((c) => c.coldOwnCpuMs !== undefined);
  if (cold)
    out.push(
      `  first PR of the process (cold JIT): ${f1(cold.coldOwnCpuMs!)} ms own CPU for ${cold.files} files; timed runs: ${cases.map((c) => `${label(c)}: ${c.runs.map((r) => f1(r)).join(', ')}`).join('; ')} ms`,
    );
  const indexed = cases.filter((c) => c.index);
  if (indexed.length) {
    out.push('', "Earlier issues: a 100-file PR judged by a second instance, after a first instance judged the repository's first PR (two processes on one store, or a restart):");
    for (const c of indexed) {
      out.push(
        `  ${String(c.priorIssues).padStart(5)} earlier issues, ${c.index === 'store' ? 'store   ' : 'no store'}: ${c.calls} calls, ${c.listingPages} issue-list pages` +
          (c.firstPr
            ? ` (the repository's first PR, on the first instance: ${c.firstPr.calls} calls, ${c.firstPr.listingPages} issue-list pages${c.index === 'store' ? ': the one backfill' : ''})`
            : ''),
      );
    }
    const withStore = indexed.filter((c) => c.index === 'store');
    if (withStore.length === 2) {
      const [none, many] = [...withStore].sort((a, b) => a.priorIssues - b.priorIssues);
      out.push(
        `  with the store: ${none!.calls} calls with ${none!.priorIssues} earlier issues, ${many!.calls} with ${many!.priorIssues.toLocaleString('en-US')}: ` +
          (none!.calls === many!.calls ? 'equal (the finding keys are looked up in the index, not listed)' : 'NOT equal'),
      );
    }
    const alone = indexed.find((c) => c.index === 'none' && c.listingPages > 0);
    if (alone) {
      out.push(
        `  without a store every process lists each repository once for itself (${alone.listingPages} pages for ${alone.priorIssues.toLocaleString('en-US')} issues), ` +
          'and again after every restart: the store makes the index shared and permanent.',
      );
    }
  }
  out.push('  own CPU = process CPU (user + system, all threads) during the event minus the stub building its answers; the latency is waiting, not CPU.');
  out.push('  main-thread busy = event-loop utilisation (wall-clock based: inflated when the machine is loaded) minus the stub.');
  return out.join('\n');
}
