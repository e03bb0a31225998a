/**
 * Every GitHub REST call the App makes, in one place: what it reads and writes is auditable here, and
 * the rest of src/app deals in plain data.
 */
import { randomUUID } from 'node:crypto';
import type { GitHubClient } from './octokit.js';
import { SafeError } from '../errors.js';

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

/**
 * Octokit hands back the raw text when an answer does not parse as JSON (too large, cut short): an
 * object answer that is not an object must fail loudly, not read as "no files".
 */
function answer<T>(data: T, what: string): T {
  if (typeof data !== 'object' || data === null) throw new UnreadableAnswer(`GitHub's answer to ${what} could not be read`);
  return data;
}

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

/** A text file at a ref, or undefined when it does not exist (404). Larger than `maxBytes`: `BlobTooLarge`. */
export async function readTextFile(gh: GitHubClient, r: RepoRef, path: string, ref?: string, maxBytes = DEFAULT_MAX_READ): Promise<string | undefined> {
  try {
    const res = await gh.rest.repos.getContent({ ...r, path, ...(ref ? { ref } : {}) });
    const data = res.data as { type?: string; content?: string; encoding?: string; sha?: string; size?: number };
    if (Array.isArray(res.data) || typeof data !== 'object' || data === null || data.type !== 'file') throw new SafeError(`${path} is not a file (or GitHub's answer could not be read)`);
    if (typeof data.size === 'number' && data.size > maxBytes) throw new BlobTooLarge(path, data.size, maxBytes);
    // Files over 1 MB come without content: read them as a blob.
    if (data.encoding === 'base64' && typeof data.content === 'string') return Buffer.from(data.content, 'base64').toString('utf8');
    if (data.sha) return Buffer.from(await getBlob(gh, r, data.sha, maxBytes)).toString('utf8');
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
    return (res.data as Array<{ type?: string; path: string }>)
      .filter((e) => e.type === 'file')
      .map((e) => e.path)
      .sort();
  } catch (e) {
    if (status(e) === 404) return [];
    throw e;
  }
}

/** Text files read for policy and structure (the policy, the inventory, workflows): beyond this, not read. */
export const DEFAULT_MAX_READ = 10 * 1024 * 1024;

/** A blob over the caller's size limit: not downloaded past the limit. */
export class BlobTooLarge extends SafeError {
  override name = 'BlobTooLarge';
  constructor(
    readonly path: string,
    readonly size: number | undefined,
    readonly limit: number,
  ) {
    super(`${path}: ${size !== undefined ? `${size} bytes` : 'larger'} > limit ${limit} (settings.max_file_size)`);
  }
}

/** An answer GitHub gave that we could not read (too large to parse, or not the shape asked for). */
export class UnreadableAnswer extends SafeError {
  override name = 'UnreadableAnswer';
}

async function readCapped(body: ReadableStream<Uint8Array>, limit: number, path: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BlobTooLarge(path, undefined, limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A blob's bytes, asked for in GitHub's raw media type and read as a stream with a cap: a large file
 * costs at most `maxBytes` of memory and never a JSON parse of its base64 (which overflows near 512 MB).
 */
export async function getBlob(gh: GitHubClient, r: RepoRef, sha: string, maxBytes = Infinity, path = sha.slice(0, 12)): Promise<Uint8Array> {
  const res = await gh.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
    ...r,
    file_sha: sha,
    headers: { accept: 'application/vnd.github.raw+json' },
    request: { parseSuccessResponseBody: false },
  });
  const type = String(res.headers['content-type'] ?? '');
  const length = Number(res.headers['content-length']);
  const body = res.data as unknown as ReadableStream<Uint8Array> | null;
  const isJson = /\bjson\b/.test(type) && !/raw/.test(type);
  // A JSON answer (older GitHub Enterprise servers ignore the raw type) carries base64: 4/3 larger.
  const cap = isJson ? Math.ceil((maxBytes * 4) / 3) + 64 * 1024 : maxBytes;
  if (Number.isFinite(length) && length > cap) {
    await body?.cancel().catch(() => undefined);
    throw new BlobTooLarge(path, isJson ? undefined : length, maxBytes);
  }
  const bytes = body ? await readCapped(body, cap, path) : Buffer.alloc(0);
  if (!isJson) return bytes;
  let data: { content?: unknown; encoding?: unknown };
  try {
    data = JSON.parse(bytes.toString('utf8')) as typeof data;
  } catch {
    throw new UnreadableAnswer(`GitHub's answer for the blob of ${path} could not be read`);
  }
  if (typeof data?.content !== 'string') throw new UnreadableAnswer(`GitHub's answer for the blob of ${path} has no content`);
  const out = data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
  if (out.length > maxBytes) throw new BlobTooLarge(path, out.length, maxBytes);
  return out;
}

