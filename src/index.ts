/**
 * Token Warden: the App's evaluations, behind one entry point a job runner calls.
 *
 * - `createTokenWarden(options)` builds the App (rules, clock, limits, sandbox, issue desk, check-run
 *   ledger) and returns `run(payload, ctx)`: one job — a compact event description from
 *   src/app/jobs/payload.ts — judged with an installation client. src/server.ts runs it from the durable
 *   job queue (src/app/jobs/runner.ts).
 * - `createApp(options)` is the same App as a plain Probot app function, judging each event in process
 *   (no store, retries in memory): the in-process test harness and `probot run` use it.
 */
import type { ApplicationFunction } from 'probot';
import { allRules } from './engine/registry.js';
import type { Rule } from './engine/rule.js';
import type { AppDeps, EvaluationOutcome, Limits } from './app/pipeline/evaluate.js';
import { handle, type HandlerContext } from './app/jobs/handlers.js';
import { IssueDesk } from './app/effects/remediation.js';
import { Revoker } from './app/effects/revocation.js';
import { initEngine } from './engine/init.js';
import { createSandbox, sandboxOptionsFromEnv, WorkerSandbox, type Sandbox } from './sandbox/index.js';
import { RetryQueue } from './app/github/retry.js';
import { clientOptionsFromEnv } from './app/github/octokit.js';
import { OpenRuns, type RunLedger } from './app/effects/check-run-publisher.js';
import { PULL_REQUEST_ACTIONS, type JobPayload } from './app/jobs/payload.js';
import { probotApp } from './app/webhooks/dispatch.js';
import type { AuditStore } from './audit/types.js';
import type { JobQueue } from './store/types.js';
import type { BackfillDeps } from './app/jobs/backfill.js';

export { PULL_REQUEST_ACTIONS };

export interface AppOptions {
  rules?: readonly Rule[];
  now?: () => Date;
  limits?: Partial<Limits>;
  /** Where untrusted content is judged; default: worker threads when built, in-process from sources. */
  sandbox?: Sandbox;
  /** Remediation issues (default: a desk of its own, in memory; `new IssueDesk(store)` for the store's). */
  desk?: IssueDesk;
  /** Where started check runs are recorded (the store's), so that none is left in progress after a crash. */
  runs?: RunLedger;
  /** In-process retries for `createApp` (the server puts jobs back in its queue instead). */
  retries?: RetryQueue;
  /** Time one evaluation may take, GitHub calls included (TOKENWARDEN_EVALUATION_BUDGET_MS). */
  budgetMs?: number;
  /** Milliseconds per second of `retry-after` for scheduled retries (TOKENWARDEN_RETRY_BASE_MS). */
  retryBaseMs?: number;
  /** The audit trail: the store (one hash-chained record per evaluation); none without a store. */
  audit?: AuditStore;
  /**
   * The store's job queue: an installation's repositories are backfilled one job each (src/app/jobs/
   * backfill.ts). None in process: the backfill scans them one after another in its own job.
   */
  queue?: Pick<JobQueue, 'enqueue'>;
  /** Milliseconds between the backfill jobs of one installation (TOKENWARDEN_BACKFILL_SPACING_MS, default 2000). */
  backfillSpacingMs?: number;
  /** Revocation of leaked GitHub tokens where the policy asks (default: one of its own, remembering in memory; the server's uses the store). */
  revocation?: Revoker;
}

export const DEFAULT_EVALUATION_BUDGET_MS = 5 * 60_000;

export interface TokenWarden {
  readonly deps: AppDeps;
  /** The check runs it has open: the server drains them at shutdown. */
  readonly openRuns: OpenRuns;
  /** Resolves once the engine's parsers are loaded (`run` waits for it by itself). */
  readonly ready: Promise<void>;
  /** Judge what one job names; `{ retryAt }` asks to be run again then. */
  run(payload: JobPayload, ctx: HandlerContext): Promise<EvaluationOutcome>;
}

export function createTokenWarden(options: AppOptions = {}): TokenWarden {
  const deps: AppDeps = {
    rules: options.rules ?? allRules,
    now: options.now ?? (() => new Date()),
    desk: options.desk ?? new IssueDesk(),
    limits: { maxAnnotations: 1000, maxTreeFiles: 2000, concurrency: 4, maxIssuesPerRun: 20, ...options.limits },
    sandbox: options.sandbox ?? createSandbox(options.rules ? { rules: options.rules } : {}),
    ...(options.runs ? { runs: options.runs } : {}),
    budgetMs: options.budgetMs ?? DEFAULT_EVALUATION_BUDGET_MS,
    openRuns: new OpenRuns(),
    retryBaseMs: options.retryBaseMs ?? 1000,
    ...(options.audit ? { audit: options.audit } : {}),
    ...({ ...(options.queue ? { queue: options.queue } : {}), ...(options.backfillSpacingMs !== undefined ? { backfillSpacingMs: options.backfillSpacingMs } : {}) } satisfies BackfillDeps),
    revocation: options.revocation ?? new Revoker(),
  };
  // The engine's WASM parsers load once; every job waits for them (instant after the first).
  const ready = initEngine();
  return {
    deps,
    openRuns: deps.openRuns,
    ready,
    run: async (payload, ctx) => {
      await ready;
      const origin = { event: payload.action ? `${payload.event}.${payload.action}` : payload.event, ...(payload.delivery ? { delivery: payload.delivery } : {}) };
      return handle(deps, { ...ctx, scope: { ...ctx.scope, origin } }, payload);
    },
  };
}

/**
 * The App as a Probot app function: each event is judged at once, in process, "judge again at" kept in
 * memory (src/app/webhooks/dispatch.ts). The server does not use this: it records deliveries and runs jobs from
 * the store.
 */
export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (probot, o) => probotApp(createTokenWarden(options), options.retries ?? new RetryQueue())(probot, o);
}

/** The App's options from the environment (.env.example): the sandbox's limits and the evaluation budget. */
export function appOptionsFromEnv(env: NodeJS.ProcessEnv): AppOptions {
  const budget = env.TOKENWARDEN_EVALUATION_BUDGET_MS?.trim();
  const sandbox = createSandbox({ pool: sandboxOptionsFromEnv(env) });
  // The first pull request should not wait for a worker to load the engine.
  if (sandbox instanceof WorkerSandbox) sandbox.pool.warm(1);
  const { retryBaseMs } = clientOptionsFromEnv(env);
  const spacing = env.TOKENWARDEN_BACKFILL_SPACING_MS?.trim();
  return {
    ...(spacing && /^\d+$/.test(spacing) ? { backfillSpacingMs: Number(spacing) } : {}),
    sandbox,
    ...(budget && /^\d+$/.test(budget) && Number(budget) > 0 ? { budgetMs: Number(budget) } : {}),
    ...(retryBaseMs !== undefined ? { retryBaseMs } : {}),
  };
}

/** `probot run dist/src/index.js`: the App in process, configured from the environment. */
const app: ApplicationFunction = (probot, o) => createApp(appOptionsFromEnv(process.env))(probot, o);
export default app;
