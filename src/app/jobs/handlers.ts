/**
 * Jobs → evaluations. A handler gets the compact description of an event that the webhook route put in
 * the queue (src/app/jobs/payload.ts: ids, shas, refs, numbers — never the webhook body) and an
 * installation client, and judges what it names. It returns what the evaluation asks of the queue: nothing
 * (done), or "judge again at" (a rate limit, an outage, a shutdown).
 */
import { CHECK_NAME, renderIncomplete } from '../../report/check-run.js';
import { OPEN_ISSUES_ACTION } from '../effects/check-run-publisher.js';
import { errorFields } from '../errors.js';
import { ZERO_SHA } from '../pipeline/changes.js';
import { evaluate, startRun, type AppDeps, type EvaluationOutcome, type IssueMode, type Logger, type RunScope } from '../pipeline/evaluate.js';
import { getPull, getRepository, pullsForCommit, type PullInfo, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import type { Target } from '../pipeline/target.js';
import { onBackfill } from './backfill.js';
import type { CheckRunJob, CheckSuiteJob, JobPayload, PullRequestJob, PushJob, RepositoryRef, RerunJob, SuiteRef } from './payload.js';

export interface HandlerContext {
  octokit: GitHubClient;
  log: Logger;
  /** The job this runs in (its retries so far, its id). */
  scope?: RunScope;
}

const repoOf = (r: RepositoryRef): RepoRef => ({ owner: r.owner, repo: r.name });

/** A repository with its default branch: from the payload, or (a recovery job of a pruned one) from GitHub. */
async function withDefaultBranch(gh: GitHubClient, r: RepositoryRef): Promise<Required<Pick<RepositoryRef, 'defaultBranch'>> & RepositoryRef> {
  if (r.defaultBranch) return r as RepositoryRef & { defaultBranch: string };
  const info = await getRepository(gh, repoOf(r));
  return { ...r, defaultBranch: info.defaultBranch, ...(info.htmlUrl ? { htmlUrl: info.htmlUrl } : {}) };
}

function base(r: RepositoryRef & { defaultBranch: string }, installation: number): Pick<Target, 'repo' | 'defaultBranch' | 'htmlUrl' | 'installation'> {
  return { repo: repoOf(r), defaultBranch: r.defaultBranch, ...(r.htmlUrl ? { htmlUrl: r.htmlUrl } : {}), installation };
}

function pullTarget(r: RepositoryRef & { defaultBranch: string }, pr: PullInfo, installation: number): Target {
  return {
    ...base(r, installation),
    headSha: pr.headSha,
    // The base branch, never the head: a PR must not be able to rewrite the policy that judges it.
    policyRef: pr.baseRef,
    pr: {
      number: pr.number,
      baseRef: pr.baseRef,
      ...(pr.baseSha ? { baseSha: pr.baseSha } : {}),
      authorIsBot: pr.authorIsBot,
      ...(pr.author ? { author: pr.author } : {}),
      ...(pr.changedFiles !== undefined ? { changedFiles: pr.changedFiles } : {}),
    },
  };
}

export async function onPullRequest(deps: AppDeps, ctx: HandlerContext, p: PullRequestJob): Promise<EvaluationOutcome> {
  const pr = p.pr;
  const info: PullInfo = {
    number: pr.number,
    headSha: pr.headSha,
    baseRef: pr.baseRef,
    ...(pr.baseSha ? { baseSha: pr.baseSha } : {}),
    authorIsBot: pr.authorType === 'Bot',
    state: 'open',
    ...(pr.author ? { author: pr.author } : {}),
    ...(pr.changedFiles !== undefined ? { changedFiles: pr.changedFiles } : {}),
  };
  const r = await withDefaultBranch(ctx.octokit, p.repository);
  return evaluate(ctx.octokit, ctx.log, deps, pullTarget(r, info, p.installation), 'policy', ctx.scope);
}

export async function onPush(deps: AppDeps, ctx: HandlerContext, p: PushJob): Promise<EvaluationOutcome> {
  const r = await withDefaultBranch(ctx.octokit, p.repository);
  const push = p.push;
  const branch = push.ref.replace(/^refs\/heads\//, '');
  // Other branches reach us as pull requests; tags and deletions add no content to the default branch.
  if (push.ref !== `refs/heads/${r.defaultBranch}` || push.deleted || push.after === ZERO_SHA) return {};
  const created = push.created || push.before === ZERO_SHA;
  const pusher = push.sender?.type === 'Bot' ? undefined : (push.sender?.login ?? push.pusher);
  return evaluate(
    ctx.octokit,
    ctx.log,
    deps,
    {
      ...base(r, p.installation),
      headSha: push.after,
      // What the branch held before the push judges the push. A new branch has only its own policy, and
      // after a force push the old head may be gone (a 404 there would read as "no policy").
      policyRef: created || push.forced ? push.after : push.before,
      push: { before: push.before, after: push.after, created, forced: push.forced, branch, ...(pusher ? { pusher } : {}) },
    },
    'policy',
    ctx.scope,
  );
}

/** A re-run knows a commit; find the pull request (fork PRs are missing from payloads) or the push. */
async function targetForCommit(
  gh: GitHubClient,
  r: RepositoryRef & { defaultBranch: string },
  sha: string,
  prNumbers: number[],
  suite: SuiteRef | undefined,
  installation: number,
): Promise<Target | undefined> {
  const repo = repoOf(r);
  const numbers = prNumbers.length ? prNumbers : await pullsForCommit(gh, repo, sha);
  if (numbers.length) return pullTarget(r, await getPull(gh, repo, numbers[0]!), installation);
  if (suite?.headBranch === r.defaultBranch && suite.after) {
    const before = suite.before ?? ZERO_SHA;
    const created = before === ZERO_SHA;
    return {
      ...base(r, installation),
      headSha: suite.after,
      policyRef: created ? suite.after : before,
      push: { before, after: suite.after, created, forced: false, branch: r.defaultBranch },
    };
  }
  return undefined;
}

async function rerun(deps: AppDeps, ctx: HandlerContext, p: JobPayload, sha: string, prs: number[], suite: SuiteRef | undefined, mode: IssueMode): Promise<EvaluationOutcome> {
  let target: Target | undefined;
  let r: (RepositoryRef & { defaultBranch: string }) | undefined;
  // Until the target is known, a run is started on the commit itself (to say why it cannot be judged).
  const commit: Target = { repo: repoOf(p.repository), headSha: sha, policyRef: sha, defaultBranch: p.repository.defaultBranch ?? '', installation: p.installation };
  try {
    r = await withDefaultBranch(ctx.octokit, p.repository);
    target = await targetForCommit(ctx.octokit, r, sha, prs, suite, p.installation);
  } catch (e) {
    ctx.log.error({ err: errorFields(e), sha }, 'could not find what to re-run');
    const run = await startRun(ctx.octokit, ctx.log, deps, commit, ctx.scope);
    await run.abort(e);
    run.release();
    return {};
  }
  if (!target) {
    const run = await startRun(ctx.octokit, ctx.log, deps, commit, ctx.scope);
    const out = renderIncomplete(
      `commit ${sha.slice(0, 7)} is neither the head of an open pull request nor a push to ${r.defaultBranch}`,
      'Token Warden judges pull requests and pushes to the default branch. Push to an open pull request to run it again.',
    );
    // Not judged: a failure (neutral would pass a required check on this commit).
    await run.complete('failure', out, []);
    run.release();
    return {};
  }
  return evaluate(ctx.octokit, ctx.log, deps, target, mode, ctx.scope);
}

export async function onCheckRun(deps: AppDeps, ctx: HandlerContext, p: CheckRunJob): Promise<EvaluationOutcome> {
  if (p.checkRun.name !== CHECK_NAME) return {};
  if (p.action === 'requested_action' && p.requestedAction !== OPEN_ISSUES_ACTION.identifier) return {};
  return rerun(deps, ctx, p, p.checkRun.headSha, p.checkRun.pullRequests, p.checkRun.suite, p.action === 'requested_action' ? 'all-secrets' : 'policy');
}

export async function onCheckSuite(deps: AppDeps, ctx: HandlerContext, p: CheckSuiteJob): Promise<EvaluationOutcome> {
  return rerun(deps, ctx, p, p.suite.headSha, p.suite.pullRequests, p.suite, 'policy');
}

/** A commit judged again after its check run was left in progress (its original job is gone). */
export async function onRerun(deps: AppDeps, ctx: HandlerContext, p: RerunJob): Promise<EvaluationOutcome> {
  return rerun(deps, ctx, p, p.headSha, p.pullRequests, undefined, 'policy');
}

/** The handler of a job payload. */
export function handle(deps: AppDeps, ctx: HandlerContext, p: JobPayload): Promise<EvaluationOutcome> {
  switch (p.kind) {
    case 'pull_request':
      return onPullRequest(deps, ctx, p);
    case 'push':
      return onPush(deps, ctx, p);
    case 'check_run':
      return onCheckRun(deps, ctx, p);
    case 'check_suite':
      return onCheckSuite(deps, ctx, p);
    case 'rerun':
      return onRerun(deps, ctx, p);
    case 'backfill':
      return onBackfill(deps, ctx, p);
  }
}