export interface PullFiles {
  files: ChangedFile[];
  /** Stretches of the listing GitHub could not deliver in a readable form (e.g. a patch too large to parse). */
  unreadable: string[];
}

const PR_FILES_PAGES = 30;
/** A page of the PR file listing larger than this is read again file by file; one file larger: not judged. */
export const MAX_LISTING_PAGE_BYTES = 8 * 1024 * 1024;

/**
 * All files of a pull request: GitHub pages them 100 at a time and stops at 3000. A page whose answer
 * cannot be read (one patch of hundreds of MB overflows the JSON parser, and Octokit then hands back a
 * string) is read again ten files at a time and then one by one, so only the files that truly cannot
 * be read are lost — and those are named as not judged.
 */
export async function listPullFiles(gh: GitHubClient, r: RepoRef, pullNumber: number): Promise<PullFiles> {
  const files: ChangedFile[] = [];
  const unreadable: string[] = [];
  // Read as a capped stream and parsed here: a page holding a patch of tens of MB is refused after
  // MAX_LISTING_PAGE_BYTES, not parsed on the event loop (seconds of a blocked server).
  const page = async (perPage: number, n: number): Promise<ApiFile[] | undefined> => {
    const res = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...r,
      pull_number: pullNumber,
      per_page: perPage,
      page: n,
      request: { parseSuccessResponseBody: false },
    });
    const body = res.data as unknown as ReadableStream<Uint8Array> | null;
    let bytes: Buffer;
    try {
      bytes = body ? await readCapped(body, MAX_LISTING_PAGE_BYTES, `page ${n} of the files`) : Buffer.alloc(0);
    } catch (e) {
      if (e instanceof BlobTooLarge) return undefined;
      throw e;
    }
    try {
      const data: unknown = JSON.parse(bytes.toString('utf8'));
      return Array.isArray(data) ? (data as ApiFile[]) : undefined;
    } catch {
      return undefined;
    }
  };
  for (let n = 1; n <= PR_FILES_PAGES; n++) {
    let got = await page(100, n);
    let lost = 0;
    if (!got) {
      // Files (n-1)*100+1 … n*100, one per request: only the unreadable ones are lost.
      got = [];
      for (let i = (n - 1) * 100 + 1; i <= n * 100; i++) {
        const one = await page(1, i);
        if (!one) {
          lost++;
          unreadable.push(`file ${i} of the pull request's file list`);
          continue;
        }
        if (!one.length) break;
        got.push(...one);
      }
    }
    files.push(...got.map(toChanged));
    if (got.length + lost < 100) break;
  }
  return { files, unreadable };
}

export interface Comparison {
  files: ChangedFile[];
  status: string;
  totalCommits: number;
}

/** `base...head`: the files changed since their merge base (GitHub lists at most 300). */
export async function compare(gh: GitHubClient, r: RepoRef, base: string, head: string): Promise<Comparison> {
  const res = await gh.rest.repos.compareCommitsWithBasehead({ ...r, basehead: `${base}...${head}` });
  answer(res.data, 'the comparison of the pushed commits');
  return { files: ((res.data.files ?? []) as ApiFile[]).map(toChanged), status: res.data.status, totalCommits: res.data.total_commits };
}

/** One commit's own changes (paginated like pull-request files). */
export async function commitFiles(gh: GitHubClient, r: RepoRef, sha: string): Promise<ChangedFile[]> {
  const res = await gh.rest.repos.getCommit({ ...r, ref: sha, per_page: 100 });
  answer(res.data, 'the commit listing');
  return ((res.data.files ?? []) as ApiFile[]).map(toChanged);
}

export interface CommitListing {
  /** Newest first. */
  shas: string[];
  /** GitHub has older commits than those listed. */
  more: boolean;
}

