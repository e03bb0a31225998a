/**
 * Mutual exclusion for writes that must not race: in this process (`KeyedMutex`), and — with a store —
 * across every instance on the database (`LeaseLocks`, on `store.leases`: renewed while held, released
 * at the end, expiring by itself when its holder dies). `Locks` is what callers hold on to, so the same
 * code runs with or without a store.
 */
import { randomBytes } from 'node:crypto';
import type { LeaseRepository } from '../../store/types.js';
import { currentBudget } from '../pipeline/budget.js';
import { SafeError } from '../errors.js';

/** One holder per key at a time, in arrival order; keys are forgotten when idle. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = prev.then(() => mine);
    this.tails.set(key, tail);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** A Map that forgets its oldest entries beyond `max`. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: K, value: V): this {
    if (this.has(key)) this.delete(key);
    super.set(key, value);
    while (this.size > this.max) this.delete(this.keys().next().value as K);
    return this;
  }
}

/** Runs `fn` while holding the lock of `key`; `signal` fires if the lock is lost meanwhile. */
export interface Locks {
  run<T>(key: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Locks of this process only (no store): a `KeyedMutex`. */
export class ProcessLocks implements Locks {
  private readonly mutex = new KeyedMutex();
  private readonly never = new AbortController().signal;

  run<T>(key: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.mutex.run(key, () => fn(this.never));
  }
}

/** A unique lease owner: the store's instance id plus a suffix, so two holders in one process differ. */
export const leaseOwner = (instanceId: string, what: string): string => `${instanceId}:${what}:${randomBytes(4).toString('hex')}`;

/** A store lease in hand: renewed every third of its time to live until `release()`. */
export interface HeldLease {
  readonly name: string;
  /** The fencing token of this holding. */
  readonly token: number;
  /** Fires when a renewal finds the lease taken (or expired): stop writing. */
  readonly signal: AbortSignal;
  release(): Promise<void>;
}

export interface HoldOptions {
  /** A renewal failed for a reason other than losing the lease (the database unreachable). */
  onRenewError?: (e: unknown) => void;
}

/** Take `name` for `owner` if it is free (or expired, or ours); undefined when another holds it. */
export async function holdLease(leases: LeaseRepository, name: string, owner: string, ttlMs: number, opts: HoldOptions = {}): Promise<HeldLease | undefined> {
  const lease = await leases.acquire(name, owner, ttlMs);
  if (!lease) return undefined;
  const lost = new AbortController();
  let released = false;
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = leases.renew(name, owner, ttlMs).then(
        (ok) => {
          if (!ok && !released) {
            lost.abort(new SafeError(`lost the lease ${name}: it ran out before it was renewed`));
            clearInterval(timer);
          }
        },
        (e: unknown) => opts.onRenewError?.(e),
      );
    },
    Math.max(10, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    name,
    token: lease.token,
    signal: lost.signal,
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      await renewing;
      await leases.release(name, owner);
    },
  };
}

export interface LeaseLocksOptions {
  /** Lease names are `<prefix><key>`. */
  prefix: string;
  /** This holder (unique per object: see `leaseOwner`). */
  owner: string;
  /** How long a lock outlives a holder that died (renewed every third of it while held). Default 30 s. */
  ttlMs?: number;
  /** Give up waiting for a lock after this long (and within the evaluation's budget). Default 2 min. */
  waitMs?: number;
  /** First pause between tries; doubles up to 1 s. Default 50 ms. */
  pollMs?: number;
  onRenewError?: (e: unknown) => void;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Waiting for a lock took longer than allowed. */
export class LockTimeout extends SafeError {
  override name = 'LockTimeout';
}

/**
 * Locks across the fleet on `store.leases`. Holders in this process queue on a `KeyedMutex` first (no
 * polling among themselves); the one in front polls the store until the lease is free, holds it
 * (renewed), and releases it when done. A holder that dies stops renewing: its lock expires after
 * `ttlMs` and the next one takes it.
 */
export class LeaseLocks implements Locks {
  private readonly local = new KeyedMutex();
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly leases: LeaseRepository,
    private readonly opts: LeaseLocksOptions,
  ) {
    this.ttlMs = opts.ttlMs ?? 30_000;
    this.waitMs = opts.waitMs ?? 120_000;
    this.pollMs = opts.pollMs ?? 50;
  }

  run<T>(key: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const name = `${this.opts.prefix}${key}`;
      const budget = currentBudget();
      const until = Math.min(Date.now() + this.waitMs, budget?.deadline ?? Infinity);
      let pause = this.pollMs;
      let held: HeldLease | undefined;
      for (;;) {
        held = await holdLease(this.leases, name, this.opts.owner, this.ttlMs, this.opts.onRenewError ? { onRenewError: this.opts.onRenewError } : {});
        if (held) break;
        if (Date.now() + pause > until) {
          const current = await this.leases.get(name).catch(() => undefined);
          throw new LockTimeout(`another instance holds ${name}${current ? ` until ${current.expiresAt.toISOString()}` : ''}; gave up waiting`);
        }
        await sleep(pause + Math.floor(Math.random() * pause), budget?.signal);
        pause = Math.min(1000, pause * 2);
      }
      try {
        return await fn(held.signal);
      } finally {
        await held.release().catch((e: unknown) => this.opts.onRenewError?.(e));
      }
    });
  }
}
