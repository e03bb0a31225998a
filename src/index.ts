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

export interface AppOptions {
  rules?: readonly Rule[];
  now?: () => Date;
  limits?: Partial<Limits>;
}

export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const deps: AppDeps = {
      rules: options.rules ?? allRules,
      now: options.now ?? (() => new Date()),
      desk: new IssueDesk(),
      limits: { maxAnnotations: 1000, maxTreeFiles: 2000, concurrency: 4, maxIssuesPerRun: 20, ...options.limits },
    };
    // Probot's Context satisfies EventContext; the cast spares every handler Probot's deep generics.
    const ctx = (c: unknown): EventContext => c as EventContext;
    app.on(PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const), (c) => onPullRequest(deps, ctx(c)));
    app.on('push', (c) => onPush(deps, ctx(c)));
    app.on('check_run.rerequested', (c) => onCheckRun(deps, ctx(c), 'rerequested'));
    app.on('check_run.requested_action', (c) => onCheckRun(deps, ctx(c), 'requested_action'));
    app.on('check_suite.rerequested', (c) => onCheckSuite(deps, ctx(c)));
  };
}

export default createApp();
