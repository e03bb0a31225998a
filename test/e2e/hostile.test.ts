/**
 * Issue #9: the App, started as the README says (`npm start`: the transpiled server in a child process,
 * environment variables only), against hostile input. Every hostile pull request also adds a real leaked
 * token in another file (`config/leak.env`, line 2), and each case checks:
 *
 *   (1) its check runs all end `failure` (or `action_required`), keep the token's annotation, and name
 *       every hostile file that was not judged, with the reason;
 *   (2) the process survives and answers /healthz within 1 s throughout;
 *   (3) a benign PR of ANOTHER installation, sent at the same time (and one second later), ends
 *       `success` within its normal time on the same server + 2 s;
 *   (6) no secret value in any request to GitHub or any log line (LOG_LEVEL=debug, JSON logs).
 *
 * and, where they apply, (4) bounded memory and logging under unauthenticated floods, (5) shutdown within
 * the grace period with no run left in progress, (7) a deadline on every GitHub call.
 *
 * Cases share one server and stand-in GitHub (which validates check-run writes as GitHub does) while it
 * stays healthy, each in its own repository and installation; a case that leaves it wedged, dead,
 * unhealthy or with a retry pending, or that needs other knobs, gets a fresh one. Knobs (helpers/hostile.ts):
 * TOKENWARDEN_GITHUB_TIMEOUT_MS=2000, TOKENWARDEN_SANDBOX_FILE_TIMEOUT_MS=2000,
 * TOKENWARDEN_EVALUATION_BUDGET_MS=12000, TOKENWARDEN_SHUTDOWN_GRACE_MS=3000, pacing shortened; a
 * hostile PR must end within 16 s. Each case leaves its server log, check runs and GitHub exchanges in
 * node_modules/.cache/tokenwarden-e2e/<case>.*, to read a failure by.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, removeBuild, sign } from '../app/helpers/server-process.js';
import type { FileEntry } from '../app/helpers/fake-github.js';
import { mapLimit } from '../../src/app/limit.js';
import {
  attack,
  Case,
  Rig,
  completions,
  describeOutcome,
  expectAbandoned,
  expectFailClosed,
  expectMemory,
  expectNoSecretLeak,
  expectSettled,
  expectUnharmed,
  FAIL_CLOSED,
  finalCompletion,
  HOSTILE_DEADLINE_MS,
  patchAdding,
  POLICY,
  rawPost,
  SHUTDOWN_GRACE_MS,
  sleep,
  textOf,
  type HostileFile,
  type Outcome,
  type RawResult,
} from './helpers/hostile.js';
import * as input from './helpers/inputs.js';

let build: string;
/** The rig cases share while it stays healthy; rigs with their own knobs are closed after their case. */
let shared: Rig | undefined;
const own: Rig[] = [];
let current: Case | undefined;
let caseNo = 0;

beforeAll(() => {
  build = buildServer();
}, 60_000);

afterEach(async () => {
  const c = current;
  current = undefined;
  c?.saveArtifacts();
  // A case that left the shared server wedged, dead or unhealthy must not spoil the next one.
  if (shared && c?.rig === shared && !c.clean) {
    const r = shared;
    shared = undefined;
    await r.close();
  }
  await Promise.all(own.splice(0).map((r) => r.close()));
}, 30_000);

afterAll(async () => {
  await shared?.close();
  if (build) removeBuild(build);
}, 30_000);

/** A case on the shared rig, or on a rig of its own when it needs other knobs. */
async function start(name: string, opts: { env?: Record<string, string>; latencyMs?: number; baseline?: boolean } = {}): Promise<Case> {
  let rig: Rig;
  if (opts.env || opts.latencyMs !== undefined) {
    rig = await Rig.start(build, { ...opts, warm: opts.baseline !== false });
    own.push(rig);
  } else {
    rig = shared ??= await Rig.start(build);
  }
  const c = new Case(name, rig, 5000 + ++caseNo);
  current = c;
  if (opts.baseline !== false) await c.measureBaseline();
  return c;
}

