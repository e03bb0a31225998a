/**
 * The webhook route: the part of the App anyone on the internet can call. It fails closed and keeps the
 * cost of a request it refuses small:
 *
 * 1. headers first — method, path, the GitHub headers, a well-formed signature, the content type and the
 *    declared length are checked before one byte of the body is read;
 * 2. a bounded read — at most `maxPending` bodies being read at once and `bufferBytes` of them held,
 *    each at most GitHub's 25 MB cap and within `readTimeoutMs`; the bytes stay Buffers and feed the
 *    HMAC as they arrive;
 * 3. the signature is compared on the bytes, in constant time, and only a signed body is parsed;
 * 4. a verified delivery is handed to the intake (src/app/jobs/intake.ts), which records it and enqueues
 *    its job in one store transaction, and is answered 202 as soon as that is done — milliseconds, not
 *    the evaluation (GitHub gives up after 10 s); a redelivery of a recorded delivery is answered 200 and
 *    not judged again; an event the App does nothing with is answered 202 and not recorded. When the
 *    store cannot record it, the answer is 503: GitHub marks the delivery failed and does NOT send it
 *    again by itself (redeliver it from the App's settings, or through the API), so it is logged as an
 *    error.
 *
 * A refusal is answered with `Connection: close` and logged as one line: status, reason, and the event
 * and delivery id when they have GitHub's shape. Never the body, never other headers.
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { digestMatches, parseSignature } from './signature.js';
import { errorFields } from '../errors.js';
import type { Intake } from '../jobs/intake.js';

/** GitHub caps webhook payloads at 25 MB. */
export const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

export interface RouteLimits {
  /** Largest body accepted (413 beyond). */
  maxBodyBytes: number;
  /** Bodies being read and verified at once (503 beyond). */
  maxPending: number;
  /** Bytes of unverified bodies held at once (503 beyond). */
  bufferBytes: number;
  /** A body must arrive within this (408 after). */
  readTimeoutMs: number;
  /** After a refusal, how long a client may go on sending before the connection is cut. */
  lingerMs: number;
}

export const DEFAULT_ROUTE_LIMITS: RouteLimits = {
  maxBodyBytes: MAX_PAYLOAD_BYTES,
  maxPending: 32,
  bufferBytes: 64 * 1024 * 1024,
  readTimeoutMs: 30_000,
  lingerMs: 1000,
};

