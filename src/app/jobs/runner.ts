/**
 * Jobs → the App. A `JobWorker` (src/jobs/worker.ts) takes jobs from the store's queue with bounded
 * concurrency (TOKENWARDEN_WORKERS), one per repository at a time across the fleet; each job gets an
 * installation client (`probot.auth(installation)`) and runs the App's handlers.
 *
 * What a job's end means:
 * - judged, or completed with the reason it could not be → done (its delivery handled);
 * - "not judged yet, judge again at" (a rate limit, an outage, a shutdown that interrupted its run) →
 *   back in the queue for then (`jobs.retryAt`; survives a restart);
 * - threw → retried with backoff by the queue (base 5 × TOKENWARDEN_RETRY_BASE_MS, doubling), except when
 *   GitHub refused (a 4xx that is not a rate limit: no permission, gone) — then failed at once; after the
 *   last attempt its delivery is marked failed, so a redelivery is judged again. Each failure is one log
 *   line ('webhook handler failed') with the delivery, event and a scrubbed error, never the payload;
 * - its worker died (crash, kill -9) → the lease runs out and another worker takes it (`reapExpired`);
 *   the retry adopts the check run the dead attempt left in progress.
 */
import type { Logger } from 'probot';
import { JobWorker, LeaseLost, PermanentJobError, type JobSettlement } from '../../jobs/worker.js';
import type { Job, JobQueue } from '../../store/types.js';
import { errorFields } from '../errors.js';
import { status } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import type { TokenWarden } from '../../index.js';
import { fullNameOf, headShaOf, isJobPayload, JUDGE_QUEUE, type JobPayload } from './payload.js';

export interface RunnerOptions {
  queue: JobQueue;
  /** Lease owner prefix: the store's instance id. */
  owner: string;
  app: Pick<TokenWarden, 'run'>;
  /** An installation client (`probot.auth(id)`). */
  auth(installation: number): Promise<GitHubClient>;
  log: Logger;
  /** Jobs at once in this process (TOKENWARDEN_WORKERS, default 8). */
  concurrency: number;
  /** A job's lease (TOKENWARDEN_JOB_LEASE_MS, default 60 s): a dead worker's job is retried after it. */
  leaseMs: number;
  /** How often other instances' jobs are looked for (TOKENWARDEN_JOB_POLL_MS, default 1 s). */
  pollMs: number;
  /** Base of the queue's retry backoff (5 s at TOKENWARDEN_RETRY_BASE_MS=1000). */
  backoffBaseMs: number;
  /**
   * Deliveries being received (the webhook route's): while they arrive, new jobs wait (up to
   * `INTAKE_PRIORITY_MS`), so that a burst is acknowledged before the evaluations it asks for take the
   * CPU. An evaluation can wait a moment; GitHub gives up on a webhook after 10 s.
   */
  intake?: { readonly inFlight: number; readonly lastArrival: number };
}

/** Longest a new job waits for deliveries being received. */
export const INTAKE_PRIORITY_MS = 1000;
/** Quiet this long after the last delivery, the intake is done for now. */
const INTAKE_QUIET_MS = 30;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** GitHub refused (no permission, not found, invalid): trying again will not help. Rate limits excepted. */
export function isRefusal(e: unknown): boolean {
  const s = status(e);
  if (s === undefined || s < 400 || s >= 500 || s === 429 || s === 408) return false;
  if (s === 403) {
    const headers = (e as { response?: { headers?: Record<string, unknown> } })?.response?.headers ?? {};
    const m = (e as { message?: unknown })?.message;
    const message = typeof m === 'string' ? m : '';
    if (headers['retry-after'] !== undefined || String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(message)) return false;
  }
  return true;
}

/** Stored with the job (`last_error`): the scrubbed, one-line description the logs use. */
const errorText = (e: unknown): string => {
  const f = errorFields(e);
  return `${String(f.name)}: ${String(f.message)}`;
};

/** A job's failure, its message scrubbed; the original is its `cause`. */
class JobError extends Error {
  override name = 'JobError';
}

const causeOf = (e: unknown): unknown => ((e instanceof JobError || e instanceof PermanentJobError) && e.cause !== undefined ? e.cause : e);

export class JobRunner {
  readonly worker: JobWorker<JobPayload>;
  private handled = 0;

