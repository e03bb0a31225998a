/**
 * Raw access to the database under a store, for the tamper cases: what an attacker with database
 * access (the table owner) can do — disable the append-only triggers and rewrite rows.
 */
import type { Store } from '../../src/store/index.js';
import type { Db, Sql } from '../../src/store/sql.js';

/** The store's own connection (a private field: tests only). */
export const dbOf = (s: Store): Db => (s as unknown as { db: Db }).db;

const TABLES = ['tokenwarden.audit_record', 'tokenwarden.audit_head'];

/** Run `fn` in one transaction with the audit triggers disabled, as an attacker would. */
export async function tamper(store: Store, fn: (tx: Sql) => Promise<void>): Promise<void> {
  await dbOf(store).transaction(async (tx) => {
    for (const t of TABLES) await tx.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    await fn(tx);
    for (const t of TABLES) await tx.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
  });
}

const RECORD_COLUMNS = 'seq, time, kind, body, prev_digest, digest, dedupe_key';

/** Copy the trail aside; `restore` puts it back exactly (between tamper cases). */
export async function snapshot(store: Store): Promise<{ restore: () => Promise<void>; drop: () => Promise<void> }> {
  const db = dbOf(store);
  await db.query('DROP TABLE IF EXISTS tokenwarden.audit_record_copy');
  await db.query('DROP TABLE IF EXISTS tokenwarden.audit_head_copy');
  await db.query(`CREATE TABLE tokenwarden.audit_record_copy AS SELECT ${RECORD_COLUMNS} FROM tokenwarden.audit_record`);
  await db.query('CREATE TABLE tokenwarden.audit_head_copy AS SELECT * FROM tokenwarden.audit_head');
  return {
    restore: () =>
      tamper(store, async (tx) => {
        await tx.query('DELETE FROM tokenwarden.audit_record');
        await tx.query(`INSERT INTO tokenwarden.audit_record (${RECORD_COLUMNS}) SELECT ${RECORD_COLUMNS} FROM tokenwarden.audit_record_copy`);
        await tx.query('DELETE FROM tokenwarden.audit_head');
        await tx.query('INSERT INTO tokenwarden.audit_head SELECT * FROM tokenwarden.audit_head_copy');
      }),
    drop: async () => {
      await db.query('DROP TABLE IF EXISTS tokenwarden.audit_record_copy');
      await db.query('DROP TABLE IF EXISTS tokenwarden.audit_head_copy');
    },
  };
}

/** Every stored row of the audit tables, as text (what a secret must never be found in). */
export async function rawRows(store: Store): Promise<string> {
  const db = dbOf(store);
  const a = await db.query<{ t: string }>('SELECT to_jsonb(r)::text AS t FROM tokenwarden.audit_record r ORDER BY seq');
  const b = await db.query<{ t: string }>('SELECT to_jsonb(h)::text AS t FROM tokenwarden.audit_head h');
  return [...a.rows, ...b.rows].map((r) => r.t).join('\n');
}

/** Run `n` tasks with at most `limit` in flight. */
export async function pool(n: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}
