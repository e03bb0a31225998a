/**
 * Webhook events → evaluations. Payloads are read through the few fields we use, so a test can send
 * GitHub's published examples with only the repository and shas adapted.
 */
import { CHECK_NAME, renderIncomplete } from '../report/check-run.js';
import { CheckRunPublisher, OPEN_ISSUES_ACTION } from './check-run-publisher.js';
import { errorFields } from './errors.js';
import { ZERO_SHA } from './changes.js';
import { evaluate, type AppDeps, type IssueMode, type Logger } from './evaluate.js';
import { getPull, pullsForCommit, type PullInfo, type RepoRef } from './github.js';
import type { GitHubClient } from './octokit.js';
import type { Target } from './target.js';

export interface EventContext {
  octokit: GitHubClient;
  log: Logger;
  payload: unknown;
}

interface RepositoryPayload {
  name: string;
  owner: { login: string };
  default_branch: string;
  html_url?: string;
}

interface PullRequestPayload {
  repository: RepositoryPayload;
  pull_request: {
    number: number;
    head: { sha: string };
    base: { ref: string; sha?: string };
    user?: { login: string; type?: string } | null;
    changed_files?: number;
  };
}

interface PushPayload {
  repository: RepositoryPayload;
  ref: string;
  before: string;
  after: string;
  created?: boolean;
  deleted?: boolean;
  forced?: boolean;
  pusher?: { name?: string };
  sender?: { login: string; type?: string };
}

interface SuitePayload {
  head_sha: string;
  head_branch: string | null;
  before: string | null;
  after: string | null;
  pull_requests: Array<{ number: number }>;
}

interface CheckRunPayload {
  repository: RepositoryPayload;
  check_run: { name: string; head_sha: string; pull_requests: Array<{ number: number }>; check_suite?: Partial<SuitePayload> };
  requested_action?: { identifier: string };
}

interface CheckSuitePayload {
  repository: RepositoryPayload;
  check_suite: SuitePayload;
}

const repoOf = (r: RepositoryPayload): RepoRef => ({ owner: r.owner.login, repo: r.name });

function base(r: RepositoryPayload, installation?: number): Pick<Target, 'repo' | 'defaultBranch' | 'htmlUrl' | 'installation'> {
  return { repo: repoOf(r), defaultBranch: r.default_branch, ...(r.html_url ? { htmlUrl: r.html_url } : {}), ...(installation !== undefined ? { installation } : {}) };
}

const installationOf = (payload: unknown): number | undefined => {
  const id = (payload as { installation?: { id?: unknown } })?.installation?.id;
  return typeof id === 'number' ? id : undefined;
};

function pullTarget(r: RepositoryPayload, pr: PullInfo, installation?: number): Target {
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

export async function onPullRequest(deps: AppDeps, ctx: EventContext): Promise<void> {
  const p = ctx.payload as PullRequestPayload;
  const pr = p.pull_request;
  const info: PullInfo = {
    number: pr.number,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    ...(pr.base.sha ? { baseSha: pr.base.sha } : {}),
    authorIsBot: pr.user?.type === 'Bot',
    state: 'open',
    ...(pr.user?.login ? { author: pr.user.login } : {}),
    ...(pr.changed_files !== undefined ? { changedFiles: pr.changed_files } : {}),
  };
  await evaluate(ctx.octokit, ctx.log, deps, pullTarget(p.repository, info, installationOf(p)));
}

export async function onPush(deps: AppDeps, ctx: EventContext): Promise<void> {
  const p = ctx.payload as PushPayload;
  const branch = p.ref.replace(/^refs\/heads\//, '');
  // Other branches reach us as pull requests; tags and deletions add no content to the default branch.
  if (p.ref !== `refs/heads/${p.repository.default_branch}` || p.deleted || p.after === ZERO_SHA) return;
  const created = !!p.created || p.before === ZERO_SHA;
  const pusher = p.sender?.type === 'Bot' ? undefined : (p.sender?.login ?? p.pusher?.name);
  await evaluate(ctx.octokit, ctx.log, deps, {
    ...base(p.repository, installationOf(p)),
    headSha: p.after,
    // What the branch held before the push judges the push. A new branch has only its own policy, and
    // after a force push the old head may be gone (a 404 there would read as "no policy").
    policyRef: created || p.forced ? p.after : p.before,
    push: { before: p.before, after: p.after, created, forced: !!p.forced, branch, ...(pusher ? { pusher } : {}) },
  });
}

/** A re-run knows a commit; find the pull request (fork PRs are missing from payloads) or the push. */
async function targetForCommit(gh: GitHubClient, r: RepositoryPayload, sha: string, prNumbers: number[], suite: Partial<SuitePayload> | undefined, installation?: number): Promise<Target | undefined> {
  const repo = repoOf(r);
  const numbers = prNumbers.length ? prNumbers : await pullsForCommit(gh, repo, sha);
  if (numbers.length) return pullTarget(r, await getPull(gh, repo, numbers[0]!), installation);
  if (suite?.head_branch === r.default_branch && suite.after) {
    const before = suite.before ?? ZERO_SHA;
    const created = before === ZERO_SHA;
    return {
      ...base(r, installation),
      headSha: suite.after,
      policyRef: created ? suite.after : before,
      push: { before, after: suite.after, created, forced: false, branch: r.default_branch },
    };
  }
  return undefined;
}

async function rerun(deps: AppDeps, ctx: EventContext, r: RepositoryPayload, sha: string, prs: number[], suite: Partial<SuitePayload> | undefined, mode: IssueMode): Promise<void> {
  let target: Target | undefined;
  try {
    target = await targetForCommit(ctx.octokit, r, sha, prs, suite, installationOf(ctx.payload));
  } catch (e) {
    ctx.log.error({ err: errorFields(e), sha }, 'could not find what to re-run');
    const run = await CheckRunPublisher.start(ctx.octokit, repoOf(r), sha, ctx.log, deps.now);
    await run.abort(e);
    return;
  }
  if (!target) {
    const run = await CheckRunPublisher.start(ctx.octokit, repoOf(r), sha, ctx.log, deps.now);
    const out = renderIncomplete(
      `commit ${sha.slice(0, 7)} is neither the head of an open pull request nor a push to ${r.default_branch}`,
      'Token Warden judges pull requests and pushes to the default branch. Push to an open pull request to run it again.',
    );
    // Not judged: a failure (neutral would pass a required check on this commit).
    await run.complete('failure', out, []);
    return;
  }
  await evaluate(ctx.octokit, ctx.log, deps, target, mode);
}

export async function onCheckRun(deps: AppDeps, ctx: EventContext, action: 'rerequested' | 'requested_action'): Promise<void> {
  const p = ctx.payload as CheckRunPayload;
  if (p.check_run.name !== CHECK_NAME) return;
  if (action === 'requested_action' && p.requested_action?.identifier !== OPEN_ISSUES_ACTION.identifier) return;
  const prs = p.check_run.pull_requests.map((x) => x.number);
  await rerun(deps, ctx, p.repository, p.check_run.head_sha, prs, p.check_run.check_suite, action === 'requested_action' ? 'all-secrets' : 'policy');
}

export async function onCheckSuite(deps: AppDeps, ctx: EventContext): Promise<void> {
  const p = ctx.payload as CheckSuitePayload;
  const s = p.check_suite;
  await rerun(deps, ctx, p.repository, s.head_sha, s.pull_requests.map((x) => x.number), s, 'policy');
}
