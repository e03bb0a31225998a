/**
 * End to end over loopback HTTP, no nock: a stand-in GitHub API on 127.0.0.1, the real server from
 * src/server.ts pointed at it through Probot's GHE settings, and signed webhooks posted to it.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentProblems, startServer, type RunningServer } from '../../src/server.js';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, sha } from '../fixtures/webhooks/index.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { memoryLogger, privateKey } from './helpers/keys.js';

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
    env: { APP_ID: '1', PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: SECRET, GHE_HOST: `127.0.0.1:${port}`, GHE_PROTOCOL: 'http', HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'production' },
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

  it('judges a pull request from a signed webhook, against the stand-in GitHub API', async () => {
    const token = githubToken('ghp', 'e2e');
    github.pull('acme/api', { number: 7, headSha: HEAD, files: [{ filename: 'src/a.ts', patch: `@@ -0,0 +1,1 @@\n+const t = "${token}";` }] });
    const res = await deliver('pull_request', pullRequestEvent('opened', { number: 7, headSha: HEAD }));
    expect(res.status).toBe(200);

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
    expect(res.status).toBeGreaterThanOrEqual(400);
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
