/**
 * Durable state, black-box: the real server as `npm start` runs it (a child process configured by
 * environment variables only), a loopback GitHub stand-in, and bursts of signed webhooks.
 *
 *   (a) a 200-webhook burst over 10 installations: every webhook answered 2xx within 1 s; every pull
 *       request ends with exactly one completed check run with the right conclusion; one issue per
 *       leaked secret;
 *   (b) the same burst with the server SIGKILLed in the middle and started again on the same data
 *       directory: afterwards no check run left in progress, none missing, no issue duplicated;
 *   (c) with TOKENWARDEN_TEST_DATABASE_URL (CI: .ci/postgres.sh), two server processes on one PostgreSQL
 *       database sharing a burst, each webhook sent to one of them at random and redelivered to the other:
 *       the same outcome as one process.
 *
 * Short TOKENWARDEN_* knobs (job lease, stale-run deadline, recovery interval, pacing) make the crash
 * recovery happen in seconds. Each case prints what it measured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, removeBuild, spawnServer, type ServerProcess } from '../app/helpers/server-process.js';
import { startStandIn, type StandIn } from '../app/helpers/stand-in.js';
import { freshDataDir, templateDataDir } from '../app/helpers/data-dir.js';
import { postgresHarness } from '../store/helpers/harness.js';
import { openStore } from '../../src/store/index.js';
import { verifyChain } from '../../src/audit/chain.js';
import { burst, completedCount, deliver, drained, makeBurst, outcome, percentile, runsFor, serverEnv, settled, timeToCompletion, type Ack, type BurstPr } from './helpers/durable.js';

/** Well under GitHub's 10 s and far from a whole evaluation's time; the 1 s target is measured, not asserted. */
const ACK_BOUND_MS = 5000;

let standIn: StandIn;
let build: string;
const spawned: ServerProcess[] = [];

async function spawn(extra: Record<string, string> = {}): Promise<ServerProcess> {
  const s = await spawnServer(build, serverEnv(standIn, extra));
  spawned.push(s);
  return s;
}

/** Knobs that make a crash recoverable in seconds: a dead worker's jobs after 1.5 s, its runs after 2 s. */
const FAST_RECOVERY = { TOKENWARDEN_JOB_LEASE_MS: '1500', TOKENWARDEN_STALE_RUN_MS: '2000', TOKENWARDEN_RECOVERY_INTERVAL_MS: '500' };

beforeAll(async () => {
  standIn = await startStandIn({ latencyMs: 2 });
  build = buildServer();
  await templateDataDir();
}, 120_000);

afterAll(async () => {
  await Promise.all(spawned.map((s) => s.stop('SIGTERM', 5000)));
  await standIn?.close();
  if (build) removeBuild(build);
}, 30_000);

const ms = (n: number): string => `${Math.round(n)} ms`;

/** The servers' own account of the burst: 'webhooks accepted' summary lines (headers to answer, ms). */
async function serverSideAcks(servers: ServerProcess[], n: number): Promise<string> {
  const lines = (): Array<Record<string, any>> => servers.flatMap((s) => s.records().filter((r) => r.msg === 'webhooks accepted')); // eslint-disable-line @typescript-eslint/no-explicit-any
  // One summary line per server every 10 s while deliveries come.
  for (let i = 0; i < 240 && lines().reduce((a, l) => a + (l.accepted as number), 0) < n; i++) await new Promise((r) => setTimeout(r, 50));
  const summary = lines()
    .map((l) => `${l.accepted} accepted: p50 ${ms(l.ms.p50)}, p99 ${ms(l.ms.p99)}, max ${ms(l.ms.max)}`)
    .join('; ');
  return summary || 'not logged: the server was killed before its summary';
}

async function report(label: string, acks: Ack[], t0: number, settledAt: number, prs: BurstPr[], servers: ServerProcess[]): Promise<void> {
  const ack = acks.map((a) => a.ms);
  const inside = await serverSideAcks(servers, acks.filter((a) => a.status === 202).length);
  const ttc = timeToCompletion(standIn, acks);
  console.log(
    `${label}: ${acks.length} webhooks acknowledged p50 ${ms(percentile(ack, 50))}, p99 ${ms(percentile(ack, 99))}, max ${ms(Math.max(...ack))} ` +
      `(inside the server, headers to answer: ${inside}); ` +
      `webhook → completed check run p50 ${ms(percentile(ttc, 50))}, p95 ${ms(percentile(ttc, 95))}, max ${ms(Math.max(...ttc))}; ` +
      `all ${prs.length} judged in ${ms(settledAt - t0)} (${((prs.length * 1000) / (settledAt - t0)).toFixed(1)} PR/s)`,
  );
}

