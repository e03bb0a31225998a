/**
 * Worker threads that run the tasks of src/sandbox/tasks.ts on untrusted content, so that one
 * pathological file costs that file and never the process, its event loop or another installation:
 *
 * - each worker's heap is capped (`resourceLimits`): running out of memory ends that worker only;
 * - each file a task starts on gets a deadline (a base plus time per MB); past it the worker is
 *   terminated and the task fails with the file's name, so the caller can leave it out and go on;
 * - one key (an installation) holds at most `perKey` workers at a time, so a hostile pull request
 *   cannot take every worker from the others; keys are served round-robin.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TaskName } from './tasks.js';
import type { TaskMessage, WorkerMessage } from './worker.js';

export type FailureKind = 'timeout' | 'memory' | 'crash' | 'error';

/** A task that did not finish; `label` is the file (or phase) it was on. */
export class SandboxFailure extends Error {
  override name = 'SandboxFailure';
  constructor(
    readonly kind: FailureKind,
    readonly label: string | undefined,
    readonly limit: string,
  ) {
    super(`${label ? `${label}: ` : ''}${limit}`);
  }
}

export interface PoolOptions {
  /** Workers at most. */
  size: number;
  /** Workers one key may hold at once. */
  perKey: number;
  /** Heap cap per worker (old generation), MB. */
  memoryMb: number;
  /** Deadline per file or phase, before the size allowance. */
  fileTimeoutMs: number;
  /** Extra deadline per MB of the file. */
  msPerMb: number;
  /** Deadline for a whole task. */
  taskTimeoutMs: number;
}

export const DEFAULT_POOL: PoolOptions = { size: 4, perKey: 2, memoryMb: 384, fileTimeoutMs: 5000, msPerMb: 2000, taskTimeoutMs: 120_000 };

interface Job {
  id: number;
  key: string;
  task: TaskName;
  input: unknown;
  resolve(v: unknown): void;
  reject(e: Error): void;
  label?: string;
  fileTimer?: NodeJS.Timeout;
  taskTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  idleSince: number;
}

const WORKER_FILE = new URL('./worker.js', import.meta.url);
/** Workers run compiled JavaScript; from TypeScript sources (tests) the pool is not available. */
export const workerAvailable = (): boolean => WORKER_FILE.protocol === 'file:' && existsSync(fileURLToPath(WORKER_FILE));

