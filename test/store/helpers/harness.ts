/**
 * The two back ends the store suite runs against: PGlite in temporary directories, and the PostgreSQL
 * server named by TOKENWARDEN_TEST_DATABASE_URL (`.ci/run` starts one: .ci/postgres.sh), where each
 * fresh database is a `CREATE DATABASE` dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Backend, StoreOptions } from '../../../src/store/index.js';
import { seedDataDir } from '../../app/helpers/data-dir.js';

export interface Harness {
  name: string;
  backend: Backend;
  /** Why the suite is skipped here, if it is. */
  skip?: string;
  /** Can two store handles (two instances) share one database? Not with PGlite (one process per directory). */
  multiInstance: boolean;
  /** Options for a new, empty database (its first open migrates it). */
  fresh(): Promise<StoreOptions>;
  /**
   * Options for a new database already at the latest migration, for cases that are not about
   * migrating. On PGlite a copy of a migrated template directory: a new directory would run `initdb`
   * in WebAssembly, seconds of CPU each.
   */
  migrated(): Promise<StoreOptions>;
  /** Remove every database `fresh` made. */
  teardown(): Promise<void>;
}

export function pgliteHarness(): Harness {
  const dirs: string[] = [];
  return {
    name: 'PGlite',
    backend: 'pglite',
    multiInstance: false,
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'tokenwarden-store-test-'));
      dirs.push(dir);
      return { backend: 'pglite', dataDir: dir };
    },
    async migrated() {
      const dir = mkdtempSync(join(tmpdir(), 'tokenwarden-store-test-'));
      dirs.push(dir);
      return { backend: 'pglite', dataDir: await seedDataDir(dir) };
    },
    async teardown() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

export const PG_URL_ENV = 'TOKENWARDEN_TEST_DATABASE_URL';

export function postgresHarness(env: NodeJS.ProcessEnv = process.env): Harness {
  const url = env[PG_URL_ENV]?.trim();
  const made: string[] = [];
  let admin: pg.Pool | undefined;
  const pool = (): pg.Pool => (admin ??= new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true }));
  return {
    name: 'PostgreSQL',
    backend: 'postgres',
    multiInstance: true,
    skip: url ? undefined : `${PG_URL_ENV} is not set: the PostgreSQL back end is not tested here (.ci/run starts a server; locally: bash .ci/postgres.sh npx vitest run test/store)`,
    async fresh() {
      const name = `tw_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      await pool().query(`CREATE DATABASE ${name}`);
      made.push(name);
      const u = new URL(url!);
      u.pathname = `/${name}`;
      return { backend: 'postgres', connectionString: u.toString(), poolSize: 5 };
    },
    // A new PostgreSQL database migrates in milliseconds: no template needed.
    migrated() {
      return this.fresh();
    },
    async teardown() {
      for (const name of made.splice(0))
        await pool()
          .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
          .catch(() => undefined);
      await admin?.end();
      admin = undefined;
    },
  };
}
