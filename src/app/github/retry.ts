/**
 * Evaluations that could not be judged yet (a rate limit longer than the App waits, an outage, a
 * budget spent) are tried again later. The delay comes from GitHub when it gives one (`retry-after`, the
 * rate-limit reset), else it backs off. The server puts the job back in the durable queue for that time
 * (`jobs.retryAt`, src/app/jobs/runner.ts), so a restart loses none; `RetryQueue` is the in-memory
 * equivalent for the App run inside Probot without a store (tests, `probot run`).
 */
import { BudgetExceeded } from '../pipeline/budget.js';
import { status } from './api.js';

export const MAX_ATTEMPTS = 4;
/** Seconds: 1, 5, 15 and 60 minutes. */
const BACKOFF_S = [60, 5 * 60, 15 * 60, 60 * 60];
/** GitHub's longest rate-limit windows are an hour; anything longer is not worth a timer. */
const MAX_DELAY_S = 65 * 60;

interface HeaderBag {
  response?: { headers?: Record<string, string | number | undefined> };
}

/**
 * How long to wait before judging again after `e`, or undefined when trying again would not help
 * (a 404, a refusal, a bug). `attempt` counts from 0. `secondMs` is how long a second of GitHub's
 * `retry-after` (and of the back-off) lasts: 1000, or less for a test stand-in (TOKENWARDEN_RETRY_BASE_MS).
 */
export function retryDelayMs(e: unknown, attempt: number, secondMs = 1000, now = Date.now()): number | undefined {
  if (attempt >= MAX_ATTEMPTS) return undefined;
  const s = status(e);
  const headers = (e as HeaderBag)?.response?.headers ?? {};
  const seconds = (n: number): number => Math.round(Math.min(MAX_DELAY_S, Math.max(1, n)) * secondMs);
  const after = Number(headers['retry-after']);
  if ((s === 403 || s === 429) && Number.isFinite(after) && after >= 0) return seconds(after);
  const reset = Number(headers['x-ratelimit-reset']);
  if ((s === 403 || s === 429) && String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) return seconds(reset - now / 1000 + 1);
  const name = (e as Error)?.name;
  const transient = s === 429 || e instanceof BudgetExceeded || name === 'TimeoutError' || name === 'AbortError' || (s !== undefined && s >= 500);
  return transient ? seconds(BACKOFF_S[attempt]!) : undefined;
}

/** In-memory retries, for the App run inside Probot without a store; the server uses the job queue. */
export class RetryQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Run `fn` after `delayMs`; a second schedule for the same key replaces the first. */
  schedule(key: string, delayMs: number, fn: () => Promise<void>): Date {
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void fn().catch(() => undefined);
    }, delayMs);
    timer.unref();
    this.timers.set(key, timer);
    return new Date(Date.now() + delayMs);
  }

  get size(): number {
    return this.timers.size;
  }

  /** Forget every pending retry (shutdown). */
  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
