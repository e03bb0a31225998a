/**
 * End to end over loopback HTTP, no nock: a stand-in GitHub API on 127.0.0.1, the real server from
 * src/server.ts pointed at it through Probot's GHE settings, and signed webhooks posted to it.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentProblems, routeLimitsFromEnv, shutdownBudget, startServer, type RunningServer } from '../../src/server.js';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, repository, sha } from '../fixtures/webhooks/index.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { memoryLogger, privateKey } from './helpers/keys.js';
import { hmac, rawRequest } from './helpers/http.js';
import { buildServer, removeBuild, spawnServer, type ServerProcess } from './helpers/server-process.js';
import { startStandIn, type StandIn } from './helpers/stand-in.js';
import { patchAdding } from './helpers/harness.js';
import { freshDataDir } from './helpers/data-dir.js';
import { openStore } from '../../src/store/index.js';
import type { JobPayload } from '../../src/app/jobs/payload.js';

const SECRET = randomBytes(32).toString('hex');
const HEAD = sha('e2e');

let api: Server;
let github: FakeGitHub;
let app: RunningServer;
const logs: string[] = [];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = github.handle(req.method ?? 'GET', req.url ?? '/', Buffer.concat(chunks).toString('utf8'));
      res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', ...r.headers });
      res.end(r.body === undefined ? '' : JSON.stringify(r.body));
    });
  });
  const port = await listen(api);
  github = new FakeGitHub(`http://127.0.0.1:${port}/api/v3`);
  app = await startServer({
    env: {
      APP_ID: '1',
      PRIVATE_KEY: privateKey(),
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: `127.0.0.1:${port}`,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: '0',
      NODE_ENV: 'production',
      TOKENWARDEN_SWEEP_SCHEDULE: 'off',
      TOKENWARDEN_DATA_DIR: await freshDataDir(),
    },
    github: { writeIntervalMs: 0, contentIntervalMs: 0, retryBaseMs: 1 },
    log: memoryLogger(logs),
  });
});

afterAll(async () => {
  await app?.close();
  await new Promise((r) => api?.close(r));
});

const sign = (body: string, secret = SECRET): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function deliver(event: string, payload: unknown, secret = SECRET): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`${app.url}/api/github/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': randomUUID(), 'x-hub-signature-256': sign(body, secret) },
    body,
  });
}

describe('the server', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${app.url}/nope`)).status).toBe(404);
  });

  it('answers /readyz with the store, its schema and the queue', async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ready',
      backend: 'pglite',
      schemaVersion: expect.any(Number),
      codeVersion: expect.any(Number),
      queue: { ready: expect.any(Number), scheduled: expect.any(Number), running: expect.any(Number), failed: expect.any(Number) },
      oldestJobAgeMs: expect.any(Number),
      workers: { active: expect.any(Number), concurrency: 8 },
    });
  });

  it('judges a pull request from a signed webhook, against the stand-in GitHub API', async () => {
    const token = githubToken('ghp', 'e2e');
    github.pull('acme/api', { number: 7, headSha: HEAD, files: [{ filename: 'src/a.ts', patch: `@@ -0,0 +1,1 @@\n+const t = "${token}";` }] });
    const t0 = Date.now();
    const res = await deliver('pull_request', pullRequestEvent('opened', { number: 7, headSha: HEAD }));
    // Accepted at once (GitHub gives up after 10 s), judged in the background.
    expect(res.status).toBe(202);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await app.idle(20_000)).toBe(true);

    expect(github.unknown).toEqual([]);
    expect(github.requests[0]).toMatchObject({ method: 'POST', path: '/app/installations/4242/access_tokens' });
    expect(github.writes).toEqual(['POST /repos/acme/api/check-runs', 'POST /repos/acme/api/issues', 'PATCH /repos/acme/api/check-runs/1']);
    const done = github.checkRuns.get(1)!.updates[0];
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(done.output.annotations[0]).toMatchObject({ path: 'src/a.ts', start_line: 1 });
    expect(JSON.stringify(github.requests.map((r) => r.body))).not.toContain(token);
    expect(logs.join('\n')).not.toContain(token);
  });

  it('refuses a webhook with a bad signature and calls nothing', async () => {
    const before = github.requests.length;
    const res = await deliver('pull_request', pullRequestEvent('opened', { number: 8 }), 'not-the-secret');
    expect(res.status).toBe(401);
    expect(app.runner.active).toBe(0);
    expect((await app.store.jobs.stats()).ready).toBe(0);
    expect(github.requests.length).toBe(before);
  });
});

describe('startup checks', () => {
  const base = { APP_ID: '1', PRIVATE_KEY: 'pem' };
  it('refuses to start without a real webhook secret', async () => {
    expect(environmentProblems({ ...base })).toEqual([expect.stringContaining('WEBHOOK_SECRET is not set')]);
    expect(environmentProblems({ ...base, WEBHOOK_SECRET: 'development' })).toEqual([expect.stringContaining('placeholder')]);
    expect(environmentProblems({ ...base, NODE_ENV: 'production', WEBHOOK_SECRET: 'short' })).toEqual([expect.stringContaining('shorter than 20')]);
    expect(environmentProblems({ ...base, NODE_ENV: 'production', WEBHOOK_SECRET: SECRET })).toEqual([]);
    await expect(startServer({ env: { ...base, WEBHOOK_SECRET: 'development' } })).rejects.toThrow(/will not start/);
  });

  it('requires the App id and key', () => {
    expect(environmentProblems({ WEBHOOK_SECRET: SECRET })).toEqual([expect.stringContaining('APP_ID'), expect.stringContaining('PRIVATE_KEY')]);
    expect(environmentProblems({ WEBHOOK_SECRET: SECRET, APP_ID: '1', PRIVATE_KEY_PATH: '/run/secrets/key.pem' })).toEqual([]);
  });
});

/** The peak resident memory of a process since `resetPeak` (Linux /proc; undefined elsewhere). */
function peakRss(pid: number): number | undefined {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return m ? Number(m[1]) * 1024 : undefined;
}
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
const MB = 1024 * 1024;

