/**
 * The Octokit class the App runs with: Probot's, plus secondary-rate-limit retries and per-installation
 * pacing. It must be the *function* form of `defaults`: Probot wraps the class with its own throttle
 * options (which never retry secondary limits), and an object default would be overwritten by them.
 */
import { ProbotOctokit } from 'probot';
import { createsContent, InstallationPacer, isWrite, type PacingOptions } from './pacing.js';
import type { WritePacing } from '../../store/types.js';
import { currentBudget, remainingMs } from '../pipeline/budget.js';

export interface GitHubClientOptions extends Partial<PacingOptions> {
  /** Milliseconds per second of `retry-after` and of retry back-off (tests shrink it). */
  retryBaseMs?: number;
  /** Retries after a rate limit (primary or secondary) before giving up. */
  maxRateLimitRetries?: number;
  /** Retries of 5xx and network errors. */
  maxServerRetries?: number;
  /** Give up instead of waiting longer than this for a rate limit (seconds). */
  maxRetryAfterSeconds?: number;
  /** Deadline of one HTTP attempt (a hung connection must not hang an evaluation). */
  requestTimeoutMs?: number;
  /**
   * How writes are paced: the store's write slots (`store.pacing`), so every instance on the database
   * keeps one pace per installation together; or an `InstallationPacer` to share between clients.
   * Default: a pacer of this class alone (this process's pace only).
   */
  pacer?: WritePacing | InstallationPacer;
  /** The store's pacing could not be asked (the write went on this process's pace alone). */
  onPacingError?: (e: unknown) => void;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** Why a budget ended: `withBudget` aborts with a BudgetExceeded or a Superseded, both Errors. */
const endOfBudget = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));

/**
 * A call made on an evaluation's behalf ends when its budget does — also while it waits in the write
 * queue or between the retry plugin's attempts, which no fetch signal reaches.
 */
function withinBudget<T>(call: () => Promise<T>): Promise<T> {
  const signal = currentBudget()?.signal;
  if (!signal) return call();
  if (signal.aborted) return Promise.reject(endOfBudget(signal));
  const p = call();
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      const onAbort = (): void => reject(endOfBudget(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      void p.then(
        () => signal.removeEventListener('abort', onAbort),
        () => signal.removeEventListener('abort', onAbort),
      );
    }),
  ]);
}

/**
 * Every attempt (the retry plugin calls fetch once per attempt) gets a deadline, and the evaluation's
 * budget, when there is one, cuts it shorter. An abort surfaces as a 500-like RequestError, which the
 * retry plugin retries while the budget lasts.
 */
export function timedFetch(inner: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    // A controller and a timer of our own, not AbortSignal.timeout()/any(): Node 20 can collect those
    // signals while a fetch still waits on them, and then the deadline never fires (seen under load).
    // The timer is not cleared when the headers arrive: it also bounds reading the body, and aborting a
    // finished request does nothing.
    const controller = new AbortController();
    const ms = Math.max(1, Math.min(timeoutMs, remainingMs()));
    setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms).unref();
    // Listeners on the budget's signal are removed once the answer's headers are in (one per request
    // would pile up on a long evaluation); reading the body stays bounded by the timer.
    const undo: Array<() => void> = [];
    for (const signal of [currentBudget()?.signal, init?.signal]) {
      if (!signal) continue;
      if (signal.aborted) controller.abort(signal.reason);
      else {
        const onAbort = (): void => controller.abort(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        undo.push(() => signal.removeEventListener('abort', onAbort));
      }
    }
    const settled = (): void => undo.forEach((u) => u());
    return inner(input, { ...init, signal: controller.signal }).then(
      (res) => {
        settled();
        return res;
      },
      (e: unknown) => {
        settled();
        throw e;
      },
    );
  };
}

type Options = Record<string, unknown> & { auth?: { installationId?: number | string }; throttle?: Record<string, unknown>; retry?: Record<string, unknown> };
interface RateLimitedRequest {
  method: string;
  url: string;
  request?: { urgent?: boolean };
}

interface Log {
  warn(obj: object, msg: string): void;
}

/** plugin-throttling's write limiters, disabled: `InstallationPacer` serialises and paces writes instead. */
const PASS_THROUGH = {
  key: () => ({ schedule: <T>(_opts: unknown, fn: (...a: unknown[]) => T, ...args: unknown[]): Promise<T> => Promise.resolve().then(() => fn(...args)) }),
};

const installationKey = (o: Options): string => (o.auth?.installationId !== undefined ? `installation:${o.auth.installationId}` : 'app');

