/**
 * One evaluation, as a pipeline of stages, each in its own module:
 *
 *   check run in progress (effects/check-run-publisher.ts)
 *   → policy from the base (policy-stage.ts)            ─ does not load → a failed check at its lines
 *   → the change judged (judge-change.ts: files, added lines, structural files whole, sandboxed engine)
 *   → the proposed policy reviewed, if the change edits it (policy-stage.ts)
 *   → issues and revocations (effects/issue-step.ts)
 *   → verdict, completed check run, audit records (effects/publish.ts)
 *
 * Whatever fails after the check run exists completes it with an explanation; nothing here leaves a run
 * in progress.
 */
import { describeError, errorFields } from '../errors.js';
import { fullName } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import { retryDelayMs } from '../github/retry.js';
import { CheckRunPublisher } from '../effects/check-run-publisher.js';
import { auditEvaluation } from '../effects/audit.js';
import { writeIssues } from '../effects/issue-step.js';
import { publishPolicyError, publishVerdict } from '../effects/publish.js';
import { outsideBudget, withBudget } from './budget.js';
import { judgeChange } from './judge-change.js';
import { policyFileOf, policyFor, reviewPolicyChange } from './policy-stage.js';
import type { Target } from './target.js';
import type { AppDeps, Evaluation, EvaluationOutcome, IssueMode, Logger, RunScope } from './types.js';

export type { AppDeps, EvaluationOutcome, IssueMode, Limits, Logger, RunScope } from './types.js';

/** Start the check run of `target`, recorded in the ledger (adopting one an earlier attempt of the job left open). */
export function startRun(gh: GitHubClient, log: Logger, deps: AppDeps, target: Target, scope: RunScope = {}): Promise<CheckRunPublisher> {
  const record = deps.runs && target.installation !== undefined ? { ledger: deps.runs, installation: target.installation, ...(scope.job ? { job: scope.job } : {}) } : undefined;
  return CheckRunPublisher.start(gh, target.repo, target.headSha, log, deps.now, deps.openRuns, record);
}

export async function evaluate(gh: GitHubClient, log: Logger, deps: AppDeps, target: Target, mode: IssueMode = 'policy', scope: RunScope = {}): Promise<EvaluationOutcome> {
  const started = Date.now();
  const attempt = scope.attempt ?? 0;
  const where = { repository: fullName(target.repo), sha: target.headSha, pr: target.pr?.number };
  /** A cause worth trying again (rate limit, outage, time): when, if at all. */
  const retryAtFor = (e: unknown): Date | undefined => {
    const delay = retryDelayMs(e, attempt, deps.retryBaseMs);
    if (delay === undefined) return undefined;
    const at = new Date(Date.now() + delay);
    log.warn({ ...where, attempt: attempt + 1, retryAt: at.toISOString() }, 'evaluation not judged yet: retry scheduled');
    return at;
  };
  let run: CheckRunPublisher;
  try {
    run = await startRun(gh, log, deps, target, scope);
  } catch (e) {
    // No run to finish: what matters is that the change is judged later, not silently never.
    log.error({ err: errorFields(e), ...where }, 'could not start the check run');
    const retryAt = retryAtFor(e);
    if (!retryAt) throw e;
    return { retryAt, reason: 'the check run could not be started' };
  }
  let outcome: EvaluationOutcome = {};
  try {
    await withBudget(deps.budgetMs, 'the evaluation', () => judge(gh, log, deps, target, mode, run, scope), scope.superseded);
  } catch (e) {
    if (scope.superseded?.aborted && !run.done) {
      // Another worker holds the job now and adopts this run: neither complete it nor record anything.
      log.warn({ ...where, checkRunId: run.id }, 'evaluation abandoned: its job was taken over by another worker');
      run.abandon();
      return {};
    }
    log.error({ err: errorFields(e), ...where, checkRunId: run.id }, 'evaluation failed');
    // Whatever could not be judged is never a pass, whatever `incomplete_scan` says.
    const retryAt = run.done ? undefined : retryAtFor(e);
    if (retryAt) outcome = { retryAt, reason: 'not judged yet' };
    if (!run.done) await outsideBudget(() => run.abort(e, retryAt));
    // A retry will judge it and be recorded then; the last word, nothing judged, is recorded now.
    if (!retryAt) {
      await outsideBudget(() => auditEvaluation(deps.audit, log, target, scope.origin, { policy: null, verdict: 'fail', conclusion: 'failure', checkRunId: run.id, error: describeError(e) }));
    }
  } finally {
    run.release();
    log.info({ ...where, checkRunId: run.id, ms: Date.now() - started }, 'evaluation finished');
  }
  // A shutdown completed the run as interrupted: nothing was judged, so the job goes back to the queue.
  if (run.interrupted && !outcome.retryAt) outcome = { retryAt: new Date(), reason: 'interrupted by a shutdown' };
  return outcome;
}

/** URL path of a file; parentheses too, so the URL cannot end a Markdown link early. */
const encodePath = (p: string): string =>
  p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

async function judge(gh: GitHubClient, log: Logger, deps: AppDeps, target: Target, mode: IssueMode, run: CheckRunPublisher, scope: RunScope): Promise<void> {
  const { origin } = scope;
  // Taken over by another worker: stop before writing anything more (GitHub calls in flight are cut off too).
  const stillOurs = (): void => scope.superseded?.throwIfAborted();
  const today = deps.now();
  const box = { sandbox: deps.sandbox, key: target.installation !== undefined ? `installation:${target.installation}` : `owner:${target.repo.owner}`, today };
  const ev: Evaluation = { gh, log, deps, target, mode, origin, box, today };

  const policy = await policyFor(ev);
  stillOurs();
  if (!policy.ok) return publishPolicyError(ev, run, policy.errors, policy.sources);

  const judged = await judgeChange(ev, policy.policy);
  const policyFile = policyFileOf(judged.changes.files);
  const review = policyFile ? await reviewPolicyChange(ev, policy.sources, policy.policy, policyFile, judged.gathered.sources, judged.result) : undefined;

  const lineUrl = target.htmlUrl ? (path: string, line: number) => `${target.htmlUrl}/blob/${target.headSha}/${encodePath(path)}#L${line}` : undefined;
  stillOurs();
  const issues = await writeIssues(ev, policy.policy, judged, lineUrl);
  stillOurs();
  await publishVerdict(ev, run, { policy, judged, review, issues, lineUrl });
}