describe('the front door, as `npm start` runs it', () => {
  let build: string;
  let standIn: StandIn;
  const spawned: ServerProcess[] = [];
  const spawn = async (extra: Record<string, string> = {}): Promise<ServerProcess> => {
    const s = await spawnServer(build, {
      APP_ID: '1',
      PRIVATE_KEY: privateKey(),
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: standIn.host,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: '0',
      NODE_ENV: 'production',
      ...extra,
    });
    spawned.push(s);
    return s;
  };

  beforeAll(async () => {
    standIn = await startStandIn();
    build = buildServer();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(spawned.map((s) => s.stop('SIGTERM', 5000)));
    await standIn?.close();
    if (build) removeBuild(build);
  }, 30_000);

  it('refuses 40 unsigned and 40 badly signed 24 MB posts at once, quickly, within bounded memory, one short log line each', async () => {
    const s = await spawn();
    const pid = s.child.pid!;
    const canMeasure = existsSync(`/proc/${pid}/clear_refs`);
    const huge = Buffer.alloc(24 * MB, 0x20);
    huge.write('{"marker":"flood-body-marker"}');
    const base = (signature?: string): Record<string, string | number> => ({
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': randomUUID(),
      'content-length': huge.length,
      ...(signature ? { 'x-hub-signature-256': signature } : {}),
    });
    if (canMeasure) resetPeak(pid);
    const before = canMeasure ? peakRss(pid)! : 0;
    const t0 = Date.now();
    const [unsigned, forged] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, () => rawRequest(s.url, { headers: base(), body: huge }))),
      Promise.all(Array.from({ length: 40 }, () => rawRequest(s.url, { headers: base(hmac('{}', SECRET)), body: huge }))),
    ]);
    const ms = Date.now() - t0;
    const growth = canMeasure ? peakRss(pid)! - before : 0;
    console.log(`80 refused 24 MB posts in ${ms} ms; slowest unsigned ${Math.max(...unsigned.map((r) => r.ms))} ms; peak RSS +${(growth / MB).toFixed(1)} MB over ${(before / MB).toFixed(0)} MB`);

    expect(unsigned.map((r) => r.status)).toEqual(Array(40).fill(401));
    // A wrong signature shows only once the body is read: the buffer admits two such bodies at a time,
    // the others are turned away before reading (503).
    expect(forged.every((r) => r.status === 401 || r.status === 503)).toBe(true);
    expect(forged.some((r) => r.status === 401)).toBe(true);
    expect(Math.max(...unsigned.map((r) => r.ms))).toBeLessThan(10_000);
    if (canMeasure) expect(growth).toBeLessThan(200 * MB);
    // Still serving.
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);

    // The answers can reach the client before the log lines reach the pipe.
    for (let i = 0; i < 200 && s.records().filter((r) => r.msg === 'webhook refused').length < 80; i++) await new Promise((r) => setTimeout(r, 25));
    const refused = s.records().filter((r) => r.msg === 'webhook refused');
    expect(refused).toHaveLength(80);
    for (const r of refused) expect(Object.keys(r).sort()).toEqual(['delivery', 'event', 'hostname', 'level', 'msg', 'name', 'pid', 'reason', 'status', 'time']);
    expect(Math.max(...s.output.filter((l) => l.includes('webhook refused')).map((l) => l.length))).toBeLessThan(300);
    expect(s.output.join('\n')).not.toContain('flood-body-marker');
  }, 60_000);

  it('logs a bad signature as one short warning, without the body or the headers', async () => {
    const s = await spawn({ LOG_LEVEL: 'debug' });
    const id = randomUUID();
    const marker = `title-${randomUUID()}`;
    const body = JSON.stringify({ ...pullRequestEvent('opened', { number: 9 }), marker });
    const res = await rawRequest(s.url, {
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': id,
        'x-hub-signature-256': hmac(body, 'not-the-secret-not-the-secret'),
        'user-agent': 'GitHub-Hookshot/x',
      },
      body,
    });
    expect(res.status).toBe(401);
    const line = await s.waitFor((l) => l.includes(id));
    await new Promise((r) => setTimeout(r, 100));
    expect(s.output.filter((l) => l.includes(id))).toEqual([line]);
    expect(line.length).toBeLessThan(300);
    expect(JSON.parse(line)).toMatchObject({ level: 40, msg: 'webhook refused', status: 401, reason: 'signature does not match', event: 'pull_request', delivery: id });
    const all = s.output.join('\n');
    expect(all).not.toContain(marker);
    expect(all).not.toContain('GitHub-Hookshot');
  });

  it('answers a burst of 20 signed pull requests 202 at once, and on SIGTERM mid-burst exits within its grace period', async () => {
    const graceMs = 2000;
    // Production pacing (one write a second per installation): completing 20 runs as interrupted would
    // take 20 s; the process must exit on time anyway.
    const s = await spawn({ TOKENWARDEN_SHUTDOWN_GRACE_MS: String(graceMs) });
    const repo = repository('acme', 'burst');
    const prs = Array.from({ length: 20 }, (_, i) => {
      const n = i + 1;
      standIn.github.pull('acme/burst', { number: n, headSha: sha(`burst-${n}`), files: [{ filename: 'a.txt', patch: patchAdding('x') }] });
      const ev = pullRequestEvent('opened', { number: n, headSha: sha(`burst-${n}`) });
      ev.repository = repo;
      ev.pull_request.head.repo = repo;
      ev.pull_request.base.repo = repo;
      return ev;
    });
    standIn.hold = (method, path) => method === 'GET' && /^\/repos\/acme\/burst\/pulls\/\d+\/files$/.test(path);
    try {
      const answers = await Promise.all(
        prs.map((ev) => {
          const body = JSON.stringify(ev);
          return rawRequest(s.url, {
            headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': hmac(body, SECRET) },
            body,
          });
        }),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
      expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5000);
      for (let i = 0; i < 500 && !standIn.held; i++) await new Promise((r) => setTimeout(r, 10));
      expect(standIn.held).toBeGreaterThan(0);
      const exit = await s.stop('SIGTERM', 20_000);
      console.log(`SIGTERM with ${standIn.held} evaluations held: exit ${exit.code} after ${exit.ms} ms (grace ${graceMs} ms)`);
      expect(exit.signal).toBeNull();
      expect(exit.ms).toBeLessThan(graceMs + 1000 + 1500);
    } finally {
      standIn.hold = undefined;
      standIn.release();
    }
  }, 60_000);
});