export interface RouteLogger {
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WebhookRouteOptions {
  path: string;
  secret: string;
  log: RouteLogger;
  /** Records a verified delivery and its job (rejects when it could not: the answer is then 503). */
  intake: Intake;
  limits?: Partial<RouteLimits>;
  /**
   * Accepted deliveries are logged one line each at debug level, and summed up at info level once per
   * this many milliseconds (default 10 s) while they come: a line per delivery at info would make a burst
   * wait on the log's pipe (stdout writes are synchronous), and every job's own lines name its delivery.
   */
  summaryMs?: number;
}

const percentileOf = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

const EVENT = /^[a-z_]{1,64}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

const one = (v: string | string[] | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** Only values of GitHub's shape reach a log line; anything else is attacker-chosen text. */
const shown = (v: string | undefined, shape: RegExp): string | undefined => (v === undefined ? undefined : shape.test(v) ? v : '(malformed)');

/**
 * Node destroys the socket as soon as a `Connection: close` answer is flushed. A client still uploading
 * (a refused 24 MB body) then gets a reset, and with it often loses the answer: curl lost 19 of 40 in a
 * measurement. Instead, half-close and let what is in flight arrive (Node discards it, nothing is kept),
 * then destroy after `ms`: 40 of 40 answers seen, about 0.5 MB discarded per refused 24 MB upload.
 */
function lingerOnClose(socket: Socket, ms: number): void {
  socket.destroySoon = function destroyAfterLinger(this: Socket): void {
    this.end();
    const timer = setTimeout(() => this.destroy(), ms);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
  };
}

interface Delivery {
  event: string;
  id: string;
  /** When its headers were read. */
  arrived: number;
}

export class WebhookRoute {
  private readonly limits: RouteLimits;
  /** Set at shutdown: deliveries are refused with 503 (GitHub records them as failed; redeliver later). */
  draining = false;
  private reading = 0;
  private buffered = 0;
  /** Deliveries being recorded now (a shutdown waits for them before closing the store). */
  private readonly recording = new Set<Promise<void>>();
  /** When the last delivery's headers arrived (ms since the epoch; 0: none yet). */
  lastArrival = 0;
  /** Answer times (headers to answer) of the deliveries accepted since the last summary line. */
  private answered: number[] = [];
  private summaryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: WebhookRouteOptions) {
    this.limits = { ...DEFAULT_ROUTE_LIMITS, ...opts.limits };
  }

  /** Bodies being read now, and the bytes they hold. */
  get pending(): { requests: number; bytes: number } {
    return { requests: this.reading, bytes: this.buffered };
  }

  /** Log the summary of the deliveries accepted since the last one (a shutdown calls this). */
  summarize(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
    if (!this.answered.length) return;
    const ms = this.answered.sort((a, b) => a - b);
    this.answered = [];
    this.opts.log.info({ accepted: ms.length, ms: { p50: percentileOf(ms, 50), p99: percentileOf(ms, 99), max: ms[ms.length - 1] } }, 'webhooks accepted');
  }

  private noteAccepted(ms: number): void {
    if (this.answered.length < 100_000) this.answered.push(ms);
    if (!this.summaryTimer) {
      this.summaryTimer = setTimeout(() => this.summarize(), this.opts.summaryMs ?? 10_000);
      this.summaryTimer.unref();
    }
  }

  /** Deliveries being read or recorded right now. */
  get inFlight(): number {
    return this.reading + this.recording.size;
  }

  /** Resolves once no delivery is being recorded, or after `timeoutMs`. */
  async settled(timeoutMs: number): Promise<void> {
    let t: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.recording]), new Promise<void>((r) => (t = setTimeout(r, Math.max(0, timeoutMs))))]);
    clearTimeout(t);
  }

  /**
   * Answers the request if it is for the webhook path (true), else leaves it alone (false).
   * `expectsContinue`: the client sent `Expect: 100-continue` and waits for a go before sending the body.
   */
  serve(req: IncomingMessage, res: ServerResponse, expectsContinue = false): boolean {
    if ((req.url ?? '/').split('?')[0] !== this.opts.path) return false;
    const event = one(req.headers['x-github-event']);
    const id = one(req.headers['x-github-delivery']);
    const d = { event: shown(event, EVENT), delivery: shown(id, GUID) };
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}): true => {
      this.refuse(req, res, status, reason, d, headers);
      return true;
    };
    if (req.method !== 'POST') return refuse(405, 'method not allowed', { allow: 'POST' });
    if (this.draining) return refuse(503, 'shutting down', { 'retry-after': '10' });
    if (!event || !EVENT.test(event)) return refuse(400, 'missing or malformed X-GitHub-Event');
    if (!id || !GUID.test(id)) return refuse(400, 'missing or malformed X-GitHub-Delivery');
    const claimed = parseSignature(one(req.headers['x-hub-signature-256']));
    if (!claimed) return refuse(401, 'missing or malformed X-Hub-Signature-256');
    // GitHub App webhooks are JSON. A form-encoded delivery (`payload=`) comes from a repository or
    // organisation webhook pointed here by mistake: refused rather than decoded.
    if (!JSON_TYPE.test(one(req.headers['content-type']) ?? '')) return refuse(415, 'content type is not application/json');
    // Node has refused a malformed Content-Length already; none means a chunked body, capped as it is read.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.limits.maxBodyBytes) return refuse(413, 'payload too large');
    // The declared length is reserved in the buffer up front, so a body that cannot fit is not started.
    if (this.reading >= this.limits.maxPending || this.buffered + declared > this.limits.bufferBytes) {
      return refuse(503, 'too many deliveries being received', { 'retry-after': '5' });
    }
    this.reading++;
    this.buffered += declared;
    this.lastArrival = Date.now();
    if (expectsContinue) res.writeContinue();
    this.read(req, res, { event, id, arrived: Date.now() }, claimed, declared);
    return true;
  }

  private read(req: IncomingMessage, res: ServerResponse, delivery: Delivery, claimed: Buffer, reserved: number): void {
    const hmac = createHmac('sha256', this.opts.secret);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const d = { event: delivery.event, delivery: delivery.id };
    const finish = (): void => {
      done = true;
      chunks.length = 0;
      clearTimeout(timer);
      req.off('data', onData);
      this.reading--;
      this.buffered -= reserved;
    };
    const fail = (status: number, reason: string, headers: Record<string, string> = {}): void => {
      if (done) return;
      finish();
      this.refuse(req, res, status, reason, d, headers);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > this.limits.maxBodyBytes) return fail(413, 'payload too large');
      if (size > reserved) {
        // A body without a declared length (chunked) takes its share of the buffer as it arrives.
        if (this.buffered + (size - reserved) > this.limits.bufferBytes) return fail(503, 'too many deliveries being received', { 'retry-after': '5' });
        this.buffered += size - reserved;
        reserved = size;
      }
      hmac.update(chunk);
      chunks.push(chunk);
    };
    const timer = setTimeout(() => fail(408, 'body not received in time'), this.limits.readTimeoutMs);
    req.on('data', onData);
    req.once('end', () => {
      if (done) return;
      const body = digestMatches(hmac.digest(), claimed) ? Buffer.concat(chunks, size) : undefined;
      finish();
      if (!body) return this.refuse(req, res, 401, 'signature does not match', d);
      this.accept(req, res, delivery, body);
    });
    req.on('error', () => undefined); // an aborted upload; 'close' says so
    req.once('close', () => {
      if (done) return;
      finish();
      this.opts.log.warn({ ...d, reason: 'connection closed before the body was received' }, 'webhook refused');
    });
  }

  private accept(req: IncomingMessage, res: ServerResponse, delivery: Delivery, body: Buffer): void {
    const d = { event: delivery.event, delivery: delivery.id };
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return this.refuse(req, res, 400, 'body is not JSON', d);
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return this.refuse(req, res, 400, 'body is not a JSON object', d);
    const { intake, log } = this.opts;
    const started = Date.now();
    const recorded: Promise<void> = intake
      .accept(delivery, payload)
      .then(
        (r) => {
          const headers: Record<string, string> = { 'content-type': 'text/plain', ...(this.draining ? { connection: 'close' } : {}) };
          const ms = Date.now() - started;
          if (r.status === 'duplicate') {
            log.info({ ...d, ms }, 'redelivery of a delivery already recorded: not judged again');
            res.writeHead(200, headers).end('duplicate delivery: already handled\n');
          } else if (r.status === 'ignored') {
            log.info({ ...d, reason: r.reason }, 'webhook accepted: nothing to do');
            res.writeHead(202, headers).end('accepted: nothing to do for this event\n');
          } else {
            // ms: from the request's headers to the answer; recordMs: the store's share of it.
            const total = Date.now() - delivery.arrived;
            log.debug?.({ ...d, bytes: body.length, ms: total, recordMs: ms }, 'webhook accepted');
            this.noteAccepted(total);
            res.writeHead(202, headers).end('accepted: queued, judged by a worker\n');
          }
        },
        (e: unknown) => {
          // GitHub does not redeliver a failed delivery by itself: this one needs a redelivery by hand.
          log.error({ ...d, ms: Date.now() - started, err: errorFields(e) }, 'could not record the delivery: answered 503; GitHub will not redeliver it by itself');
          lingerOnClose(req.socket, this.limits.lingerMs);
          res
            .writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '10' })
            .end(`${JSON.stringify({ error: 'the delivery could not be recorded; redeliver it' })}\n`);
        },
      )
      .finally(() => this.recording.delete(recorded));
    this.recording.add(recorded);
  }

  private refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, d: object, headers: Record<string, string> = {}): void {
    this.opts.log.warn({ ...d, status, reason }, 'webhook refused');
    lingerOnClose(req.socket, this.limits.lingerMs);
    res.writeHead(status, { 'content-type': 'application/json', connection: 'close', ...headers }).end(`${JSON.stringify({ error: reason })}\n`);
  }
}
