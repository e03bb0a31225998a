/**
 * Every GitHub REST call the App makes, in one place: what it reads and writes is auditable here, and
 * the rest of src/app deals in plain data.
 */
import { randomUUID } from 'node:crypto';
import type { GitHubClient } from './octokit.js';
import { SafeError } from './errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export const fullName = (r: RepoRef): string => `${r.owner}/${r.repo}`;

export function parseFullName(name: string): RepoRef {
  const [owner, repo] = name.split('/');
  if (!owner || !repo) throw new SafeError(`not an owner/name repository: ${name}`);
  return { owner, repo };
}

/** A changed file as the pull-request files and compare APIs describe it. */
export interface ChangedFile {
  path: string;
  status: string;
  /** Blob sha of the new version (absent for removed files). */
  sha?: string;
  /** Absent when GitHub omits it (large diffs, binary files). */
  patch?: string;
  changes: number;
  previousPath?: string;
}

interface ApiFile {
  filename: string;
  status: string;
  sha?: string | null;
  patch?: string;
  changes?: number;
  previous_filename?: string;
}

const toChanged = (f: ApiFile): ChangedFile => {
  const c: ChangedFile = { path: f.filename, status: f.status, changes: f.changes ?? 0 };
  if (f.sha) c.sha = f.sha;
  if (typeof f.patch === 'string') c.patch = f.patch;
  if (f.previous_filename) c.previousPath = f.previous_filename;
  return c;
};

export const status = (e: unknown): number | undefined => (e as { status?: number })?.status;

/** Per-request option: no automatic retry of 5xx (`@octokit/plugin-retry`); rate limits are still retried. */
const NO_RETRY = { request: { retries: 0 } };

/**
 * A create that must not happen twice. GitHub can perform a write and still answer 5xx (or the answer is
 * lost), and an automatic retry then creates a duplicate: a second issue, or a second check run of which
 * the first stays in progress forever. So the first try goes without automatic retries; after a 5xx or
 * no answer, `find` looks for what that try may have created, and only if nothing is there is the create
 * tried again (with retries). A 4xx was refused (429: not performed) and is not looked for.
 */
async function createOnce<T>(create: (once: boolean) => Promise<T>, find: () => Promise<T | undefined>): Promise<T> {
  try {
    return await create(true);
  } catch (e) {
    const s = status(e);
    if (s === 429) return create(false);
    if (s !== undefined && s < 500) throw e;
    const found = await find().catch(() => undefined);
    return found ?? create(false);
  }
}

/** A text file at a ref, or undefined when it does not exist (404). */
export async function readTextFile(gh: GitHubClient, r: RepoRef, path: string, ref?: string): Promise<string | undefined> {
  try {
    const res = await gh.rest.repos.getContent({ ...r, path, ...(ref ? { ref } : {}) });
    const data = res.data as { type?: string; content?: string; encoding?: string; sha?: string };
    if (Array.isArray(res.data) || data.type !== 'file') throw new SafeError(`${path} is not a file`);
    // Files over 1 MB come without content: read them as a blob.
    if (data.encoding === 'base64' && typeof data.content === 'string') return Buffer.from(data.content, 'base64').toString('utf8');
    if (data.sha) return Buffer.from(await getBlob(gh, r, data.sha)).toString('utf8');
    return '';
  } catch (e) {
    if (status(e) === 404) return undefined;
    throw e;
  }
}

/** The paths of the files directly in a directory at a ref; empty when it does not exist (404). */
export async function listDirectory(gh: GitHubClient, r: RepoRef, path: string, ref: string): Promise<string[]> {
  try {
    const res = await gh.rest.repos.getContent({ ...r, path, ref });
    if (!Array.isArray(res.data)) return [];
    return (res.data as Array<{ type?: string; path: string }>).filter((e) => e.type === 'file').map((e) => e.path).sort();
  } catch (e) {
    if (status(e) === 404) return [];
    throw e;
  }
}

export async function getBlob(gh: GitHubClient, r: RepoRef, sha: string): Promise<Uint8Array> {
  const res = await gh.rest.git.getBlob({ ...r, file_sha: sha });
  const { content, encoding } = res.data;
  return encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
}

/** All files of a pull request: GitHub pages them 100 at a time and stops at 3000. */
export async function listPullFiles(gh: GitHubClient, r: RepoRef, pullNumber: number): Promise<ChangedFile[]> {
  const files = await gh.paginate(gh.rest.pulls.listFiles, { ...r, pull_number: pullNumber, per_page: 100 });
  return (files as ApiFile[]).map(toChanged);
}

export interface Comparison {
  files: ChangedFile[];
  status: string;
  totalCommits: number;
}

/** `base...head`: the files changed since their merge base (GitHub lists at most 300). */
export async function compare(gh: GitHubClient, r: RepoRef, base: string, head: string): Promise<Comparison> {
  const res = await gh.rest.repos.compareCommitsWithBasehead({ ...r, basehead: `${base}...${head}` });
  return { files: ((res.data.files ?? []) as ApiFile[]).map(toChanged), status: res.data.status, totalCommits: res.data.total_commits };
}

/** One commit's own changes (paginated like pull-request files). */
export async function commitFiles(gh: GitHubClient, r: RepoRef, sha: string): Promise<ChangedFile[]> {
  const res = await gh.rest.repos.getCommit({ ...r, ref: sha, per_page: 100 });
  return ((res.data.files ?? []) as ApiFile[]).map(toChanged);
}

