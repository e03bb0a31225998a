/**
 * The job plumbing in process: what a webhook body becomes in the queue (src/app/jobs/payload.ts), and the
 * recovery of check runs left in progress (src/app/jobs/recovery.ts) on a real embedded store, with a
 * stub of the two GitHub calls it makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEvent, isIgnored, type JobPayload, type PullRequestJob } from '../../src/app/jobs/payload.js';
import { RunRecovery } from '../../src/app/jobs/recovery.js';
import { StoreIntake } from '../../src/app/jobs/intake.js';
import { isRefusal } from '../../src/app/jobs/runner.js';
import type { GitHubClient } from '../../src/app/github/octokit.js';
import { openStore, type DeliveryRepository, type Store } from '../../src/store/index.js';
import { checkRunEvent, checkSuiteEvent, pullRequestEvent, pushEvent, sha } from '../fixtures/webhooks/index.js';
import { githubToken } from '../helpers/tokens.js';
import { freshDataDir } from './helpers/data-dir.js';
import { memoryLogger } from './helpers/keys.js';

describe('a webhook body as a job', () => {
  it('keeps what the handlers need and nothing else: no title, no body, no file names', () => {
    const ev = pullRequestEvent('opened', { number: 7, headSha: sha('j1'), author: 'alice', changedFiles: 3 });
    ev.pull_request.title = `Rotate ${githubToken('ghp', 'jobs-title')}`;
    ev.pull_request.body = ev.pull_request.title;
    const d = describeEvent('pull_request', ev, 'delivery-1');
    if (isIgnored(d)) throw new Error(d.ignored);
    expect(d).toMatchObject({ installation: 4242, repository: 'acme/api', groupKey: 'acme/api' });
    expect(d.payload).toEqual({
      v: 1,
      kind: 'pull_request',
      delivery: 'delivery-1',
      event: 'pull_request',
      action: 'opened',
      installation: 4242,
      repository: { owner: 'acme', name: 'api', defaultBranch: 'main', htmlUrl: 'https://github.com/acme/api' },
      pr: { number: 7, headSha: sha('j1'), headRef: 'feature', baseRef: 'main', baseSha: sha('base'), author: 'alice', authorType: 'User', changedFiles: 3 },
    });
    expect(JSON.stringify(d.payload)).not.toContain('Rotate');
    expect(JSON.stringify(d.payload).length).toBeLessThan(1024);
  });

  it('describes pushes to the default branch, re-runs and re-requested suites; ignores the rest', () => {
    const push = describeEvent('push', pushEvent({ before: sha('p0'), after: sha('p1'), pusher: 'dave' }));
    expect(push).toMatchObject({
      payload: { kind: 'push', push: { ref: 'refs/heads/main', before: sha('p0'), after: sha('p1'), created: false, forced: false, pusher: 'dave', sender: { login: 'dave', type: 'User' } } },
    });
    expect(describeEvent('check_run', checkRunEvent('requested_action', { headSha: sha('r1'), prs: [12] }))).toMatchObject({
      payload: { kind: 'check_run', action: 'requested_action', requestedAction: 'open_issues', checkRun: { name: 'Token Warden', headSha: sha('r1'), pullRequests: [12] } },
    });
    expect(describeEvent('check_suite', checkSuiteEvent({ headSha: sha('s1'), prs: [] }))).toMatchObject({ payload: { kind: 'check_suite', suite: { headSha: sha('s1'), pullRequests: [] } } });
    const ignored = [
      describeEvent('issues', { action: 'opened', installation: { id: 1 } }),
      describeEvent('pull_request', { ...pullRequestEvent('opened'), action: 'closed' }),
      describeEvent('push', pushEvent({ ref: 'refs/heads/feature' })),
      describeEvent('push', pushEvent({ deleted: true })),
      describeEvent('check_run', checkRunEvent('rerequested', { name: 'Another app' })),
      describeEvent('check_run', checkRunEvent('requested_action', { identifier: 'something_else' })),
      describeEvent('pull_request', { ...pullRequestEvent('opened'), installation: undefined }),
      describeEvent('pull_request', { ...pullRequestEvent('opened'), repository: { name: '../x', owner: { login: 'acme' }, default_branch: 'main' } }),
    ];
    for (const d of ignored) expect(isIgnored(d), JSON.stringify(d)).toBe(true);
  });

  it('tells a refusal by GitHub (fail the job at once) from what a retry may fix', () => {
    const err = (status: number, headers: Record<string, string> = {}, message = 'x') => Object.assign(new Error(message), { status, response: { headers } });
    expect(isRefusal(err(403, {}, 'Resource not accessible by integration'))).toBe(true);
    expect(isRefusal(err(404))).toBe(true);
    expect(isRefusal(err(422))).toBe(true);
    expect(isRefusal(err(403, { 'retry-after': '60' }))).toBe(false);
    expect(isRefusal(err(403, { 'x-ratelimit-remaining': '0' }))).toBe(false);
    expect(isRefusal(err(403, {}, 'You have exceeded a secondary rate limit'))).toBe(false);
    expect(isRefusal(err(429))).toBe(false);
    expect(isRefusal(err(502))).toBe(false);
    expect(isRefusal(new Error('socket hang up'))).toBe(false);
  });
});

describe('check runs left in progress', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ backend: 'pglite', dataDir: await freshDataDir() });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  /** GitHub as far as the recovery needs it: the runs of a commit, and updates. */
  function github(status: Map<number, string>, refuse = false) {
    const updates: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
    const gh = {
      rest: {
        checks: {
          listForRef: async () => ({ data: { check_runs: [...status].map(([id, s]) => ({ id, status: s, external_id: null })) } }),
          update: async (p: Record<string, unknown>) => {
            updates.push(p);
            status.set(p.check_run_id as number, 'completed');
            return { data: {} };
          },
        },
      },
    } as unknown as GitHubClient;
    const auth = async (): Promise<GitHubClient> => {
      if (refuse) throw Object.assign(new Error('Not Found'), { status: 404, response: { headers: {} } });
      return gh;
    };
    return { auth, updates };
  }

  const payload = (repo: string, head: string, extra: Partial<PullRequestJob> = {}): PullRequestJob => ({
    v: 1,
    kind: 'pull_request',
    delivery: 'd-1',
    event: 'pull_request',
    action: 'opened',
    installation: 7,
    repository: { owner: 'acme', name: repo, defaultBranch: 'main' },
    pr: { number: 1, headSha: head, baseRef: 'main' },
    ...extra,
  });

  async function openRun(repo: string, id: number, job: { state: 'running' | 'done'; payload?: JobPayload }): Promise<number> {
    const head = sha(`rec-${id}`);
    const jobId = await store.jobs.enqueue({ queue: 'judge', payload: job.payload ?? payload(repo, head), groupKey: `acme/${repo}` });
    const [claimed] = await store.jobs.claim({ owner: 'dead-instance', leaseMs: 60_000, queues: ['judge'] });
    expect(claimed?.id).toBe(jobId);
    if (job.state === 'done') await store.jobs.complete(jobId, 'dead-instance');
    await store.checkRuns.opened({ installation: 7, repository: `acme/${repo}`, headSha: head, checkRunId: id, owner: 'dead-instance', name: 'Token Warden', jobId });
    return jobId;
  }

  it('leaves a run to its live job, forgets one GitHub completed, judges the change again for one whose job is gone, and completes one its recovery did not finish', async () => {
    const lines: string[] = [];
    const status = new Map<number, string>([
      [101, 'in_progress'],
      [102, 'completed'],
      [103, 'in_progress'],
    ]);
    const { auth, updates } = github(status);
    const recovery = new RunRecovery({ store, auth, log: memoryLogger(lines), staleMs: 1, everyMs: 60_000 });
    const running = await openRun('live', 101, { state: 'running' });
    await openRun('landed', 102, { state: 'done' });
    const gone = await openRun('gone', 103, { state: 'done' });
    await new Promise((r) => setTimeout(r, 20));

    const first = await recovery.pass();
    expect(first).toEqual({ stale: 3, waiting: 1, forgotten: 1, requeued: 1, completed: 0, failed: 0 });
    expect(updates).toEqual([]);
    // The live job still owns its run; the landed one is forgotten; the third is owned by a recovery job
    // that carries the original's payload (no delivery) and the run it must adopt.
    const open = new Map((await store.checkRuns.listStale(0)).map((r) => [r.checkRunId, r]));
    expect([...open.keys()].sort()).toEqual([101, 103]);
    expect(open.get(101)!.jobId).toBe(running);
    const recoveryJob = await store.jobs.get<JobPayload>(open.get(103)!.jobId!);
    expect(recoveryJob!.id).not.toBe(gone);
    expect(recoveryJob!.payload).toMatchObject({ kind: 'pull_request', recovers: 103, repository: { name: 'gone' } });
    expect(recoveryJob!.payload.delivery).toBeUndefined();

    // That recovery job ended without completing the run (it died too, say): completed as not judged.
    const [taken] = await store.jobs.claim({ owner: 'another-dead-instance', leaseMs: 60_000, queues: ['judge'] });
    expect(taken!.id).toBe(recoveryJob!.id);
    await store.jobs.complete(taken!.id, 'another-dead-instance');
    await new Promise((r) => setTimeout(r, 20));
    const second = await recovery.pass();
    expect(second).toMatchObject({ waiting: 1, completed: 1, requeued: 0 });
    expect(updates).toEqual([
      expect.objectContaining({ check_run_id: 103, status: 'completed', conclusion: 'failure', output: expect.objectContaining({ title: expect.stringContaining('could not complete') }) }),
    ]);
    expect((await store.checkRuns.listStale(0)).map((r) => r.checkRunId)).toEqual([101]);
    await store.jobs.complete(running, 'dead-instance');
    await store.checkRuns.completed(101);
  });

  it('forgets a run GitHub will not let anyone complete (the installation is gone)', async () => {
    const lines: string[] = [];
    const { auth } = github(new Map([[201, 'in_progress']]), true);
    await openRun('uninstalled', 201, { state: 'done' });
    await new Promise((r) => setTimeout(r, 20));
    const pass = await new RunRecovery({ store, auth, log: memoryLogger(lines), staleMs: 1, everyMs: 60_000 }).pass();
    expect(pass).toMatchObject({ stale: 1, forgotten: 1, failed: 0 });
    expect(await store.checkRuns.count()).toBe(0);
    expect(lines.join('\n')).toContain('cannot be completed (GitHub refused): forgotten');
  });
});