/** The history of `sha`, newest first, at most `max` commits (GitHub pages them 100 at a time). */
export async function listCommits(gh: GitHubClient, r: RepoRef, sha: string, max: number): Promise<CommitListing> {
  const shas: string[] = [];
  for (let page = 1; ; page++) {
    const res = await gh.request('GET /repos/{owner}/{repo}/commits', { ...r, sha, per_page: 100, page });
    const data: unknown = res.data;
    if (!Array.isArray(data)) throw new UnreadableAnswer("GitHub's list of commits could not be read");
    for (const c of data as Array<{ sha?: unknown }>) if (typeof c?.sha === 'string') shas.push(c.sha);
    const next = data.length === 100 && /rel="next"/.test(String(res.headers.link ?? ''));
    if (!next || shas.length >= max) return { shas: shas.slice(0, max), more: shas.length > max || next };
  }
}

export interface CommitDiff {
  sha: string;
  /** Author date, ISO 8601. */
  date: string;
  /** Each file with its `patch` (absent when GitHub leaves it out: a large diff, a binary file). */
  files: ChangedFile[];
  /** GitHub lists at most 3,000 files of one commit: the rest are not listed. */
  truncated: boolean;
}

const COMMIT_FILE_PAGES = 30;

/**
 * One commit and its files' patches. GitHub pages the files 100 at a time (up to 3,000); each page is
 * read as a capped stream (a page of huge patches is refused, not parsed on the event loop).
 */
export async function getCommitDiff(gh: GitHubClient, r: RepoRef, sha: string): Promise<CommitDiff> {
  const out: CommitDiff = { sha, date: '', files: [], truncated: false };
  const what = `commit ${sha.slice(0, 12)}`;
  for (let page = 1; page <= COMMIT_FILE_PAGES; page++) {
    const res = await gh.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...r, ref: sha, per_page: 100, page, request: { parseSuccessResponseBody: false } });
    const body = res.data as unknown as ReadableStream<Uint8Array> | null;
    let data: { sha?: unknown; commit?: { author?: { date?: unknown } }; files?: unknown };
    try {
      data = JSON.parse((body ? await readCapped(body, MAX_LISTING_PAGE_BYTES, what) : Buffer.alloc(0)).toString('utf8')) as typeof data;
    } catch (e) {
      throw new UnreadableAnswer(`GitHub's answer for ${what} ${e instanceof BlobTooLarge ? `is over ${MAX_LISTING_PAGE_BYTES} bytes` : 'could not be read'}`);
    }
    if (!data || typeof data !== 'object' || !Array.isArray(data.files)) throw new UnreadableAnswer(`GitHub's answer for ${what} could not be read`);
    if (page === 1 && typeof data.commit?.author?.date === 'string') out.date = data.commit.author.date;
    out.files.push(...(data.files as ApiFile[]).map(toChanged));
    if (data.files.length < 100 || !/rel="next"/.test(String(res.headers.link ?? ''))) return out;
  }
  out.truncated = true;
  return out;
}

export interface TreeListing {
  files: Array<{ path: string; sha: string; size?: number }>;
  truncated: boolean;
}

export async function listTree(gh: GitHubClient, r: RepoRef, sha: string): Promise<TreeListing> {
  const res = await gh.rest.git.getTree({ ...r, tree_sha: sha, recursive: 'true' });
  if (!Array.isArray(answer(res.data, 'the tree listing').tree)) throw new UnreadableAnswer("GitHub's tree listing could not be read");
  const files = res.data.tree.filter((e) => e.type === 'blob' && e.path && e.sha).map((e) => ({ path: e.path, sha: e.sha, ...(e.size !== undefined ? { size: e.size } : {}) }));
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
  const data = answer((await gh.rest.pulls.get({ ...r, pull_number: number })).data, 'the pull request');
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

/** A repository's default branch and page (a job that does not carry them: a recovery of a pruned one). */
export async function getRepository(gh: GitHubClient, r: RepoRef): Promise<{ defaultBranch: string; htmlUrl?: string }> {
  const data = answer((await gh.rest.repos.get({ ...r })).data, 'the repository');
  return { defaultBranch: data.default_branch, ...(data.html_url ? { htmlUrl: data.html_url } : {}) };
}

/** Open pull requests whose head is `sha` (check-run payloads omit fork PRs). */
export async function pullsForCommit(gh: GitHubClient, r: RepoRef, sha: string): Promise<number[]> {
  const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha: sha });
  if (!Array.isArray(data)) throw new UnreadableAnswer("GitHub's list of the commit's pull requests could not be read");
  return data.filter((p) => p.state === 'open' && p.head.sha === sha).map((p) => p.number);
}