interface Hostile {
  /** The hostile files of the PR, and the paths among them that must be judged or named. */
  files(c: Case, head: string): { files: FileEntry[]; hostile: HostileFile[] };
  /** Without the usual leaked token in config/leak.env (the hostile file is the only place of a token). */
  noLeak?: boolean;
  env?: Record<string, string>;
  /** Before the PR is sent: a base policy, faults. */
  setup?(c: Case, head: string): void;
  /** Bound on the resident memory the case may add (default: MAX_RSS_MB overall). */
  maxGrowthMb?: number;
}

/** The common case: hostile files + a leaked token in one PR; every property of the issue checked. */
async function hostilePr(name: string, h: Hostile): Promise<{ c: Case; head: string; out: Outcome }> {
  const c = await start(name, h.env ? { env: h.env } : {});
  const head = c.sha('head');
  h.setup?.(c, head);
  const { files, hostile } = h.files(c, head);
  const leak = h.noLeak ? undefined : c.leak();
  const ev = c.pr({ head, files: leak ? [...files, leak.file] : files });
  const out = await attack(c, { send: () => c.send(ev), heads: [head] });
  console.log(describeOutcome(c, [head], out));
  expectSettled(out);
  expectFailClosed(c, head, { ...(leak ? { leak: leak.leak } : {}), hostile });
  expectUnharmed(c, out);
  expectNoSecretLeak(c);
  expectMemory(c, out, h.maxGrowthMb);
  return { c, head, out };
}

const T = 45_000;

describe('YAML bombs beside a leaked token', () => {
  it(
    'alias bomb (billion laughs) in a workflow, .github/workflows/x.yml',
    async () => {
      await hostilePr('wf-alias', { files: (c, head) => ({ files: [c.whole('.github/workflows/x.yml', input.workflowAliasBomb(), head)], hostile: ['.github/workflows/x.yml'] }) });
    },
    T,
  );

  it(
    'merge-key bomb (<<: doubling 30 times) in a workflow, .github/workflows/x.yml',
    async () => {
      await hostilePr('wf-merge', { files: (c, head) => ({ files: [c.whole('.github/workflows/x.yml', input.workflowMergeBomb(), head)], hostile: ['.github/workflows/x.yml'] }) });
    },
    T,
  );

  it(
    'alias bomb in the token inventory, .github/token-inventory.yml',
    async () => {
      await hostilePr('inv-alias', { files: (c, head) => ({ files: [c.whole('.github/token-inventory.yml', input.inventoryAliasBomb(), head)], hostile: ['.github/token-inventory.yml'] }) });
    },
    T,
  );

  it(
    'merge-key bomb in the token inventory, .github/token-inventory.yml',
    async () => {
      await hostilePr('inv-merge', { files: (c, head) => ({ files: [c.whole('.github/token-inventory.yml', input.inventoryMergeBomb(), head)], hostile: ['.github/token-inventory.yml'] }) });
    },
    T,
  );

  it(
    'alias bomb in a proposed policy, .github/tokenwarden.yml',
    async () => {
      await hostilePr('pol-alias', { files: (c, head) => ({ files: [c.whole(POLICY, input.policyAliasBomb(), head)], hostile: [POLICY] }) });
    },
    T,
  );

  it(
    'merge-key bomb in a proposed policy, .github/tokenwarden.yml',
    async () => {
      await hostilePr('pol-merge', { files: (c, head) => ({ files: [c.whole(POLICY, input.policyMergeBomb(), head)], hostile: [POLICY] }) });
    },
    T,
  );
});