export interface TreeListing {
  files: Array<{ path: string; sha: string; size?: number }>;
  truncated: boolean;
}

export async function listTree(gh: GitHubClient, r: RepoRef, sha: string): Promise<TreeListing> {
  const res = await gh.rest.git.getTree({ ...r, tree_sha: sha, recursive: 'true' });
  const files = res.data.tree
    .filter((e) => e.type === 'blob' && e.path && e.sha)
    .map((e) => ({ path: e.path!, sha: e.sha!, ...(e.size !== undefined ? { size: e.size } : {}) }));
  return { files, truncated: res.data.truncated };
}

export interface PullInfo {
  number: number;
  headSha: string;
  baseRef: string;
  /** The base branch's commit when the PR was read (absent from some payloads). */
  baseSha?: string;
  author?: string;
  authorIsBot: boolean;
  changedFiles?: number;
  state: string;
}

export async function getPull(gh: GitHubClient, r: RepoRef, number: number): Promise<PullInfo> {
  const { data } = await gh.rest.pulls.get({ ...r, pull_number: number });
  return {
    number: data.number,
    headSha: data.head.sha,
    baseRef: data.base.ref,
    ...(data.base.sha ? { baseSha: data.base.sha } : {}),
    ...(data.user?.login ? { author: data.user.login } : {}),
    authorIsBot: data.user?.type === 'Bot',
    changedFiles: data.changed_files,
    state: data.state,
  };
}

/** Open pull requests whose head is `sha` (check-run payloads omit fork PRs). */
export async function pullsForCommit(gh: GitHubClient, r: RepoRef, sha: string): Promise<number[]> {
  const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha: sha });
  return data.filter((p) => p.state === 'open' && p.head.sha === sha).map((p) => p.number);
}

// --- check runs -------------------------------------------------------------------------------------

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

export async function createCheckRun(gh: GitHubClient, r: RepoRef, name: string, headSha: string, startedAt: Date): Promise<number> {
  // Marks this create, so a lost answer can be told apart from another evaluation's run on the commit.
  const externalId = randomUUID();
  const create = async (once: boolean): Promise<number> =>
    (await gh.rest.checks.create({ ...r, name, head_sha: headSha, external_id: externalId, status: 'in_progress', started_at: startedAt.toISOString(), ...(once ? NO_RETRY : {}) })).data.id;
  return createOnce(create, async () => {
    const { data } = await gh.rest.checks.listForRef({ ...r, ref: headSha, check_name: name, filter: 'all', per_page: 100 });
    return data.check_runs.find((c) => c.external_id === externalId)?.id;
  });
}

export type CheckRunUpdate = Omit<Parameters<GitHubClient['rest']['checks']['update']>[0] & object, 'owner' | 'repo' | 'check_run_id'>;

export async function updateCheckRun(gh: GitHubClient, r: RepoRef, id: number, update: CheckRunUpdate): Promise<void> {
  await gh.rest.checks.update({ ...r, check_run_id: id, ...update } as Parameters<GitHubClient['rest']['checks']['update']>[0]);
}

// --- issues -----------------------------------------------------------------------------------------

export interface IssueInfo {
  number: number;
  url: string;
  state: 'open' | 'closed';
  body: string;
}

/** Open and closed issues with our label (the list endpoint is fresher than search). */
export async function listLabelledIssues(gh: GitHubClient, r: RepoRef, label: string): Promise<IssueInfo[]> {
  const items = await gh.paginate(gh.rest.issues.listForRepo, { ...r, labels: label, state: 'all', per_page: 100 });
  return items
    .filter((i) => !i.pull_request)
    .map((i) => ({ number: i.number, url: i.html_url, state: i.state === 'closed' ? 'closed' : 'open', body: i.body ?? '' }));
}

export async function createIssue(gh: GitHubClient, r: RepoRef, issue: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<IssueInfo> {
  const post = async (assignees: string[], once: boolean): Promise<IssueInfo> => {
    const { data } = await gh.rest.issues.create({ ...r, ...issue, assignees, ...(once ? NO_RETRY : {}) });
    return { number: data.number, url: data.html_url, state: 'open', body: data.body ?? issue.body };
  };
  const create = async (once: boolean): Promise<IssueInfo> => {
    try {
      return await post(issue.assignees, once);
    } catch (e) {
      // An author who cannot be assigned (no access to the repository) must not cost us the issue.
      if (status(e) !== 422 || issue.assignees.length === 0) throw e;
      return post([], once);
    }
  };
  // The body carries the finding's markers: an open issue with exactly this body is the one just created.
  const label = issue.labels[0];
  return createOnce(create, async () => (label ? (await listLabelledIssues(gh, r, label)).find((i) => i.state === 'open' && i.body === issue.body) : undefined));
}

export async function listCommentBodies(gh: GitHubClient, r: RepoRef, issueNumber: number): Promise<string[]> {
  const items = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: issueNumber, per_page: 100 });
  return items.map((c) => c.body ?? '');
}

export async function comment(gh: GitHubClient, r: RepoRef, issueNumber: number, body: string): Promise<void> {
  await gh.rest.issues.createComment({ ...r, issue_number: issueNumber, body });
}

export async function closeIssue(gh: GitHubClient, r: RepoRef, issueNumber: number): Promise<void> {
  await gh.rest.issues.update({ ...r, issue_number: issueNumber, state: 'closed', state_reason: 'completed' });
}