  constructor(private readonly o: RunnerOptions) {
    this.worker = new JobWorker<JobPayload>({
      queue: o.intake ? this.yieldingTo(o.queue, o.intake) : o.queue,
      queues: [JUDGE_QUEUE],
      owner: o.owner,
      concurrency: o.concurrency,
      leaseMs: o.leaseMs,
      pollMs: o.pollMs,
      reapEveryMs: Math.min(5_000, o.leaseMs),
      backoff: { baseMs: o.backoffBaseMs },
      handle: (job, ctx) => this.handle(job, ctx.signal),
      settled: (job, how) => this.settled(job, how),
      log: o.log,
    });
  }

  /** Jobs being handled in this process now. */
  get active(): number {
    return this.worker.active;
  }

  /** Jobs this process finished (done) since it started. */
  get done(): number {
    return this.handled;
  }

  start(): this {
    this.worker.start();
    return this;
  }

  /** Stop taking jobs; wait up to `graceMs` for those in hand, then hand the rest back to the queue. */
  stop(graceMs: number): Promise<{ finished: number; handedBack: number }> {
    return this.worker.stop(graceMs);
  }

  /** The queue, whose claims first let deliveries being received go ahead. */
  private yieldingTo(q: JobQueue, intake: NonNullable<RunnerOptions['intake']>): JobQueue {
    const busy = (): boolean => intake.inFlight > 0 || Date.now() - intake.lastArrival < INTAKE_QUIET_MS;
    return {
      enqueue: (j) => q.enqueue(j),
      claim: async (c) => {
        for (const until = Date.now() + INTAKE_PRIORITY_MS; busy() && Date.now() < until;) await sleep(INTAKE_QUIET_MS);
        return q.claim(c);
      },
      heartbeat: (id, owner, leaseMs) => q.heartbeat(id, owner, leaseMs),
      complete: (id, owner) => q.complete(id, owner),
      fail: (id, owner, error, opts) => q.fail(id, owner, error, opts),
      retryAt: (id, owner, at, reason) => q.retryAt(id, owner, at, reason),
      release: (id, owner) => q.release(id, owner),
      reapExpired: () => q.reapExpired(),
      get: (id) => q.get(id),
      stats: () => q.stats(),
      onEnqueue: (listener) => q.onEnqueue(listener),
    };
  }

  private async handle(job: Job<JobPayload>, signal: AbortSignal): Promise<void | { retryAt: Date; reason?: string }> {
    const p = job.payload;
    if (!isJobPayload(p)) throw new PermanentJobError('the job payload is not one this version of Token Warden understands');
    const log = this.o.log.child({ job: job.id, ...(p.delivery ? { delivery: p.delivery } : {}), event: p.event, ...(p.action ? { action: p.action } : {}) });
    if (signal.aborted) return { retryAt: new Date(), reason: 'stopping' };
    try {
      const octokit = await this.o.auth(p.installation);
      // A lost lease stops the evaluation (another worker has the job); a stop does not: the drain
      // completes the runs in progress as interrupted, and the job goes back to the queue.
      const superseded = new AbortController();
      signal.addEventListener('abort', () => signal.reason instanceof LeaseLost && superseded.abort(signal.reason), { once: true });
      const scope = {
        attempt: job.reschedules,
        job: { id: job.id, createdAt: job.createdAt, claims: job.attempts, ...(p.recovers !== undefined ? { recovers: p.recovers } : {}) },
        superseded: superseded.signal,
      };
      const outcome = await this.o.app.run(p, { octokit, log, scope });
      return outcome.retryAt ? { retryAt: outcome.retryAt, ...(outcome.reason ? { reason: outcome.reason } : {}) } : undefined;
    } catch (e) {
      // What the queue stores and the worker logs is the scrubbed description, never a raw message.
      if (isRefusal(e)) throw new PermanentJobError(errorText(e), { cause: e });
      throw new JobError(errorText(e), { cause: e });
    }
  }

  private settled(job: Job<JobPayload>, how: JobSettlement): void {
    const p = isJobPayload(job.payload) ? job.payload : undefined;
    const where = p ? { delivery: p.delivery, event: p.event, action: p.action, repository: fullNameOf(p.repository), sha: headShaOf(p) } : {};
    if (how.result === 'done') {
      this.handled++;
      return;
    }
    if (how.result === 'retry-at') return; // the evaluation said when, and why, in its own line
    this.o.log.error({ ...where, job: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, result: how.result, err: errorFields(causeOf(how.error)) }, 'webhook handler failed');
  }
}