function pacerOf(opts: GitHubClientOptions): InstallationPacer {
  if (opts.pacer instanceof InstallationPacer) return opts.pacer;
  const pacing = { writeIntervalMs: opts.writeIntervalMs ?? 1000, contentIntervalMs: opts.contentIntervalMs ?? 3000 };
  return new InstallationPacer(pacing, opts.pacer ? { slots: opts.pacer, ...(opts.onPacingError ? { onError: opts.onPacingError } : {}) } : undefined);
}

export function createOctokitClass(opts: GitHubClientOptions = {}): typeof ProbotOctokit {
  const pacer = pacerOf(opts);
  const base = opts.retryBaseMs ?? 1000;
  const maxRetries = opts.maxRateLimitRetries ?? 3;
  const maxWait = opts.maxRetryAfterSeconds ?? 15 * 60;

  const paceWrites = (octokit: { hook: { wrap: (name: 'request', fn: (request: (o: unknown) => Promise<unknown>, o: RateLimitedRequest) => Promise<unknown>) => void } }, options: Options): void => {
    const key = installationKey(options);
    octokit.hook.wrap('request', (request, o) => withinBudget(() => (isWrite(o.method, o.url) ? pacer.run(key, createsContent(o.method, o.url), () => request(o), !!o.request?.urgent) : request(o))));
  };

  const retryOn =
    (kind: string) =>
    (retryAfter: number, o: RateLimitedRequest, octokit: { log: Log }, retryCount: number): boolean => {
      // Waiting past the evaluation's budget would only end in a timeout: give up now, and let the
      // evaluation say "not judged yet" and schedule its own retry after `retry-after`.
      const fitsBudget = retryAfter * base < remainingMs();
      const retry = retryCount < maxRetries && retryAfter <= maxWait && fitsBudget;
      octokit.log.warn({ method: o.method, url: o.url, retryAfter, retryCount, retry, ...(fitsBudget ? {} : { reason: 'longer than the evaluation budget' }) }, `GitHub ${kind} rate limit`);
      return retry;
    };
  const timeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  const WithPacing = (ProbotOctokit as unknown as { plugin(p: typeof paceWrites): typeof ProbotOctokit }).plugin(paceWrites);
  return WithPacing.defaults((instance: Options) => ({
    ...instance,
    throttle: {
      ...instance.throttle,
      id: installationKey(instance),
      write: PASS_THROUGH,
      notifications: PASS_THROUGH,
      retryAfterBaseValue: base,
      onRateLimit: retryOn('primary'),
      onSecondaryRateLimit: retryOn('secondary'),
    },
    retry: { ...instance.retry, retryAfterBaseValue: base, retries: opts.maxServerRetries ?? 3 },
    request: { ...(instance.request as object | undefined), fetch: timedFetch((instance.request as { fetch?: typeof fetch } | undefined)?.fetch ?? ((i, o) => globalThis.fetch(i, o)), timeoutMs) },
  }));
}

export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** Environment knobs for the client (`.env.example`): tests and GHES operators tune pacing and retries. */
export const CLIENT_ENV = {
  TOKENWARDEN_WRITE_INTERVAL_MS: 'writeIntervalMs',
  TOKENWARDEN_CONTENT_INTERVAL_MS: 'contentIntervalMs',
  TOKENWARDEN_RETRY_BASE_MS: 'retryBaseMs',
  TOKENWARDEN_MAX_RATE_LIMIT_RETRIES: 'maxRateLimitRetries',
  TOKENWARDEN_MAX_SERVER_RETRIES: 'maxServerRetries',
  TOKENWARDEN_MAX_RETRY_AFTER_SECONDS: 'maxRetryAfterSeconds',
  TOKENWARDEN_GITHUB_TIMEOUT_MS: 'requestTimeoutMs',
} as const satisfies Record<string, keyof GitHubClientOptions>;

const isCount = (v: string): boolean => /^\d+$/.test(v.trim()) && Number(v) <= 86_400_000;

/** Client options set in `env`; unset or empty variables keep the defaults. */
export function clientOptionsFromEnv(env: NodeJS.ProcessEnv): GitHubClientOptions {
  const out: GitHubClientOptions = {};
  for (const [name, key] of Object.entries(CLIENT_ENV)) {
    const v = env[name];
    if (v !== undefined && v.trim() !== '' && isCount(v)) out[key] = Number(v);
  }
  return out;
}

/** What is wrong with the client knobs in `env`, one sentence each. */
export function clientEnvProblems(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(CLIENT_ENV)
    .filter((name) => env[name] !== undefined && env[name].trim() !== '' && !isCount(env[name]))
    .map((name) => `${name} "${env[name]}" is not a whole number (milliseconds, seconds or a count, see .env.example).`);
}
