/**
 * The App's side of the org-wide view (src/app/jobs/backfill.ts), on a real embedded store and the
 * loopback GitHub stand-in: an installation event for N repositories → one plan job → N scan jobs →
 * each default branch scanned once, a remediation issue per leaked secret, an audit record per
 * repository, no check run; a redelivery plans nothing; a restart in the middle (the store closed and
 * opened again, a new worker) resumes the jobs not done without scanning a done one again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenWarden } from '../../src/index.js';
import { IssueDesk } from '../../src/app/effects/remediation.js';
import { StoreIntake } from '../../src/app/jobs/intake.js';
import { JobRunner } from '../../src/app/jobs/runner.js';
import { describeEvent, isIgnored } from '../../src/app/jobs/payload.js';
import { BACKFILL_EVENT } from '../../src/app/jobs/backfill.js';
import { createOctokitClass, type GitHubClient } from '../../src/app/github/octokit.js';
import { openStore, type Store } from '../../src/store/index.js';
import { githubToken } from '../helpers/tokens.js';
import { freshDataDir } from '../app/helpers/data-dir.js';
import { memoryLogger } from '../app/helpers/keys.js';
import { startStandIn, type StandIn } from '../app/helpers/stand-in.js';
import { tarGz } from './helpers/org-stand-in.js';

const INSTALLATION = 4242;
const N = 8;
const names = Array.from({ length: N }, (_, i) => `svc-${i + 1}`);
const sha = (s: string): string => createHash('sha1').update(s).digest('hex');

function installationCreated(repos: string[]): object {
  return {
    action: 'created',
    installation: { id: INSTALLATION, account: { login: 'acme', type: 'Organization' } },
    repository_selection: 'selected',
    repositories: repos.map((name, i) => ({ id: 100 + i, name, full_name: `acme/${name}`, private: true })),
    sender: { login: 'admin', type: 'User' },
  };
}

/** The stand-in's state: N repositories, every third with a leaked token, and the routes FakeGitHub lacks. */
function seed(api: StandIn): Map<string, string> {
  const leaks = new Map<string, string>();
  const archives = new Map<string, Buffer>();
  const gh = api.github;
  names.forEach((name, i) => {
    const head = sha(`${name}:head`);
    const files: Array<[string, string]> = [
      ['README.md', `# ${name}\n`],
      ['src/app.js', `module.exports = ${i};\n`],
    ];
    if (i % 3 === 0) {
      const t = githubToken('ghp', `backfill-${name}`);
      leaks.set(`acme/${name}`, t);
      files.push(['deploy/.env', `GH_TOKEN=${t}\n`]);
    }
    // The first repository has many files: it is read as one archive of its commit.
    if (i === 0) for (let k = 0; k < 22; k++) files.push([`lib/part-${k}.js`, `exports.k = ${k};\n`]);
    archives.set(name, tarGz(`acme-${name}-x`, head, Object.fromEntries(files)));
    gh.trees.set(
      `acme/${name}:${head}`,
      files.map(([path, text]) => {
        const b = sha(`${name}:${path}:${text}`);
        gh.blob(b, text);
        return { path, sha: b, size: text.length };
      }),
    );
  });
  api.routes.push((method, path) => {
    if (method !== 'GET') return undefined;
    const t = path.match(/^\/repos\/acme\/([^/]+)\/tarball\/([0-9a-f]{40})$/);
    if (t && archives.has(t[1]!) && t[2] === sha(`${t[1]}:head`)) return { status: 200, body: archives.get(t[1]!), headers: { 'content-type': 'application/x-gzip' } };
    let m = path.match(/^\/repos\/acme\/([^/]+)$/);
    if (m && names.includes(m[1]!)) return { status: 200, body: { name: m[1], full_name: `acme/${m[1]}`, default_branch: 'main', html_url: `https://github.com/acme/${m[1]}`, archived: false } };
    m = path.match(/^\/repos\/acme\/([^/]+)\/git\/ref\/heads\/main$/);
    if (m && names.includes(m[1]!)) return { status: 200, body: { ref: 'refs/heads/main', object: { sha: sha(`${m[1]}:head`), type: 'commit' } } };
    return undefined;
  });
  return leaks;
}

