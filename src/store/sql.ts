/**
 * The one SQL seam both back ends implement. Repositories speak PostgreSQL through `Sql` and never know
 * whether it is PGlite (PostgreSQL compiled to WebAssembly, one connection in this process) or a
 * PostgreSQL server behind a `pg` pool. Rules every query follows so that both answer alike:
 *
 * - parameters are cast in the SQL (`$1::bigint`, `$2::jsonb`, `$3::timestamptz`): the two drivers
 *   infer parameter types differently;
 * - JSON goes in as a string (`JSON.stringify`) and comes back parsed; times go in as ISO strings and
 *   come back as `Date`; 64-bit integers come back as a number from PGlite and a string from `pg`, so
 *   rows are read through `num()`; counts are cast to `int` in SQL;
 * - the clock is the database's (`now()`), never the host's: leases, schedules and write pacing are
 *   compared by several instances, whose clocks differ.
 */

export interface Rows<T> {
  rows: T[];
  /** Rows inserted, updated or deleted (0 for a SELECT on PGlite; do not rely on it for SELECTs). */
  affected: number;
}

/** Runs one statement. Inside `transaction`, the executor passed to the callback must be used. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Rows<T>>;
}

export interface Db extends Sql {
  /** BEGIN … COMMIT around `fn`; ROLLBACK and rethrow when it throws. Not re-entrant. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  execScript(text: string, tx?: Sql): Promise<void>;
  /**
   * Runs `fn` holding the store-wide migration lock: a PostgreSQL session advisory lock held on one
   * pooled connection (so two instances starting together migrate one after the other), or the process's
   * own exclusive hold on PGlite (one connection, and the data directory is locked to this process).
   */
  withMigrationLock<T>(timeoutMs: number, fn: (conn: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** SQLSTATE of a PostgreSQL error from either driver. */
export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';
export const SERIALIZATION_FAILURE = '40001';
export const DEADLOCK_DETECTED = '40P01';

/** A 64-bit integer column as a JS number (ids here stay far below 2^53). */
export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  throw new TypeError(`not a number: ${String(v)}`);
}

export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

export function date(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string' || typeof v === 'number') return new Date(v);
  throw new TypeError(`not a time: ${String(v)}`);
}

export function dateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : date(v);
}

/** Milliseconds as an SQL interval expression over parameter `$n`. */
export const msInterval = (n: number): string => `($${n}::double precision * interval '1 millisecond')`;
