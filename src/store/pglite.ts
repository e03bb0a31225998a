/**
 * The embedded back end: PostgreSQL compiled to WebAssembly (`@electric-sql/pglite`), one connection in
 * this process, persisted under `<dataDir>/pglite` (or in memory). PGlite serialises every query and
 * transaction itself: a `query()` issued while a transaction is open waits for its COMMIT.
 *
 * One process per data directory: two PGlite instances writing one directory corrupt it, so the
 * directory is locked with `<dataDir>/store.lock` (pid and host of the holder). A lock left by a dead
 * process (crash, `kill -9`) is taken over; one held by a live process is refused with the reason.
 * `close()` must be awaited on shutdown: an open PGlite keeps the process alive.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { StoreError } from './errors.js';
import type { Db, Rows, Sql } from './sql.js';

/** Data directories this process holds (a second open in one process is refused too). */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

/** Take `<dir>/store.lock`; returns its release. */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, 'store.lock');
  const key = resolve(path);
  if (heldHere.has(key)) {
    throw new StoreError('DATA_DIR_LOCKED', `The data directory ${dir} is already open in this process; open the store once and share it.`);
  }
  const mine: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(mine)}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw e;
    }
    let held: Partial<LockInfo> = {};
    try {
      held = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    } catch {
      // unreadable or half-written: treated as stale below
    }
    const pid = typeof held.pid === 'number' ? held.pid : 0;
    // Our own pid in a lock we do not hold: a previous incarnation (a container restarts as pid 1).
    if (pid > 0 && pid !== process.pid && (held.host === undefined || held.host === mine.host) && alive(pid)) {
      throw new StoreError(
        'DATA_DIR_LOCKED',
        `The data directory ${dir} is in use by process ${pid} on ${held.host ?? 'this host'} (since ${held.since ?? 'unknown'}). ` +
          'The embedded database serves one process: stop the other one, give this one its own TOKENWARDEN_DATA_DIR, ' +
          `or use PostgreSQL (DATABASE_URL) to run several instances. If no such process exists, delete ${path}.`,
      );
    }
    rmSync(path, { force: true });
  }
  heldHere.add(key);
  return () => {
    heldHere.delete(key);
    try {
      const held = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
      if (held.pid === process.pid) rmSync(path, { force: true });
    } catch {
      // already gone
    }
  };
}

const wrap = <T>(r: { rows: T[]; affectedRows?: number }): Rows<T> => ({ rows: r.rows, affected: r.affectedRows ?? 0 });

class TxSql implements Sql {
  constructor(readonly tx: Transaction) {}
  async query<T>(text: string, params?: readonly unknown[]): Promise<Rows<T>> {
    return wrap(await this.tx.query<T>(text, params as unknown[] | undefined));
  }
}

export class PgliteDb implements Db {
  private closed = false;

  private constructor(
    private readonly pg: PGlite,
    private readonly unlock: () => void,
  ) {}

  /**
   * `dataDir` null: in memory (tests, demos). An in-memory database starts from `snapshot` when given
   * (a `dumpDataDir` tarball, e.g. one already migrated): `initdb` in WebAssembly costs ~3 s of CPU, a
   * snapshot ~1 s. A snapshot that does not load is ignored (a fresh database, then migrated as usual).
   */
  static async open(dataDir: string | null, snapshot?: string): Promise<PgliteDb> {
    if (dataDir === null) {
      if (snapshot) {
        let pg: PGlite | undefined;
        try {
          pg = new PGlite({ loadDataDir: new Blob([readFileSync(snapshot)]) });
          await pg.waitReady;
          return new PgliteDb(pg, () => undefined);
        } catch {
          // unreadable or from another PGlite: start fresh
          await pg?.close().catch(() => undefined);
        }
      }
      const pg = new PGlite();
      await pg.waitReady;
      return new PgliteDb(pg, () => undefined);
    }
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const unlock = lockDataDir(dataDir);
    try {
      const pg = new PGlite(join(dataDir, 'pglite'));
      await pg.waitReady;
      return new PgliteDb(pg, unlock);
    } catch (e) {
      unlock();
      throw e;
    }
  }

  private check(): void {
    if (this.closed) throw new StoreError('CLOSED', 'The store is closed.');
  }

  async query<T>(text: string, params?: readonly unknown[]): Promise<Rows<T>> {
    this.check();
    return wrap(await this.pg.query<T>(text, params as unknown[] | undefined));
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    this.check();
    return this.pg.transaction((tx) => fn(new TxSql(tx)));
  }

  async execScript(text: string, tx?: Sql): Promise<void> {
    this.check();
    if (tx instanceof TxSql) await tx.tx.exec(text);
    else await this.pg.exec(text);
  }

  async withMigrationLock<T>(_timeoutMs: number, fn: (conn: Db) => Promise<T>): Promise<T> {
    // One connection, and the data directory is locked to this process: nothing else can migrate.
    return fn(this);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.pg.close();
    } finally {
      this.unlock();
    }
  }
}
