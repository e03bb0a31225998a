/**
 * Store throughput, printed (not asserted): a measurement, run on demand —
 *
 *   TOKENWARDEN_STORE_BENCH=1 bash .ci/postgres.sh npx vitest run test/store/throughput.test.ts
 *
 * For each back end available (PGlite always; PostgreSQL with TOKENWARDEN_TEST_DATABASE_URL): deliveries
 * recorded with their job (one transaction each), one at a time and 16 at once; jobs claimed and
 * completed one at a time; a JobWorker (concurrency 8, 50 repositories, a handler that does nothing)
 * draining the queue; write slots claimed.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { JobWorker } from '../../src/jobs/worker.js';
import { pgliteHarness, postgresHarness, type Harness } from './helpers/harness.js';

const ON = process.env.TOKENWARDEN_STORE_BENCH === '1';
const N = Number(process.env.TOKENWARDEN_STORE_BENCH_N ?? 1000);

async function timed(n: number, fn: (i: number) => Promise<unknown>, parallel = 1): Promise<number> {
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  return n / ((performance.now() - t) / 1000);
}

async function measure(store: Store): Promise<Record<string, number>> {
  const tag = randomBytes(3).toString('hex');
  const out: Record<string, number> = {};
  out['record delivery + enqueue (1 at a time)'] = await timed(N, (i) =>
    store.deliveries.record({ id: `${tag}-a-${i}`, event: 'pull_request', installation: 1, repository: `o/r${i % 50}` }, { queue: `bench-${tag}`, payload: { i }, groupKey: `o/r${i % 50}` }),
  );
  out['record delivery + enqueue (16 at once)'] = await timed(
    N,
    (i) => store.deliveries.record({ id: `${tag}-b-${i}`, event: 'pull_request', installation: 1, repository: `o/r${i % 50}` }, { queue: `bench2-${tag}`, payload: { i }, groupKey: `o/s${i % 50}` }),
    16,
  );
  out['claim + complete (1 worker, 1 at a time)'] = await timed(N, async () => {
    const [j] = await store.jobs.claim({ owner: 'bench', queues: [`bench-${tag}`], leaseMs: 60_000 });
    if (!j) throw new Error('queue ran dry');
    await store.jobs.complete(j.id, 'bench');
  });
  let handled = 0;
  const t = performance.now();
  const worker = new JobWorker({ queue: store.jobs, queues: [`bench2-${tag}`], owner: 'bench-worker', concurrency: 8, pollMs: 20, leaseMs: 60_000, handle: async () => void handled++ }).start();
  while (handled < N) await new Promise((r) => setTimeout(r, 20));
  out['JobWorker drain (concurrency 8, 50 repositories)'] = N / ((performance.now() - t) / 1000);
  await worker.stop();
  out['claimWriteSlot'] = await timed(N, (i) => store.pacing.claimWriteSlot(i % 10, 1000));
  return out;
}

const harnesses: Harness[] = [pgliteHarness(), postgresHarness()];

(ON ? describe : describe.skip)('store throughput (TOKENWARDEN_STORE_BENCH=1)', () => {
  afterAll(async () => {
    for (const h of harnesses) await h.teardown();
  });
  for (const h of harnesses) {
    (h.skip ? it.skip : it)(
      `${h.name}`,
      async () => {
        const store = await openStore(await h.fresh());
        try {
          const r = await measure(store);
          console.log(
            `\nstore throughput, ${h.name} (N=${N}, ops/s):\n${Object.entries(r)
              .map(([k, v]) => `  ${k.padEnd(52)} ${v.toFixed(0).padStart(7)}`)
              .join('\n')}`,
          );
        } finally {
          await store.close();
        }
      },
      600_000,
    );
  }
});
