/**
 * The webhook route on its own, in process, over loopback HTTP: what it refuses before reading, the
 * bounded read, the signature on the bytes, 202 once the intake has recorded the delivery, redeliveries,
 * 503 when it could not, and the one log line a refusal or a failed record costs. (The intake here keeps
 * deliveries in memory; the store's is tested in test/store and end to end.)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookRoute, type RouteLimits } from '../../src/app/webhooks/webhook-route.js';
import type { IntakeResult } from '../../src/app/jobs/intake.js';
import { githubToken } from '../helpers/tokens.js';
import { hmac, rawRequest } from './helpers/http.js';

const SECRET = randomBytes(32).toString('hex');
const KB = 1024;

interface Line {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

interface Harness {
  url: string;
  route: WebhookRoute;
  lines: Line[];
  /** Deliveries handed to the intake. */
  handled: Array<{ id: string; name: string; payload: Record<string, unknown> }>;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** Records a delivery id once (in memory); `record` may delay or fail the recording. */
function memoryIntake(record: (payload: Record<string, unknown>) => Promise<void> = async () => undefined) {
  const seen = new Set<string>();
  return async (id: string, payload: Record<string, unknown>): Promise<IntakeResult> => {
    if (seen.has(id)) return { status: 'duplicate' };
    await record(payload);
    seen.add(id);
    return { status: 'queued' };
  };
}

