/**
 * Audit-trail throughput, printed (not asserted): a measurement, run on demand —
 *
 *   TOKENWARDEN_AUDIT_BENCH=1 bash .ci/postgres.sh npx vitest run test/audit/throughput.test.ts
 *
 * For each back end available (PGlite in a data directory; PostgreSQL with TOKENWARDEN_TEST_DATABASE_URL):
 * single-record appends one at a time and 16 in flight (two store handles on PostgreSQL, one on PGlite,
 * which serves one process); evaluation records with 20 findings (built, scrubbed, sealed); then
 * verify and export of the whole trail, in-process and through `tokenwarden audit verify`.
 */
import { afterAll, describe, it } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';
import { appendRecords, checkpoint, exportRecords, recordEvaluation, verifyChain, type AuditFinding } from '../../src/audit/index.js';
import { pgliteHarness, postgresHarness, type Harness } from '../store/helpers/harness.js';
import { tw } from '../cli/harness.js';
import { pool } from './helpers.js';

const ON = process.env.TOKENWARDEN_AUDIT_BENCH === '1';
const N = Number(process.env.TOKENWARDEN_AUDIT_BENCH_N ?? 1000);
const TRAIL = 10_000;

const rate = (n: number, ms: number): number => Math.round((n * 1000) / ms);

const finding = (i: number, j: number): AuditFinding => ({
  fingerprint: ((i * 31 + j) >>> 0).toString(16).padStart(16, '0'),
  ruleId: 'secrets/github-pat',
  family: 'secrets',
  severity: 'critical',
  level: 'fail',
  path: `src/service-${j}/config.ts`,
  startLine: j + 1,
  disposition: 'reported',
});

async function measure(h: Harness, opts: StoreOptions, store: Store): Promise<string[]> {
  const out: string[] = [];
  const other = h.multiInstance ? await openStore(opts) : store;
  try {
    let t = performance.now();
    for (let i = 0; i < N; i++) await appendRecords(store, [{ kind: 'evaluation', body: { repository: 'acme/api', i } }]);
    out.push(`append, 1 record, one at a time: ${rate(N, performance.now() - t)}/s`);
    t = performance.now();
    await Promise.all([store, other].map((s) => pool(N / 2, 8, (i) => appendRecords(s, [{ kind: 'evaluation', body: { repository: 'acme/web', i } }]).then(() => undefined))));
    out.push(`append, 1 record, 16 in flight on ${h.multiInstance ? 'two handles' : 'one handle'}: ${rate(N, performance.now() - t)}/s`);
    t = performance.now();
    for (let i = 0; i < N; i++) {
      await recordEvaluation(store, {
        event: 'pull_request.synchronize',
        deliveryId: null,
        installation: 1,
        repository: 'acme/api',
        pullRequest: i,
        headSha: 'a'.repeat(40),
        policy: { hash: 'b'.repeat(64), sources: ['built-in'] },
        findings: Array.from({ length: 20 }, (_, j) => finding(i, j)),
        verdict: 'fail',
        checkRunId: i,
      });
    }
    out.push(`recordEvaluation with 20 findings, one at a time: ${rate(N, performance.now() - t)}/s`);
    // Fill up to TRAIL records in batches, with a checkpoint every 1,000.
    for (let seq = (await store.audit.head()).seq; seq < TRAIL; seq = (await store.audit.head()).seq) {
      await appendRecords(
        store,
        Array.from({ length: Math.min(100, TRAIL - seq) }, (_, i) => ({ kind: 'evaluation' as const, body: { repository: 'acme/infra', i } })),
      );
      if (seq % 1000 > 900) await checkpoint(store);
    }
    const records = (await store.audit.head()).seq;
    t = performance.now();
    const v = await verifyChain(store);
    out.push(`verifyChain, ${records} records: ${Math.round(performance.now() - t)} ms (${v.ok ? 'intact' : 'BROKEN'})`);
    t = performance.now();
    let lines = 0;
    for await (const _ of exportRecords(store, { format: 'jsonl' })) lines++;
    out.push(`exportRecords jsonl, ${lines} records: ${Math.round(performance.now() - t)} ms`);
  } finally {
    if (other !== store) await other.close();
  }
  return out;
}

const harnesses: Harness[] = [pgliteHarness(), postgresHarness()];

(ON ? describe : describe.skip)('audit throughput (TOKENWARDEN_AUDIT_BENCH=1)', () => {
  afterAll(async () => {
    for (const h of harnesses) await h.teardown();
  });
  for (const h of harnesses) {
    (h.skip ? it.skip : it)(
      `${h.name}`,
      async () => {
        const opts = await h.fresh();
        const store = await openStore(opts);
        let out: string[];
        try {
          out = await measure(h, opts, store);
        } finally {
          await store.close();
        }
        // The CLI as an operator runs it: open the store (read only), walk the chain, one line.
        const argv = opts.backend === 'pglite' ? ['audit', 'verify', '--data-dir', opts.dataDir!] : ['audit', 'verify', '--database-url', opts.connectionString];
        const t = performance.now();
        const r = await tw(argv, { cwd: process.cwd() });
        out.push(`tokenwarden audit verify (open + walk + close): ${Math.round(performance.now() - t)} ms, exit ${r.code}`);
        console.log(`\naudit throughput, ${h.name} (N=${N}):\n${out.map((l) => `  ${l}`).join('\n')}`);
      },
      900_000,
    );
  }
});
