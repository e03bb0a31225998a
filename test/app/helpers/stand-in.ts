/**
 * `FakeGitHub` served over loopback HTTP, for the real server (in this process or a child process, via
 * GHE_HOST). On top of the fake's routes and faults: a per-request latency, requests that can be held
 * until released (to stop the server mid-evaluation), "the write happened but GitHub answered 5xx"
 * faults, and a watch on writes of one installation that overlap in time (they must be serialised).
 * Hostile-network faults: a route that never answers (`hang`), and a route that answers with a body of
 * any size, streamed (`serveHuge`).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGitHub, replyBytes, type Reply } from './fake-github.js';

export interface Exchange {
  method: string;
  path: string;
  /** `installation:<id>`, `app` (JWT) or `none`. */
  installation: string;
  body: string;
  /** The request URL as sent (path and query, not decoded). */
  url?: string;
  start: number;
  end?: number;
  status?: number;
}

export interface AfterWriteFault {
  method: string;
  path: RegExp;
  reply: Reply;
  times: number;
}

export interface HangFault {
  method: string;
  path: RegExp;
  /** How many matching requests are never answered. */
  times: number;
}

export interface HugeReply {
  method: string;
  path: RegExp;
  times: number;
  status: number;
  /** Total body size in bytes: `head`, then `fill` repeated, then `tail`. */
  bytes: number;
  head: string;
  fill: string;
  tail: string;
}

export interface StandIn {
  github: FakeGitHub;
  /** `127.0.0.1:<port>`, for GHE_HOST (with GHE_PROTOCOL=http). */
  host: string;
  exchanges: Exchange[];
  /** Writes that started while another write of the same installation was in flight. */
  overlaps: string[];
  /** Milliseconds before each answer (the App must not serialise reads behind it). */
  latencyMs: number;
  /** Requests for which this returns true wait until `release()`. */
  hold: ((method: string, path: string) => boolean) | undefined;
  readonly held: number;
  release(): void;
  /** The fake performs the request, then the client gets `reply` instead (a lost answer). */
  failAfterWrite(method: string, path: RegExp, reply: Reply, times?: number): void;
  /** Matching requests are read and recorded, then never answered (until the client or `close` ends them). */
  hang(method: string, path: RegExp, times?: number): void;
  /**
   * Routes of a test's own, tried before the fake's (first answer wins): what `FakeGitHub` does not
   * serve (an org's repositories, a branch's ref, …). Empty by default.
   */
  routes: Array<(method: string, path: string, query: URLSearchParams) => Reply | undefined>;
  /** Matching requests get a streamed body of `bytes` bytes (`head` + `fill`… + `tail`, JSON by default). */
  serveHuge(method: string, path: RegExp, body: { bytes: number; head?: string; fill?: string; tail?: string; status?: number }, times?: number): void;
  close(): Promise<void>;
}

/** Write `h`'s body in 1 MB chunks, waiting for the socket to drain; stops if the client goes away. */
async function streamHuge(res: ServerResponse, h: HugeReply): Promise<void> {
  res.writeHead(h.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(h.bytes) });
  const head = Buffer.from(h.head);
  const tail = Buffer.from(h.tail);
  const fillBytes = Math.max(0, h.bytes - head.length - tail.length);
  const unit = Buffer.from(h.fill);
  const chunk = Buffer.alloc(Math.max(unit.length, Math.floor((1024 * 1024) / unit.length) * unit.length), unit);
  const write = (b: Buffer): Promise<boolean> =>
    new Promise((resolve) => {
      if (res.destroyed) return resolve(false);
      if (res.write(b)) return resolve(true);
      const done = (ok: boolean) => () => {
        res.off('drain', onDrain);
        res.off('close', onClose);
        resolve(ok);
      };
      const onDrain = done(true);
      const onClose = done(false);
      res.once('drain', onDrain);
      res.once('close', onClose);
    });
  if (!(await write(head))) return;
  for (let left = fillBytes; left > 0; left -= chunk.length) {
    if (!(await write(left >= chunk.length ? chunk : chunk.subarray(0, left)))) return;
  }
  if (!(await write(tail))) return;
  res.end();
}

const isWrite = (method: string, path: string): boolean => method !== 'GET' && method !== 'HEAD' && !/^\/app\/installations\/\d+\/access_tokens$/.test(path);

function installationOf(auth: string | undefined): string {
  const m = auth?.match(/^token installation-token-(\d+)$/);
  if (m) return `installation:${m[1]}`;
  return auth?.toLowerCase().startsWith('bearer ') ? 'app' : 'none';
}

