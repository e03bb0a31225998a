/**
 * Token Warden as a Probot app: wires webhook events to evaluations. `createApp` takes the clock, rules
 * and limits so tests can pin them; the default export is what `src/server.ts` runs.
 */
import type { ApplicationFunction, Probot } from 'probot';
import { allRules } from './engine/registry.js';
import type { Rule } from './engine/rule.js';
import type { AppDeps, Limits } from './app/evaluate.js';
import { onCheckRun, onCheckSuite, onPullRequest, onPush, type EventContext } from './app/handlers.js';
import { IssueDesk } from './app/remediation.js';
import { initEngine } from './engine/init.js';
import { createSandbox, sandboxOptionsFromEnv, WorkerSandbox, type Sandbox } from './sandbox/index.js';
import { RetryQueue } from './app/retry.js';
import { clientOptionsFromEnv } from './app/octokit.js';

export interface AppOptions {
  rules?: readonly Rule[];
  now?: () => Date;
  limits?: Partial<Limits>;
  /** Where untrusted content is judged; default: worker threads when built, in-process from sources. */
  sandbox?: Sandbox;
  /** Remediation issues (default: a desk of its own, in memory; `new IssueDesk(store)` for the store's). */
  desk?: IssueDesk;
  retries?: RetryQueue;
  /** Time one evaluation may take, GitHub calls included (TOKENWARDEN_EVALUATION_BUDGET_MS). */
  budgetMs?: number;
  /** Milliseconds per second of `retry-after` for scheduled retries (TOKENWARDEN_RETRY_BASE_MS). */
  retryBaseMs?: number;
}

export const DEFAULT_EVALUATION_BUDGET_MS = 5 * 60_000;

export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const deps: AppDeps = {
      rules: options.rules ?? allRules,
      now: options.now ?? (() => new Date()),
      desk: options.desk ?? new IssueDesk(),
      limits: { maxAnnotations: 1000, maxTreeFiles: 2000, concurrency: 4, maxIssuesPerRun: 20, ...options.limits },
      sandbox: options.sandbox ?? createSandbox(options.rules ? { rules: options.rules } : {}),
      retries: options.retries ?? new RetryQueue(),
      budgetMs: options.budgetMs ?? DEFAULT_EVALUATION_BUDGET_MS,
      retryBaseMs: options.retryBaseMs ?? 1000,
    };
    // The engine's WASM parsers load once; every handler waits for them (instant after the first).
    const ready = initEngine();
    // Probot's Context satisfies EventContext; the cast spares every handler Probot's deep generics.
    const ctx = async (c: unknown): Promise<EventContext> => {
      await ready;
      return c as EventContext;
    };
    app.on(PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const), async (c) => onPullRequest(deps, await ctx(c)));
    app.on('push', async (c) => onPush(deps, await ctx(c)));
    app.on('check_run.rerequested', async (c) => onCheckRun(deps, await ctx(c), 'rerequested'));
    app.on('check_run.requested_action', async (c) => onCheckRun(deps, await ctx(c), 'requested_action'));
    app.on('check_suite.rerequested', async (c) => onCheckSuite(deps, await ctx(c)));
  };
}

/** The App's options from the environment (.env.example): the sandbox's limits and the evaluation budget. */
export function appOptionsFromEnv(env: NodeJS.ProcessEnv): AppOptions {
  const budget = env.TOKENWARDEN_EVALUATION_BUDGET_MS?.trim();
  const sandbox = createSandbox({ pool: sandboxOptionsFromEnv(env) });
  // The first pull request should not wait for a worker to load the engine.
  if (sandbox instanceof WorkerSandbox) sandbox.pool.warm(1);
  const { retryBaseMs } = clientOptionsFromEnv(env);
  return {
    sandbox,
    ...(budget && /^\d+$/.test(budget) && Number(budget) > 0 ? { budgetMs: Number(budget) } : {}),
    ...(retryBaseMs !== undefined ? { retryBaseMs } : {}),
  };
}

export default createApp(appOptionsFromEnv(process.env));
