/**
 * The backfill reads the default branch's history when the policy asks (`backfill.history`): a secret
 * deleted from the tree opens one issue saying it is still a leak until revoked; a secret also at the
 * head is one issue, not two; a file GitHub gives no patch for is listed as not judged; a rate limit in
 * the middle of the walk leaves the job not clean; the setting off (default) reads no commit at all.
 * GitHub is `FakeGitHub` behind nock, with the routes it lacks (the repository, the branch's ref, the
 * commits) served here; the store is an in-memory PGlite (the issue index and the audit trail).
 */
import { createHash, randomUUID } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTokenWarden, type TokenWarden } from '../../src/index.js';
import { IssueDesk } from '../../src/app/effects/remediation.js';
import { BACKFILL_EVENT } from '../../src/app/jobs/backfill.js';
import type { BackfillJob } from '../../src/app/jobs/payload.js';
import { createOctokitClass, type GitHubClient } from '../../src/app/github/octokit.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { AuditRecord } from '../../src/store/types.js';
import { githubToken } from '../helpers/tokens.js';
import { FakeGitHub, type FileEntry, type Reply } from './helpers/fake-github.js';
import { memoryLogger, TODAY } from './helpers/harness.js';

const INSTALLATION = 77;
const OWNER = 'acme';
const sha = (s: string): string => createHash('sha1').update(s).digest('hex');
const HISTORY_ON = 'backfill:\n  history: true\n';

interface Commit {
  id: string;
  date: string;
  files: FileEntry[];
}

interface Repo {
  name: string;
  /** Oldest first. */
  commits: Commit[];
  /** The tree at the head (the newest commit). */
  tree: Record<string, string>;
  policy?: string;
  /** Answers for `GET /commits/{sha}` instead of the commit (a rate limit, say). */
  faults?: Map<string, Reply>;
}

