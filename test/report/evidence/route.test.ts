/**
 * `GET /api/report` on the real server: bearer-protected as `/api/sweep` is (its own token, else the
 * sweep's), the query checked, the three formats, the chain's state in headers; absent without a token.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, environmentProblems, type RunningServer } from '../../../src/server.js';
import { recordEvaluation } from '../../../src/audit/index.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { parseReportQuery } from '../../../src/report/evidence/route.js';
import type { EvidenceReport } from '../../../src/report/evidence/index.js';
import { memoryLogger, privateKey } from '../../app/helpers/harness.js';

const SLOW = 120_000;

async function server(store: Store, extra: NodeJS.ProcessEnv): Promise<RunningServer> {
  return startServer({
    env: { APP_ID: '1', PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: randomBytes(32).toString('hex'), HOST: '127.0.0.1', PORT: '0', TOKENWARDEN_SWEEP_SCHEDULE: 'off', ...extra },
    store,
    log: memoryLogger([]),
  });
}

describe('GET /api/report', () => {
  let store: Store;
  let app: RunningServer;
  const token = randomBytes(24).toString('hex');

  beforeAll(async () => {
    store = await openStore({ backend: 'pglite', dataDir: null });
    for (const [i, installation] of [7, 7, 8].entries()) {
      await recordEvaluation(store, {
        event: 'push',
        deliveryId: `6f1c1a60-3b5e-11ef-9a1e-00000000000${i}`,
        installation,
        repository: installation === 7 ? 'acme/api' : 'other/x',
        commit: String(i).repeat(40),
        ref: 'refs/heads/main',
        headSha: String(i).repeat(40),
        policy: { hash: 'a'.repeat(64), sources: ['built-in:default'] },
        findings: [],
        verdict: i === 1 ? 'fail' : 'pass',
        checkRunId: i,
      });
    }
    app = await server(store, { TOKENWARDEN_REPORT_TOKEN: token });
  }, SLOW);

  afterAll(async () => {
    await app?.close();
  });

  const get = (query: string, auth?: string) => fetch(`${app.url}/api/report${query}`, { headers: auth ? { authorization: auth } : {} });

  it('asks for the bearer token', async () => {
    expect((await get('')).status).toBe(401);
    expect((await get('', 'Bearer not-the-token')).status).toBe(401);
  });

  it(
    'serves an installation report as JSON (default), with the chain in headers',
    async () => {
      const res = await get('?installation=7&since=2000-01-01&until=2999-01-01&pack=sox', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('x-tokenwarden-audit-chain')).toBe('intact');
      const head = await store.audit.head();
      expect(res.headers.get('x-tokenwarden-audit-head')).toBe(`${head.seq}:${head.digest}`);
      const r = (await res.json()) as EvidenceReport;
      expect(r.scope).toEqual({ kind: 'installation', installation: 7, repository: null });
      expect(r.repositories.map((x) => x.name)).toEqual(['acme/api']);
      expect(r.summary.checks).toMatchObject({ evaluations: 2, pass: 1, fail: 1, passRate: 50 });
      expect(r.pack.name).toBe('sox');
    },
    SLOW,
  );

  it(
    'serves HTML and Markdown',
    async () => {
      const html = await get('?format=html&since=2000-01-01&until=2999-01-01', `Bearer ${token}`);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const text = await html.text();
      expect(text).toContain('data-metric="summary.repositories">2<');
      const md = await get('?format=md&since=2000-01-01&until=2999-01-01', `Bearer ${token}`);
      expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await md.text()).toContain('| Checks in the period | 3 |');
    },
    SLOW,
  );

  it('refuses a bad query with 400', async () => {
    for (const q of ['?installation=abc', '?pack=hipaa', '?format=pdf', '?since=yesterday', '?since=2026-06-10&until=2026-06-01']) {
      const res = await get(q, `Bearer ${token}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
    expect(parseReportQuery('/api/report', new Date('2026-06-15T00:00:00Z'))).toMatchObject({ installation: null, pack: 'default', format: 'json', since: new Date('2026-03-17T00:00:00Z') });
  });

  it(
    'falls back to the sweep token; no token, no route; a short token is refused at start',
    async () => {
      const sweepToken = randomBytes(24).toString('hex');
      const other = await server(await openStore({ backend: 'pglite', dataDir: null }), { TOKENWARDEN_SWEEP_TOKEN: sweepToken });
      try {
        expect((await fetch(`${other.url}/api/report`, { headers: { authorization: `Bearer ${sweepToken}` } })).status).toBe(200);
      } finally {
        await other.close();
      }
      const none = await server(await openStore({ backend: 'pglite', dataDir: null }), {});
      try {
        expect((await fetch(`${none.url}/api/report`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
      } finally {
        await none.close();
      }
      expect(environmentProblems({ TOKENWARDEN_REPORT_TOKEN: 'short' }).some((p) => p.includes('TOKENWARDEN_REPORT_TOKEN is shorter than 20'))).toBe(true);
    },
    SLOW,
  );
});