export async function startStandIn(opts: { latencyMs?: number } = {}): Promise<StandIn> {
  const exchanges: Exchange[] = [];
  const overlaps: string[] = [];
  const inFlight = new Map<string, number>();
  const afterWrite: AfterWriteFault[] = [];
  const hangs: HangFault[] = [];
  const huge: HugeReply[] = [];
  let waiting: Array<() => void> = [];
  const state = { latencyMs: opts.latencyMs ?? 0, hold: undefined as StandIn['hold'] };
  let github!: FakeGitHub;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a rejection here is unhandled, and vitest fails the run on one
    req.on('end', async () => {
      const method = req.method ?? 'GET';
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/api\/v3(?=\/)/, '');
      const body = Buffer.concat(chunks).toString('utf8');
      const ex: Exchange = { method, path, installation: installationOf(req.headers.authorization), body, url: req.url ?? '/', start: Date.now() };
      exchanges.push(ex);
      const write = isWrite(method, path);
      if (write) {
        const n = inFlight.get(ex.installation) ?? 0;
        if (n > 0) overlaps.push(`${ex.installation} ${method} ${path}`);
        inFlight.set(ex.installation, n + 1);
      }
      const hung = hangs.find((h) => h.times > 0 && h.method === method && h.path.test(path));
      if (hung) {
        // Never answered: the request stays open until the client gives up (`end` says when) or the
        // stand-in closes.
        hung.times--;
        res.once('close', () => {
          ex.end = Date.now();
          if (write) inFlight.set(ex.installation, (inFlight.get(ex.installation) ?? 1) - 1);
        });
        return;
      }
      const big = huge.find((h) => h.times > 0 && h.method === method && h.path.test(path));
      if (big) {
        big.times--;
        try {
          await streamHuge(res, big);
          ex.status = big.status;
        } finally {
          ex.end = Date.now();
          if (write) inFlight.set(ex.installation, (inFlight.get(ex.installation) ?? 1) - 1);
        }
        return;
      }
      try {
        if (state.hold?.(method, path)) await new Promise<void>((r) => waiting.push(r));
        if (state.latencyMs > 0) await new Promise((r) => setTimeout(r, state.latencyMs));
        let r = extraRoute(method, path, new URL(req.url ?? '/', 'http://x').searchParams) ?? github.handle(method, req.url ?? '/', body);
        const lost = afterWrite.find((f) => f.times > 0 && f.method === method && f.path.test(path));
        if (lost && r.status < 300) {
          lost.times--;
          r = lost.reply;
        }
        ex.status = r.status;
        res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', ...r.headers });
        // A Buffer body (an archive, say) goes out as it is; set its content-type in the reply's headers.
        res.end(replyBytes(r.body));
      } finally {
        ex.end = Date.now();
        if (write) inFlight.set(ex.installation, (inFlight.get(ex.installation) ?? 1) - 1);
      }
    });
  });
  /** Routes `FakeGitHub` lacks: the check runs of a commit (by head sha; shas are unique per scenario). */
  const routes: StandIn['routes'] = [];
  const extraRoute = (method: string, path: string, q: URLSearchParams): Reply | undefined => {
    for (const r of routes) {
      const reply = r(method, path, q);
      if (reply) return reply;
    }
    const m = method === 'GET' ? path.match(/^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/check-runs$/) : null;
    if (!m) return undefined;
    const name = q.get('check_name');
    const runs = [...github.checkRuns.entries()]
      .filter(([, r]) => r.head_sha === m[1] && (!name || r.name === name))
      .map(([id, r]) => ({
        id,
        name: r.name,
        head_sha: r.head_sha,
        external_id: r.created.external_id ?? null,
        status: r.updates.some((u) => u.status === 'completed') ? 'completed' : 'in_progress',
      }));
    return { status: 200, body: { total_count: runs.length, check_runs: runs } };
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  github = new FakeGitHub(`http://127.0.0.1:${port}/api/v3`);

  return {
    github,
    host: `127.0.0.1:${port}`,
    exchanges,
    overlaps,
    routes,
    get latencyMs() {
      return state.latencyMs;
    },
    set latencyMs(v: number) {
      state.latencyMs = v;
    },
    get hold() {
      return state.hold;
    },
    set hold(fn) {
      state.hold = fn;
    },
    get held() {
      return waiting.length;
    },
    release() {
      const w = waiting;
      waiting = [];
      for (const r of w) r();
    },
    failAfterWrite(method, path, reply, times = 1) {
      afterWrite.push({ method, path, reply, times });
    },
    hang(method, path, times = Infinity) {
      hangs.push({ method, path, times });
    },
    serveHuge(method, path, b, times = 1) {
      huge.push({ method, path, times, status: b.status ?? 200, bytes: b.bytes, head: b.head ?? '', fill: b.fill ?? 'A', tail: b.tail ?? '' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        state.hold = undefined;
        for (const r of waiting) r();
        waiting = [];
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
