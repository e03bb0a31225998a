/**
 * Workers over the store's job queue: up to `concurrency` jobs at once per process, one job per group
 * (repository) across the fleet (the queue sees to that), leases renewed while a job runs, retries with
 * backoff, "run again at" for rate limits, and a shutdown that finishes or hands back what it holds.
 *
 * New jobs are seen at once when they were enqueued through the same store handle, and within `pollMs`
 * when another instance enqueued them. Leases of dead workers are reaped by every worker, at most every
 * `reapEveryMs`.
 */
import type { Backoff, Job, JobQueue } from '../store/types.js';

/** The reason a job's signal aborts when its lease was lost: another worker has it now (or it was settled). */
export class LeaseLost extends Error {
  override name = 'LeaseLost';
}

export interface WorkerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What a handler may return: nothing (done), or a time to run again (not counted as a failure). */
export type JobOutcome = void | { retryAt: Date; reason?: string };

export interface JobContext {
  /** Aborted when the lease is lost or the worker stops past its grace period: stop, do not write. */
  signal: AbortSignal;
  /** This worker's lease owner id for the job. */
  owner: string;
}

/** Thrown by a handler to fail a job for good (no retry): a bad payload, a repository gone. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** How a job was settled (for the caller's own log line or metrics). */
export type JobSettlement =
  | { result: 'done' }
  | { result: 'retry-at'; at: Date }
  /** Threw: back to the queue after a backoff ('retry'), failed for good ('failed'), or no longer ours ('lost'). */
  | { result: 'retry' | 'failed' | 'lost'; error: unknown };

export interface WorkerOptions<P> {
  queue: JobQueue;
  /** Queues this worker takes from (default: all). */
  queues?: readonly string[];
  /** Lease owner prefix (the store's instanceId, say). */
  owner: string;
  /** Jobs at once (default 4). */
  concurrency?: number;
  /** Lease length (default 60 s); renewed every third of it while the handler runs. */
  leaseMs?: number;
  /** How often to look for jobs enqueued elsewhere (default 1 s). */
  pollMs?: number;
  /** How often to put back jobs whose worker died (default 5 s). */
  reapEveryMs?: number;
  backoff?: Backoff;
  handle(job: Job<P>, ctx: JobContext): Promise<JobOutcome>;
  /** Called once the store has settled a job (not for jobs handed back or taken over). */
  settled?(job: Job<P>, how: JobSettlement): void;
  log?: WorkerLogger;
}