const IDLE_RETIRE_MS = 60_000;

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queues = new Map<string, Job[]>();
  private readonly active = new Map<string, number>();
  private nextId = 1;
  private closed = false;
  private readonly reaper: NodeJS.Timeout;
  /** Consecutive workers that died before becoming ready: a broken install must not respawn for ever. */
  private startFailures = 0;

  constructor(readonly opts: PoolOptions = DEFAULT_POOL) {
    this.reaper = setInterval(() => this.retireIdle(), IDLE_RETIRE_MS).unref();
  }

  /** Start `n` workers now, so the first pull request does not wait for the engine to load. */
  warm(n = 1): void {
    while (this.slots.size < Math.min(n, this.opts.size)) this.spawn();
  }

  run<T>(key: string, task: TaskName, input: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new SandboxFailure('crash', undefined, 'the sandbox is shut down'));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { id: this.nextId++, key, task, input, resolve: resolve as (v: unknown) => void, reject };
      let q = this.queues.get(key);
      if (!q) this.queues.set(key, (q = []));
      q.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reaper);
    for (const q of this.queues.values()) for (const j of q) j.reject(new SandboxFailure('crash', undefined, 'the sandbox is shut down'));
    this.queues.clear();
    await Promise.all([...this.slots].map((s) => this.kill(s, new SandboxFailure('crash', s.job?.label, 'the sandbox is shut down'))));
  }

  /** Workers alive and busy, for tests and metrics. */
  get stats(): { workers: number; busy: number; queued: number } {
    let queued = 0;
    for (const q of this.queues.values()) queued += q.length;
    return { workers: this.slots.size, busy: [...this.slots].filter((s) => s.job).length, queued };
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // The engine's own output only; a worker never reads the server's stdin.
      stdin: false,
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, idleSince: Date.now() };
    this.slots.add(slot);
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (e: Error & { code?: string }) => {
      const kind: FailureKind = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
      void this.kill(slot, new SandboxFailure(kind, slot.job?.label, kind === 'memory' ? `exceeds the memory limit (${this.opts.memoryMb} MB)` : `the worker failed (${e.name})`));
    });
    // A worker that never gets ready (a hung start) must not hold its job for ever.
    const startTimer = setTimeout(() => {
      if (!slot.ready) void this.kill(slot, new SandboxFailure('crash', undefined, 'the sandbox worker did not start in time'));
    }, 30_000).unref();
    worker.once('message', () => clearTimeout(startTimer));
    worker.on('exit', () => {
      if (!slot.ready) this.startFailures++;
      void this.kill(slot, new SandboxFailure('crash', slot.job?.label, 'the worker stopped'));
    });
    return slot;
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    if (m.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      if (slot.job) this.post(slot, slot.job);
      return;
    }
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    if (m.type === 'progress') {
      job.label = m.label;
      this.armFileTimer(slot, job, m.bytes);
      return;
    }
    this.finish(slot);
    if (m.type === 'done') job.resolve(m.value);
    else {
      // A RangeError is the stack limit (deep nesting); anything else is a bug in a rule or a parser.
      const limit = m.name === 'RangeError' ? 'exceeds the nesting (stack) limit' : `an internal error (${m.name})`;
      job.reject(new SandboxFailure(m.name === 'RangeError' ? 'memory' : 'error', job.label, limit));
    }
    this.dispatch();
  }

  private post(slot: Slot, job: Job): void {
    this.armFileTimer(slot, job, 0);
    job.taskTimer = setTimeout(
      () => void this.kill(slot, new SandboxFailure('timeout', job.label, `exceeds the time limit for one evaluation step (${this.opts.taskTimeoutMs} ms)`)),
      this.opts.taskTimeoutMs,
    );
    slot.worker.postMessage({ id: job.id, task: job.task, input: job.input } satisfies TaskMessage);
  }

  private armFileTimer(slot: Slot, job: Job, bytes: number): void {
    clearTimeout(job.fileTimer);
    const ms = this.opts.fileTimeoutMs + Math.ceil((bytes / (1024 * 1024)) * this.opts.msPerMb);
    job.fileTimer = setTimeout(() => void this.kill(slot, new SandboxFailure('timeout', job.label, `exceeds the time limit (${ms} ms)`)), ms);
  }

  private finish(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(job.fileTimer);
    clearTimeout(job.taskTimer);
    slot.job = undefined;
    slot.idleSince = Date.now();
    slot.worker.unref();
    this.active.set(job.key, (this.active.get(job.key) ?? 1) - 1);
    if (!this.active.get(job.key)) this.active.delete(job.key);
  }

  /** End a worker (after a deadline, a crash or at close) and fail its job with `failure`. */
  private async kill(slot: Slot, failure: SandboxFailure): Promise<void> {
    if (!this.slots.delete(slot)) return;
    const job = slot.job;
    this.finish(slot);
    job?.reject(failure);
    await slot.worker.terminate().catch(() => undefined);
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    for (;;) {
      const key = this.nextKey();
      if (key === undefined) return;
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot) {
        if (this.slots.size >= this.opts.size) return;
        if (this.startFailures >= 3) {
          // The worker cannot start at all: fail the queue rather than respawn for ever.
          for (const q of this.queues.values()) for (const j of q) j.reject(new SandboxFailure('crash', undefined, 'the sandbox worker does not start'));
          this.queues.clear();
          return;
        }
        slot = this.spawn();
      }
      const q = this.queues.get(key)!;
      const job = q.shift()!;
      if (!q.length) this.queues.delete(key);
      this.active.set(key, (this.active.get(key) ?? 0) + 1);
      slot.job = job;
      slot.worker.ref();
      if (slot.ready) this.post(slot, job);
    }
  }

  /** The next key with work and room under its cap; the key moves to the back (round-robin). */
  private nextKey(): string | undefined {
    for (const [key, q] of this.queues) {
      if (!q.length || (this.active.get(key) ?? 0) >= this.opts.perKey) continue;
      this.queues.delete(key);
      this.queues.set(key, q);
      return key;
    }
    return undefined;
  }

  private retireIdle(): void {
    const idle = [...this.slots].filter((s) => !s.job && s.ready && Date.now() - s.idleSince > IDLE_RETIRE_MS);
    // Keep one warm.
    for (const s of idle.slice(this.slots.size - idle.length === 0 ? 1 : 0)) void this.kill(s, new SandboxFailure('crash', undefined, 'retired'));
  }
}
