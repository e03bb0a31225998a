/**
 * Robustness scenarios against the real server, run as `npm start` runs it (a child process configured
 * by environment variables, LOG_LEVEL=debug, JSON logs), and a stand-in GitHub API on loopback. Pacing
 * and retries are shortened through the TOKENWARDEN_* knobs of .env.example, not through code.
 *
 *   (a) redeliveries            (b) bad signatures             (c) a broken base policy
 *   (d) a PR disabling the policy  (e) injected 5xx            (f) primary and secondary rate limits
 *   (g) 40 concurrent PRs in 4 installations                   (h) a 3000-file PR
 *   (i) no secret in any request to GitHub nor in the logs     (j) a shutdown mid-evaluation
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, repository, sha } from '../fixtures/webhooks/index.js';
import { patchAdding } from './helpers/harness.js';
import { privateKey } from './helpers/keys.js';
import { startStandIn, type StandIn } from './helpers/stand-in.js';
import { buildServer, deliver, removeBuild, spawnServer, type ServerProcess } from './helpers/server-process.js';
import type { FileEntry } from './helpers/fake-github.js';
import { environmentProblems } from '../../src/server.js';
import { clientOptionsFromEnv } from '../../src/app/github/octokit.js';
import { signatureMatches } from '../../src/app/webhooks/signature.js';
import { freshDataDir } from './helpers/data-dir.js';

const SECRET = randomBytes(32).toString('hex');
const POLICY = '.github/tokenwarden.yml';

let standIn: StandIn;
let build: string;
let server: ServerProcess;
/** Every server process's output, for (i). */
const outputs: string[][] = [];
/** Every token-shaped value the scenarios put in a pull request. */
const secrets: string[] = [];

const token = (seed: string): string => {
  const t = githubToken('ghp', `scenario-${seed}`);
  secrets.push(t);
  return t;
};

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ID: '1',
    PRIVATE_KEY: privateKey(),
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: standIn.host,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'production',
    LOG_LEVEL: 'debug',
    TOKENWARDEN_WRITE_INTERVAL_MS: '2',
    TOKENWARDEN_CONTENT_INTERVAL_MS: '2',
    TOKENWARDEN_RETRY_BASE_MS: '1',
    // Webhooks only: the rotation sweep (its own suite) must not call the stand-in on its schedule.
    TOKENWARDEN_SWEEP_SCHEDULE: 'off',
    ...extra,
  };
}

const spawned: ServerProcess[] = [];

async function start(extra: Record<string, string> = {}): Promise<ServerProcess> {
  const s = await spawnServer(build, env(extra));
  spawned.push(s);
  outputs.push(s.output);
  return s;
}

interface PrSpec {
  owner?: string;
  name: string;
  installation?: number;
  number?: number;
  head: string;
  files: FileEntry[];
  changedFiles?: number;
  action?: 'opened' | 'synchronize' | 'reopened' | 'ready_for_review';
}

