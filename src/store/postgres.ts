/**
 * The PostgreSQL back end: a `pg` pool on `DATABASE_URL`, for teams that run several instances on one
 * database. Statements run on any pooled connection; a transaction holds one connection from BEGIN to
 * COMMIT; the migration lock is a session advisory lock held on one connection for the whole migration.
 */
import pg from 'pg';
import { StoreError } from './errors.js';
import type { Db, Rows, Sql } from './sql.js';

export interface PostgresOptions {
  connectionString: string;
  /** Connections at most (default 10). Each instance holds up to this many. */
  poolSize?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** Called with errors of idle connections (a server restart); the pool replaces them. */
  onError?: (e: Error) => void;
  /** Per-statement limit, milliseconds (default 30 s): a stuck query must not hold a worker forever. */
  statementTimeoutMs?: number;
}

/** `pg_advisory_lock(MIGRATION_LOCK[0], MIGRATION_LOCK[1])`: 'toke' 'nwar' as two int4. */
export const MIGRATION_LOCK = [0x746f6b65, 0x6e776172] as const;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const wrap = <T>(r: pg.QueryResult): Rows<T> => ({ rows: r.rows as T[], affected: r.rowCount ?? 0 });

class ClientSql implements Sql {
  constructor(readonly client: pg.PoolClient) {}
  async query<T>(text: string, params?: readonly unknown[]): Promise<Rows<T>> {
    return wrap<T>(await this.client.query(text, params as unknown[] | undefined));
  }
}

async function inTransaction<T>(client: pg.PoolClient, fn: (tx: Sql) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const out = await fn(new ClientSql(client));
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** A `Db` over one connection (the one holding the migration lock). */
class OneConnectionDb implements Db {
  constructor(private readonly client: pg.PoolClient) {}
  async query<T>(text: string, params?: readonly unknown[]): Promise<Rows<T>> {
    return wrap<T>(await this.client.query(text, params as unknown[] | undefined));
  }
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return inTransaction(this.client, fn);
  }
  async execScript(text: string, tx?: Sql): Promise<void> {
    await (tx instanceof ClientSql ? tx.client : this.client).query(text);
  }
  withMigrationLock<T>(_t: number, fn: (conn: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
  async close(): Promise<void> {}
}

export class PostgresDb implements Db {
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(o: PostgresOptions): Promise<PostgresDb> {
    const max = o.poolSize ?? 10;
    if (!Number.isInteger(max) || max < 1) throw new StoreError('BAD_CONFIG', `The pool size must be a whole number of at least 1 (got ${o.poolSize}).`);
    const pool = new pg.Pool({
      connectionString: o.connectionString,
      max,
      application_name: o.applicationName ?? 'tokenwarden',
      statement_timeout: o.statementTimeoutMs ?? 30_000,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      // An idle pool must not keep the process alive after the last query (close() still ends it).
      allowExitOnIdle: true,
    });
    // Without a listener an idle connection's error (a server restart) would crash the process.
    pool.on('error', (e) => o.onError?.(e));
    const db = new PostgresDb(pool);
    try {
      await db.query('SELECT 1');
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
    return db;
  }

  private check(): void {
    if (this.closed) throw new StoreError('CLOSED', 'The store is closed.');
  }

  async query<T>(text: string, params?: readonly unknown[]): Promise<Rows<T>> {
    this.check();
    return wrap<T>(await this.pool.query(text, params as unknown[] | undefined));
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    this.check();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const out = await fn(new ClientSql(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        // A connection that cannot even roll back is not handed to the next caller.
        await client.query('ROLLBACK').catch((r: unknown) => (broken = r as Error));
        throw e;
      }
    } finally {
      client.release(broken);
    }
  }

  async execScript(text: string, tx?: Sql): Promise<void> {
    this.check();
    if (tx instanceof ClientSql) await tx.client.query(text);
    else await this.pool.query(text);
  }

  async withMigrationLock<T>(timeoutMs: number, fn: (conn: Db) => Promise<T>): Promise<T> {
    this.check();
    const client = await this.pool.connect();
    let locked = false;
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS ok', [...MIGRATION_LOCK]);
        if (rows[0]?.ok) break;
        if (Date.now() >= deadline) {
          throw new StoreError(
            'MIGRATION_LOCK_TIMEOUT',
            `Another instance held the migration lock for more than ${Math.round(timeoutMs / 1000)} s. ` +
              "If no instance is migrating, a stuck session holds it: see pg_locks where locktype = 'advisory'.",
          );
        }
        await sleep(100 + Math.floor(Math.random() * 150));
      }
      locked = true;
      // A migration may rewrite a large table: no per-statement limit while it runs.
      await client.query('SET statement_timeout = 0');
      return await fn(new OneConnectionDb(client));
    } finally {
      let broken: Error | undefined;
      if (locked) {
        await client.query('RESET statement_timeout').catch((e: unknown) => (broken = e as Error));
        await client.query('SELECT pg_advisory_unlock($1::int, $2::int)', [...MIGRATION_LOCK]).catch((e: unknown) => (broken = e as Error));
      }
      // A connection that could not give the lock back is closed, which releases it.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
