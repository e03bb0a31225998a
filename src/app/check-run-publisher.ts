/**
 * The "Token Warden" check run's life: created in progress at once, then completed exactly once with
 * the conclusion, and annotations appended 50 per request. Completing first means a failure while
 * sending later batches can never leave the run in progress.
 */
import {
  batches,
  CHECK_NAME,
  renderIncomplete,
  type CheckAnnotation,
  type CheckOutput,
  type Conclusion,
} from '../report/check-run.js';
import { createCheckRun, updateCheckRun, type CheckRunAction, type RepoRef } from './github.js';
import { describeError, errorFields, SafeError } from './errors.js';
import type { GitHubClient } from './octokit.js';

export interface Logger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The requested action that opens remediation issues. GitHub caps labels at 20 characters. */
export const OPEN_ISSUES_ACTION: CheckRunAction = {
  label: 'Open issues',
  description: 'Open remediation issues for secrets',
  identifier: 'open_issues',
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** A run older than this is no longer ours to finish at shutdown (its installation token has expired). */
const FORGET_AFTER_MS = 60 * 60 * 1000;

export class CheckRunPublisher {
  /** Runs this process started and has not completed yet: a shutdown completes them (`drain`). */
  private static readonly open = new Map<CheckRunPublisher, number>();

  private completed = false;
  /** A completion (`complete` or `abort`) in flight. */
  private pending: Promise<void> | undefined;
  /** How the run ends if the process stops before it is judged: failure until a policy says otherwise. */
  fallback: Conclusion = 'failure';

  private constructor(
    private readonly gh: GitHubClient,
    private readonly repo: RepoRef,
    readonly id: number,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  static async start(gh: GitHubClient, repo: RepoRef, headSha: string, log: Logger, now: () => Date): Promise<CheckRunPublisher> {
    const id = await createCheckRun(gh, repo, CHECK_NAME, headSha, now());
    const run = new CheckRunPublisher(gh, repo, id, log, now);
    const t = Date.now();
    for (const [old, at] of CheckRunPublisher.open) if (t - at > FORGET_AFTER_MS) CheckRunPublisher.open.delete(old);
    CheckRunPublisher.open.set(run, t);
    return run;
  }

  get done(): boolean {
    return this.completed;
  }

  /** Stop tracking the run (its evaluation is over, completed or not). */
  release(): void {
    CheckRunPublisher.open.delete(this);
  }

  private markCompleted(): void {
    this.completed = true;
    this.release();
  }

  private async once(fn: () => Promise<void>): Promise<void> {
    if (this.completed) return;
    const p = fn();
    this.pending = p.catch(() => undefined);
    try {
      await p;
    } finally {
      this.pending = undefined;
    }
  }

  /**
   * Shutdown: wait up to `graceMs` for the runs in progress to complete, then complete the rest with an
   * explanation (conclusion: each run's `fallback`), so a restart or deploy leaves no run in progress.
   * Returns how many runs were interrupted.
   */
  static async drain(graceMs: number): Promise<number> {
    const deadline = Date.now() + graceMs;
    while (CheckRunPublisher.open.size && Date.now() < deadline) await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
    const left = [...CheckRunPublisher.open.keys()];
    await Promise.all(left.map((run) => run.interrupt()));
    return left.length;
  }

  private async interrupt(): Promise<void> {
    // A completion already on its way is left to land (briefly), rather than raced by a second one.
    if (this.pending) await Promise.race([this.pending, sleep(5000)]);
    if (!this.completed) {
      await this.abort(new SafeError('the server stopped (a restart or deploy) before it finished'), this.fallback);
    }
    // Whatever happened, nothing more is sent for this run from this process.
    this.markCompleted();
  }

  complete(conclusion: Conclusion, output: CheckOutput, annotations: readonly CheckAnnotation[], actions: CheckRunAction[] = []): Promise<void> {
    return this.once(() => this.completeNow(conclusion, output, annotations, actions));
  }

  private async completeNow(conclusion: Conclusion, output: CheckOutput, annotations: readonly CheckAnnotation[], actions: CheckRunAction[]): Promise<void> {
    const [first = [], ...rest] = batches(annotations);
    const base = { status: 'completed' as const, conclusion, completed_at: this.now().toISOString(), actions };
    try {
      await updateCheckRun(this.gh, this.repo, this.id, { ...base, output: { ...output, annotations: first } });
    } catch (e) {
      // GitHub refused the annotations (e.g. a line outside the file), or kept failing (5xx after the
      // retries): the verdict must still land, so it goes once more without them.
      this.log.warn({ err: errorFields(e), checkRunId: this.id }, 'completing the check run with annotations failed; retrying without');
      const note = `\n\n> ⚠️ GitHub did not take the line annotations (${describeError(e)}); the findings are listed above.\n`;
      await updateCheckRun(this.gh, this.repo, this.id, { ...base, output: { title: output.title, summary: output.summary.slice(0, 65_535 - note.length) + note } });
      this.markCompleted();
      return;
    }
    this.markCompleted();
    for (const batch of rest) {
      try {
        await updateCheckRun(this.gh, this.repo, this.id, { output: { ...output, annotations: batch } });
      } catch (e) {
        this.log.warn({ err: errorFields(e), checkRunId: this.id }, 'adding a batch of annotations failed; the check run is complete');
        return;
      }
    }
  }

  /** Every error path ends here: the run says what went wrong instead of spinning forever. */
  abort(error: unknown, conclusion: Conclusion): Promise<void> {
    return this.once(() => this.abortNow(error, conclusion));
  }

  private async abortNow(error: unknown, conclusion: Conclusion): Promise<void> {
    const reason = describeError(error);
    const output = renderIncomplete(
      reason,
      conclusion === 'failure'
        ? 'Nothing was judged, so this check fails rather than pass in silence. Re-run it from the Checks tab once the cause is fixed.'
        : 'The policy (`settings.incomplete_scan`) lets an incomplete scan pass with a warning. Re-run the check from the Checks tab to scan the change.',
    );
    try {
      await updateCheckRun(this.gh, this.repo, this.id, { status: 'completed', conclusion, completed_at: this.now().toISOString(), output });
      this.markCompleted();
    } catch (e) {
      this.log.error({ err: errorFields(e), checkRunId: this.id }, 'could not complete the check run after an error');
    }
  }
}
