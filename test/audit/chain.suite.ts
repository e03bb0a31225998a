/**
 * The audit chain on one back end (pglite.test.ts, postgres.test.ts): appends, the database's own
 * refusals, checkpoints, a trail of thousands of records tampered with in each way an attacker with database
 * access could (the triggers disabled, as the table owner can), concurrent appenders, export.
 *
 * TOKENWARDEN_AUDIT_RECORDS sets the size of the tampered trail (default 3,000: three checkpoints and
 * three verify pages, the same paths as a larger trail; its speed is `npm run bench`'s to measure).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type AuditRecord, type Store, type StoreOptions } from '../../src/store/index.js';
import { appendRecords, checkpoint, exportRecords, GENESIS, recordDigest, recordEvaluation, verifyChain, type Draft, type VerifyBroken } from '../../src/audit/index.js';
import type { Harness } from '../store/helpers/harness.js';
import { dbOf, pool, snapshot, tamper } from './helpers.js';

const SLOW = 240_000;
const N = Number(process.env.TOKENWARDEN_AUDIT_RECORDS ?? 3_000);
const REPOS = ['acme/api', 'acme/web', 'Acme/Infra'];

const draft = (i: number): Draft => ({
  kind: i % 7 === 3 ? 'reminder' : 'evaluation',
  body: { repository: REPOS[i % REPOS.length], installation: 7, verdict: i % 5 === 0 ? 'fail' : 'pass', n: i },
});

async function collect(it: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of it) out.push(l);
  return out;
}

const broken = (r: Awaited<ReturnType<typeof verifyChain>>): VerifyBroken['break'] => {
  if (r.ok) throw new Error(`expected a broken chain, got ok: ${JSON.stringify(r)}`);
  return r.break;
};

async function refusal(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected the database to refuse');
}

export function auditSuite(h: Harness): void {
  if (h.skip) {
    console.warn(`audit suite (${h.name}) skipped: ${h.skip}`);
    describe(`audit chain (${h.name})`, () => it.skip(`skipped: ${h.skip}`, () => undefined));
    return;
  }

  describe(`audit chain (${h.name})`, () => {
    let store: Store;
    let opts: StoreOptions;

    beforeAll(async () => {
      opts = await h.migrated();
      store = await openStore(opts);
    }, SLOW);

    afterAll(async () => {
      await store?.close();
      await h.teardown();
    }, SLOW);

    it('an empty trail verifies; the first record links to 64 zeros; each record to the one before', async () => {
      expect(await verifyChain(store)).toMatchObject({ ok: true, records: 0, head: { seq: 0, digest: GENESIS } });
      const a = await appendRecords(store, [draft(0)]);
      const b = await appendRecords(store, [draft(1), draft(2)]);
      expect(a.status).toBe('appended');
      const [r1] = a.records;
      const [r2, r3] = b.records;
      expect(r1).toMatchObject({ seq: 1, prev: GENESIS, kind: 'evaluation' });
      expect(r2).toMatchObject({ seq: 2, prev: r1!.digest });
      expect(r3).toMatchObject({ seq: 3, prev: r2!.digest });
      expect(r3!.time.getTime()).toBeGreaterThanOrEqual(r1!.time.getTime());
      // What is stored is what was sealed.
      const stored = await store.audit.get(2);
      expect(stored).toEqual(r2);
      expect(recordDigest(stored!)).toBe(stored!.digest);
      expect(await store.audit.head()).toMatchObject({ seq: 3, digest: r3!.digest, checkpoint: null });
      expect(await verifyChain(store)).toMatchObject({ ok: true, records: 3, head: { seq: 3, digest: r3!.digest } });
    });

    it('the database refuses UPDATE, DELETE and TRUNCATE, a head moved by hand, and an insert that does not extend the chain', async () => {
      const db = dbOf(store);
      const head = await store.audit.head();
      for (const sql of [
        `UPDATE tokenwarden.audit_record SET body = '{"verdict":"pass"}' WHERE seq = 1`,
        'DELETE FROM tokenwarden.audit_record WHERE seq = 2',
        'TRUNCATE tokenwarden.audit_record',
        'UPDATE tokenwarden.audit_head SET seq = seq + 1',
        'DELETE FROM tokenwarden.audit_head',
        'TRUNCATE tokenwarden.audit_head',
      ]) {
        const e = await refusal(db.query(sql));
        expect(e.code, sql).toBe('55000');
        expect(e.message).toMatch(/append-only|moves only by appending/);
      }
      const forged = { seq: head.seq + 2, time: new Date(), kind: 'evaluation' as const, body: {}, prev: head.digest };
      const insert = (r: typeof forged) =>
        db.query('INSERT INTO tokenwarden.audit_record (seq, time, kind, body, prev_digest, digest) VALUES ($1::bigint, $2::timestamptz, $3::text, $4::jsonb, $5::text, $6::text)', [
          r.seq,
          r.time.toISOString(),
          r.kind,
          JSON.stringify(r.body),
          r.prev,
          recordDigest(r),
        ]);
      expect((await refusal(insert(forged))).message).toMatch(/must extend the chain/); // a gap
      expect((await refusal(insert({ ...forged, seq: head.seq + 1, prev: GENESIS }))).message).toMatch(/must extend the chain/); // a fork
      expect((await refusal(insert({ ...forged, seq: head.seq, prev: GENESIS }))).code).toMatch(/55000|23505/); // a duplicate seq
      expect(await store.audit.head()).toEqual(head);
      expect(await verifyChain(store)).toMatchObject({ ok: true });
    });

    it('checkpoints quote the head; none without new records; only when due with options', async () => {
      const head = await store.audit.head();
      const cp = await checkpoint(store);
      expect(cp).toMatchObject({ seq: head.seq + 1, kind: 'checkpoint', prev: head.digest, body: { head: { seq: head.seq, digest: head.digest }, previous: null } });
      expect(await checkpoint(store)).toBeUndefined(); // nothing since
      await appendRecords(store, [draft(3)]);
      expect(await checkpoint(store, { everyRecords: 5 })).toBeUndefined(); // 1 record since
      expect(await checkpoint(store, { everyRecords: 5, everyMs: 3_600_000 })).toBeUndefined();
      const cp2 = await checkpoint(store, { everyRecords: 1 });
      expect(cp2).toMatchObject({ body: { previous: cp!.seq } });
      await appendRecords(store, [draft(4)]);
      expect(await checkpoint(store, { everyMs: 0 })).toMatchObject({ kind: 'checkpoint' });
      expect((await store.audit.head()).checkpoint).toMatchObject({ seq: (await store.audit.head()).seq });
      const v = await verifyChain(store, { pin: { seq: cp!.seq, digest: cp!.digest } });
      expect(v).toMatchObject({ ok: true, pinned: { seq: cp!.seq }, lastCheckpoint: { head: { seq: expect.any(Number) } } });
    });

    it('an evaluation retried with the same delivery is recorded once', async () => {
      const input = {
        event: 'pull_request.synchronize',
        deliveryId: '0b7e2f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
        installation: 7,
        repository: 'acme/api',
        pullRequest: 12,
        headSha: 'a'.repeat(40),
        policy: { hash: 'b'.repeat(64), sources: ['builtin:default'] },
        findings: [],
        verdict: 'pass' as const,
        checkRunId: 99,
      };
      const [x, y] = await Promise.all([recordEvaluation(store, input), recordEvaluation(store, input)]);
      expect([x.status, y.status].sort()).toEqual(['appended', 'duplicate']);
      expect(x.evaluation).toEqual(y.evaluation);
      expect((await recordEvaluation(store, input)).status).toBe('duplicate');
      expect((await recordEvaluation(store, { ...input, headSha: 'c'.repeat(40) })).status).toBe('appended');
    });

    describe(`a ${N.toLocaleString('en')}-record trail, tampered with`, () => {
      let records: AuditRecord[];
      let snap: Awaited<ReturnType<typeof snapshot>>;
      let cps: AuditRecord[];

      beforeAll(async () => {
        // Built in batches of 100 records per append (one transaction each), a checkpoint every 1,000.
        cps = [];
        const start = Date.now();
        for (let i = 0; i < N; i += 100) {
          await appendRecords(
            store,
            Array.from({ length: Math.min(100, N - i) }, (_, j) => draft(i + j)),
          );
          if ((i + 100) % 1000 === 0) cps.push((await checkpoint(store))!);
        }
        const built = Date.now() - start;
        records = [];
        for (let after = 0; ;) {
          const page = await store.audit.page(after, 5000);
          records.push(...page);
          if (page.length < 5000) break;
          after = page[page.length - 1]!.seq;
        }
        const t = Date.now();
        const v = await verifyChain(store);
        const verifyMs = Date.now() - t;
        expect(v).toMatchObject({ ok: true, records: records.length });
        console.log(`[audit ${h.name}] ${records.length} records built in ${built} ms (batches of 100); verify: ${verifyMs} ms`);
        snap = await snapshot(store);
      }, SLOW);

      afterAll(async () => {
        await snap?.drop();
      }, SLOW);

      /** A seq in the middle of the trail, away from the checkpoints. */
      const mid = (): number => records[Math.floor(records.length / 2) + 17]!.seq;

      it('untouched, it verifies; each case below is restored afterwards and verifies again', async () => {
        expect(await verifyChain(store)).toMatchObject({ ok: true, records: records.length, lastCheckpoint: { seq: cps[cps.length - 1]!.seq } });
      });

      const cases: Array<[string, (k: number) => Promise<void>, (k: number) => { seq: number; reason: string }]> = [
        [
          'a body edited',
          (k) => tamper(store, async (tx) => void (await tx.query(`UPDATE tokenwarden.audit_record SET body = jsonb_set(body, '{verdict}', '"pass"') || '{"edited":1}' WHERE seq = $1::bigint`, [k]))),
          (k) => ({ seq: k, reason: 'digest' }),
        ],
        [
          'a body edited and its digest recomputed',
          async (k) => {
            const r = records.find((x) => x.seq === k)!;
            const body = { ...r.body, verdict: 'pass', edited: 1 };
            const digest = recordDigest({ ...r, body });
            await tamper(
              store,
              async (tx) => void (await tx.query('UPDATE tokenwarden.audit_record SET body = $2::jsonb, digest = $3::text WHERE seq = $1::bigint', [k, JSON.stringify(body), digest])),
            );
          },
          (k) => ({ seq: k + 1, reason: 'prev' }),
        ],
        ['a record deleted', (k) => tamper(store, async (tx) => void (await tx.query('DELETE FROM tokenwarden.audit_record WHERE seq = $1::bigint', [k]))), (k) => ({ seq: k, reason: 'missing' })],
        [
          'a record inserted (the later ones renumbered, the forged one linked to its predecessor)',
          async (k) => {
            const before = records.find((x) => x.seq === k)!;
            const forged = { seq: k + 1, time: before.time, kind: 'evaluation' as const, body: { repository: 'acme/api', verdict: 'pass', forged: 1 }, prev: before.digest };
            await tamper(store, async (tx) => {
              // Out of the way first (seq is unique), then back one place further on.
              await tx.query('UPDATE tokenwarden.audit_record SET seq = seq + 1000000000000 WHERE seq > $1::bigint', [k]);
              await tx.query('UPDATE tokenwarden.audit_record SET seq = seq - 1000000000000 + 1 WHERE seq > 1000000000000');
              await tx.query('INSERT INTO tokenwarden.audit_record (seq, time, kind, body, prev_digest, digest) VALUES ($1::bigint, $2::timestamptz, $3::text, $4::jsonb, $5::text, $6::text)', [
                forged.seq,
                forged.time.toISOString(),
                forged.kind,
                JSON.stringify(forged.body),
                forged.prev,
                recordDigest(forged),
              ]);
              await tx.query('UPDATE tokenwarden.audit_head SET seq = seq + 1');
            });
          },
          // The forged record itself is consistent; the one it displaced is not.
          (k) => ({ seq: k + 2, reason: 'digest' }),
        ],
        [
          'two records swapped',
          (k) =>
            tamper(store, async (tx) => {
              await tx.query('UPDATE tokenwarden.audit_record SET seq = 1000000000000 WHERE seq = $1::bigint', [k]);
              await tx.query('UPDATE tokenwarden.audit_record SET seq = $1::bigint WHERE seq = $1::bigint + 1', [k]);
              await tx.query('UPDATE tokenwarden.audit_record SET seq = $1::bigint + 1 WHERE seq = 1000000000000', [k]);
            }),
          (k) => ({ seq: k, reason: 'digest' }),
        ],
        [
          'the tail truncated past the last checkpoint',
          (k) => tamper(store, async (tx) => void (await tx.query('DELETE FROM tokenwarden.audit_record WHERE seq > $1::bigint', [k]))),
          (k) => ({ seq: k + 1, reason: 'missing' }),
        ],
        [
          'a record slipped in past the head',
          (k) =>
            tamper(store, async (tx) => {
              const last = records[records.length - 1]!;
              const forged = { seq: last.seq + 1, time: last.time, kind: 'evaluation' as const, body: { forged: 1 }, prev: last.digest };
              void k;
              await tx.query('INSERT INTO tokenwarden.audit_record (seq, time, kind, body, prev_digest, digest) VALUES ($1::bigint, $2::timestamptz, $3::text, $4::jsonb, $5::text, $6::text)', [
                forged.seq,
                forged.time.toISOString(),
                forged.kind,
                JSON.stringify(forged.body),
                forged.prev,
                recordDigest(forged),
              ]);
            }),
          () => ({ seq: records[records.length - 1]!.seq + 1, reason: 'head' }),
        ],
      ];

      for (const [name, doIt, expected] of cases) {
        it(
          `${name}: verify names the first broken record`,
          async () => {
            const k = name.startsWith('the tail') ? cps[cps.length - 1]!.seq - 40 : mid();
            await doIt(k);
            try {
              const b = broken(await verifyChain(store));
              expect(b).toMatchObject(expected(k));
              expect(b.message).toContain(String(expected(k).seq));
            } finally {
              await snap.restore();
            }
            expect(await verifyChain(store)).toMatchObject({ ok: true, records: records.length });
          },
          SLOW,
        );
      }

      it(
        'the tail truncated and the head moved back: only a pin (a checkpoint seen earlier) tells',
        async () => {
          const cp = cps[cps.length - 1]!;
          const k = cp.seq - 40;
          const last = records.find((r) => r.seq === k)!;
          await tamper(store, async (tx) => {
            await tx.query('DELETE FROM tokenwarden.audit_record WHERE seq > $1::bigint', [k]);
            await tx.query('UPDATE tokenwarden.audit_head SET seq = $1::bigint, digest = $2::text, time = $3::timestamptz', [k, last.digest, last.time.toISOString()]);
          });
          try {
            expect(await verifyChain(store)).toMatchObject({ ok: true, records: k });
            const b = broken(await verifyChain(store, { pin: { seq: cp.seq, digest: cp.digest } }));
            expect(b).toMatchObject({ seq: cp.seq, reason: 'pin' });
            expect(b.message).toMatch(/truncated/);
          } finally {
            await snap.restore();
          }
        },
        SLOW,
      );

      it(
        'everything after a record rewritten, digests recomputed: only a pin tells',
        async () => {
          const cp = cps[cps.length - 1]!;
          const k = cp.seq - 30;
          const tail = records.filter((r) => r.seq >= k);
          let prev = records.find((r) => r.seq === k - 1)!.digest;
          const rewritten = tail.map((r) => {
            const body = r.seq === k ? { ...r.body, verdict: 'pass', rewritten: 1 } : r.kind === 'checkpoint' ? { ...r.body, head: { ...(r.body.head as object), digest: prev } } : r.body;
            const x = { ...r, body, prev };
            const digest = recordDigest(x);
            prev = digest;
            return { ...x, digest };
          });
          await tamper(store, async (tx) => {
            for (const r of rewritten) {
              await tx.query('UPDATE tokenwarden.audit_record SET body = $2::jsonb, prev_digest = $3::text, digest = $4::text WHERE seq = $1::bigint', [
                r.seq,
                JSON.stringify(r.body),
                r.prev,
                r.digest,
              ]);
            }
            await tx.query('UPDATE tokenwarden.audit_head SET digest = $1::text', [prev]);
          });
          try {
            expect(await verifyChain(store)).toMatchObject({ ok: true });
            expect(broken(await verifyChain(store, { pin: { seq: cp.seq, digest: cp.digest } }))).toMatchObject({ seq: cp.seq, reason: 'pin' });
          } finally {
            await snap.restore();
          }
        },
        SLOW,
      );

      it('a pin that does not match is reported; one past the end too; a matching one passes', async () => {
        const r = records.find((x) => x.seq === mid())!;
        expect(broken(await verifyChain(store, { pin: { seq: r.seq, digest: 'f'.repeat(64) } }))).toMatchObject({ seq: r.seq, reason: 'pin' });
        const end = records[records.length - 1]!.seq;
        expect(broken(await verifyChain(store, { pin: { seq: end + 1000, digest: r.digest } }))).toMatchObject({ seq: end + 1000, reason: 'pin' });
        expect(await verifyChain(store, { pin: { seq: r.seq, digest: r.digest } })).toMatchObject({ ok: true, pinned: { seq: r.seq } });
        // From a later record, anchored on the one before it.
        expect(await verifyChain(store, { from: r.seq + 1 })).toMatchObject({ ok: true, from: r.seq + 1, records: end - r.seq });
      });

      it(
        'export filters by time and repository, in order, and JSON Lines round-trip to the same records',
        async () => {
          const sorted = [...records].sort((a, b) => a.time.getTime() - b.time.getTime());
          const since = sorted[Math.floor(sorted.length / 4)]!.time;
          const until = sorted[Math.floor((3 * sorted.length) / 4)]!.time;
          const want = records.filter((r) => r.time >= since && r.time < until && String(r.body.repository ?? '').toLowerCase() === 'acme/infra');
          expect(want.length).toBeGreaterThan(10);
          const lines = await collect(exportRecords(store, { since, until, repo: 'ACME/infra', format: 'jsonl', pageSize: 333 }));
          expect(lines).toHaveLength(want.length);
          const back = lines.map((l) => JSON.parse(l) as { seq: number; time: string; kind: AuditRecord['kind']; body: AuditRecord['body']; prev: string; digest: string });
          expect(back.map((b) => b.seq)).toEqual(want.map((r) => r.seq));
          for (const [i, b] of back.entries()) {
            const r = { seq: b.seq, time: new Date(b.time), kind: b.kind, body: b.body, prev: b.prev, digest: b.digest };
            expect(r).toEqual(want[i]);
            expect(recordDigest(r)).toBe(b.digest);
          }
          // The whole trail, unfiltered, is a chain a reader can check line by line.
          const all = await collect(exportRecords(store, { format: 'jsonl' }));
          let prev = GENESIS;
          for (const l of all) {
            const b = JSON.parse(l) as { seq: number; time: string; kind: AuditRecord['kind']; body: AuditRecord['body']; prev: string; digest: string };
            expect(b.prev).toBe(prev);
            expect(recordDigest({ ...b, time: new Date(b.time) })).toBe(b.digest);
            prev = b.digest;
          }
          expect(all).toHaveLength(records.length);
          // CSV: a header, one line per record, kinds filter.
          const csv = await collect(exportRecords(store, { repo: 'acme/web', kinds: ['reminder'], format: 'csv' }));
          expect(csv[0]).toBe('seq,time,kind,repository,installation,event,delivery,verdict,prev,digest,body');
          expect(csv.length - 1).toBe(records.filter((r) => r.kind === 'reminder' && r.body.repository === 'acme/web').length);
          expect(csv[1]).toMatch(/^\d+,\d{4}-.*Z,reminder,acme\/web,7,,,(pass|fail),[0-9a-f]{64},[0-9a-f]{64},"\{/);
        },
        SLOW,
      );
    });

    describe('concurrent appenders (on the same trail, after the cases above)', () => {
      it(
        `${h.multiInstance ? 'two store handles' : 'one handle (PGlite serves one process), many callers'} appending 200 records interleaved: one chain, no gap, no duplicate`,
        async () => {
          const other = h.multiInstance ? await openStore(opts) : store;
          try {
            const before = (await store.audit.head()).seq;
            const start = Date.now();
            await Promise.all([store, other].map((s, w) => pool(100, 4, (i) => appendRecords(s, [{ kind: 'evaluation', body: { repository: 'acme/api', writer: w, i } }]).then(() => undefined))));
            const ms = Date.now() - start;
            expect(await verifyChain(store)).toMatchObject({ ok: true, head: { seq: before + 200 } });
            const mine = await store.audit.page(before, 1000);
            expect(mine.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => before + i + 1));
            for (const w of [0, 1]) expect(new Set(mine.filter((r) => r.body.writer === w).map((r) => r.body.i)).size).toBe(100);
            // Interleaved, not one block after the other.
            const writers = mine.map((r) => r.body.writer);
            const switches = writers.filter((w, i) => i > 0 && w !== writers[i - 1]).length;
            expect(switches).toBeGreaterThan(2);
            console.log(`[audit ${h.name}] 200 concurrent single-record appends (2 writers x 4 in flight): ${ms} ms, ${Math.round(200_000 / ms)} appends/s, ${switches} writer switches`);
          } finally {
            if (other !== store) await other.close();
          }
        },
        SLOW,
      );
    });
  });
}