async function start(limits: Partial<RouteLimits> = {}, record?: (payload: Record<string, unknown>) => Promise<void>): Promise<Harness> {
  const lines: Line[] = [];
  const log = Object.fromEntries(
    ['debug', 'info', 'warn', 'error'].map((level) => [level, (obj: Record<string, unknown>, msg: string) => void lines.push({ level, obj, msg })]),
  ) as unknown as ConstructorParameters<typeof WebhookRoute>[0]['log'];
  const handled: Harness['handled'] = [];
  const intake = memoryIntake(record);
  const route = new WebhookRoute({
    path: '/api/github/webhooks',
    secret: SECRET,
    log,
    intake: {
      accept: async (d, payload) => {
        handled.push({ id: d.id, name: d.event, payload: payload as Record<string, unknown> });
        return intake(d.id, payload as Record<string, unknown>);
      },
    },
    limits,
  });
  const server = createServer((req, res) => {
    if (!route.serve(req, res)) res.writeHead(404).end();
  });
  server.on('checkContinue', (req, res) => {
    if (!route.serve(req, res, true)) res.writeHead(404).end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, route, lines, handled };
}

const github = (body: Buffer | string, o: { event?: string; id?: string; secret?: string } = {}): Record<string, string> => ({
  'content-type': 'application/json',
  'x-github-event': o.event ?? 'pull_request',
  'x-github-delivery': o.id ?? randomUUID(),
  'x-hub-signature-256': hmac(body, o.secret ?? SECRET),
});

const refusals = (h: Harness): Line[] => h.lines.filter((l) => l.msg === 'webhook refused');
const until = async (test: () => boolean, ms = 5000): Promise<void> => {
  for (const end = Date.now() + ms; !test(); await new Promise((r) => setTimeout(r, 5))) if (Date.now() > end) throw new Error('timed out');
};

describe('refused before the body is read', () => {
  it('wrong method, missing or malformed GitHub headers, wrong content type: 405, 400, 401, 415', async () => {
    const h = await start();
    const body = '{"action":"opened"}';
    const cases: Array<[string, Parameters<typeof rawRequest>[1], number]> = [
      ['GET', { method: 'GET', headers: github(body) }, 405],
      ['PUT', { method: 'PUT', headers: github(body), body }, 405],
      ['no event', { headers: { ...github(body), 'x-github-event': '' }, body }, 400],
      ['odd event', { headers: { ...github(body), 'x-github-event': 'pull request; drop' }, body }, 400],
      ['no delivery', { headers: (({ 'x-github-delivery': _, ...rest }) => rest)(github(body)), body }, 400],
      ['odd delivery', { headers: { ...github(body), 'x-github-delivery': 'not-a-guid' }, body }, 400],
      ['no signature', { headers: (({ 'x-hub-signature-256': _, ...rest }) => rest)(github(body)), body }, 401],
      ['sha1 only', { headers: { ...github(body), 'x-hub-signature-256': 'sha1=0123456789abcdef0123456789abcdef01234567' }, body }, 401],
      ['form-encoded', { headers: { ...github(body), 'content-type': 'application/x-www-form-urlencoded' }, body: `payload=${encodeURIComponent(body)}` }, 415],
      ['no content type', { headers: { ...github(body), 'content-type': '' }, body }, 415],
      ['text', { headers: { ...github(body), 'content-type': 'text/plain' }, body }, 415],
    ];
    for (const [name, req, status] of cases) {
      const res = await rawRequest(h.url, req);
      expect(res.status, name).toBe(status);
      expect(res.headers.connection, name).toBe('close');
      expect(JSON.parse(res.text), name).toEqual({ error: expect.any(String) });
    }
    expect((await rawRequest(h.url, { method: 'GET' })).headers.allow).toBe('POST');
    expect(h.handled).toEqual([]);
    // One line per refusal, with nothing but status, reason and the GitHub-shaped event and delivery.
    expect(refusals(h)).toHaveLength(cases.length + 1);
    for (const l of refusals(h)) {
      expect(l.level).toBe('warn');
      expect(Object.keys(l.obj).sort()).toEqual(['delivery', 'event', 'reason', 'status']);
    }
    expect(refusals(h).find((l) => l.obj.status === 400 && l.obj.event === '(malformed)')).toBeDefined();
    expect(h.route.pending).toEqual({ requests: 0, bytes: 0 });
  });

  it('a declared length over 25 MB is refused with 413 without reading a byte; so is an oversized 100-continue request', async () => {
    const h = await start();
    const headers = { ...github('{}'), 'content-length': 26 * 1024 * KB };
    // The client declares 26 MB and sends one kilobyte: the answer comes anyway.
    const res = await rawRequest(h.url, { headers, partial: Buffer.alloc(KB) });
    expect(res.status).toBe(413);
    const early = await rawRequest(h.url, { headers, expectContinue: true, body: Buffer.alloc(0) });
    expect(early.status).toBe(413);
    expect(early.continued).toBe(false);
    expect(h.route.pending).toEqual({ requests: 0, bytes: 0 });
  });

  it('a signed 100-continue request gets the go-ahead, then 202', async () => {
    const h = await start();
    const body = JSON.stringify({ action: 'opened' });
    const res = await rawRequest(h.url, { headers: { ...github(body), 'content-length': Buffer.byteLength(body) }, expectContinue: true, body });
    expect(res).toMatchObject({ status: 202, continued: true });
    const unsigned = await rawRequest(h.url, { headers: { ...github(body), 'x-hub-signature-256': '', 'content-length': Buffer.byteLength(body) }, expectContinue: true, body });
    expect(unsigned).toMatchObject({ status: 401, continued: false });
  });
});

describe('a bounded read', () => {
  it('cuts a chunked body at the cap (413) and a body that does not arrive in time (408)', async () => {
    const h = await start({ maxBodyBytes: 64 * KB, readTimeoutMs: 200 });
    const big = Buffer.alloc(256 * KB, 0x20);
    expect((await rawRequest(h.url, { headers: github(big), body: big })).status).toBe(413);
    const slow = await rawRequest(h.url, { headers: { ...github('{"a":1}'), 'content-length': 7 }, partial: '{"a"' });
    expect(slow.status).toBe(408);
    expect(slow.ms).toBeLessThan(2000);
    expect(h.handled).toEqual([]);
    expect(refusals(h).map((l) => l.obj.reason)).toEqual(['payload too large', 'body not received in time']);
    expect(h.route.pending).toEqual({ requests: 0, bytes: 0 });
  });

  it('reads at most `maxPending` bodies at once and holds at most `bufferBytes`: 503 with Retry-After beyond', async () => {
    const h = await start({ maxPending: 2, bufferBytes: 100 * KB, readTimeoutMs: 300 });
    const stalled = [1, 2].map(() => rawRequest(h.url, { headers: { ...github('{}'), 'content-length': 10 }, partial: '{' }));
    await until(() => h.route.pending.requests === 2);
    const third = await rawRequest(h.url, { headers: github('{}'), body: '{}' });
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('5');
    expect((await Promise.all(stalled)).map((r) => r.status)).toEqual([408, 408]);
    // Declared beyond the buffer: refused at once; chunked beyond it: refused as it arrives.
    expect((await rawRequest(h.url, { headers: { ...github('{}'), 'content-length': 200 * KB }, partial: '{' })).status).toBe(503);
    const big = Buffer.alloc(200 * KB, 0x20);
    expect((await rawRequest(h.url, { headers: github(big), body: big })).status).toBe(503);
    expect(h.route.pending).toEqual({ requests: 0, bytes: 0 });
    // ...and takes deliveries again.
    expect((await rawRequest(h.url, { headers: github('{}'), body: '{}' })).status).toBe(202);
  });

  it('a client that goes away mid-body costs one line and releases its share', async () => {
    const h = await start();
    await expect(rawRequest(h.url, { headers: { ...github('{}'), 'content-length': 100 }, partial: '{', timeoutMs: 100 })).rejects.toThrow();
    await until(() => h.route.pending.requests === 0);
    expect(refusals(h)).toEqual([expect.objectContaining({ obj: expect.objectContaining({ reason: 'connection closed before the body was received' }) })]);
  });
});

describe('the signature, then JSON, then 202', () => {
  it('refuses a body signed with another secret (401) and logs one short line without the body', async () => {
    const h = await start();
    const marker = `body-marker-${randomUUID()}`;
    const body = JSON.stringify({ action: 'opened', pull_request: { title: marker } });
    const res = await rawRequest(h.url, { headers: github(body, { secret: 'another-secret-another-secret' }), body });
    expect(res.status).toBe(401);
    expect(h.handled).toEqual([]);
    expect(h.lines).toHaveLength(1);
    expect(h.lines[0]).toMatchObject({ level: 'warn', msg: 'webhook refused', obj: { status: 401, reason: 'signature does not match', event: 'pull_request' } });
    expect(JSON.stringify(h.lines)).not.toContain(marker);
    // A signature over other bytes (one byte changed) fails the same way.
    const tampered = await rawRequest(h.url, { headers: github(body), body: body.replace('opened', 'closed') });
    expect(tampered.status).toBe(401);
  });

  it('refuses a signed body that is not a JSON object (400)', async () => {
    const h = await start();
    for (const body of ['{"action":', '[1,2]', 'null', '"x"']) expect((await rawRequest(h.url, { headers: github(body), body })).status, body).toBe(400);
    expect(h.handled).toEqual([]);
  });

  it('answers 202 once the delivery is recorded, not before; a redelivery of a recorded one is a duplicate (200)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const h = await start({}, () => gate);
    const id = randomUUID();
    const body = JSON.stringify({ action: 'opened', number: 1 });
    const first = rawRequest(h.url, { headers: { ...github(body, { id }), 'content-type': 'application/json; charset=utf-8' }, body });
    await until(() => h.handled.length === 1);
    expect(h.route.inFlight).toBe(1);
    release();
    expect((await first).status).toBe(202);
    expect(h.handled).toEqual([{ id, name: 'pull_request', payload: { action: 'opened', number: 1 } }]);
    const again = await rawRequest(h.url, { headers: github(body, { id }), body });
    expect(again).toMatchObject({ status: 200, text: 'duplicate delivery: already handled\n' });
    // A forged copy of a recorded delivery is refused, not answered as a duplicate.
    expect((await rawRequest(h.url, { headers: github(body, { id, secret: 'forged-forged-forged-forged' }), body })).status).toBe(401);
    expect(h.handled).toHaveLength(2);
    // One line each at debug; at info, one summary line for the lot.
    expect(h.lines.filter((l) => l.msg === 'webhook accepted')).toEqual([
      expect.objectContaining({ level: 'debug', obj: { event: 'pull_request', delivery: id, bytes: Buffer.byteLength(body), ms: expect.any(Number), recordMs: expect.any(Number) } }),
    ]);
    h.route.summarize();
    expect(h.lines.filter((l) => l.msg === 'webhooks accepted')).toEqual([
      { level: 'info', msg: 'webhooks accepted', obj: { accepted: 1, ms: { p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) } } },
    ]);
  });

  it('answers 503 when the delivery cannot be recorded, in one line without the payload; a redelivery is recorded once the store is back', async () => {
    const title = `Rotate ${githubToken('ghp', 'route-title')}`;
    let fail = true;
    const h = await start({}, async (payload) => {
      if (fail) throw new Error(`could not record "${(payload.pull_request as { title: string }).title}"`);
    });
    const id = randomUUID();
    const body = JSON.stringify({ action: 'opened', pull_request: { title, body: title } });
    const refused = await rawRequest(h.url, { headers: github(body, { id }), body });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.headers.connection).toBe('close');
    const failed = h.lines.filter((l) => l.level === 'error');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      msg: 'could not record the delivery: answered 503; GitHub will not redeliver it by itself',
      obj: { event: 'pull_request', delivery: id, err: { name: 'Error', message: expect.stringContaining('could not record') } },
    });
    expect(Object.keys(failed[0]!.obj).sort()).toEqual(['delivery', 'err', 'event', 'ms']);
    // The message quoted the title; errorFields() scrubbed the token out of it.
    expect(JSON.stringify(h.lines)).not.toContain(githubToken('ghp', 'route-title'));
    fail = false;
    expect((await rawRequest(h.url, { headers: github(body, { id }), body })).status).toBe(202);
    expect(h.handled).toHaveLength(2);
  });

  it('answers 503 (Connection: close) once draining', async () => {
    const h = await start();
    h.route.draining = true;
    const res = await rawRequest(h.url, { headers: github('{}'), body: '{}' });
    expect(res.status).toBe(503);
    expect(res.headers.connection).toBe('close');
  });
});
