/**
 * End to end over loopback HTTP, no nock: a stand-in GitHub API on 127.0.0.1, the real server from
 * src/server.ts pointed at it through Probot's GHE settings, and signed webhooks posted to it.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
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
