/** The App's dependencies and the shapes that pass between an evaluation's stages. */
import type { Rule } from '../../engine/rule.js';
import type { Sandbox } from '../../sandbox/index.js';
import type { AuditStore } from '../../audit/types.js';
import type { OpenRuns, RunJob, RunLedger } from '../effects/check-run-publisher.js';
import type { IssueDesk } from '../effects/remediation.js';
import type { Origin } from '../effects/audit.js';
import type { Revoker } from '../effects/revocation.js';
import type { GitHubClient } from '../github/octokit.js';
import type { Box } from './boxed.js';
import type { Target } from './target.js';

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Limits {
  /** Annotations beyond this are left to the summary (each 50 costs one request). */
  maxAnnotations: number;
  /** Files scanned when a push creates the default branch. */
  maxTreeFiles: number;
  /** Blob downloads in flight per evaluation. */
  concurrency: number;
  /** Remediation issues opened per evaluation (each is paced; GitHub caps content creation). */
  maxIssuesPerRun: number;
}

export interface AppDeps {
  rules: readonly Rule[];
  now: () => Date;
  desk: IssueDesk;
  limits: Limits;
  /** Where untrusted content is parsed and judged (worker threads with limits, or in-process). */
  sandbox: Sandbox;
  /**
   * Where the check runs this process starts are recorded, so that one left in progress by a crash is
   * found and finished (the store's open check runs); none in-process only (tests, `probot run`).
   */
  runs?: RunLedger;
  /** Time one evaluation may spend, GitHub calls included, before it is completed as not judged yet. */
  budgetMs: number;
  /** The check runs this App has open: a shutdown drains them (`OpenRuns.drain`). */
  openRuns: OpenRuns;
  /** Milliseconds per second of GitHub's `retry-after` when scheduling a retry (TOKENWARDEN_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** The audit trail (the store's hash chain): one record per evaluation; none without a store. */
  audit?: AuditStore;
  /** Revocation of leaked GitHub tokens (when the policy opts in); none: nothing is ever submitted. */
  revocation?: Revoker;
}

/** `policy`: issues as the policy asks. `all-secrets`: also every secret finding (the check-run button). */
export type IssueMode = 'policy' | 'all-secrets';

/** The job an evaluation runs in: how often it was put back already, and which (a retry adopts its run). */
export interface RunScope {
  /** Scheduled retries so far (0 the first time): `retryDelayMs` backs off by it. */
  attempt?: number;
  job?: RunJob;
  /** The event and delivery that asked for this evaluation, for the audit trail. */
  origin?: Origin;
  /** Aborts when the job was taken over by another worker (its lease lost): the evaluation stops. */
  superseded?: AbortSignal;
}

/**
 * What became of an evaluation: judged (or completed with the reason it could not be), or "not judged
 * yet, judge again at `retryAt`" — the caller puts its job back in the queue for then (durable: it
 * survives a restart). `retryAt` is also set, to now, when a shutdown interrupted the run.
 */
export interface EvaluationOutcome {
  retryAt?: Date;
  reason?: string;
}

/** One evaluation as its stages see it: who asks, what is judged, where untrusted content goes. */
export interface Evaluation {
  gh: GitHubClient;
  log: Logger;
  deps: AppDeps;
  target: Target;
  mode: IssueMode;
  origin: Origin | undefined;
  /** The sandbox and this installation's fair share of it. */
  box: Box;
  today: Date;
}
