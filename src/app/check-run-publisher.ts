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
import { describeError, errorFields } from './errors.js';
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

export class CheckRunPublisher {
  private completed = false;

  private constructor(
    private readonly gh: GitHubClient,
    private readonly repo: RepoRef,
    readonly id: number,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  static async start(gh: GitHubClient, repo: RepoRef, headSha: string, log: Logger, now: () => Date): Promise<CheckRunPublisher> {
    const id = await createCheckRun(gh, repo, CHECK_NAME, headSha, now());
    return new CheckRunPublisher(gh, repo, id, log, now);
  }

  get done(): boolean {
    return this.completed;
  }

  async complete(conclusion: Conclusion, output: CheckOutput, annotations: readonly CheckAnnotation[], actions: CheckRunAction[] = []): Promise<void> {
    const [first = [], ...rest] = batches(annotations);
    const base = { status: 'completed' as const, conclusion, completed_at: this.now().toISOString(), actions };
    try {
      await updateCheckRun(this.gh, this.repo, this.id, { ...base, output: { ...output, annotations: first } });
    } catch (e) {
      // GitHub refused the annotations (e.g. a line outside the file): the verdict must still land.
      this.log.warn({ err: errorFields(e), checkRunId: this.id }, 'completing the check run with annotations failed; retrying without');
      const note = `\n\n> ⚠️ GitHub rejected the line annotations (${describeError(e)}); the findings are listed above.\n`;
      await updateCheckRun(this.gh, this.repo, this.id, { ...base, output: { title: output.title, summary: output.summary.slice(0, 65_535 - note.length) + note } });
      this.completed = true;
      return;
    }
    this.completed = true;
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
  async abort(error: unknown, conclusion: Conclusion): Promise<void> {
    const reason = describeError(error);
    const output = renderIncomplete(
      reason,
      conclusion === 'failure'
        ? 'Nothing was judged, so this check fails rather than pass in silence. Re-run it from the Checks tab once the cause is fixed.'
        : 'The policy (`settings.incomplete_scan`) lets an incomplete scan pass with a warning. Re-run the check from the Checks tab to scan the change.',
    );
    try {
      await updateCheckRun(this.gh, this.repo, this.id, { status: 'completed', conclusion, completed_at: this.now().toISOString(), output });
      this.completed = true;
    } catch (e) {
      this.log.error({ err: errorFields(e), checkRunId: this.id }, 'could not complete the check run after an error');
    }
  }
}