describe('close()', () => {
  it('waits for jobs in hand up to the grace period, hands back the one that never ends, closes the store', async () => {
    const lines: string[] = [];
    let finished = 0;
    const dataDir = await freshDataDir();
    const running = await startServer({
      env: {
        APP_ID: '1',
        PRIVATE_KEY: privateKey(),
        WEBHOOK_SECRET: SECRET,
        HOST: '127.0.0.1',
        PORT: '0',
        TOKENWARDEN_SHUTDOWN_GRACE_MS: '600',
        TOKENWARDEN_SWEEP_SCHEDULE: 'off',
        TOKENWARDEN_DATA_DIR: dataDir,
      },
      log: memoryLogger(lines),
      app: {
        run: async (p: JobPayload) => {
          if (p.kind === 'pull_request' && p.pr.number === 1) await new Promise(() => undefined); // never ends
          await new Promise((r) => setTimeout(r, 200));
          finished++;
          return {};
        },
      },
    });
    const ids = [randomUUID(), randomUUID()];
    const post = (number: number, id = randomUUID()): Promise<Response> => {
      // Two repositories: one job per repository runs at a time.
      const ev = pullRequestEvent('opened', { number, headSha: sha(`close-${number}`) });
      ev.repository = repository('acme', `close-${number}`);
      const body = JSON.stringify(ev);
      return fetch(`${running.url}/api/github/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': id, 'x-hub-signature-256': sign(body) },
        body,
      });
    };
    expect((await post(1, ids[0])).status).toBe(202);
    expect((await post(2, ids[1])).status).toBe(202);
    for (let i = 0; i < 200 && running.runner.active < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(running.runner.active).toBe(2);
    const t0 = Date.now();
    const closing = running.close();
    expect(running.close()).toBe(closing);
    const health = await fetch(`${running.url}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(health);
    await closing;
    const ms = Date.now() - t0;
    expect(ms).toBeLessThan(600 + 500);
    expect(finished).toBe(1);
    expect(lines.join('\n')).toContain('stopped with jobs in hand: they were handed back to the queue');
    await expect(post(3)).rejects.toThrow();
    // The store was closed (its directory can be opened again) and kept both: one handled, one to do.
    const store = await openStore({ backend: 'pglite', dataDir });
    try {
      expect((await store.deliveries.get(ids[1]!))?.state).toBe('handled');
      expect((await store.deliveries.get(ids[0]!))?.state).toBe('queued');
      expect(await store.jobs.stats()).toMatchObject({ ready: 1, running: 0 });
    } finally {
      await store.close();
    }
  });
});

describe('the shutdown budget and the route knobs', () => {
  it('leaves the check-run drain and the close a share of the grace period', () => {
    expect(shutdownBudget(8000)).toEqual({ handlersMs: 1750, drainMs: 6000, closeMs: 250 });
    expect(shutdownBudget(3000)).toEqual({ handlersMs: 500, drainMs: 2250, closeMs: 250 });
    expect(shutdownBudget(300)).toEqual({ handlersMs: 45, drainMs: 225, closeMs: 30 });
    expect(shutdownBudget(0)).toEqual({ handlersMs: 0, drainMs: 0, closeMs: 0 });
  });

  it('reads the webhook limits from the environment and refuses nonsense', () => {
    const base = { APP_ID: '1', PRIVATE_KEY: 'pem', WEBHOOK_SECRET: SECRET };
    expect(routeLimitsFromEnv({ TOKENWARDEN_WEBHOOK_MAX_PENDING: '8', TOKENWARDEN_WEBHOOK_BUFFER_MB: ' 100 ', TOKENWARDEN_WEBHOOK_READ_TIMEOUT_MS: '' })).toEqual({
      maxPending: 8,
      bufferBytes: 100 * MB,
    });
    expect(environmentProblems({ ...base, TOKENWARDEN_WEBHOOK_MAX_PENDING: '8', TOKENWARDEN_WEBHOOK_BUFFER_MB: '25', TOKENWARDEN_WEBHOOK_READ_TIMEOUT_MS: '5000' })).toEqual([]);
    expect(environmentProblems({ ...base, TOKENWARDEN_WEBHOOK_MAX_PENDING: '0', TOKENWARDEN_WEBHOOK_BUFFER_MB: '10', TOKENWARDEN_WEBHOOK_READ_TIMEOUT_MS: '30s' })).toEqual([
      expect.stringContaining('TOKENWARDEN_WEBHOOK_MAX_PENDING "0"'),
      expect.stringContaining('TOKENWARDEN_WEBHOOK_BUFFER_MB "10"'),
      expect.stringContaining('TOKENWARDEN_WEBHOOK_READ_TIMEOUT_MS "30s"'),
    ]);
  });
});