describe('deeply nested YAML beside a leaked token', () => {
  it(
    'flow nesting [[[[…]]]] 100,000 deep in a proposed policy',
    async () => {
      await hostilePr('pol-deep-flow', { files: (c, head) => ({ files: [c.whole(POLICY, input.policyDeepFlow(), head)], hostile: [POLICY] }) });
    },
    T,
  );

  it(
    'block nesting (- - - …) 100,000 deep in a proposed policy',
    async () => {
      await hostilePr('pol-deep-block', { files: (c, head) => ({ files: [c.whole(POLICY, input.policyDeepBlock(), head)], hostile: [POLICY] }) });
    },
    T,
  );

  it(
    'flow nesting [[[[…]]]] 100,000 deep in a workflow',
    async () => {
      await hostilePr('wf-deep-flow', { files: (c, head) => ({ files: [c.whole('.github/workflows/x.yml', input.workflowDeepFlow(), head)], hostile: ['.github/workflows/x.yml'] }) });
    },
    T,
  );

  it(
    'block nesting (- - - …) 200,000 deep in a workflow',
    async () => {
      await hostilePr('wf-deep-block', { files: (c, head) => ({ files: [c.whole('.github/workflows/x.yml', input.workflowDeepBlock(), head)], hostile: ['.github/workflows/x.yml'] }) });
    },
    T,
  );
});

describe('pathological globs in a proposed policy beside a leaked token', () => {
  it(
    'exponential glob *a*a*a*a*a*a*a*a*a*a*a*b, with a changed file named a×120',
    async () => {
      const longName = `docs/${'a'.repeat(120)}`;
      await hostilePr('pol-glob', {
        files: (c, head) => ({
          files: [c.whole(POLICY, input.policyPathologicalGlob(), head), { filename: longName, status: 'added', patch: patchAdding('notes') }],
          hostile: [POLICY],
        }),
      });
    },
    T,
  );

  it(
    'brace ranges {1..1000000} and x{1..1000}{1..1000}.txt',
    async () => {
      await hostilePr('pol-brace', { files: (c, head) => ({ files: [c.whole(POLICY, input.policyBraceRanges(), head)], hostile: [POLICY] }) });
    },
    T,
  );
});

