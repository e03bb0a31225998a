/**
 * The revocation ledger (`store.revocations`) on both back ends: PGlite always; PostgreSQL when
 * TOKENWARDEN_TEST_DATABASE_URL names a server (`bash .ci/postgres.sh npx vitest run test/store/revocations.test.ts`),
 * where two store handles on one database stand for two instances. Keys are token hashes: no value is
 * ever given to the store, and the tables have no column that could hold one.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openStore, type Store, type StoreOptions } from '../../src/store/index.js';
import { MemoryRevocations } from '../../src/app/effects/revocation-memory.js';
import type { RevocationLedger } from '../../src/store/types.js';
import { pgliteHarness, postgresHarness, type Harness } from './helpers/harness.js';

const SLOW = 120_000;
const key = (): string => randomBytes(8).toString('hex');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const claim = (k: string) => ({ key: k, provider: 'GitHub', repository: 'Acme/API', fingerprint: 'f'.repeat(16), ruleId: 'secrets/github-token' });

/** The protocol, whatever keeps it: the store's SQL or the in-process memory. */
function ledgerCases(name: string, ledger: () => RevocationLedger): void {
  describe(`revocation ledger (${name})`, () => {
    it('claims a token once: a second writer gets nothing while it is claimed or once it is submitted', async () => {
      const l = ledger();
      const [a, b] = [key(), key()];
      expect(await l.claim([claim(a), claim(b), claim(a)], 'one', 60_000)).toEqual(expect.arrayContaining([a, b]));
      expect(await l.claim([claim(a), claim(b)], 'two', 60_000)).toEqual([]);
      expect(await l.settle([a, b], 'two', 'submitted', '202 accepted')).toEqual([]); // not its claim
      expect((await l.settle([a], 'one', 'submitted', '202 accepted')).sort()).toEqual([a]);
      expect(await l.claim([claim(a)], 'two', 60_000)).toEqual([]);
      const rec = (await l.getMany([a, b])).get(a)!;
      expect(rec).toMatchObject({ key: a, state: 'submitted', provider: 'GitHub', repository: 'acme/api', ruleId: 'secrets/github-token', detail: '202 accepted', attempts: 1 });
      expect(rec.submittedAt).toBeInstanceOf(Date);
      expect((await l.getMany([b])).get(b)!.state).toBe('claimed');
    });

    it('refused is final; failed and released (deferred) tokens are claimed again', async () => {
      const l = ledger();
      const [r, f, d] = [key(), key(), key()];
      await l.claim([claim(r), claim(f), claim(d)], 'one', 60_000);
      await l.settle([r], 'one', 'refused', '422 Validation Failed');
      await l.settle([f], 'one', 'failed', '502');
      expect(await l.release([d], 'one', 'deferred')).toBe(1);
      const m = await l.getMany([r, f, d]);
      expect([m.get(r)!.state, m.get(f)!.state, m.get(d)!.state]).toEqual(['refused', 'failed', 'pending']);
      expect((await l.claim([claim(r), claim(f), claim(d)], 'two', 60_000)).sort()).toEqual([f, d].sort());
    });

    it('a claim whose holder died runs out and is taken by the next writer', async () => {
      const l = ledger();
      const k = key();
      expect(await l.claim([claim(k)], 'dead', 200)).toEqual([k]);
      expect(await l.claim([claim(k)], 'next', 60_000)).toEqual([]);
      await sleep(350);
      expect(await l.claim([claim(k)], 'next', 60_000)).toEqual([k]);
      expect(await l.settle([k], 'dead', 'submitted')).toEqual([]);
    });

    it('counts requests per bucket in a window: the limit, then refused with the reset time, then a new window', async () => {
      const l = ledger();
      const bucket = `github:test:${key()}`;
      const other = `github:test:${key()}`;
      for (let i = 1; i <= 3; i++) expect(await l.takeRequest(bucket, 3, 600)).toEqual({ granted: true, used: i });
      const refused = await l.takeRequest(bucket, 3, 600);
      expect(refused.granted).toBe(false);
      if (!refused.granted) expect(refused.resetAt.getTime()).toBeGreaterThan(Date.now() - 1000);
      expect((await l.takeRequest(other, 3, 600)).granted).toBe(true);
      await sleep(700);
      expect(await l.takeRequest(bucket, 3, 600)).toEqual({ granted: true, used: 1 });
    });

    it('a provider that says the budget is spent closes the bucket until then', async () => {
      const l = ledger();
      const bucket = `github:test:${key()}`;
      await l.exhaust(bucket, new Date(Date.now() + 60_000), 60, 3_600_000);
      const r = await l.takeRequest(bucket, 60, 3_600_000);
      expect(r.granted).toBe(false);
      if (!r.granted) expect(Math.abs(r.resetAt.getTime() - (Date.now() + 60_000))).toBeLessThan(5_000);
    });
  });
}

ledgerCases('memory', () => new MemoryRevocations());

function backEnd(h: Harness): void {
  const d = h.skip ? describe.skip : describe;
  if (h.skip) {
    console.warn(`revocation ledger (${h.name}) skipped: ${h.skip}`);
    describe(`revocation ledger (${h.name})`, () => it.skip(`skipped: ${h.skip}`, () => undefined));
    return;
  }
  d(`store.revocations (${h.name})`, () => {
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

    ledgerCases(h.name, () => store.revocations);

    it('is migration 3, and its tables hold hashes, names and times: no column for a value', async () => {
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(3);
      expect(store.migration.version).toBe(LATEST_VERSION);
      const probe = await openStore({ ...opts, migrate: false }).catch(() => undefined);
      // PGlite: one process per directory (the probe is refused); PostgreSQL: a second handle opens.
      if (probe) {
        const k = key();
        await store.revocations.claim([claim(k)], 'one', 60_000);
        await store.revocations.settle([k], 'one', 'submitted', '202 accepted');
        expect((await probe.revocations.getMany([k])).get(k)?.state).toBe('submitted');
        await probe.close();
      }
    });

    it(
      'survives a restart: a token submitted before is still submitted, and not claimed again',
      async () => {
        const k = key();
        await store.revocations.claim([claim(k)], 'before', 60_000);
        await store.revocations.settle([k], 'before', 'submitted', '202 accepted');
        await store.close();
        store = await openStore(opts);
        expect(await store.revocations.claim([claim(k)], 'after', 60_000)).toEqual([]);
        expect((await store.revocations.getMany([k])).get(k)?.state).toBe('submitted');
      },
      SLOW,
    );

    if (h.multiInstance) {
      it(
        'two instances racing for the same tokens: each token is won by exactly one',
        async () => {
          const second = await openStore({ ...opts, instanceId: 'second' });
          try {
            const keys = Array.from({ length: 40 }, key);
            const claims = keys.map(claim);
            const rounds = await Promise.all([
              ...Array.from({ length: 4 }, (_, i) => store.revocations.claim(claims, `a${i}`, 60_000)),
              ...Array.from({ length: 4 }, (_, i) => second.revocations.claim([...claims].reverse(), `b${i}`, 60_000)),
            ]);
            const won = rounds.flat();
            expect(won.length).toBe(keys.length);
            expect(new Set(won).size).toBe(keys.length);
            // And the budget: 20 requests asked at once across both, limit 7: 7 granted.
            const bucket = `github:race:${key()}`;
            const asks = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : second).revocations.takeRequest(bucket, 7, 3_600_000)));
            expect(asks.filter((a) => a.granted).length).toBe(7);
          } finally {
            await second.close();
          }
        },
        SLOW,
      );
    }
  });
}

backEnd(pgliteHarness());
backEnd(postgresHarness());