interface InHand {
  job: Job<unknown>;
  owner: string;
  abort: AbortController;
  done: Promise<void>;
}

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export class JobWorker<P = unknown> {
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly reapEveryMs: number;
  private readonly inHand = new Map<number, InHand>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private wakePending = false;
  private lastReap = 0;
  private slot = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly o: WorkerOptions<P>) {
    this.concurrency = Math.max(1, Math.floor(o.concurrency ?? 4));
    this.leaseMs = o.leaseMs ?? 60_000;
    this.pollMs = o.pollMs ?? 1_000;
    this.reapEveryMs = o.reapEveryMs ?? 5_000;
  }

  /** Jobs being handled now. */
  get active(): number {
    return this.inHand.size;
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    this.unsubscribe = this.o.queue.onEnqueue((q) => {
      if (!this.o.queues || this.o.queues.includes(q)) this.poke();
    });
    this.loop = this.run();
    return this;
  }

  /**
   * Stop taking jobs; wait up to `graceMs` for the ones in hand, then abort the rest and hand them back
   * (ready again now, the attempt not counted) for another worker or the next start.
   */
  async stop(graceMs = 5_000): Promise<{ finished: number; handedBack: number }> {
    const before = this.inHand.size;
    this.running = false;
    this.unsubscribe?.();
    this.poke();
    await this.loop;
    const all = Promise.all([...this.inHand.values()].map((h) => h.done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    let handedBack = 0;
    for (const h of [...this.inHand.values()]) {
      h.abort.abort(new Error('worker stopping'));
      if (await this.o.queue.release(h.job.id, h.owner).catch(() => false)) handedBack++;
    }
    return { finished: before - handedBack, handedBack };
  }

  private poke(): void {
    this.wakePending = true;
    this.wake?.();
  }

  private async idle(ms: number): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
    this.wake = undefined;
    this.wakePending = false;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const free = this.concurrency - this.inHand.size;
      if (free <= 0) {
        await this.idle(this.pollMs);
        continue;
      }
      try {
        if (Date.now() - this.lastReap >= this.reapEveryMs) {
          this.lastReap = Date.now();
          const n = await this.o.queue.reapExpired();
          if (n) this.o.log?.warn({ jobs: n }, 'jobs whose worker stopped renewing its lease were put back in the queue');
        }
        const owner = `${this.o.owner}#${this.slot++}`;
        const jobs = await this.o.queue.claim<P>({ owner, queues: this.o.queues, limit: free, leaseMs: this.leaseMs });
        failures = 0;
        for (const job of jobs) this.begin(job as Job<unknown>, owner);
        if (jobs.length < free) await this.idle(this.pollMs);
      } catch (e) {
        failures++;
        this.o.log?.error({ err: errorText(e), failures }, 'could not take jobs from the store; retrying');
        await this.idle(Math.min(30_000, this.pollMs * 2 ** Math.min(failures, 5)));
      }
    }
  }

  private notify(job: Job<unknown>, how: JobSettlement): void {
    try {
      this.o.settled?.(job as Job<P>, how);
    } catch {
      // A listener's mistake must not unsettle the job.
    }
  }

  private begin(job: Job<unknown>, owner: string): void {
    const abort = new AbortController();
    const h: InHand = { job, owner, abort, done: Promise.resolve() };
    this.inHand.set(job.id, h);
    h.done = this.handle(h).finally(() => {
      this.inHand.delete(job.id);
      this.poke();
    });
  }

  private async handle(h: InHand): Promise<void> {
    const { job, owner, abort } = h;
    const q = this.o.queue;
    let settling = false;
    const beat = setInterval(
      () => {
        q.heartbeat(job.id, owner, this.leaseMs).then(
          (ok) => {
            if (!ok && !settling && !abort.signal.aborted) {
              this.o.log?.warn({ job: job.id, queue: job.queue }, 'job lease lost (expired and taken over, or finished elsewhere); abandoning it');
              abort.abort(new LeaseLost('lease lost'));
            }
          },
          (e: unknown) => this.o.log?.warn({ job: job.id, err: errorText(e) }, 'could not renew a job lease'),
        );
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    try {
      let outcome: JobOutcome;
      try {
        outcome = await this.o.handle(job as Job<P>, { signal: abort.signal, owner });
      } catch (e) {
        settling = true;
        if (abort.signal.aborted) return; // handed back or taken over: not ours to settle
        const final = e instanceof PermanentJobError;
        const r = await q.fail(job.id, owner, errorText(e), { backoff: this.o.backoff, final });
        this.o.log?.warn({ job: job.id, queue: job.queue, attempt: job.attempts, result: r, err: errorText(e) }, r === 'retry' ? 'job failed; will retry' : 'job failed');
        this.notify(job, { result: r, error: e });
        return;
      }
      settling = true;
      if (abort.signal.aborted) return;
      if (outcome && outcome.retryAt instanceof Date) {
        if (await q.retryAt(job.id, owner, outcome.retryAt, outcome.reason)) this.notify(job, { result: 'retry-at', at: outcome.retryAt });
      } else if (await q.complete(job.id, owner)) this.notify(job, { result: 'done' });
    } catch (e) {
      // The store could not be told: the lease runs out and the job is retried.
      this.o.log?.error({ job: job.id, err: errorText(e) }, 'could not settle a job; it will be retried when its lease expires');
    } finally {
      clearInterval(beat);
    }
  }
}
