/**
 * A time budget per evaluation, carried by AsyncLocalStorage so that every GitHub call made on the
 * evaluation's behalf — however deep, through pagination, retries and the write pacer — is cut off when
 * the evaluation's time is up, and no retry waits past it. The check run is then completed with the
 * reason (outside the budget: finishing a run must not be refused because the time is spent).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import { SafeError } from '../errors.js';

/** Listeners a budget's signal may hold at once: one per GitHub call in flight. */
const MAX_CONCURRENT_CALLS = 1000;

export interface Budget {
  deadline: number;
  signal: AbortSignal;
  /** What the budget covers, for the error message. */
  what: string;
}

const store = new AsyncLocalStorage<Budget | undefined>();

/** Thrown when an evaluation's time is up. */
export class BudgetExceeded extends SafeError {
  override name = 'BudgetExceeded';
}

/** Thrown into an evaluation whose job went to another worker (its lease was lost): it stops, writes nothing more. */
export class Superseded extends SafeError {
  override name = 'Superseded';
}

/**
 * Run `fn` within `ms`. `superseded`: a signal that aborts when the work was taken over elsewhere (the
 * job's lease was lost) — every GitHub call in flight is cut off at once, as when the time is up.
 */
export function withBudget<T>(ms: number, what: string, fn: () => Promise<T>, superseded?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  // Every GitHub call in flight listens on this signal until it settles (octokit.ts): a large pull
  // request's file reads run concurrently, past Node's default of 10, which warns of a leak that is not one.
  setMaxListeners(MAX_CONCURRENT_CALLS, controller.signal);
  const deadline = Date.now() + ms;
  const timer = setTimeout(() => controller.abort(new BudgetExceeded(`${what} ran out of time (${Math.round(ms / 1000)} s)`)), ms);
  timer.unref();
  const onSuperseded = (): void => controller.abort(new Superseded(`${what} was taken over by another worker`));
  if (superseded?.aborted) onSuperseded();
  else superseded?.addEventListener('abort', onSuperseded, { once: true });
  return store.run({ deadline, signal: controller.signal, what }, fn).finally(() => {
    clearTimeout(timer);
    superseded?.removeEventListener('abort', onSuperseded);
  });
}

/** Run `fn` with no budget (completing a check run after the budget is spent). */
export const outsideBudget = <T>(fn: () => Promise<T>): Promise<T> => store.run(undefined, fn);

export const currentBudget = (): Budget | undefined => store.getStore();

/** Milliseconds left in the current budget, or Infinity outside one. */
export function remainingMs(): number {
  const b = store.getStore();
  return b ? Math.max(0, b.deadline - Date.now()) : Infinity;
}