describe('recording deliveries together (group commit)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ backend: 'pglite', dataDir: await freshDataDir() });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  const item = (id: string, n: number, job = true) => ({
    delivery: { id, event: 'pull_request.opened', installation: n, repository: `acme/r${n}` },
    job: job ? { queue: 'judge', payload: { n }, groupKey: `acme/r${n}` } : null,
  });

  it('records first deliveries in one statement, each with its own job; a batch with a known one takes them one by one', async () => {
    expect(await store.deliveries.recordMany([item('m-1', 1), item('m-2', 2, false), item('m-3', 3)])).toEqual(['new', 'new', 'new']);
    for (const [id, n] of [
      ['m-1', 1],
      ['m-3', 3],
    ] as const) {
      const d = await store.deliveries.get(id);
      expect(d).toMatchObject({ state: 'queued', installation: n, repository: `acme/r${n}` });
      expect((await store.jobs.get<{ n: number }>(d!.jobId!))?.payload).toEqual({ n });
    }
    expect(await store.deliveries.get('m-2')).toMatchObject({ state: 'handled', jobId: null });
    expect(await store.deliveries.recordMany([item('m-4', 4), item('m-1', 1), item('m-5', 5)])).toEqual(['new', 'duplicate', 'new']);
    expect((await store.deliveries.get('m-5'))?.jobId).not.toBeNull();
  });

  it('the intake records what arrives while a record is in flight in one batch, and a batch the store refuses one by one', async () => {
    const calls: number[] = [];
    let refuse = false;
    const repo: DeliveryRepository = {
      ...store.deliveries,
      record: (d, j) => store.deliveries.record(d, j),
      recordMany: async (items) => {
        calls.push(items.length);
        if (refuse && items.length > 1) throw new Error('refused as a whole');
        return store.deliveries.recordMany(items);
      },
    };
    const intake = new StoreIntake(repo);
    const ev = (n: number) => pullRequestEvent('opened', { number: n, headSha: sha(`gc-${n}`) });
    const first = await Promise.all(Array.from({ length: 30 }, (_, i) => intake.accept({ id: `gc-${i}`, event: 'pull_request' }, ev(i + 1))));
    expect(first.every((r) => r.status === 'queued')).toBe(true);
    expect(calls.length).toBeLessThan(30);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(30);
    refuse = true;
    const second = await Promise.all([
      intake.accept({ id: 'gc-0', event: 'pull_request' }, ev(1)),
      intake.accept({ id: 'gc-new-1', event: 'pull_request' }, ev(41)),
      intake.accept({ id: 'gc-new-2', event: 'pull_request' }, ev(42)),
    ]);
    expect(second.map((r) => r.status)).toEqual(['duplicate', 'queued', 'queued']);
  });
});