describe('large content beside a leaked token', () => {
  it(
    'a 5 MB minified line (holding a second token) in the patch of dist/app.min.js',
    async () => {
      await hostilePr('long-line', {
        files: (c) => {
          const line = input.minifiedLine(5_000_000, `;var k="${c.token('in-long-line')}";`);
          return { files: [{ filename: 'dist/app.min.js', status: 'added', patch: patchAdding(line) }], hostile: ['dist/app.min.js'] };
        },
      });
    },
    T,
  );

  it(
    'a 40 MB patch in the pull-request files listing (data/dump.sql, a token on its last line)',
    async () => {
      await hostilePr('huge-patch', {
        files: (c) => {
          const { patch } = input.hugePatch(40, `-- GITHUB_TOKEN=${c.token('in-huge-patch')}`);
          // An answer too large to read may leave the App knowing the file only by its place in the list.
          return { files: [{ filename: 'data/dump.sql', status: 'added', patch }], hostile: [{ path: 'data/dump.sql', alias: /file 1 of the pull request's file list/ }] };
        },
      });
    },
    T,
  );

  it(
    'a 6.5 MB blob without a patch (assets/dump.txt, a token at its end)',
    async () => {
      await hostilePr('big-blob', {
        files: (c, head) => ({ files: [c.blobOnly('assets/dump.txt', input.bigText(6.5 * 1024 * 1024, `GITHUB_TOKEN=${c.token('in-big-blob')}`), head)], hostile: ['assets/dump.txt'] }),
      });
    },
    T,
  );

  it(
    "a blob over the base policy's max_file_size (64KB) without a patch",
    async () => {
      await hostilePr('max-file-size', {
        setup: (c) => void c.standIn.github.file(c.repo, POLICY, 'extends: default\nsettings:\n  max_file_size: 64KB\n', 'main'),
        files: (c, head) => ({ files: [c.blobOnly('docs/big.md', input.bigText(100 * 1024, `GITHUB_TOKEN=${c.token('in-over-limit')}`), head)], hostile: ['docs/big.md'] }),
      });
    },
    T,
  );

  it(
    'a blob response of 256 MB (a body far beyond any file limit) is not held whole',
    async () => {
      const bytes = 256 * 1024 * 1024;
      await hostilePr('huge-body', {
        files: (c, head) => {
          const entry = c.blobOnly('assets/blob.txt', 'small', head);
          c.standIn.serveHuge('GET', new RegExp(`/git/blobs/${entry.sha}$`), {
            bytes,
            head: `{"sha":"${entry.sha}","size":${(bytes / 4) * 3},"encoding":"base64","content":"`,
            fill: 'QUFB',
            tail: '"}',
          });
          return { files: [entry], hostile: ['assets/blob.txt'] };
        },
        // Holding the body once would be 256 MB on top of what the server holds already.
        maxGrowthMb: 256,
      });
    },
    T,
  );
});

describe('encodings and binaries holding a token', () => {
  const cases: Array<[string, string, (line: string) => Uint8Array]> = [
    ['Latin-1 (not UTF-8) text', 'docs/notes.txt', input.latin1],
    ['binary file with NUL bytes', 'bin/tool.dat', input.binaryWith],
    ['file named .png (a real PNG, token in a tEXt chunk)', 'assets/logo.png', input.pngWith],
  ];
  for (const [what, path, bytes] of cases) {
    it(
      `${what}, ${path}, beside a leaked token`,
      async () => {
        await hostilePr(`enc-${path.split('.').pop()}`, {
          files: (c, head) => ({ files: [c.blobOnly(path, bytes(`GITHUB_TOKEN=${c.token('hidden')}`), head)], hostile: [path] }),
        });
      },
      T,
    );

    it(
      `${what}, ${path}, as the ONLY place of the token: the check must not pass`,
      async () => {
        await hostilePr(`only-${path.split('.').pop()}`, {
          noLeak: true,
          files: (c, head) => ({
            files: [c.blobOnly(path, bytes(`GITHUB_TOKEN=${c.token('hidden')}`), head), { filename: 'src/app.ts', status: 'added', patch: patchAdding('export const ok = true;') }],
            hostile: [path],
          }),
        });
      },
      T,
    );
  }

  it(
    "a blob over the base policy's max_file_size as the ONLY place of the token: the check must not pass",
    async () => {
      await hostilePr('only-over-limit', {
        noLeak: true,
        setup: (c) => void c.standIn.github.file(c.repo, POLICY, 'extends: default\nsettings:\n  max_file_size: 64KB\n', 'main'),
        files: (c, head) => ({ files: [c.blobOnly('docs/big.md', input.bigText(100 * 1024, `GITHUB_TOKEN=${c.token('in-over-limit')}`), head)], hostile: ['docs/big.md'] }),
      });
    },
    T,
  );
});

describe('tokens outside file contents', () => {
  it(
    'a token in a file NAME (keys/<token>.txt) never reaches GitHub nor the log',
    async () => {
      await hostilePr('token-name', {
        files: (c) => ({ files: [{ filename: `keys/${c.token('in-name')}.txt`, status: 'added', patch: patchAdding('see the vault') }], hostile: [] }),
      });
    },
    T,
  );

  it(
    'a token in the PR title and body, with the files listing failing (500): run fails, token never logged',
    async () => {
      // The scheduled re-evaluation (a new run) comes after a minute of real time, not inside the window.
      const c = await start('title-list-fails', { env: { TOKENWARDEN_RETRY_BASE_MS: '1000' } });
      const head = c.sha('head');
      const t = c.token('in-title');
      const { file } = c.leak();
      c.standIn.github.fail('GET', new RegExp(`^/repos/${c.repo}/pulls/1/files$`), { status: 500, body: { message: `Server Error` } }, 99);
      const ev = c.pr({ head, files: [file], title: `Rotate ${t}`, body: `The old token was ${t}; revoked.` });
      const out = await attack(c, { send: () => c.send(ev), heads: [head] });
      console.log(describeOutcome(c, [head], out));
      expectSettled(out);
      expectFailClosed(c, head, {});
      expectUnharmed(c, out);
      expectNoSecretLeak(c);
    },
    T,
  );

  it(
    'a token in the PR title and body, with check-run creation failing (500, the handler throws): token never logged',
    async () => {
      const c = await start('title-create-fails');
      const head = c.sha('head');
      const t = c.token('in-title');
      const { file } = c.leak();
      c.standIn.github.fail('POST', new RegExp(`^/repos/${c.repo}/check-runs$`), { status: 500, body: { message: 'Server Error' } }, 99);
      const ev = c.pr({ head, files: [file], title: `Rotate ${t}`, body: `The old token was ${t}; revoked.` });
      const delivered = c.send(ev);
      const out = await attack(c, { send: () => delivered, heads: [], deadlineMs: 4000 });
      console.log(describeOutcome(c, [head], out));
      await delivered;
      for (const r of c.runs(head)) expect.soft(completions(r).length, `check run ${r.id} left in progress`).toBeGreaterThan(0);
      expectUnharmed(c, out);
      expectNoSecretLeak(c);
    },
    T,
  );
});

describe('(7) every GitHub call has a deadline', () => {
  it(
    'a blob download that hangs for ever (assets/report.csv): each attempt given up at its deadline, the run ends failure, keeping the token',
    async () => {
      let blob = /^$/;
      const { c } = await hostilePr('hang-blob', {
        files: (c, head) => {
          const entry = c.blobOnly('assets/report.csv', 'a,b\n1,2\n', head);
          blob = new RegExp(`/git/blobs/${entry.sha}$`);
          c.standIn.hang('GET', blob);
          return { files: [entry], hostile: ['assets/report.csv'] };
        },
      });
      expectAbandoned(c, 'GET', blob);
    },
    T,
  );

  it(
    'eight blob downloads that hang, together outlasting the evaluation budget (6 s): the token in the patch is still annotated, the blobs named',
    async () => {
      const paths = Array.from({ length: 8 }, (_, i) => `data/part${i}.csv`);
      await hostilePr('budget', {
        env: { TOKENWARDEN_EVALUATION_BUDGET_MS: '6000' },
        files: (c, head) => ({
          files: paths.map((p) => {
            const entry = c.blobOnly(p, 'id,value\n1,2\n', head);
            c.standIn.hang('GET', new RegExp(`/git/blobs/${entry.sha}$`));
            return entry;
          }),
          hostile: paths,
        }),
      });
    },
    T,
  );

  it(
    'the pull-request files listing hangs for ever: each attempt given up at its deadline, the run ends failure and says it could not judge',
    async () => {
      const { c, head } = await hostilePr('hang-list', {
        // The scheduled re-evaluation (a new run) comes after a minute of real time, not inside the window.
        env: { TOKENWARDEN_RETRY_BASE_MS: '1000' },
        setup: (c) => c.standIn.hang('GET', new RegExp(`^/repos/${c.repo}/pulls/1/files$`)),
        files: () => ({ files: [], hostile: [] }),
        noLeak: true,
      });
      expectAbandoned(c, 'GET', new RegExp(`^/repos/${c.repo}/pulls/1/files$`));
      const text = textOf(c.runs(head).at(-1) ?? { id: 0, head_sha: head, created: {}, updates: [] });
      expect.soft(text, 'the run says why nothing was judged').toMatch(/time|deadline|answer|not judged|could not|incomplete/i);
    },
    T,
  );

  it(
    'the completing check-run PATCH hangs once: the App gives up on it at its deadline and completes the run',
    async () => {
      const { c } = await hostilePr('hang-patch', {
        setup: (c) => c.standIn.hang('PATCH', new RegExp(`^/repos/${c.repo}/check-runs/\\d+$`), 1),
        files: () => ({ files: [{ filename: 'src/app.ts', status: 'added', patch: patchAdding('export {};') }], hostile: [] }),
      });
      expectAbandoned(c, 'PATCH', new RegExp(`^/repos/${c.repo}/check-runs/\\d+$`));
    },
    T,
  );

  it('check-run PATCH answers 500 for 25 s (real retry back-off): the run is completed afterwards, with the token annotation', async () => {
    const c = await start('patch-500', { env: { TOKENWARDEN_RETRY_BASE_MS: '1000' } });
    const head = c.sha('head');
    const { file, leak } = c.leak();
    c.standIn.github.failFor('PATCH', new RegExp(`^/repos/${c.repo}/check-runs/\\d+$`), { status: 500, body: { message: 'Server Error' } }, 25_000);
    const ev = c.pr({ head, files: [file] });
    const deadline = 25_000 + HOSTILE_DEADLINE_MS;
    const out = await attack(c, { send: () => c.send(ev), heads: [head], deadlineMs: deadline });
    console.log(describeOutcome(c, [head], out));
    expectSettled(out, 'hostile PR', deadline);
    expectFailClosed(c, head, { leak });
    expectUnharmed(c, out);
    expectNoSecretLeak(c);
  }, 75_000);

  it(
    'a secondary rate limit with retry-after: 3600 ends the run "not judged yet, will retry" (failure) and a second evaluation follows',
    async () => {
      const c = await start('ratelimit');
      const head = c.sha('head');
      const { file, leak } = c.leak();
      const route = `/repos/${c.repo}/pulls/1/files`;
      const secondary = { status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers: { 'retry-after': '3600' } };
      c.standIn.github.fail('GET', new RegExp(`^${route}$`), secondary, 1);
      const listings = () => c.standIn.github.requests.filter((r) => r.method === 'GET' && r.path === route);
      const allCompletions = () => c.runs(head).flatMap(completions);
      const ev = c.pr({ head, files: [file, { filename: 'src/app.ts', status: 'added', patch: patchAdding('export {};') }] });
      // TOKENWARDEN_RETRY_BASE_MS=1: GitHub's 3600 s are 3.6 s here.
      const deadline = 3600 + HOSTILE_DEADLINE_MS;
      const out = await attack(c, { send: () => c.send(ev), heads: [head], deadlineMs: deadline, settledWhen: () => listings().length >= 2 && allCompletions().length >= 2 });
      console.log(describeOutcome(c, [head], out));
      const first = c.runs(head).sort((a, b) => a.id - b.id)[0];
      const firstDone = first ? completions(first)[0] : undefined;
      expect.soft(firstDone?.conclusion, 'the rate-limited evaluation').toBe('failure');
      expect.soft(`${firstDone?.output?.title}\n${firstDone?.output?.summary}`, 'it says it is not judged yet').toMatch(/not (been )?judged|could not (complete|judge)/i);
      expect.soft(`${firstDone?.output?.title}\n${firstDone?.output?.summary}`, 'it says it will be retried').toMatch(/retr|again|later/i);
      expect.soft(listings().length, 'a second evaluation read the files again').toBeGreaterThanOrEqual(2);
      const completedAt = c.standIn.github.requests.find((r) => r.method === 'PATCH' && r.body?.status === 'completed' && r.path.startsWith(`/repos/${c.repo}/`))?.at ?? Infinity;
      expect.soft((listings()[1]?.at ?? 0) >= completedAt, 'the second evaluation came after the first run ended').toBe(true);
      expect.soft(out.settled, `the retry completed within ${deadline} ms`).toBe(true);
      expectFailClosed(c, head, { leak });
      expect
        .soft(finalCompletion(c.runs(head))?.output?.annotations ?? [], 'the retried evaluation judged the token')
        .toEqual(expect.arrayContaining([expect.objectContaining({ path: leak.path, start_line: leak.line })]));
      expectUnharmed(c, out);
      expectNoSecretLeak(c);
    },
    T,
  );
});

describe('many findings', () => {
  it(
    '5,000 findings and one 200 KB annotation message: every check-run write valid for GitHub, token annotation kept',
    async () => {
      await hostilePr('many-findings', {
        files: (c, head) => {
          const lines = Array.from({ length: 5000 }, (_, i) => `TOKEN_${i}=${c.token(`many-${i}`)}`);
          return {
            files: [c.whole('.github/workflows/big.yml', input.workflowHugeMessage(200 * 1024), head), { filename: 'zz/many.env', status: 'added', patch: patchAdding(...lines) }],
            hostile: ['.github/workflows/big.yml', 'zz/many.env'],
          };
        },
      });
    },
    T,
  );
});

const countBy = (xs: string[]): Record<string, number> => xs.reduce<Record<string, number>>((o, x) => ((o[x] = (o[x] ?? 0) + 1), o), {});

describe('(4) floods of unauthenticated POSTs', () => {
  interface Flood {
    requests: number;
    concurrency: number;
    declared: number;
    first: number;
    headers: () => Record<string, string>;
    statuses: number[];
    /** The answer must come before the body was sent (the headers decide). */
    beforeBody: boolean;
    /** Resident-memory growth allowed over the baseline (MB). */
    memoryMb?: number;
  }

  async function flood(name: string, f: Flood): Promise<void> {
    const c = await start(name);
    const marker = `FLOOD-BODY-${randomUUID()}`;
    const first = Buffer.alloc(f.first, 'x');
    first.write(`{"marker":"${marker}","pad":"`);
    const monitor = c.rig.monitor();
    const results: Promise<RawResult[]> = mapLimit(Array.from({ length: f.requests }), f.concurrency, () =>
      rawPost(c.rig.server.url, {
        headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), ...f.headers() },
        declared: f.declared,
        first,
        waitMs: f.first < f.declared ? 2000 : 0,
      }),
    );
    await sleep(300);
    const probes = [await c.rig.benign()];
    const res = await results;
    const out = { probes, health: await monitor.stop() };
    c.clean = c.rig.alive() && out.health.failures.length === 0;
    console.log(`${describeOutcome(c, [], out)} | flood answers ${JSON.stringify(countBy(res.map((r) => `${r.status ?? r.error}${r.beforeBody ? ' before body' : ' after body'}`)))}`);

    expect.soft(res.filter((r) => !f.statuses.includes(r.status ?? 0)).length, `answers ${JSON.stringify(countBy(res.map((r) => String(r.status ?? r.error))))}, want ${f.statuses.join('/')}`).toBe(0);
    if (f.beforeBody) expect.soft(res.filter((r) => !r.beforeBody).length, 'requests answered only after their whole body was sent').toBe(0);
    expectMemory(c, out, f.memoryMb ?? 64);
    // A refused POST names no repository and calls nothing: lines of evaluations (the benign PR's, or
    // one a previous case left running, and the periodic summary of accepted webhooks) are not the flood's.
    const benign = [...c.rig.benignDeliveries];
    const lines = c.log.filter((l) => l.trim() && !/"repository"|\/repos\/|\/installations\/|"name":"event"|"msg":"webhooks accepted"/.test(l) && !benign.some((id) => l.includes(id)));
    expect.soft(lines.length, `log lines for ${f.requests} refused POSTs, e.g. ${lines[0]?.slice(0, 300)}`).toBeLessThanOrEqual(f.requests);
    expect
      .soft(
        lines.filter((l) => l.length > 512).map((l) => l.slice(0, 200)),
        'log lines over 512 characters',
      )
      .toEqual([]);
    expect.soft(c.log.filter((l) => l.includes(marker)).length, 'log lines quoting a request body').toBe(0);
    expectUnharmed(c, out);
  }

  it('200 unsigned POSTs declaring 8 MB each (25 at a time): 400/401 from the headers alone, bounded memory, one short line each', async () => {
    await flood('flood-unsigned', { requests: 200, concurrency: 25, declared: 8 * 1024 * 1024, first: 4096, headers: () => ({}), statuses: [400, 401], beforeBody: true });
  }, 90_000);

  it("20 POSTs declaring 30 MB (over GitHub's 25 MB cap), 10 at a time: 413 from the headers alone, bounded memory", async () => {
    await flood('flood-oversized', {
      requests: 20,
      concurrency: 10,
      declared: 30 * 1024 * 1024,
      first: 4096,
      headers: () => ({ 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }),
      statuses: [413],
      beforeBody: true,
    });
  }, 90_000);

  it('40 badly signed 24 MB POSTs at once: at most two bodies read at a time (401), the rest turned away before reading (503), bounded memory', async () => {
    await flood('flood-forged-24mb', {
      requests: 40,
      concurrency: 40,
      declared: 24 * 1024 * 1024,
      first: 64 * 1024,
      headers: () => ({ 'x-hub-signature-256': sign('{}', 'not-the-secret-not-the-secret!!') }),
      statuses: [401, 503],
      beforeBody: false,
      memoryMb: 200,
    });
  }, 90_000);

  it('400 badly signed 64 KB POSTs (50 at a time): 400/401, bounded memory, one short line each, no body logged', async () => {
    await flood('flood-badsig', {
      requests: 400,
      concurrency: 50,
      declared: 64 * 1024,
      first: 64 * 1024,
      headers: () => ({ 'x-hub-signature-256': sign(randomUUID(), 'not-the-secret-not-the-secret!!') }),
      statuses: [400, 401],
      beforeBody: false,
    });
  }, 90_000);
});

describe('(5) shutdown', () => {
  it('SIGTERM during a burst of 20 PRs in 2 installations: exits within TOKENWARDEN_SHUTDOWN_GRACE_MS, no run left in progress, leaking PRs end failure', async () => {
    const c = await start('burst', { latencyMs: 100, baseline: false });
    const prs = Array.from({ length: 20 }, (_, i) => {
      const n = i + 1;
      const owner = n % 2 ? 'acme' : 'north';
      const head = c.sha(`burst-${n}`);
      const leaks = n % 3 !== 0;
      const files: FileEntry[] = [{ filename: `src/m${n}.ts`, status: 'added', patch: patchAdding(`export const m${n} = ${n};`) }];
      if (leaks) files.push({ filename: 'config/leak.env', status: 'added', patch: patchAdding('# deploy', `GITHUB_TOKEN=${c.token(`burst-${n}`)}`) });
      return { n, head, leaks, ev: c.pr({ owner, name: 'burst', installation: owner === 'acme' ? c.installation : 7001, number: n, head, files }) };
    });
    const sent = prs.map((p) => c.send(p.ev));
    // Signal once the burst is in flight: runs created, others still being read.
    for (let i = 0; i < 200 && [...c.standIn.github.checkRuns.values()].length < 6; i++) await sleep(25);
    const inFlight = [...c.standIn.github.checkRuns.values()].length;
    const exit = await c.rig.server.stop('SIGTERM', SHUTDOWN_GRACE_MS + 15_000);
    await Promise.all(sent);
    await sleep(500); // writes the process sent before it exited reach the stand-in's books
    console.log(
      `[burst] ${inFlight} runs started at SIGTERM; exit ${exit.code ?? exit.signal} after ${exit.ms} ms; runs: ${JSON.stringify(countBy(prs.flatMap((p) => c.runs(p.head).map((r) => `${p.leaks ? 'leak' : 'benign'} ${completions(r).at(-1)?.conclusion ?? 'in progress'}`))))}`,
    );
    expect.soft(inFlight, 'check runs started when SIGTERM was sent').toBeGreaterThan(0);
    expect.soft(exit.code, `exit (signal ${exit.signal})`).toBe(0);
    expect.soft(exit.ms, `exited ${exit.ms} ms after SIGTERM; grace ${SHUTDOWN_GRACE_MS} ms`).toBeLessThanOrEqual(SHUTDOWN_GRACE_MS + 1000);
    for (const p of prs) {
      for (const r of c.runs(p.head)) {
        const done = completions(r);
        expect.soft(done.length, `PR ${p.n}: check run ${r.id} left in progress`).toBeGreaterThan(0);
        for (const d of done) {
          const allowed = p.leaks ? FAIL_CLOSED : ['success', ...FAIL_CLOSED];
          expect.soft(allowed, `PR ${p.n} (${p.leaks ? 'leaks a token' : 'benign'}): run ${r.id} concluded ${d.conclusion} ("${d.output?.title ?? ''}")`).toContain(d.conclusion);
        }
      }
    }
    expectNoSecretLeak(c);
  }, 60_000);
});