/** Register the PR with the stand-in and return its `pull_request` payload. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function pr(spec: PrSpec): Record<string, any> {
  const owner = spec.owner ?? 'acme';
  const number = spec.number ?? 1;
  const changedFiles = spec.changedFiles ?? spec.files.length;
  standIn.github.pull(`${owner}/${spec.name}`, { number, headSha: spec.head, files: spec.files, changedFiles });
  const ev = pullRequestEvent(spec.action ?? 'opened', { number, headSha: spec.head, changedFiles });
  const repo = repository(owner, spec.name);
  ev.repository = repo;
  ev.pull_request.head.repo = repo;
  ev.pull_request.base.repo = repo;
  if (spec.installation !== undefined) ev.installation = { id: spec.installation };
  return ev;
}

const send = (payload: unknown, id?: string, s: ServerProcess = server) => deliver(s.url, SECRET, 'pull_request', payload, id);

type Run = { head_sha: string; updates: any[]; created: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const runsFor = (head: string): Run[] => [...standIn.github.checkRuns.values()].filter((r) => r.head_sha === head);
const completions = (r: Run) => r.updates.filter((u) => u.status === 'completed');
const issuesIn = (repo: string) => standIn.github.issues.filter((i) => i.repo === repo);
const requestsTo = (path: RegExp, method = 'GET') => standIn.github.requests.filter((r) => r.method === method && path.test(r.path));

/** Wait until every head has a check run and every run of those heads is completed. */
async function settled(heads: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = heads.filter((h) => {
      const runs = runsFor(h);
      return !runs.length || runs.some((r) => !completions(r).length);
    });
    if (!pending.length) return;
    if (Date.now() > deadline) throw new Error(`${pending.length} pull requests never completed, e.g. ${pending[0]}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function until(test: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !test(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > deadline) throw new Error('condition never held');
  }
}

/** The one completed check run of `head`: there must be exactly one run, completed exactly once. */
function onlyCompletion(head: string) {
  const runs = runsFor(head);
  expect(runs, `check runs on ${head}`).toHaveLength(1);
  const done = completions(runs[0]!);
  expect(done, 'completions of the check run').toHaveLength(1);
  return done[0];
}

beforeAll(async () => {
  standIn = await startStandIn({ latencyMs: 2 });
  build = buildServer();
  server = await start();
}, 60_000);

afterAll(async () => {
  await Promise.all(spawned.map((s) => s.stop('SIGTERM', 5000)));
  await standIn?.close();
  if (build) removeBuild(build);
}, 30_000);

describe('the real server against a stand-in GitHub', () => {
  it('(a) judges a redelivered event once: one check run per head sha, one issue per secret; a failed delivery is judged again', async () => {
    const head = sha('redeliver');
    const [t1, t2] = [token('redeliver-1'), token('redeliver-2')];
    const ev = pr({
      name: 'redeliver',
      head,
      files: [
        { filename: 'src/a.ts', patch: patchAdding('export const url = process.env.API_URL;', `const auth = "${t1}";`) },
        { filename: 'deploy/env.sh', patch: patchAdding(`export GH_TOKEN=${t2}`) },
      ],
    });
    const id = randomUUID();
    // GitHub (or a proxy) sends the same delivery twice at once, then it is redelivered twice by hand.
    // The first is accepted (202) and judged in the background; the others are duplicates (200).
    const first = await Promise.all([send(ev, id), send(ev, id)]);
    const again = [await send(ev, id), await send(ev, id)];
    expect([...first, ...again].map((d) => d.status).sort()).toEqual([200, 200, 200, 202]);
    expect([...first, ...again].filter((d) => d.text.startsWith('duplicate delivery'))).toHaveLength(3);
    await settled([head]);

    expect(onlyCompletion(head)).toMatchObject({ conclusion: 'failure' });
    expect(issuesIn('acme/redeliver')).toHaveLength(2);
    expect(requestsTo(/^\/repos\/acme\/redeliver\/pulls\/1\/files$/)).toHaveLength(1);

    // A delivery whose handling failed is handled again when redelivered. (A 5xx or a rate limit is
    // retried by the queue; this refusal is not: the App could not create check runs until an admin
    // granted the permission, then redelivered.)
    const head2 = sha('redeliver-after-failure');
    const ev2 = pr({ name: 'redeliver2', head: head2, files: [{ filename: 'README.md', patch: patchAdding('# Service') }] });
    standIn.github.fail('POST', /^\/repos\/acme\/redeliver2\/check-runs$/, { status: 403, body: { message: 'Resource not accessible by integration' } }, 1);
    // GitHub saw 202 (the delivery was recorded); its job failed for good and said so in one line.
    const id2 = randomUUID();
    expect((await send(ev2, id2)).status).toBe(202);
    const failed = await server.waitFor((l) => l.includes(id2) && l.includes('webhook handler failed'));
    expect(JSON.parse(failed)).toMatchObject({ level: 50, delivery: id2, event: 'pull_request', err: { status: 403 } });
    expect(runsFor(head2)).toHaveLength(0);
    expect((await send(ev2, id2)).status).toBe(202);
    await settled([head2]);
    expect(onlyCompletion(head2)).toMatchObject({ conclusion: 'success' });
  });

  it('(b) refuses a bad or missing signature with a 4xx and calls nothing, even for a delivery id it knows', async () => {
    const head = sha('badsig');
    const ev = pr({ name: 'badsig', head, files: [{ filename: 'a.txt', patch: patchAdding('x') }] });
    const before = standIn.exchanges.length;
    const wrong = await deliver(server.url, 'not-the-secret-at-all-0123456789', 'pull_request', ev);
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.status).toBeLessThan(500);
    const unsigned = await fetch(`${server.url}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID() },
      body: JSON.stringify(ev),
    });
    expect(unsigned.status).toBe(401);
    // A forged copy of a delivery already handled is refused, not answered as a duplicate.
    const id = randomUUID();
    expect((await send(ev, id)).status).toBe(202);
    await settled([head]);
    const handled = standIn.exchanges.length;
    const forged = await deliver(server.url, 'forged-secret-forged-secret-0000', 'pull_request', ev, id);
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.text).not.toContain('duplicate');
    await new Promise((r) => setTimeout(r, 100));
    expect(standIn.exchanges.length).toBe(handled);
    expect(handled).toBeGreaterThan(before);
    expect(runsFor(head)).toHaveLength(1);
  });

  it('(c) fails the check, quoting file and line, when the policy on the base branch is broken', async () => {
    const head = sha('brokenpolicy');
    standIn.github.file('acme/brokenpolicy', POLICY, 'extends: default\nrules:\n  secrets/github-token: sometimes\n', 'main');
    expect((await send(pr({ name: 'brokenpolicy', head, files: [{ filename: 'src/app.ts', patch: patchAdding('export {};') }] }))).status).toBe(202);
    await settled([head]);
    const done = onlyCompletion(head);
    expect(done).toMatchObject({ conclusion: 'failure', output: { title: `Policy error in ${POLICY} line 3` } });
    expect(done.output.summary).toContain(`\`${POLICY}:3:25\``);
    expect(done.output.summary).toContain('"sometimes" is not valid');
    expect(done.output.annotations).toEqual([expect.objectContaining({ path: POLICY, start_line: 3, annotation_level: 'failure' })]);
  });

  it('(d) judges a pull request that switches the policy off by the base policy: still a failure', async () => {
    const head = sha('selfdisable');
    const t = token('selfdisable');
    standIn.github.file('acme/selfdisable', POLICY, 'extends: default\n', 'main');
    standIn.github.file('acme/selfdisable', POLICY, 'extends: default\nfamilies:\n  secrets: off\n', head);
    standIn.github.blob('blob-selfdisable', 'extends: default\nfamilies:\n  secrets: off\n');
    await send(
      pr({
        name: 'selfdisable',
        head,
        files: [
          { filename: POLICY, status: 'modified', sha: 'blob-selfdisable', patch: '@@ -1,1 +1,3 @@\n extends: default\n+families:\n+  secrets: off' },
          { filename: 'config/prod.env', patch: patchAdding(`GITHUB_TOKEN=${t}`) },
        ],
      }),
    );
    await settled([head]);
    const done = onlyCompletion(head);
    expect(done.conclusion).toBe('failure');
    expect(done.output.annotations).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'config/prod.env', start_line: 1 })]));
    expect(done.output.summary).toContain('`families.secrets`: fail → off');
    // The policy was read from the base branch only (the head version only as a blob, for the preview
    // and for structural rules; their "before" is the base commit).
    const refs = requestsTo(/^\/repos\/acme\/selfdisable\/contents\//).map((r) => r.query.get('ref'));
    expect(refs).toEqual(['main', sha('base')]);
    expect(issuesIn('acme/selfdisable')).toHaveLength(1);
  });

  it('(e) retries 5xx on file listing, check-run update and issue creation; a PR that cannot finish still ends with one completed run that says why', async () => {
    const leak = (name: string) => {
      const head = sha(`e-${name}`);
      const t = token(`e-${name}`);
      return { head, ev: pr({ name, head, files: [{ filename: 'src/settings.py', patch: patchAdding('DEBUG = False', `GITHUB_TOKEN = "${t}"`) }] }) };
    };
    const gh = standIn.github;
    const err = { status: 500, body: { message: 'Server Error' } };
    const list = leak('e-list');
    gh.fail('GET', /^\/repos\/acme\/e-list\/pulls\/1\/files$/, err, 2);
    const update = leak('e-update');
    gh.fail('PATCH', /^\/repos\/acme\/e-update\/check-runs\/\d+$/, { status: 502, body: { message: 'Bad Gateway' } }, 2);
    const issue = leak('e-issue');
    gh.fail('POST', /^\/repos\/acme\/e-issue\/issues$/, err, 2);
    const listDown = leak('e-list-down');
    gh.fail('GET', /^\/repos\/acme\/e-list-down\/pulls\/1\/files$/, err, 99);
    const issueDown = leak('e-issue-down');
    gh.fail('POST', /^\/repos\/acme\/e-issue-down\/issues$/, err, 99);
    const updateDown = leak('e-update-down');
    gh.fail('PATCH', /^\/repos\/acme\/e-update-down\/check-runs\/\d+$/, err, 4);

    const all = [list, update, issue, listDown, issueDown, updateDown];
    await Promise.all(all.map((x) => send(x.ev)));
    await settled(all.map((x) => x.head));

    // Retried, then judged as if nothing happened.
    expect(requestsTo(/^\/repos\/acme\/e-list\/pulls\/1\/files$/)).toHaveLength(3);
    for (const x of [list, issue]) {
      const done = onlyCompletion(x.head);
      expect(done.conclusion).toBe('failure');
      expect(done.output.annotations).toEqual([expect.objectContaining({ path: 'src/settings.py', start_line: 2 })]);
    }
    // A completion GitHub did not take is sent again on the App's own back-off: the verdict first, then
    // the annotations in an update of their own.
    expect(onlyCompletion(update.head).conclusion).toBe('failure');
    await until(() => runsFor(update.head)[0]!.updates.some((u) => u.output?.annotations?.length));
    expect(issuesIn('acme/e-issue')).toHaveLength(1);
    expect(onlyCompletion(issue.head).output.summary).toContain('[acme/e-issue#');
    expect(requestsTo(/^\/repos\/acme\/e-issue\/issues$/, 'POST')).toHaveLength(3);

    // Could not finish: a completed run that says why and when it will be judged again (a retry is
    // scheduled: with RETRY_BASE_MS=1 it comes at once, and fails the same way, with a run of its own).
    const firstListDown = completions(runsFor(listDown.head)[0]!);
    expect(firstListDown).toEqual([
      expect.objectContaining({
        conclusion: 'failure',
        output: expect.objectContaining({ title: 'Token Warden could not complete: GitHub answered 500 to GET /repos/acme/e-list-down/pulls/1/files' }),
      }),
    ]);
    expect(firstListDown[0].output.summary).toMatch(/will judge the change again at/);
    await until(() => runsFor(listDown.head).length > 1);
    const issueDownDone = onlyCompletion(issueDown.head);
    expect(issueDownDone.conclusion).toBe('failure');
    expect(issueDownDone.output.summary).toContain('1 remediation issue write(s) failed in acme/e-issue-down: GitHub answered 500 to POST /repos/acme/e-issue-down/issues');
    expect(issuesIn('acme/e-issue-down')).toHaveLength(0);
    // The first completion failed four times (a try and three retries); the verdict lands without
    // annotations, and they follow in an update of their own.
    const updateDownDone = onlyCompletion(updateDown.head);
    expect(updateDownDone.conclusion).toBe('failure');
    expect(updateDownDone.output.annotations).toBeUndefined();
    const annotated = () => runsFor(updateDown.head)[0]!.updates.filter((u) => u.status === undefined && u.output?.annotations?.length);
    await until(() => annotated().length > 0);
    expect(annotated()[0].output.annotations).toEqual([expect.objectContaining({ path: 'src/settings.py', start_line: 2 })]);
  });

  it('(e) does not create twice when GitHub performed a create but its answer was lost (502 after the write)', async () => {
    const head = sha('lost-answers');
    const t = token('lost-answers');
    const ev = pr({ name: 'lost', head, files: [{ filename: 'ops/deploy.sh', patch: patchAdding('#!/bin/sh', `export GITHUB_TOKEN=${t}`) }] });
    const lost = { status: 502, body: { message: 'Bad Gateway' } };
    standIn.failAfterWrite('POST', /^\/repos\/acme\/lost\/check-runs$/, lost, 1);
    standIn.failAfterWrite('POST', /^\/repos\/acme\/lost\/issues$/, lost, 1);
    expect((await send(ev)).status).toBe(202);
    await settled([head]);
    const done = onlyCompletion(head);
    expect(done.conclusion).toBe('failure');
    expect(issuesIn('acme/lost')).toHaveLength(1);
    expect(done.output.summary).toContain('[acme/lost#');
  });

  it('(f) retries primary and secondary rate limits (403 with retry-after, 429, x-ratelimit-remaining: 0)', async () => {
    const gh = standIn.github;
    const mk = (name: string) => {
      const head = sha(`f-${name}`);
      return { head, ev: pr({ name, head, files: [{ filename: 'lib/util.go', patch: patchAdding('package lib', 'func Add(a, b int) int { return a + b }') }] }) };
    };
    const secondary = { status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers: { 'retry-after': '1' } };
    const a = mk('f-secondary');
    gh.fail('GET', /^\/repos\/acme\/f-secondary\/pulls\/1\/files$/, secondary, 1);
    gh.fail('PATCH', /^\/repos\/acme\/f-secondary\/check-runs\/\d+$/, secondary, 1);
    const b = mk('f-429');
    gh.fail('POST', /^\/repos\/acme\/f-429\/check-runs$/, { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '1' } }, 1);
    const c = mk('f-primary');
    const reset = String(Math.floor(Date.now() / 1000) + 1);
    gh.fail(
      'GET',
      /^\/repos\/acme\/f-primary\/pulls\/1\/files$/,
      { status: 403, body: { message: 'API rate limit exceeded for installation.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } },
      2,
    );

    await Promise.all([a, b, c].map((x) => send(x.ev)));
    await settled([a.head, b.head, c.head]);
    for (const x of [a, b, c]) expect(onlyCompletion(x.head)).toMatchObject({ conclusion: 'success' });
    expect(requestsTo(/^\/repos\/acme\/f-primary\/pulls\/1\/files$/)).toHaveLength(3);
    const warnings = server.records().filter((r) => typeof r.msg === 'string' && /GitHub (primary|secondary) rate limit/.test(r.msg));
    expect(warnings.map((w) => w.msg)).toEqual(expect.arrayContaining(['GitHub secondary rate limit', 'GitHub primary rate limit']));
  });

  it('(g) 40 concurrent pull requests in 4 installations: each ends with one completed run and the right conclusion; writes are serialised per installation', async () => {
    // Ten each: enough for writes of one installation to queue while others run (a 200-webhook burst
    // is the durable e2e suite's and the bench's).
    const owners = ['north', 'south', 'east', 'west'];
    const PER = 10;
    const prs: Array<{ head: string; leaks: boolean; owner: string; installation: number; ev: unknown }> = [];
    for (const [k, owner] of owners.entries()) {
      for (let n = 1; n <= PER; n++) {
        const head = sha(`g-${owner}-${n}`);
        const leaks = n % 4 === 0;
        const files: FileEntry[] = [
          { filename: `src/handlers/h${n}.ts`, patch: patchAdding(`export function handle${n}(req: Request): Response {`, '  return new Response(null, { status: 204 });', '}') },
          { filename: 'docs/CHANGELOG.md', patch: patchAdding(`- handler ${n}`) },
        ];
        if (leaks) files.push({ filename: 'config/ci.env', patch: patchAdding(`GH_TOKEN=${token(`g-${owner}-${n}`)}`) });
        prs.push({ head, leaks, owner, installation: 100 + k, ev: pr({ owner, name: 'svc', installation: 100 + k, number: n, head, files }) });
      }
    }
    const from = standIn.exchanges.length;
    const overlapsBefore = standIn.overlaps.length;
    standIn.latencyMs = 5;
    const t0 = Date.now();
    try {
      const res = await Promise.all(prs.map((p) => send(p.ev)));
      expect(res.every((r) => r.status === 202)).toBe(true);
      await settled(
        prs.map((p) => p.head),
        60_000,
      );
    } finally {
      standIn.latencyMs = 2;
    }
    const ms = Date.now() - t0;
    for (const p of prs) expect(onlyCompletion(p.head).conclusion, `${p.owner} ${p.head}`).toBe(p.leaks ? 'failure' : 'success');
    for (const owner of owners) expect(issuesIn(`${owner}/svc`)).toHaveLength((PER / 4) | 0);
    // Writes of one installation never overlapped; each used its own installation's token.
    expect(standIn.overlaps.slice(overlapsBefore)).toEqual([]);
    // (Scheduled retries of earlier scenarios may write in the same window: only these owners count.)
    const writes = standIn.exchanges.slice(from).filter((e) => e.method !== 'GET' && !e.path.startsWith('/app/') && owners.includes(e.path.split('/')[2]!));
    for (const w of writes) expect(w.installation).toBe(`installation:${100 + owners.indexOf(w.path.split('/')[2]!)}`);
    // ...while installations ran alongside one another.
    const spans = owners.map((o) => {
      const ws = writes.filter((w) => w.path.startsWith(`/repos/${o}/`));
      return [Math.min(...ws.map((w) => w.start)), Math.max(...ws.map((w) => w.end ?? w.start))] as const;
    });
    expect(Math.max(...spans.map((s) => s[0]))).toBeLessThan(Math.min(...spans.map((s) => s[1])));
    console.log(`(g) ${prs.length} PRs, ${writes.length} writes, settled in ${ms} ms`);
  }, 90_000);

  it('(h) judges a 3000-file pull request: 30 pages of files, the secret on the last page found', async () => {
    const head = sha('huge');
    const t = token('huge');
    const files: FileEntry[] = Array.from({ length: 3000 }, (_, i) => ({
      filename: `packages/p${i % 40}/src/m${i}.ts`,
      patch: patchAdding(`import { log } from '../log.js';`, `export function f${i}(x: number): number {`, `  log('f${i}', x);`, `  return x * ${i};`, '}'),
    }));
    files[2950] = { filename: 'packages/p30/.env.production', patch: patchAdding('NODE_ENV=production', `GITHUB_TOKEN=${t}`) };
    const t0 = Date.now();
    await send(pr({ name: 'huge', head, files }));
    await settled([head], 60_000);
    const done = onlyCompletion(head);
    expect(done.conclusion).toBe('failure');
    expect(done.output.summary).toContain('3000 files scanned');
    expect(done.output.annotations).toEqual([expect.objectContaining({ path: 'packages/p30/.env.production', start_line: 2 })]);
    expect(requestsTo(/^\/repos\/acme\/huge\/pulls\/1\/files$/)).toHaveLength(30);
    console.log(`(h) 3000-file PR judged in ${Date.now() - t0} ms`);
  }, 60_000);

  it('(j) on SIGTERM mid-evaluation, completes the run in progress with an explanation, hands the job back and exits; restarted on the same store, it judges the change', async () => {
    const head = sha('shutdown');
    const ev = pr({ name: 'shutdown', head, files: [{ filename: 'src/index.ts', patch: patchAdding('export {};') }] });
    const dataDir = await freshDataDir();
    const s = await start({ TOKENWARDEN_SHUTDOWN_GRACE_MS: '300', TOKENWARDEN_DATA_DIR: dataDir });
    standIn.hold = (method, path) => method === 'GET' && path === '/repos/acme/shutdown/pulls/1/files';
    const id = randomUUID();
    const accepted = await send(ev, id, s);
    expect(accepted.status).toBe(202);
    try {
      for (let i = 0; i < 500 && !(runsFor(head).length && standIn.held); i++) await new Promise((r) => setTimeout(r, 10));
      expect(standIn.held).toBe(1);
      const exit = await s.stop('SIGTERM');
      expect(exit.code).toBe(0);
      expect(exit.ms).toBeLessThan(5000);
    } finally {
      standIn.hold = undefined;
      standIn.release();
    }
    const done = onlyCompletion(head);
    expect(done).toMatchObject({ conclusion: 'failure', output: { title: 'Token Warden could not complete: the server stopped (a restart or deploy) before it finished' } });
    expect(s.records().some((r) => r.msg === 'stopped with evaluations in flight: their check runs were completed as interrupted')).toBe(true);
    expect(s.records().some((r) => r.msg === 'stopped with jobs in hand: they were handed back to the queue')).toBe(true);

    // The next process on the same store takes the job that was handed back: judged, without a redelivery.
    const next = await start({ TOKENWARDEN_DATA_DIR: dataDir });
    try {
      await until(() => runsFor(head).length === 2);
      await settled([head]);
      // A redelivery now is a duplicate: the delivery is recorded, its job done.
      expect((await send(ev, id, next)).status).toBe(200);
    } finally {
      await next.stop();
    }
    const runs = runsFor(head);
    expect(runs).toHaveLength(2);
    expect(completions(runs[1]!)).toEqual([expect.objectContaining({ conclusion: 'success' })]);
  }, 30_000);

  it('(i) sends no secret to GitHub and logs none, at LOG_LEVEL=debug, even when a PR title and body quote one', async () => {
    const head = sha('title-leak');
    const t = token('title');
    const ev = pr({ name: 'titleleak', head, files: [{ filename: 'README.md', patch: patchAdding('Nothing to see.') }] });
    ev.pull_request.title = `Rotate ${t}`;
    ev.pull_request.body = `The old token was ${t}, revoked.`;
    expect((await send(ev)).status).toBe(202);
    await settled([head]);
    expect(onlyCompletion(head).conclusion).toBe('success');

    expect(secrets.length).toBeGreaterThan(15);
    const sent = standIn.exchanges.map((e) => `${e.method} ${e.path} ${e.body}`).join('\n');
    const logged = outputs.flat().join('\n');
    expect(logged).toContain('"level":20'); // debug lines were written
    expect(logged).toContain('GitHub request: PATCH');
    for (const s of secrets) {
      expect(sent.includes(s), 'a secret was sent to GitHub').toBe(false);
      expect(logged.includes(s), 'a secret was logged').toBe(false);
    }
    // Redacted forms did go out: the summaries and issues name what leaked.
    expect(sent).toMatch(/ghp_\*{8}…\(40\)/);
  });
});