// --- check runs -------------------------------------------------------------------------------------

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

/**
 * Create a check run in progress. `externalIdPrefix` marks whose it is (a job: a retry of that job after a
 * crash finds the run its earlier attempt left in progress, see `listCheckRuns`).
 */
export async function createCheckRun(gh: GitHubClient, r: RepoRef, name: string, headSha: string, startedAt: Date, externalIdPrefix = ''): Promise<number> {
  // Marks this create, so a lost answer can be told apart from another evaluation's run on the commit.
  const externalId = `${externalIdPrefix}${randomUUID()}`;
  const create = async (once: boolean): Promise<number> =>
    (await gh.rest.checks.create({ ...r, name, head_sha: headSha, external_id: externalId, status: 'in_progress', started_at: startedAt.toISOString(), ...(once ? NO_RETRY : {}) })).data.id;
  return createOnce(create, async () => {
    const { data } = await gh.rest.checks.listForRef({ ...r, ref: headSha, check_name: name, filter: 'all', per_page: 100 });
    return data.check_runs.find((c) => c.external_id === externalId)?.id;
  });
}

export interface CheckRunListing {
  id: number;
  status: string;
  externalId: string | null;
}

/** The check runs named `name` on a commit (the first 100). */
export async function listCheckRuns(gh: GitHubClient, r: RepoRef, headSha: string, name: string): Promise<CheckRunListing[]> {
  const { data } = await gh.rest.checks.listForRef({ ...r, ref: headSha, check_name: name, filter: 'all', per_page: 100 });
  if (!Array.isArray(data?.check_runs)) throw new UnreadableAnswer("GitHub's list of the commit's check runs could not be read");
  return data.check_runs.map((c) => ({ id: c.id, status: c.status, externalId: c.external_id ?? null }));
}

/** A run's status on GitHub (a recovery must not overwrite a verdict that landed); undefined when not listed. */
export async function checkRunStatus(gh: GitHubClient, r: RepoRef, headSha: string, id: number, name: string): Promise<string | undefined> {
  return (await listCheckRuns(gh, r, headSha, name)).find((c) => c.id === id)?.status;
}

export type CheckRunUpdate = Omit<Parameters<GitHubClient['rest']['checks']['update']>[0] & object, 'owner' | 'repo' | 'check_run_id'>;

export interface UpdateOptions {
  /** Past the installation's write queue (a shutdown has seconds). */
  urgent?: boolean;
  /** No automatic retries: the caller retries on its own schedule. */
  once?: boolean;
}

export async function updateCheckRun(gh: GitHubClient, r: RepoRef, id: number, update: CheckRunUpdate, opts: UpdateOptions = {}): Promise<void> {
  const request = { ...(opts.urgent ? { urgent: true } : {}), ...(opts.once || opts.urgent ? { retries: 0 } : {}) };
  await gh.rest.checks.update({ ...r, check_run_id: id, ...update, ...(Object.keys(request).length ? { request } : {}) } as Parameters<GitHubClient['rest']['checks']['update']>[0]);
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
  return items.filter((i) => !i.pull_request).map((i) => ({ number: i.number, url: i.html_url, state: i.state === 'closed' ? 'closed' : 'open', body: i.body ?? '' }));
}

/** One issue as it is now (state and body), or undefined when it is gone (deleted: 404, transferred: 410). */
export async function getIssue(gh: GitHubClient, r: RepoRef, issueNumber: number): Promise<IssueInfo | undefined> {
  try {
    const { data } = await gh.rest.issues.get({ ...r, issue_number: issueNumber });
    answer(data, 'the issue');
    return { number: data.number, url: data.html_url, state: data.state === 'closed' ? 'closed' : 'open', body: data.body ?? '' };
  } catch (e) {
    if (status(e) === 404 || status(e) === 410) return undefined;
    throw e;
  }
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