/** An installation client of the stand-in; `hang()` makes every later request never answer (a dead process). */
function client(api: StandIn): { gh: GitHubClient; hang(): void } {
  let hung = false;
  const Octokit = createOctokitClass({ retryBaseMs: 1, writeIntervalMs: 0, contentIntervalMs: 0, requestTimeoutMs: 10 * 60_000 });
  const fetchFn: typeof fetch = (input, init) => (hung ? new Promise<Response>(() => undefined) : fetch(input, init));
  const gh = new Octokit({ auth: { token: `installation-token-${INSTALLATION}` }, baseUrl: `http://${api.host}/api/v3`, request: { fetch: fetchFn } } as ConstructorParameters<typeof Octokit>[0]);
  return { gh, hang: () => (hung = true) };
}

const treeFetches = (api: StandIn): Map<string, number> => {
  const out = new Map<string, number>();
  for (const r of api.github.requests) {
    const m = r.path.match(/^\/repos\/(acme\/[^/]+)\/git\/trees\//);
    if (m) out.set(m[1]!, (out.get(m[1]!) ?? 0) + 1);
  }
  return out;
};

async function until(cond: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out');
}

function runner(store: Store, gh: GitHubClient, owner: string, lines: string[]): JobRunner {
  const app = createTokenWarden({ desk: new IssueDesk(store), audit: store, queue: store.jobs, backfillSpacingMs: 0, now: () => new Date('2026-06-15T12:00:00Z') });
  return new JobRunner({ queue: store.jobs, owner, app, auth: async () => gh, log: memoryLogger(lines), concurrency: 1, leaseMs: 60_000, pollMs: 20, backoffBaseMs: 20 });
}

const backfillRecords = async (store: Store) => (await store.audit.find({ kinds: ['evaluation'] }, 0, 1000)).filter((r) => r.body.event === BACKFILL_EVENT);

describe('installation backfill', () => {
  let api: StandIn;
  let dataDir: string;
  let store: Store | undefined;
  beforeAll(async () => {
    api = await startStandIn();
    dataDir = await freshDataDir();
  }, 60_000);
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    await api?.close();
  });

  it('describes installation events as one plan job; ignores what it does not act on', () => {
    const d = describeEvent('installation', installationCreated(['a', 'b']), 'd-1');
    if (isIgnored(d)) throw new Error(d.ignored);
    expect(d).toMatchObject({ installation: INSTALLATION, groupKey: `backfill:${INSTALLATION}`, payload: { kind: 'backfill', backfill: { stage: 'plan', repositories: ['a', 'b'] } } });
    const added = describeEvent('installation_repositories', { action: 'added', installation: { id: 7, account: { login: 'acme' } }, repositories_added: [{ name: 'c', full_name: 'acme/c' }] });
    expect(added).toMatchObject({ payload: { backfill: { stage: 'plan', repositories: ['c'] } } });
    expect(describeEvent('installation', { action: 'created', installation: { id: 7, account: { login: 'acme' } }, repository_selection: 'all' })).toMatchObject({
      payload: { backfill: { listAll: true } },
    });
    for (const ignored of [
      describeEvent('installation', { ...installationCreated(['a']), action: 'deleted' }),
      describeEvent('installation_repositories', { action: 'removed', installation: { id: 7, account: { login: 'acme' } }, repositories_removed: [{ name: 'c' }] }),
      describeEvent('installation', { action: 'created', installation: { id: 7, account: { login: 'acme' } }, repositories: [{ name: 'x', full_name: 'evil/x' }] }),
    ])
      expect(isIgnored(ignored)).toBe(true);
  });

  it('N repositories → N jobs, each default branch scanned once, issues for secrets, audit records; a restart in the middle resumes', async () => {
    const leaks = seed(api);
    api.github.requests.length = 0;
    store = await openStore({ backend: 'pglite', dataDir });
    const intake = new StoreIntake(store.deliveries);
    const delivery = randomUUID();
    expect(await intake.accept({ id: delivery, event: 'installation' }, installationCreated(names))).toEqual({ status: 'queued' });
    // A redelivery is a duplicate: nothing planned twice.
    expect(await intake.accept({ id: delivery, event: 'installation' }, installationCreated(names))).toEqual({ status: 'duplicate' });

    // First process: judges a few repositories, then "dies" (its GitHub calls never answer again).
    const a = client(api);
    const linesA: string[] = [];
    const first = runner(store, a.gh, 'process-a', linesA).start();
    await until(async () => (await backfillRecords(store!)).length >= 3);
    a.hang();
    const handedBack = await first.stop(0);
    expect(handedBack.handedBack + handedBack.finished).toBeGreaterThanOrEqual(0);
    const doneBefore = (await backfillRecords(store)).length;
    expect(doneBefore).toBeLessThan(N);
    await store.close();

    // Restart: the store opened again, a new worker; the jobs not done are resumed.
    store = await openStore({ backend: 'pglite', dataDir });
    const b = client(api);
    const linesB: string[] = [];
    const second = runner(store, b.gh, 'process-b', linesB).start();
    await until(async () => (await backfillRecords(store!)).length >= N);
    await until(async () => {
      const s = await store!.jobs.stats();
      return s.ready + s.running + s.scheduled === 0;
    });
    await second.stop(1000);

    const records = await backfillRecords(store);
    expect(records.map((r) => r.body.repository).sort()).toEqual(names.map((n) => `acme/${n}`).sort());
    for (const r of records) expect(r.body).toMatchObject({ installation: INSTALLATION, delivery, checkRun: null, ref: 'refs/heads/main' });
    // Each default branch read once, across both processes.
    const trees = treeFetches(api);
    expect([...trees.keys()].sort()).toEqual(names.map((n) => `acme/${n}`).sort());
    expect([...trees.values()].every((n) => n === 1)).toBe(true);
    // The repository of many files: one archive, not a blob per file.
    const svc1 = api.exchanges.filter((r) => r.path.startsWith('/repos/acme/svc-1/'));
    expect(svc1.filter((r) => r.path.includes('/tarball/')).length).toBe(1);
    expect(svc1.filter((r) => r.path.includes('/git/blobs/')).length).toBe(0);
    // One issue per leaked secret, in its repository; no check run (there is no pull request).
    expect(api.github.issues.map((i) => i.repo).sort()).toEqual([...leaks.keys()].sort());
    expect(api.github.checkRuns.size).toBe(0);
    for (const [repo, token] of leaks) {
      const rec = records.find((r) => r.body.repository === repo)!;
      expect(rec.body.verdict).toBe('fail');
      expect((rec.body.issues as unknown[]).length).toBe(1);
      expect(JSON.stringify(rec.body)).not.toContain(token);
      for (const i of api.github.issues) expect(i.body).not.toContain(token);
    }
    expect([...linesA, ...linesB].join('\n')).not.toMatch(/ghp_[A-Za-z0-9]{36}/);

    // The queue held one plan job and one scan job per repository, all done.
    const jobs = [];
    for (let id = 1; id <= 3 * N; id++) {
      const j = await store.jobs.get<{ kind?: string; backfill?: { stage: string }; repository?: { name: string } }>(id);
      if (j?.payload.kind === 'backfill') jobs.push(j);
    }
    expect(jobs.filter((j) => j.payload.backfill?.stage === 'plan').length).toBe(1);
    expect(
      jobs
        .filter((j) => j.payload.backfill?.stage === 'scan')
        .map((j) => j.payload.repository?.name)
        .sort(),
    ).toEqual([...names].sort());
    expect(jobs.every((j) => j.state === 'done')).toBe(true);

    // The same installation event redelivered after the restart: still a duplicate.
    expect(await new StoreIntake(store.deliveries).accept({ id: delivery, event: 'installation' }, installationCreated(names))).toEqual({ status: 'duplicate' });
  }, 120_000);

  it('in process (no store): "all repositories" listed from GitHub, each scanned in the plan job itself', async () => {
    if (!api.routes.length) seed(api);
    api.github.requests.length = 0;
    const issuesBefore = api.github.issues.length;
    api.routes.push((method, path) =>
      method === 'GET' && path === '/installation/repositories'
        ? { status: 200, body: { total_count: N, repositories: names.map((name) => ({ name, full_name: `acme/${name}`, owner: { login: 'acme' } })) } }
        : undefined,
    );
    const d = describeEvent('installation', { action: 'created', installation: { id: INSTALLATION, account: { login: 'acme' } }, repository_selection: 'all' }, randomUUID());
    if (isIgnored(d)) throw new Error(d.ignored);
    const app = createTokenWarden({ now: () => new Date('2026-06-15T12:00:00Z') });
    const lines: string[] = [];
    await app.run(d.payload, { octokit: client(api).gh, log: memoryLogger(lines) });
    const trees = treeFetches(api);
    expect([...trees.keys()].sort()).toEqual(names.map((n) => `acme/${n}`).sort());
    expect([...trees.values()].every((n) => n === 1)).toBe(true);
    // The issues exist already (the desk of this App is in memory): found by their markers, not opened twice.
    expect(api.github.issues.length).toBe(issuesBefore || Math.ceil(N / 3));
    expect(api.github.checkRuns.size).toBe(0);
  }, 60_000);
});