describe('durable state, against the real server', () => {
  it('(a) a 200-webhook burst over 10 installations: each answered 2xx within 1 s, each PR one completed run with the right conclusion, one issue per leaked secret', async () => {
    const s = await spawn();
    const prs = makeBurst(standIn, 'a');
    const t0 = Date.now();
    const acks = await burst(prs, () => s.url);
    expect(acks.filter((a) => a.status !== 202).map((a) => `${a.status} ${a.text}`)).toEqual([]);
    // The figure is printed and belongs to the bench; the test asserts the behaviour: answered at once,
    // not after the evaluation (a loaded CI machine stretches the milliseconds).
    expect(Math.max(...acks.map((a) => a.ms))).toBeLessThan(ACK_BOUND_MS);
    await settled(standIn, prs, 120_000);
    const settledAt = Date.now();
    await report('(a) one server, PGlite', acks, t0, settledAt, prs, [s]);

    const o = outcome(standIn, prs);
    expect(o).toEqual({ missing: [], inProgress: [], extraRuns: [], wrong: [], recompleted: [], issuesMissing: [], issuesDuplicated: [] });
    expect(standIn.github.issues.filter((i) => i.repo.endsWith('-a/svc1') || i.repo.endsWith('-a/svc2'))).toHaveLength(prs.filter((p) => p.token).length);
    const ready = await drained(s, 10_000);
    expect(ready).toMatchObject({ backend: 'pglite', queue: { ready: 0, running: 0, scheduled: 0, failed: 0 }, openCheckRuns: 0 });
    // A redelivery of any of them is answered as a duplicate and judged no more.
    const again = await deliver(s.url, prs[7]!);
    expect(again.status).toBe(200);
  }, 180_000);

  it('(b) the same burst with the server SIGKILLed in the middle, started again on the same data directory: no run left in progress, none missing, no issue duplicated', async () => {
    const dataDir = await freshDataDir();
    const knobs = { TOKENWARDEN_DATA_DIR: dataDir, ...FAST_RECOVERY };
    const first = await spawn(knobs);
    const prs = makeBurst(standIn, 'b');
    const t0 = Date.now();
    const acks = await burst(prs, () => first.url);
    expect(acks.filter((a) => a.status !== 202).map((a) => `${a.status} ${a.text}`)).toEqual([]);
    // The figure is printed and belongs to the bench; the test asserts the behaviour: answered at once,
    // not after the evaluation (a loaded CI machine stretches the milliseconds).
    expect(Math.max(...acks.map((a) => a.ms))).toBeLessThan(ACK_BOUND_MS);
    // In the middle: a third of the pull requests judged.
    for (const deadline = Date.now() + 60_000; completedCount(standIn, prs) < prs.length / 3; await new Promise((r) => setTimeout(r, 10))) {
      if (Date.now() > deadline) throw new Error('the burst never got a third of the way');
    }
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const judged = completedCount(standIn, prs);
    const open = prs.flatMap((pr) => runsFor(standIn, pr.head)).filter((r) => !r.updates.some((u) => u.status === 'completed')).length;

    const second = await spawn(knobs);
    const restartedAt = Date.now();
    await settled(standIn, prs, 120_000);
    const body = await drained(second, 30_000);
    const settledAt = Date.now();
    const o = outcome(standIn, prs);
    console.log(
      `(b) SIGKILL after ${judged} of ${prs.length} judged, ${open} check runs in progress at the kill; after the restart all judged in ${ms(settledAt - restartedAt)}; ` +
        `${o.extraRuns.length} PRs with a second run (judged again after a completion GitHub had taken), ${o.recompleted.length} runs completed twice`,
    );
    await report('(b) before and after the kill', acks, t0, settledAt, prs, [first]);
    expect(o.missing).toEqual([]);
    expect(o.inProgress).toEqual([]);
    expect(o.wrong).toEqual([]);
    expect(o.issuesDuplicated).toEqual([]);
    expect(o.issuesMissing).toEqual([]);
    expect(body).toMatchObject({ queue: { ready: 0, running: 0, scheduled: 0, failed: 0 }, openCheckRuns: 0 });
    // Redeliveries after the restart are duplicates: the deliveries were recorded before the kill.
    const again = await Promise.all(prs.slice(0, 20).map((pr) => deliver(second.url, pr)));
    expect(again.map((a) => a.status)).toEqual(Array(20).fill(200));
  }, 240_000);

  const pg = postgresHarness();
  it.skipIf(!!pg.skip)(
    '(c) two server processes on one PostgreSQL database share a burst, redeliveries to the other: the same outcome as one process',
    async () => {
      const db = await pg.fresh();
      if (db.backend !== 'postgres') throw new Error('not a PostgreSQL harness');
      try {
        const knobs = { DATABASE_URL: db.connectionString, TOKENWARDEN_DB_POOL_SIZE: '5', TOKENWARDEN_JOB_POLL_MS: '200', ...FAST_RECOVERY };
        const servers = [await spawn(knobs), await spawn(knobs)];
        const prs = makeBurst(standIn, 'c');
        const sides = prs.map(() => (Math.random() < 0.5 ? 0 : 1));
        const t0 = Date.now();
        const acks = await burst(prs, (_pr, i) => servers[sides[i]!]!.url);
        expect(acks.filter((a) => a.status !== 202).map((a) => `${a.status} ${a.text}`)).toEqual([]);
        // The figure is printed and belongs to the bench; the test asserts the behaviour: answered at once,
        // not after the evaluation (a loaded CI machine stretches the milliseconds).
        expect(Math.max(...acks.map((a) => a.ms))).toBeLessThan(ACK_BOUND_MS);
        // Each redelivered to the other process: recorded already, so a duplicate.
        const redelivered = await Promise.all(prs.map((pr, i) => deliver(servers[1 - sides[i]!]!.url, pr)));
        expect(redelivered.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.text}`)).toEqual([]);
        await settled(standIn, prs, 120_000);
        const settledAt = Date.now();
        await report('(c) two servers, PostgreSQL', acks, t0, settledAt, prs, servers);
        const o = outcome(standIn, prs);
        expect(o).toEqual({ missing: [], inProgress: [], extraRuns: [], wrong: [], recompleted: [], issuesMissing: [], issuesDuplicated: [] });
        // Both took jobs.
        const judgedBy = servers.map((s) => s.records().filter((r) => r.msg === 'evaluation finished').length);
        console.log(`(c) evaluations per process: ${judgedBy.join(' + ')}`);
        expect(judgedBy.every((n) => n > 0)).toBe(true);
        expect(await drained(servers[0]!, 10_000)).toMatchObject({ backend: 'postgres', openCheckRuns: 0, queue: { failed: 0 } });
        await Promise.all(servers.map((s) => s.stop('SIGTERM', 10_000)));
        // The audit trail both wrote: one unbroken chain, exactly one evaluation record per delivery.
        const store = await openStore(db);
        try {
          const verified = await verifyChain(store);
          expect(verified.ok).toBe(true);
          const perDelivery = new Map<string, number>();
          for (let after = 0; ;) {
            const page = await store.audit.page(after, 1000);
            if (!page.length) break;
            after = page[page.length - 1]!.seq;
            for (const r of page.filter((x) => x.kind === 'evaluation')) {
              const d = (r.body as { delivery?: string }).delivery ?? '(none)';
              perDelivery.set(d, (perDelivery.get(d) ?? 0) + 1);
            }
          }
          expect([...perDelivery.keys()].sort()).toEqual(prs.map((p) => p.id).sort());
          expect([...perDelivery.values()].filter((n) => n !== 1)).toEqual([]);
          console.log(`(c) audit trail: ${verified.ok ? verified.records : '?'} records, one chain, one evaluation record per delivery`);
        } finally {
          await store.close();
        }
      } finally {
        await pg.teardown();
      }
    },
    240_000,
  );
});