describe('the knobs', () => {
  it('reads pacing and retry knobs from the environment and refuses nonsense', () => {
    expect(clientOptionsFromEnv({ TOKENWARDEN_WRITE_INTERVAL_MS: '5', TOKENWARDEN_RETRY_BASE_MS: ' 1 ', TOKENWARDEN_CONTENT_INTERVAL_MS: '' })).toEqual({ writeIntervalMs: 5, retryBaseMs: 1 });
    const base = { APP_ID: '1', PRIVATE_KEY: 'pem', WEBHOOK_SECRET: SECRET };
    expect(environmentProblems({ ...base, TOKENWARDEN_WRITE_INTERVAL_MS: '0', TOKENWARDEN_SHUTDOWN_GRACE_MS: '100' })).toEqual([]);
    expect(environmentProblems({ ...base, TOKENWARDEN_WRITE_INTERVAL_MS: '1s', TOKENWARDEN_SHUTDOWN_GRACE_MS: '-1' })).toEqual([
      expect.stringContaining('TOKENWARDEN_WRITE_INTERVAL_MS "1s"'),
      expect.stringContaining('TOKENWARDEN_SHUTDOWN_GRACE_MS "-1"'),
    ]);
  });

  it('reads the job knobs and refuses nonsense; checks signatures on the bytes', () => {
    const base = { APP_ID: '1', PRIVATE_KEY: 'pem', WEBHOOK_SECRET: SECRET };
    expect(environmentProblems({ ...base, TOKENWARDEN_WORKERS: '4', TOKENWARDEN_JOB_LEASE_MS: '2000', TOKENWARDEN_STALE_RUN_MS: '3000', TOKENWARDEN_RECOVERY_INTERVAL_MS: '500' })).toEqual([]);
    expect(environmentProblems({ ...base, TOKENWARDEN_WORKERS: '0', TOKENWARDEN_JOB_LEASE_MS: '1m', DATABASE_URL: 'mysql://x' })).toEqual([
      expect.stringContaining('TOKENWARDEN_WORKERS "0"'),
      expect.stringContaining('TOKENWARDEN_JOB_LEASE_MS "1m"'),
      expect.stringContaining('DATABASE_URL must be a postgres://'),
    ]);
    const body = Buffer.from('{"x":1}');
    expect(signatureMatches('s3cret', body, `sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`)).toBe(true);
    expect(signatureMatches('s3cret', body, `sha256=${createHmac('sha256', 'other').update(body).digest('hex')}`)).toBe(false);
    expect(signatureMatches('s3cret', body, undefined)).toBe(false);
  });
});
