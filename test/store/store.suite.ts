/**
 * The store suite: the same cases against each back end (pglite.test.ts, postgres.test.ts). Most cases
 * share one database per back end and keep to their own keys and queues; the ones about opening,
 * migrating and processes take fresh databases.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, openStore, StoreError, type Job, type Store, type StoreOptions } from '../../src/store/index.js';
import { JobWorker, PermanentJobError } from '../../src/jobs/worker.js';
import type { Harness } from './helpers/harness.js';
import { buildStore, removeBuild, runChild } from './helpers/build.js';

const uid = (): string => randomBytes(4).toString('hex');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const SLOW = 120_000;

async function rejection(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError, got success');
}

/** Poll `fn` until it returns a truthy value or `ms` pass. */
async function eventually<T>(fn: () => Promise<T>, ms = 10_000, every = 50): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v || Date.now() > end) return v;
    await sleep(every);
  }
}

export function storeSuite(h: Harness): void {
  const d = h.skip ? describe.skip : describe;
  if (h.skip) {
    // Visible in the run's output, not only as a skipped count.
    console.warn(`store suite (${h.name}) skipped: ${h.skip}`);
    describe(`store (${h.name})`, () => it.skip(`skipped: ${h.skip}`, () => undefined));
    return;
  }

  d(`store (${h.name})`, () => {
    let store: Store;
    let shared: StoreOptions;
    let build: string;
    // A second database for the cases that need one nobody else holds open (a child process on PGlite,
    // where a directory serves one process), already migrated.
    let sideDb: Promise<StoreOptions> | undefined;
    const side = (): Promise<StoreOptions> => (sideDb ??= h.migrated());

    beforeAll(async () => {
      build = buildStore();
      shared = await h.fresh();
      store = await openStore(shared);
    }, SLOW);

    afterAll(async () => {
      await store?.close();
      await h.teardown();
      if (build) removeBuild(build);
    }, SLOW);

    describe('opening and migrations', () => {
      it('applies the migrations on first open and reports the schema version', async () => {
        expect(store.backend).toBe(h.backend);
        expect(store.migration).toEqual({ version: LATEST_VERSION, applied: MIGRATIONS.map((m) => m.version) });
        const s = await store.status();
        expect(s).toMatchObject({ backend: h.backend, schemaVersion: LATEST_VERSION, codeVersion: LATEST_VERSION, openCheckRuns: expect.any(Number) });
        await store.ping();
      });

      if (h.multiInstance) {
        it(
          'two instances opening one new database at once: exactly one migrates, both work',
          async () => {
            const opts = await h.fresh();
            const [a, b] = await Promise.all([openStore(opts), openStore(opts)]);
            try {
              const applied = [a.migration.applied, b.migration.applied].sort((x, y) => y.length - x.length);
              expect(applied).toEqual([MIGRATIONS.map((m) => m.version), []]);
              const again = await openStore(opts);
              expect(again.migration.applied).toEqual([]);
              await again.close();
              // Each version recorded once.
              expect((await a.status()).schemaVersion).toBe(LATEST_VERSION);
              await a.deliveries.record({ id: uid(), event: 'push', installation: 1, repository: 'o/r' });
            } finally {
              await a.close();
              await b.close();
            }
          },
          SLOW,
        );
      } else {
        it('a second open of the same data directory is refused with the holder named (one process per directory)', async () => {
          const e = await rejection(openStore(shared));
          expect(e.code).toBe('DATA_DIR_LOCKED');
          expect(e.message).toMatch(/already open in this process/);
          // The first handle still works.
          await store.ping();
        });
      }

      it(
        'closing lets the process exit (a child opens, writes, closes, and exits by itself)',
        async () => {
          const opts = await side();
          const child = runChild(
            build,
            `import { openStore } from './src/store/index.js';
           const store = await openStore(JSON.parse(process.argv[2]));
           await store.deliveries.record({ id: 'child-delivery', event: 'push', installation: 7, repository: 'o/r' });
           await store.close();
           console.log('closed');`,
            [JSON.stringify(opts)],
          );
          const exit = await Promise.race([child.exited, sleep(60_000).then(() => undefined)]);
          if (!exit) child.kill('SIGKILL');
          expect(exit, `the child did not exit after close(); it printed:\n${child.lines.join('\n')}`).toMatchObject({ code: 0, signal: null });
          expect(child.lines).toContain('closed');
          const again = await openStore(opts);
          try {
            expect(await again.deliveries.get('child-delivery')).toMatchObject({ installation: 7, state: 'handled' });
          } finally {
            await again.close();
          }
        },
        SLOW,
      );

      it('an unknown DATABASE_URL scheme is refused before anything opens', async () => {
        const e = await rejection(openStore({ DATABASE_URL: 'mysql://u@h/db' }));
        expect(e.code).toBe('BAD_CONFIG');
        expect(e.message).toContain('postgres://');
        expect((await rejection(openStore({ DATABASE_URL: 'postgres://h/db', TOKENWARDEN_DB_POOL_SIZE: '0' }))).code).toBe('BAD_CONFIG');
      });
    });

    describe('deliveries', () => {
      it('records a delivery and enqueues its job in one step; a redelivery is a duplicate', async () => {
        const id = uid();
        const q = `q-${uid()}`;
        const job = { queue: q, payload: { pr: 1 }, groupKey: `o/${id}` };
        expect(await store.deliveries.record({ id, event: 'pull_request.opened', installation: 42, repository: `o/${id}` }, job)).toBe('new');
        const rec = await store.deliveries.get(id);
        expect(rec).toMatchObject({ id, event: 'pull_request.opened', installation: 42, repository: `o/${id}`, state: 'queued', attempts: 1 });
        expect(rec!.jobId).toEqual(expect.any(Number));
        expect(await store.jobs.get(rec!.jobId!)).toMatchObject({ queue: q, payload: { pr: 1 }, state: 'queued', groupKey: `o/${id}` });
        // Redelivered while queued, and after handling: duplicates, no second job.
        expect(await store.deliveries.record({ id, event: 'pull_request.opened', installation: 42, repository: `o/${id}` }, job)).toBe('duplicate');
        const [claimed] = await store.jobs.claim({ owner: 'w', queues: [q], limit: 5, leaseMs: 10_000 });
        expect(claimed!.id).toBe(rec!.jobId);
        expect(await store.jobs.complete(claimed!.id, 'w')).toBe(true);
        expect((await store.deliveries.get(id))!.state).toBe('handled');
        expect(await store.deliveries.record({ id, event: 'pull_request.opened', installation: 42, repository: `o/${id}` }, job)).toBe('duplicate');
        expect(await store.jobs.claim({ owner: 'w', queues: [q], limit: 5, leaseMs: 10_000 })).toEqual([]);
      });

      it('a failure while enqueueing rolls back the delivery too (one transaction)', async () => {
        const id = uid();
        const q = `q-${uid()}`;
        // The database refuses a payload over 64 KiB (a CHECK constraint): the INSERT of the job fails
        // after the delivery's INSERT ran, in the same transaction.
        const huge = { blob: 'x'.repeat(70_000) };
        await expect(store.deliveries.record({ id, event: 'push', installation: 1, repository: 'o/r' }, { queue: q, payload: huge })).rejects.toThrow();
        expect(await store.deliveries.get(id)).toBeUndefined();
        expect(await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 1000 })).toEqual([]);
        // Nothing half-recorded: the same delivery can be recorded afterwards.
        expect(await store.deliveries.record({ id, event: 'push', installation: 1, repository: 'o/r' }, { queue: q, payload: { ok: true } })).toBe('new');
        const [j] = await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 1000 });
        expect(j!.payload).toEqual({ ok: true });
        await store.jobs.complete(j!.id, 'w');
      });

      it('the same delivery recorded 20 times at once: one new, one job', async () => {
        const id = uid();
        const q = `q-${uid()}`;
        const other = h.multiInstance ? await openStore({ ...shared }) : store;
        try {
          const results = await Promise.all(
            Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).deliveries.record({ id, event: 'push', installation: 1, repository: 'o/r' }, { queue: q, payload: { i } })),
          );
          expect(results.filter((r) => r === 'new')).toHaveLength(1);
          const jobs = await store.jobs.claim({ owner: 'w', queues: [q], limit: 50, leaseMs: 1000 });
          expect(jobs).toHaveLength(1);
          await store.jobs.complete(jobs[0]!.id, 'w');
        } finally {
          if (other !== store) await other.close();
        }
      });

      it('a delivery whose handling failed is handled again when redelivered', async () => {
        const id = uid();
        const q = `q-${uid()}`;
        await store.deliveries.record({ id, event: 'push', installation: 1, repository: 'o/r' }, { queue: q, payload: {}, maxAttempts: 1 });
        const [j] = await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 1000 });
        expect(await store.jobs.fail(j!.id, 'w', 'GitHub said 500')).toBe('failed');
        expect(await store.deliveries.get(id)).toMatchObject({ state: 'failed', error: 'GitHub said 500' });
        expect(await store.deliveries.record({ id, event: 'push', installation: 1, repository: 'o/r' }, { queue: q, payload: {} })).toBe('new');
        const rec = await store.deliveries.get(id);
        expect(rec).toMatchObject({ state: 'queued', attempts: 2, error: null });
        expect(rec!.jobId).not.toBe(j!.id);
        // markHandled / markFailed by hand, and a delivery recorded without a job.
        await store.deliveries.markFailed(id, 'x');
        expect((await store.deliveries.get(id))!.state).toBe('failed');
        await store.deliveries.markHandled(id);
        expect((await store.deliveries.get(id))!.state).toBe('handled');
        const lone = uid();
        expect(await store.deliveries.record({ id: lone, event: 'ping', installation: null, repository: null })).toBe('new');
        expect(await store.deliveries.get(lone)).toMatchObject({ state: 'handled', jobId: null, installation: null });
        expect(await store.deliveries.record({ id: lone, event: 'ping', installation: null, repository: null })).toBe('duplicate');
        for (const stale of await store.jobs.claim({ owner: 'w', queues: [q], limit: 10, leaseMs: 1000 })) await store.jobs.complete(stale.id, 'w');
      });
    });

    describe('job queue', () => {
      it('one job per repository at a time; a busy repository does not hold up the others', async () => {
        const q = `q-${uid()}`;
        const [A, B] = [`a/${uid()}`, `b/${uid()}`];
        const a1 = await store.jobs.enqueue({ queue: q, payload: 'a1', groupKey: A });
        const a2 = await store.jobs.enqueue({ queue: q, payload: 'a2', groupKey: A });
        const b1 = await store.jobs.enqueue({ queue: q, payload: 'b1', groupKey: B });
        const c1 = await store.jobs.enqueue({ queue: q, payload: 'c1' }); // no group
        const first = await store.jobs.claim({ owner: 'w1', queues: [q], limit: 10, leaseMs: 10_000 });
        expect(first.map((j) => j.id)).toEqual([a1, b1, c1]);
        // a2 waits for a1, whoever asks.
        expect(await store.jobs.claim({ owner: 'w2', queues: [q], limit: 10, leaseMs: 10_000 })).toEqual([]);
        await store.jobs.complete(a1, 'w1');
        const next = await store.jobs.claim({ owner: 'w2', queues: [q], limit: 10, leaseMs: 10_000 });
        expect(next.map((j) => [j.id, j.payload, j.attempts])).toEqual([[a2, 'a2', 1]]);
        for (const [id, o] of [
          [a2, 'w2'],
          [b1, 'w1'],
          [c1, 'w1'],
        ] as const)
          expect(await store.jobs.complete(id, o)).toBe(true);
      });

      it(
        'racing claimers never run two jobs of one repository at once',
        async () => {
          const q = `q-${uid()}`;
          const groups = Array.from({ length: 4 }, () => `g/${uid()}`);
          for (let i = 0; i < 40; i++) await store.jobs.enqueue({ queue: q, payload: i, groupKey: groups[i % groups.length] });
          const handles = h.multiInstance ? [store, await openStore(shared), await openStore(shared)] : [store];
          const running = new Map<string, number>();
          let overlap = 0;
          let done = 0;
          try {
            await Promise.all(
              Array.from({ length: 8 }, async (_, w) => {
                const s = handles[w % handles.length]!;
                const owner = `racer-${w}`;
                for (let idle = 0; idle < 40 && done < 40;) {
                  const [j] = await s.jobs.claim({ owner, queues: [q], leaseMs: 10_000 });
                  if (!j) {
                    idle++;
                    await sleep(10);
                    continue;
                  }
                  const g = j.groupKey!;
                  running.set(g, (running.get(g) ?? 0) + 1);
                  if (running.get(g)! > 1) overlap++;
                  await sleep(2);
                  running.set(g, running.get(g)! - 1);
                  expect(await s.jobs.complete(j.id, owner)).toBe(true);
                  done++;
                }
              }),
            );
          } finally {
            for (const s of handles) if (s !== store) await s.close();
          }
          expect(overlap).toBe(0);
          expect(done).toBe(40);
        },
        SLOW,
      );

      it('a job whose lease runs out (its worker died) is put back and retried', async () => {
        const q = `q-${uid()}`;
        const id = await store.jobs.enqueue({ queue: q, payload: {}, groupKey: `r/${uid()}` });
        const [j] = await store.jobs.claim({ owner: 'dead', queues: [q], leaseMs: 300 });
        expect(j).toMatchObject({ id, attempts: 1, leaseOwner: 'dead', state: 'running' });
        expect(await store.jobs.claim({ owner: 'alive', queues: [q], leaseMs: 10_000 })).toEqual([]);
        await sleep(450);
        expect((await store.jobs.stats()).expired).toBeGreaterThanOrEqual(1);
        expect(await store.jobs.reapExpired()).toBeGreaterThanOrEqual(1);
        const [again] = await store.jobs.claim({ owner: 'alive', queues: [q], leaseMs: 10_000 });
        expect(again).toMatchObject({ id, attempts: 2, leaseOwner: 'alive' });
        expect(again!.lastError).toMatch(/lease expired: worker dead/);
        // The dead worker's late answers change nothing.
        expect(await store.jobs.complete(id, 'dead')).toBe(false);
        expect(await store.jobs.heartbeat(id, 'dead', 1000)).toBe(false);
        expect(await store.jobs.fail(id, 'dead', 'late')).toBe('lost');
        expect(await store.jobs.heartbeat(id, 'alive', 10_000)).toBe(true);
        expect(await store.jobs.complete(id, 'alive')).toBe(true);
      });

      it(
        'a worker killed with SIGKILL mid-job: its job is retried after the lease expires',
        async () => {
          const q = `q-${uid()}`;
          let opts = shared;
          let s = store;
          if (!h.multiInstance) {
            // One process per PGlite directory: the child gets its own, and this process reopens it after.
            opts = await side();
            s = await openStore(opts);
          }
          const id = await s.jobs.enqueue({ queue: q, payload: { sha: 'abc' }, groupKey: 'o/killed' });
          if (s !== store) await s.close();
          const child = runChild(
            build,
            `import { openStore } from './src/store/index.js';
           const store = await openStore(JSON.parse(process.argv[2]));
           const [job] = await store.jobs.claim({ owner: 'doomed', queues: [process.argv[3]], leaseMs: 1500 });
           console.log('claimed ' + job.id);
           setInterval(() => {}, 1000);`,
            [JSON.stringify(opts), q],
          );
          expect(await child.waitFor((l) => l.startsWith('claimed '), 90_000)).toBe(`claimed ${id}`);
          child.kill('SIGKILL');
          expect((await child.exited).signal).toBe('SIGKILL');
          // The dead process's lock on a PGlite directory is stale: taken over.
          s = s === store ? store : await openStore(opts);
          try {
            expect(await s.jobs.get(id)).toMatchObject({ state: 'running', leaseOwner: 'doomed', attempts: 1 });
            const [again] =
              (await eventually(
                async () => {
                  await s.jobs.reapExpired();
                  return (await s.jobs.claim({ owner: 'survivor', queues: [q], leaseMs: 10_000 })).at(0) ? [await s.jobs.get(id)] : undefined;
                },
                15_000,
                200,
              )) ?? [];
            expect(again).toMatchObject({ id, attempts: 2, leaseOwner: 'survivor', payload: { sha: 'abc' } });
            expect(again!.lastError).toMatch(/doomed/);
            expect(await s.jobs.complete(id, 'survivor')).toBe(true);
          } finally {
            if (s !== store) await s.close();
          }
        },
        SLOW,
      );

      it(
        'failures are retried with a growing backoff, then fail for good',
        async () => {
          const q = `q-${uid()}`;
          const id = await store.jobs.enqueue({ queue: q, payload: {}, maxAttempts: 3 });
          const backoff = { baseMs: 300, maxMs: 10_000, jitter: 0 };
          const take = async (): Promise<Job | undefined> => (await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 }))[0];
          expect((await take())!.attempts).toBe(1);
          const t1 = Date.now();
          expect(await store.jobs.fail(id, 'w', 'boom 1', { backoff })).toBe('retry');
          const j1 = await store.jobs.get(id);
          expect(j1).toMatchObject({ state: 'queued', lastError: 'boom 1', leaseOwner: null });
          expect(await take()).toBeUndefined(); // not before its time
          const second = await eventually(take, 5_000, 25);
          expect(second!.attempts).toBe(2);
          expect(Date.now() - t1).toBeGreaterThanOrEqual(250);
          // The second failure waits twice as long.
          expect(await store.jobs.fail(id, 'w', 'boom 2', { backoff })).toBe('retry');
          const j2 = await store.jobs.get(id);
          expect(j2!.runAt.getTime() - j1!.runAt.getTime()).toBeGreaterThan(550);
          const third = await eventually(take, 5_000, 25);
          expect(third!.attempts).toBe(3);
          expect(await store.jobs.fail(id, 'w', 'boom 3', { backoff })).toBe('failed');
          expect(await store.jobs.get(id)).toMatchObject({ state: 'failed', lastError: 'boom 3', finishedAt: expect.any(Date) });
          // `final` fails at once whatever the attempts left.
          const id2 = await store.jobs.enqueue({ queue: q, payload: {} });
          await take();
          expect(await store.jobs.fail(id2, 'w', 'bad payload', { final: true })).toBe('failed');
        },
        SLOW,
      );

      it(
        'retryAt: a job runs again at the given time, not counted as an attempt',
        async () => {
          const q = `q-${uid()}`;
          const id = await store.jobs.enqueue({ queue: q, payload: {}, groupKey: `r/${uid()}`, maxAttempts: 1 });
          const [j] = await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 });
          const at = new Date(Date.now() + 600);
          expect(await store.jobs.retryAt(id, 'w', at, 'rate limited until reset')).toBe(true);
          expect(await store.jobs.get(id)).toMatchObject({ state: 'queued', attempts: 0, reschedules: 1, lastError: 'rate limited until reset', runAt: at });
          expect(await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 })).toEqual([]);
          const s = await store.jobs.stats();
          expect(s.scheduled).toBeGreaterThanOrEqual(1);
          const again = await eventually(async () => (await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 }))[0], 5_000, 25);
          expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 50);
          expect(again).toMatchObject({ id, attempts: 1, reschedules: 1 });
          expect(j!.attempts).toBe(1);
          // A job can also be enqueued for later, and handed back untouched.
          const later = await store.jobs.enqueue({ queue: q, payload: {}, runAt: new Date(Date.now() + 60_000) });
          expect((await store.jobs.get(later))!.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
          expect(await store.jobs.release(id, 'w')).toBe(true);
          expect(await store.jobs.get(id)).toMatchObject({ state: 'queued', attempts: 0 });
          const [back] = await store.jobs.claim({ owner: 'w2', queues: [q], leaseMs: 10_000 });
          expect(back!.id).toBe(id);
          await store.jobs.complete(id, 'w2');
        },
        SLOW,
      );

      it('a dedupe key folds jobs that wait for the same work', async () => {
        const q = `q-${uid()}`;
        const a = await store.jobs.enqueue({ queue: q, payload: 1, dedupeKey: 'o/r#5@abc' });
        const b = await store.jobs.enqueue({ queue: q, payload: 2, dedupeKey: 'o/r#5@abc' });
        expect(b).toBe(a);
        const [j] = await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 });
        // Once it runs, the same key enqueues anew (the running one may have read the old state).
        const c = await store.jobs.enqueue({ queue: q, payload: 3, dedupeKey: 'o/r#5@abc' });
        expect(c).not.toBe(a);
        await store.jobs.complete(j!.id, 'w');
        const [k] = await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 });
        expect(k!.payload).toBe(3);
        await store.jobs.complete(k!.id, 'w');
      });

      it("reports queue depth and the oldest ready job's age", async () => {
        const q = `q-${uid()}`;
        const before = await store.jobs.stats();
        const ids = [
          await store.jobs.enqueue({ queue: q, payload: 1 }),
          await store.jobs.enqueue({ queue: q, payload: 2 }),
          await store.jobs.enqueue({ queue: q, payload: 3 }),
          await store.jobs.enqueue({ queue: q, payload: 4, runAt: new Date(Date.now() + 60_000) }),
        ];
        await sleep(300);
        const [running] = await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 });
        const s = await store.jobs.stats();
        expect(s.ready - before.ready).toBe(2);
        expect(s.running - before.running).toBe(1);
        expect(s.scheduled - before.scheduled).toBe(1);
        expect(s.oldestReadyAgeMs).toBeGreaterThanOrEqual(250);
        expect((await store.status()).queue.ready).toBe(s.ready);
        await store.jobs.complete(running!.id, 'w');
        for (const j of await store.jobs.claim({ owner: 'w', queues: [q], limit: 5, leaseMs: 10_000 })) await store.jobs.complete(j.id, 'w');
        expect(ids).toHaveLength(4);
      });
    });

    describe('workers', () => {
      it(
        'bounded concurrency, one job per repository, retries, retryAt, and a stop that hands back',
        async () => {
          const q = `q-${uid()}`;
          const repos = ['a', 'b', 'c'].map((r) => `${r}/${uid()}`);
          const ids: number[] = [];
          for (let i = 0; i < 12; i++) ids.push(await store.jobs.enqueue({ queue: q, payload: { i, repo: repos[i % 3] }, groupKey: repos[i % 3] }));
          const flaky = ids[1]!;
          const rateLimited = ids[2]!;
          let active = 0;
          let peak = 0;
          const perRepo = new Map<string, number>();
          let repoOverlap = 0;
          const seen: number[] = [];
          const worker = new JobWorker<{ i: number; repo: string }>({
            queue: store.jobs,
            queues: [q],
            owner: 'test-worker',
            concurrency: 2,
            leaseMs: 5_000,
            pollMs: 50,
            reapEveryMs: 100,
            backoff: { baseMs: 50, maxMs: 100, jitter: 0 },
            async handle(job) {
              active++;
              peak = Math.max(peak, active);
              perRepo.set(job.payload.repo, (perRepo.get(job.payload.repo) ?? 0) + 1);
              if (perRepo.get(job.payload.repo)! > 1) repoOverlap++;
              try {
                await sleep(20);
                seen.push(job.id);
                if (job.id === flaky && job.attempts === 1) throw new Error('flaky');
                if (job.id === rateLimited && job.reschedules === 0) return { retryAt: new Date(Date.now() + 150), reason: 'rate limited' };
                if (job.payload.i === 11) throw new PermanentJobError('cannot be done');
              } finally {
                active--;
                perRepo.set(job.payload.repo, perRepo.get(job.payload.repo)! - 1);
              }
            },
          }).start();
          try {
            const states = await eventually(async () => {
              const all = await Promise.all(ids.map((id) => store.jobs.get(id)));
              return all.every((j) => j!.state === 'done' || j!.state === 'failed') ? all : undefined;
            }, 30_000);
            expect(states, 'jobs did not all finish').toBeDefined();
            expect(states!.filter((j) => j!.state === 'failed').map((j) => j!.id)).toEqual([ids[11]]);
            expect(await store.jobs.get(flaky)).toMatchObject({ state: 'done', attempts: 2 });
            expect(await store.jobs.get(rateLimited)).toMatchObject({ state: 'done', attempts: 1, reschedules: 1 });
          } finally {
            await worker.stop(1_000);
          }
          expect(peak).toBeLessThanOrEqual(2);
          expect(peak).toBe(2);
          expect(repoOverlap).toBe(0);
          expect(seen.length).toBe(14);

          // Stop with a job in hand past the grace period: handed back, ready for another worker.
          const slowQ = `q-${uid()}`;
          const slowId = await store.jobs.enqueue({ queue: slowQ, payload: {} });
          let aborted = false;
          const slow = new JobWorker({
            queue: store.jobs,
            queues: [slowQ],
            owner: 'slow-worker',
            pollMs: 50,
            async handle(_job, ctx) {
              await new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r()));
              aborted = true;
            },
          }).start();
          await eventually(async () => slow.active === 1, 10_000, 20);
          expect(await slow.stop(200)).toEqual({ finished: 0, handedBack: 1 });
          expect(aborted).toBe(true);
          expect(await store.jobs.get(slowId)).toMatchObject({ state: 'queued', attempts: 0, leaseOwner: null });
          const [back] = await store.jobs.claim({ owner: 'w', queues: [slowQ], leaseMs: 1_000 });
          await store.jobs.complete(back!.id, 'w');
        },
        SLOW,
      );

      it('a handler whose lease is lost is told (AbortSignal) and its result is not recorded', async () => {
        const q = `q-${uid()}`;
        const id = await store.jobs.enqueue({ queue: q, payload: {} });
        let reason = '';
        let finished = false;
        const worker = new JobWorker({
          queue: store.jobs,
          queues: [q],
          owner: 'loses-lease',
          concurrency: 1, // so that it cannot take the job back itself while its handler is in hand
          leaseMs: 600,
          pollMs: 50,
          async handle(_job, ctx) {
            await new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r()));
            reason = String((ctx.signal.reason as Error).message);
            finished = true;
          },
        }).start();
        try {
          const running = await eventually(async () => {
            const j = await store.jobs.get(id);
            return j?.state === 'running' ? j : undefined;
          });
          // Someone else takes it (as a reaper would after an expiry): the next heartbeat notices.
          expect(await store.jobs.release(id, running!.leaseOwner!)).toBe(true);
          const [taken] = await store.jobs.claim({ owner: 'other', queues: [q], leaseMs: 10_000 });
          expect(taken!.id).toBe(id);
          await eventually(async () => finished, 5_000, 20);
          expect(reason).toBe('lease lost');
          expect(await store.jobs.get(id)).toMatchObject({ state: 'running', leaseOwner: 'other' });
          expect(await store.jobs.complete(id, 'other')).toBe(true);
        } finally {
          await worker.stop();
        }
      });

      it('a job enqueued through the same store wakes an idle worker at once', async () => {
        const q = `q-${uid()}`;
        let took = -1;
        let enqueuedAt = 0;
        const worker = new JobWorker({
          queue: store.jobs,
          queues: [q],
          owner: 'wake',
          pollMs: 60_000,
          reapEveryMs: 60_000,
          async handle() {
            took = Date.now() - enqueuedAt;
          },
        }).start();
        try {
          await sleep(200);
          enqueuedAt = Date.now();
          await store.deliveries.record({ id: uid(), event: 'push', installation: 1, repository: 'o/r' }, { queue: q, payload: {} });
          await eventually(async () => took >= 0, 10_000, 10);
          expect(took).toBeGreaterThanOrEqual(0);
          expect(took).toBeLessThan(5_000);
        } finally {
          await worker.stop();
        }
      });
    });

    describe('check runs', () => {
      it('records started runs, finds the stale ones, hands each to one recoverer, forgets completed ones', async () => {
        const repo = `o/${uid()}`;
        const base = 900_000_000 + Math.floor(Math.random() * 1e8);
        await store.checkRuns.opened({ installation: 5, repository: repo, headSha: 'a'.repeat(40), checkRunId: base, owner: 'i1', jobId: 3, name: 'Token Warden' });
        await store.checkRuns.opened({ installation: 5, repository: repo, headSha: 'b'.repeat(40), checkRunId: base + 1, owner: 'i1' });
        await store.checkRuns.opened({ installation: 5, repository: repo, headSha: 'b'.repeat(40), checkRunId: base + 1, owner: 'i1' }); // idempotent
        expect(await store.checkRuns.find(repo, 'a'.repeat(40))).toEqual([
          expect.objectContaining({ checkRunId: base, installation: 5, repository: repo, owner: 'i1', jobId: 3, name: 'Token Warden', claimedAt: null }),
        ]);
        expect((await store.checkRuns.listStale(60_000)).filter((r) => r.repository === repo)).toEqual([]);
        await sleep(250);
        const stale = (await store.checkRuns.listStale(200, 1000)).filter((r) => r.repository === repo);
        expect(stale.map((r) => r.checkRunId)).toEqual([base, base + 1]);
        // Two recoverers at once: each run goes to one of them.
        const [x, y] = await Promise.all([store.checkRuns.claimStale('r1', 200, 1000), store.checkRuns.claimStale('r2', 200, 1000)]);
        const mine = [...x, ...y].filter((r) => r.repository === repo);
        expect(mine.map((r) => r.checkRunId).sort()).toEqual([base, base + 1]);
        expect(new Set(mine.map((r) => r.checkRunId)).size).toBe(2);
        // Claimed just now: not handed out again until the deadline passes once more.
        expect((await store.checkRuns.claimStale('r3', 200, 1000)).filter((r) => r.repository === repo)).toEqual([]);
        expect(await store.checkRuns.completed(base)).toBe(true);
        expect(await store.checkRuns.completed(base)).toBe(false);
        expect(await store.checkRuns.completed(base + 1)).toBe(true);
        expect(await store.checkRuns.find(repo, 'b'.repeat(40))).toEqual([]);
      });
    });

    describe('remediation-issue index', () => {
      it('claim → create → record: one writer per finding, found again without listing', async () => {
        const home = `Org/${uid()}`;
        const key = `secret:${uid()}`;
        expect(await store.issues.get(home, key)).toBeUndefined();
        expect(await store.issues.claim(home, key, 'i1', 10_000)).toEqual({ kind: 'claimed', recovered: false });
        const busy = await store.issues.claim(home, key, 'i2', 10_000);
        expect(busy).toMatchObject({ kind: 'busy', owner: 'i1' });
        expect(await store.issues.get(home, key)).toBeUndefined(); // a claim is not an issue
        await store.issues.record({ home, key, number: 17, state: 'open', repository: 'Org/Scanned', url: 'https://github.example/org/x/issues/17' });
        const got = await store.issues.get(home.toLowerCase(), key);
        expect(got).toMatchObject({ home: home.toLowerCase(), key, number: 17, state: 'open', repository: 'org/scanned' });
        expect(await store.issues.claim(home, key, 'i2', 10_000)).toMatchObject({ kind: 'exists', issue: { number: 17 } });
        // Many keys in one query (a pull request with many findings).
        const key2 = `fingerprint:org/scanned:${uid()}`;
        await store.issues.record({ home, key: key2, number: 18, state: 'open', repository: 'org/scanned' });
        const many = await store.issues.getMany(home, [key, key2, 'secret:none']);
        expect([...many.keys()].sort()).toEqual([key, key2].sort());
        expect((await store.issues.list(home, { repository: 'ORG/SCANNED' })).map((i) => i.number)).toEqual([17, 18]);
        expect(await store.issues.setState(home, 17, 'closed')).toBe(1);
        expect((await store.issues.list(home, { state: 'open' })).map((i) => i.number)).toEqual([18]);
        // Occurrence comments: once.
        expect(await store.issues.noteOccurrence(home, 17, 'occ-1')).toBe(true);
        expect(await store.issues.noteOccurrence(home, 17, 'occ-1')).toBe(false);
        expect(await store.issues.noteOccurrence(home, 18, 'occ-1')).toBe(true);
      });

      it('a claim whose holder died runs out and is taken over as "recovered"; a released one is free', async () => {
        const home = `org/${uid()}`;
        const key = `secret:${uid()}`;
        expect((await store.issues.claim(home, key, 'dies', 200)).kind).toBe('claimed');
        await sleep(300);
        expect(await store.issues.claim(home, key, 'next', 10_000)).toEqual({ kind: 'claimed', recovered: true });
        await store.issues.release(home, key, 'next');
        expect(await store.issues.claim(home, key, 'third', 10_000)).toEqual({ kind: 'claimed', recovered: false });
        // Two writers at once: one claims.
        const key2 = `secret:${uid()}`;
        const both = await Promise.all([store.issues.claim(home, key2, 'p', 10_000), store.issues.claim(home, key2, 'q', 10_000)]);
        expect(both.map((c) => c.kind).sort()).toEqual(['busy', 'claimed']);
      });
    });

    describe('leases', () => {
      it('one holder at a time; renew, release, expiry and takeover with a new fencing token', async () => {
        const name = `sweep:org/${uid()}`;
        const a = await store.leases.acquire(name, 'a', 300);
        expect(a).toMatchObject({ name, owner: 'a', token: 1 });
        expect(await store.leases.acquire(name, 'b', 10_000)).toBeUndefined();
        const again = await store.leases.acquire(name, 'a', 300); // ours: renewed, same token
        expect(again!.token).toBe(1);
        expect(await store.leases.renew(name, 'a', 300)).toBe(true);
        expect(await store.leases.renew(name, 'b', 300)).toBe(false);
        await sleep(400);
        expect(await store.leases.renew(name, 'a', 300)).toBe(false); // expired: renewing is too late
        const b = await store.leases.acquire(name, 'b', 10_000);
        expect(b).toMatchObject({ owner: 'b', token: 2 });
        expect(await store.leases.release(name, 'a')).toBe(false);
        expect(await store.leases.get(name)).toMatchObject({ owner: 'b' });
        expect(await store.leases.release(name, 'b')).toBe(true);
        expect(await store.leases.get(name)).toBeUndefined();
        // Contended: exactly one of many.
        const name2 = `repo:o/${uid()}`;
        const got = await Promise.all(Array.from({ length: 10 }, (_, i) => store.leases.acquire(name2, `o${i}`, 10_000)));
        expect(got.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('write pacing', () => {
      it('hands out write slots an interval apart per installation and lane', async () => {
        const inst = 1_000_000 + Math.floor(Math.random() * 1e6);
        const waits: number[] = [];
        for (let i = 0; i < 4; i++) waits.push(await store.pacing.claimWriteSlot(inst, 1000));
        expect(waits[0]).toBe(0);
        for (let i = 1; i < 4; i++) expect(Math.abs(waits[i]! - i * 1000)).toBeLessThan(300);
        // Another installation, another lane: their own slots.
        expect(await store.pacing.claimWriteSlot(inst + 1, 1000)).toBe(0);
        expect(await store.pacing.claimWriteSlot(inst, 3000, 'content')).toBe(0);
        expect(Math.abs((await store.pacing.claimWriteSlot(inst, 3000, 'content')) - 3000)).toBeLessThan(300);
        // After the interval has passed, the next write may go at once.
        const inst2 = inst + 2;
        await store.pacing.claimWriteSlot(inst2, 100);
        await sleep(200);
        expect(await store.pacing.claimWriteSlot(inst2, 100)).toBe(0);
      });

      if (h.multiInstance) {
        it("two instances on one database share an installation's slots", async () => {
          const other = await openStore(shared);
          try {
            const inst = 3_000_000 + Math.floor(Math.random() * 1e6);
            const waits = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).pacing.claimWriteSlot(inst, 500)));
            const sorted = [...waits].sort((x, y) => x - y);
            expect(sorted[0]).toBe(0);
            // Ten distinct slots, ~500 ms apart, whichever instance asked.
            for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(350);
            expect(sorted.at(-1)).toBeGreaterThan(9 * 500 - 600);
          } finally {
            await other.close();
          }
        });
      } else {
        it.skip('two instances sharing write slots: PGlite serves one process per data directory (tested on PostgreSQL)', () => undefined);
      }
    });

    describe('schema versions (last: leaves the side database newer than the code)', () => {
      it(
        'refuses a database whose schema is newer than the code, and says why; checks an older one',
        async () => {
          const opts = await side(); // last user of it: it ends newer than the code
          const v2 = { version: LATEST_VERSION + 1, name: 'a later release', sql: 'CREATE TABLE tokenwarden.later (x int);' };
          // (The side database is already at this code's latest migration.)
          // Code newer than the database, told not to migrate: refused as too old.
          const old = await rejection(openStore({ ...opts, migrate: false, migrations: [...MIGRATIONS, v2] }));
          expect(old.code).toBe('SCHEMA_TOO_OLD');
          // A newer release migrates it…
          const newer = await openStore({ ...opts, migrations: [...MIGRATIONS, v2] });
          expect(newer.migration.applied).toEqual([LATEST_VERSION + 1]);
          await newer.close();
          // …and this code then refuses it, whether asked to migrate or not.
          for (const migrate of [true, false]) {
            const e = await rejection(openStore({ ...opts, migrate }));
            expect(e.code).toBe('SCHEMA_TOO_NEW');
            expect(e.message).toContain(`version ${LATEST_VERSION + 1}, newer than this Token Warden's ${LATEST_VERSION}`);
            expect(e.message).toContain('a later release');
          }
          // An edited migration is refused too.
          const edited = MIGRATIONS.map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
          const changed = await rejection(openStore({ ...opts, migrations: [...edited, v2] }));
          expect(changed.code).toBe('MIGRATION_CHANGED');
        },
        SLOW,
      );
    });

    describe('housekeeping', () => {
      it('prune forgets settled deliveries, finished jobs and expired leases, and keeps what is live', async () => {
        const q = `q-${uid()}`;
        const id = uid();
        await store.deliveries.record({ id, event: 'push', installation: 1, repository: 'o/r' }, { queue: q, payload: {} });
        const [j] = await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 });
        const live = uid();
        await store.deliveries.record({ id: live, event: 'push', installation: 1, repository: 'o/r' }, { queue: q, payload: {} });
        await store.jobs.complete(j!.id, 'w');
        await store.leases.acquire(`gone-${id}`, 'x', 1);
        await sleep(50);
        const n = await store.prune({ deliveriesMs: 1, jobsMs: 1, leasesMs: 1 });
        expect(n.deliveries).toBeGreaterThanOrEqual(1);
        expect(n.jobs).toBeGreaterThanOrEqual(1);
        expect(n.leases).toBeGreaterThanOrEqual(1);
        expect(await store.deliveries.get(id)).toBeUndefined();
        expect(await store.jobs.get(j!.id)).toBeUndefined();
        expect(await store.deliveries.get(live)).toMatchObject({ state: 'queued' });
        const [k] = await store.jobs.claim({ owner: 'w', queues: [q], leaseMs: 10_000 });
        await store.jobs.complete(k!.id, 'w');
      });
    });
  });
}