const added = (path: string, ...lines: string[]): FileEntry => ({
  filename: path,
  status: 'added',
  changes: lines.length,
  patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`,
});
const removed = (path: string, ...lines: string[]): FileEntry => ({
  filename: path,
  status: 'removed',
  changes: lines.length,
  patch: `@@ -1,${lines.length} +0,0 @@\n${lines.map((l) => `-${l}`).join('\n')}`,
});
const readme = (n: number): FileEntry => ({ filename: 'README.md', status: 'modified', changes: 1, patch: `@@ -1,0 +2,1 @@\n+more ${n}` });

/** Commits c1… of `files` lists, a day apart from 2026-01-01. */
const history = (name: string, ...files: FileEntry[][]): Commit[] => files.map((f, i) => ({ id: sha(`${name}:c${i + 1}`), date: `2026-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`, files: f }));

let github: FakeGitHub;
let repos: Map<string, Repo>;
/** Milliseconds before each commit's answer (a slow GitHub, to spend the budget). */
let commitDelayMs = 0;
/** Every request nock answered, as `METHOD path`. */
let seen: string[];

/** The routes FakeGitHub lacks, for the repositories of this file. */
function extra(method: string, url: URL): Reply | undefined {
  if (method !== 'GET') return undefined;
  const path = decodeURIComponent(url.pathname);
  const m = path.match(/^\/repos\/acme\/([^/]+)(\/.*)?$/);
  const repo = m && repos.get(m[1]!);
  if (!repo) return undefined;
  const rest = m[2] ?? '';
  const head = repo.commits[repo.commits.length - 1]!.id;
  if (rest === '') return { status: 200, body: { name: repo.name, full_name: `acme/${repo.name}`, default_branch: 'main', html_url: `https://github.com/acme/${repo.name}` } };
  if (rest === '/git/ref/heads/main') return { status: 200, body: { ref: 'refs/heads/main', object: { sha: head, type: 'commit' } } };
  if (rest === '/commits') {
    expect(url.searchParams.get('sha')).toBe(head);
    const per = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const newestFirst = [...repo.commits].reverse();
    const body = newestFirst.slice((page - 1) * per, page * per).map((c) => ({ sha: c.id, commit: { author: { date: c.date } } }));
    const more = page * per < newestFirst.length;
    return { status: 200, body, headers: more ? { link: `<https://api.github.com${path}?sha=${head}&per_page=${per}&page=${page + 1}>; rel="next"` } : {} };
  }
  const c = rest.match(/^\/commits\/([0-9a-f]{40})$/);
  if (c) {
    const fault = repo.faults?.get(c[1]!);
    if (fault) return fault;
    const i = repo.commits.findIndex((x) => x.id === c[1]);
    if (i < 0) return undefined;
    const commit = repo.commits[i]!;
    return {
      status: 200,
      body: {
        sha: commit.id,
        commit: { author: { name: 'Dev', date: commit.date } },
        parents: i ? [{ sha: repo.commits[i - 1]!.id }] : [],
        files: commit.files.map((f) => ({ status: 'modified', ...f })),
      },
    };
  }
  return undefined;
}

function serve(): void {
  nock.cleanAll();
  nock.disableNetConnect();
  for (const method of ['GET', 'POST', 'PATCH']) {
    nock(github.baseUrl)
      .persist()
      .intercept(() => true, method)
      .reply((uri, body, done) => {
        const url = new URL(uri, github.baseUrl);
        const path = decodeURIComponent(url.pathname);
        seen.push(`${method} ${path}`);
        const r = extra(method, url) ?? github.handle(method, uri, body);
        const delay = /\/commits\/[0-9a-f]{40}$/.test(path) ? commitDelayMs : 0;
        setTimeout(() => done(null, [r.status, r.body === undefined ? '' : JSON.stringify(r.body), { 'content-type': 'application/json; charset=utf-8', ...r.headers }]), delay);
      });
  }
}

function addRepo(repo: Repo): void {
  repos.set(repo.name, repo);
  const head = repo.commits[repo.commits.length - 1]!.id;
  github.trees.set(
    `acme/${repo.name}:${head}`,
    Object.entries(repo.tree).map(([path, text]) => {
      const b = sha(`${repo.name}:${path}:${text}`);
      github.blob(b, text);
      return { path, sha: b, size: text.length };
    }),
  );
  if (repo.policy) github.file(`acme/${repo.name}`, '.github/tokenwarden.yml', repo.policy);
}

function client(): GitHubClient {
  const Octokit = createOctokitClass({ retryBaseMs: 1, writeIntervalMs: 0, contentIntervalMs: 0 });
  return new Octokit({ auth: { token: `installation-token-${INSTALLATION}` } } as ConstructorParameters<typeof Octokit>[0]);
}

let store: Store;
let app: TokenWarden;

/** One backfill scan job of `name`, as the plan queues it; its audit record and log lines. */
async function backfill(name: string, by: TokenWarden = app): Promise<{ record: AuditRecord; lines: string[] }> {
  const delivery = randomUUID();
  const job: BackfillJob = { v: 1, delivery, event: 'installation', action: 'created', installation: INSTALLATION, repository: { owner: OWNER, name }, kind: 'backfill', backfill: { stage: 'scan' } };
  const lines: string[] = [];
  const out = await by.run(job, { octokit: client(), log: memoryLogger(lines) });
  expect(out.retryAt, out.reason).toBeUndefined();
  const records = (await store.audit.find({ repository: `acme/${name}`, kinds: ['evaluation'] }, 0, 100)).filter((r) => r.body.event === BACKFILL_EVENT && r.body.delivery === delivery);
  expect(records).toHaveLength(1);
  return { record: records[0]!, lines };
}

const issuesOf = (name: string) => github.issues.filter((i) => i.repo === `acme/${name}`);
const commitCalls = (name: string): string[] => seen.filter((s) => s.startsWith(`GET /repos/acme/${name}/commits`));
type History = { listed: number; read: number; beyondLimit: boolean; notRead: { commits: number | null; from: string | null; reason: string } | null; findings: Array<Record<string, unknown>> };
const historyOf = (r: AuditRecord): History => r.body.history as History;

describe('backfill: the default branch history (backfill.history)', () => {
  beforeAll(async () => {
    store = await openStore({ backend: 'pglite', dataDir: null });
    app = createTokenWarden({ desk: new IssueDesk(store), audit: store, now: () => TODAY });
  }, 60_000);
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await store?.close();
  });
  beforeEach(() => {
    github = new FakeGitHub();
    repos = new Map();
    seen = [];
    commitDelayMs = 0;
    serve();
  });

  it('a secret added three commits before the head and deleted later: one issue, "deleted, still a leak until revoked", never the value', async () => {
    const token = githubToken('ghp', 'history-gone');
    const commits = history(
      'gone',
      [added('README.md', '# gone')],
      [readme(2)],
      [added('config.env', 'PORT=8080', `GITHUB_TOKEN=${token}`)],
      [readme(4)],
      [removed('config.env', 'PORT=8080', `GITHUB_TOKEN=${token}`)],
      [readme(6)],
    );
    addRepo({ name: 'gone', commits, tree: { 'README.md': '# gone\nmore\n' }, policy: HISTORY_ON });
    const [, , introduced, , deleted] = commits;

    const { record, lines } = await backfill('gone');
    const issues = issuesOf('gone');
    expect(issues).toHaveLength(1);
    const body = issues[0]!.body;
    expect(body).toContain('**Found in history:**');
    expect(body).toContain(`first committed in \`${introduced!.id.slice(0, 7)}\` (author date 2026-01-03) at \`config.env\``);
    expect(body).toContain(`deleted from \`main\` in commit \`${deleted!.id.slice(0, 7)}\``);
    expect(body).toContain('it is a leak until it is revoked');
    expect(body).toContain(`https://github.com/acme/gone/blob/${introduced!.id}/config.env#L2`);
    expect(body).toMatch(/tokenwarden:secret=[0-9a-f]+/);

    // The record: the history part (every commit read, the finding with its first commit and deletion).
    expect(record.body.verdict).toBe('fail');
    const h = historyOf(record);
    expect(h).toMatchObject({ listed: 6, read: 6, beyondLimit: false, notRead: null });
    expect(h.findings).toEqual([expect.objectContaining({ rule: 'secrets/github-token', path: 'config.env', line: 2, commit: introduced!.id, deletedIn: deleted!.id, atHead: 'deleted', commits: 1 })]);
    expect((record.body.issues as unknown[]).length).toBe(1);
    expect(commitCalls('gone').filter((c) => /\/commits\/[0-9a-f]{40}$/.test(c))).toHaveLength(6);

    // The value is nowhere: issues, comments, logs, the audit trail.
    const everything = [JSON.stringify(github.issues), lines.join('\n'), JSON.stringify(await store.audit.find({}, 0, 1000))].join('\n');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(4, 30));

    // Installed again (a new delivery): the same secret, still one issue.
    await backfill('gone');
    expect(issuesOf('gone')).toHaveLength(1);
  });

  it('the same secret also at the head: one issue (the tree’s), not two', async () => {
    const token = githubToken('ghp', 'history-kept');
    const commits = history(
      'kept',
      [added('README.md', '# kept')],
      [added('old.env', `GITHUB_TOKEN=${token}`)],
      [removed('old.env', `GITHUB_TOKEN=${token}`)],
      [added('deploy/app.env', `TOKEN=${token}`)],
      [readme(5)],
    );
    addRepo({ name: 'kept', commits, tree: { 'README.md': '# kept\n', 'deploy/app.env': `TOKEN=${token}\n` }, policy: HISTORY_ON });

    const { record } = await backfill('kept');
    const issues = issuesOf('kept');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('deploy/app.env');
    expect(issues[0]!.body).not.toContain('Found in history');
    const h = historyOf(record);
    expect(h.findings).toEqual([expect.objectContaining({ path: 'old.env', commit: commits[1]!.id, atHead: 'present', commits: 2 })]);
    // One reported finding: the tree's.
    expect((record.body.findings as Array<{ path: string }>).map((f) => f.path)).toEqual(['deploy/app.env']);
    expect(JSON.stringify(record.body)).not.toContain(token);
  });

  it('a file whose patch GitHub omits is listed as not judged, and the job is not clean', async () => {
    const big: FileEntry = { filename: 'vendor/bundle.js', status: 'added', changes: 250_000 };
    const commits = history('big', [added('README.md', '# big')], [big], [readme(3)]);
    addRepo({ name: 'big', commits, tree: { 'README.md': '# big\n', 'vendor/bundle.js': 'module.exports = 1;\n' }, policy: HISTORY_ON });

    const { record } = await backfill('big');
    expect(record.body.notJudged).toContainEqual({ path: 'vendor/bundle.js', reason: 'not judged: patch-missing' });
    expect(record.body.verdict).toBe('fail');
    expect(historyOf(record)).toMatchObject({ listed: 3, read: 3, notRead: null, findings: [] });
    expect(issuesOf('big')).toHaveLength(0);
  });

  it('a rate limit in the middle of the walk: what was read is kept, the rest is listed as not read, never clean', async () => {
    const commits = history('limited', ...Array.from({ length: 8 }, (_, i) => [readme(i + 1)]));
    const newestFirst = [...commits].reverse();
    // The fifth newest: after the first window of four commits read.
    const limited = newestFirst[4]!.id;
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const faults = new Map<string, Reply>([
      [limited, { status: 403, body: { message: 'API rate limit exceeded for installation.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-limit': '5000' } }],
    ]);
    addRepo({ name: 'limited', commits, tree: { 'README.md': '# limited\n' }, policy: HISTORY_ON, faults });

    const { record } = await backfill('limited');
    const h = historyOf(record);
    expect(h).toMatchObject({ listed: 8, read: 4, notRead: { commits: 4, from: limited } });
    expect(h.notRead!.reason).toMatch(/403|rate limit/i);
    expect(record.body.verdict).toBe('fail');
    expect(record.body.conclusion).toBe('failure');
    expect(record.body.notJudged).toContainEqual({ path: '(history: 4 commits not read)', reason: 'not judged: unreadable' });
    // The limit is not waited for past the budget, nor asked again: the walk ends there.
    const asked = commitCalls('limited').filter((c) => /\/commits\/[0-9a-f]{40}$/.test(c));
    expect(asked.filter((c) => c.endsWith(limited))).toHaveLength(1);
    expect(asked.length).toBeLessThanOrEqual(8);
  });

  it('a budget running low stops the walk, keeps time for the record, and lists the commits not read', async () => {
    const commits = history('slow', ...Array.from({ length: 200 }, (_, i) => [readme(i + 1)]));
    addRepo({ name: 'slow', commits, tree: { 'README.md': '# slow\n' }, policy: HISTORY_ON });
    commitDelayMs = 200;
    // 8 s: the walk stops with a quarter (2 s) left; 200 commits, four at a time, would take 10 s.
    const hurried = createTokenWarden({ desk: new IssueDesk(store), audit: store, now: () => TODAY, budgetMs: 8_000 });

    const { record } = await backfill('slow', hurried);
    const h = historyOf(record);
    expect(h.read).toBeGreaterThan(0);
    expect(h.read).toBeLessThan(200);
    expect(h.notRead).toMatchObject({ commits: 200 - h.read, reason: expect.stringContaining('time budget') });
    expect(record.body.notJudged).toContainEqual({ path: `(history: ${200 - h.read} commits not read)`, reason: 'not judged: unreadable' });
    expect(record.body.verdict).toBe('fail');
  }, 30_000);

  it('max_commits bounds the walk: older commits are listed as skipped (settings.incomplete_scan decides)', async () => {
    const commits = history('deep', ...Array.from({ length: 5 }, (_, i) => [readme(i + 1)]));
    addRepo({ name: 'deep', commits, tree: { 'README.md': '# deep\n' }, policy: `${HISTORY_ON}  max_commits: 2\nsettings:\n  incomplete_scan: warn\n` });

    const { record } = await backfill('deep');
    expect(historyOf(record)).toMatchObject({ listed: 2, read: 2, beyondLimit: true, notRead: null });
    expect(record.body.notJudged).toContainEqual({ path: '(history past backfill.max_commits)', reason: 'too-large' });
    expect(record.body.verdict).toBe('warn');
  });

  it('off by default: the deleted secret is not looked for and no commit is read', async () => {
    const token = githubToken('ghp', 'history-off');
    const commits = history('off', [added('README.md', '# off')], [added('config.env', `GITHUB_TOKEN=${token}`)], [removed('config.env', `GITHUB_TOKEN=${token}`)], [readme(4)]);
    addRepo({ name: 'off', commits, tree: { 'README.md': '# off\n' } });

    const { record } = await backfill('off');
    expect(commitCalls('off')).toEqual([]);
    expect(seen.some((s) => s.startsWith('GET /repos/acme/off/git/trees/'))).toBe(true);
    expect(record.body.history).toBeUndefined();
    expect(record.body.verdict).toBe('pass');
    expect(issuesOf('off')).toHaveLength(0);
  });
});
