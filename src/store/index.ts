/**
 * The store: every piece of state that outlives a request, behind one object with small repositories.
 * One SQL dialect (PostgreSQL), two back ends:
 *
 * - embedded (default): PGlite under `TOKENWARDEN_DATA_DIR` (default `./.tokenwarden`), nothing to run;
 *   one process per data directory;
 * - PostgreSQL: `DATABASE_URL=postgres://…`, a `pg` pool (`TOKENWARDEN_DB_POOL_SIZE`, default 10), for
 *   several instances on one database.
 *
 * `openStore()` applies the migrations under a lock and refuses a database newer than this code. Close
 * the store on shutdown (`await store.close()`): an open PGlite keeps the process alive. docs/store.md
 * has the whole picture.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { StoreError } from './errors.js';
import { LATEST_VERSION, migrate, schemaVersion, type Migration, type MigrationResult } from './migrations.js';
import { PgliteDb } from './pglite.js';
import { PostgresDb } from './postgres.js';
import type { Db } from './sql.js';
import { SqlCheckRuns } from './check-runs.js';
import { SqlDeliveries } from './deliveries.js';
import { SqlIssueIndex } from './issues.js';
import { SqlJobQueue } from './jobs.js';
import { SqlLeases } from './leases.js';
import { SqlWritePacing } from './pacing.js';
import { SqlAuditLog } from './audit.js';
import { SqlRevocations } from './revocations.js';
import type { AuditLog, Backend, CheckRunRepository, DeliveryRepository, IssueIndex, JobQueue, LeaseRepository, QueueStats, RevocationLedger, WritePacing } from './types.js';

export * from './types.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { LATEST_VERSION, MIGRATIONS, type Migration, type MigrationResult } from './migrations.js';

export const DEFAULT_DATA_DIR = './.tokenwarden';
export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_MIGRATION_LOCK_TIMEOUT_MS = 120_000;

interface CommonOptions {
  /** Apply pending migrations (default true); false only checks that the schema is current. */
  migrate?: boolean;
  /** How long to wait for another instance's migration (default 2 min). */
  migrationLockTimeoutMs?: number;
  /** This instance's name in leases and job owners (default `<host>:<pid>:<random>`). */
  instanceId?: string;
  /** Errors that happen outside any call (a PostgreSQL connection dropped while idle). */
  onError?: (e: Error) => void;
  /** Tests only: another migration list. */
  migrations?: readonly Migration[];
}

export interface PgliteStoreOptions extends CommonOptions {
  backend: 'pglite';
  /** Directory for the database (kept in `<dataDir>/pglite`); null: in memory, gone at close. */
  dataDir: string | null;
}

export interface PostgresStoreOptions extends CommonOptions {
  backend: 'postgres';
  connectionString: string;
  /** Connections at most per instance (default 10). */
  poolSize?: number;
  applicationName?: string;
  statementTimeoutMs?: number;
}

export type StoreOptions = PgliteStoreOptions | PostgresStoreOptions;

export interface StoreStatus {
  backend: Backend;
  /** Applied schema version, and the one this code wants. */
  schemaVersion: number;
  codeVersion: number;
  queue: QueueStats;
  openCheckRuns: number;
}

export interface PruneOptions {
  /** Settled deliveries older than this are forgotten (default 14 days: GitHub redelivers for 3). */
  deliveriesMs?: number;
  /** Finished jobs (default 2 days). */
  jobsMs?: number;
  /** Expired leases and past write slots (default 1 day). */
  leasesMs?: number;
}

export interface Store {
  readonly backend: Backend;
  readonly instanceId: string;
  /** What the start-up migration did. */
  readonly migration: MigrationResult;
  readonly deliveries: DeliveryRepository;
  readonly jobs: JobQueue;
  readonly checkRuns: CheckRunRepository;
  readonly issues: IssueIndex;
  readonly leases: LeaseRepository;
  readonly pacing: WritePacing;
  /** The hash-chained audit trail's table; use src/audit/ to write and verify it. */
  readonly audit: AuditLog;
  /** Leaked tokens submitted for revocation (by hash) and the revocation request budget. */
  readonly revocations: RevocationLedger;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** For /readyz: schema version, queue depth and oldest job age, open check runs. */
  status(): Promise<StoreStatus>;
  /** Delete what is no longer needed; returns counts. */
  prune(opts?: PruneOptions): Promise<{ deliveries: number; jobs: number; leases: number; writeSlots: number }>;
  /** Stop using the database; idempotent. Await it on shutdown. */
  close(): Promise<void>;
}

const DAY = 24 * 60 * 60 * 1000;

class SqlStore implements Store {
  readonly deliveries: SqlDeliveries;
  readonly jobs: SqlJobQueue;
  readonly checkRuns: SqlCheckRuns;
  readonly issues: SqlIssueIndex;
  readonly leases: SqlLeases;
  readonly pacing: SqlWritePacing;
  readonly audit: SqlAuditLog;
  readonly revocations: SqlRevocations;

  constructor(
    private readonly db: Db,
    readonly backend: Backend,
    readonly instanceId: string,
    readonly migration: MigrationResult,
  ) {
    this.jobs = new SqlJobQueue(db);
    this.deliveries = new SqlDeliveries(db, this.jobs);
    this.checkRuns = new SqlCheckRuns(db);
    this.issues = new SqlIssueIndex(db);
    this.leases = new SqlLeases(db);
    this.pacing = new SqlWritePacing(db);
    this.audit = new SqlAuditLog(db);
    this.revocations = new SqlRevocations(db);
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  async status(): Promise<StoreStatus> {
    return {
      backend: this.backend,
      schemaVersion: await schemaVersion(this.db),
      codeVersion: LATEST_VERSION,
      queue: await this.jobs.stats(),
      openCheckRuns: await this.checkRuns.count(),
    };
  }

  async prune(o: PruneOptions = {}): Promise<{ deliveries: number; jobs: number; leases: number; writeSlots: number }> {
    return {
      deliveries: await this.deliveries.prune(o.deliveriesMs ?? 14 * DAY),
      jobs: await this.jobs.prune(o.jobsMs ?? 2 * DAY),
      leases: await this.leases.prune(o.leasesMs ?? DAY),
      writeSlots: await this.pacing.prune(o.leasesMs ?? DAY),
    };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

const positiveInt = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 1) throw new StoreError('BAD_CONFIG', `${name} must be a whole number of at least 1 (got "${raw}").`);
  return n;
};

/**
 * Options from the environment: `DATABASE_URL` (postgres:// or postgresql://) selects PostgreSQL with
 * `TOKENWARDEN_DB_POOL_SIZE`; otherwise PGlite under `TOKENWARDEN_DATA_DIR` (default `./.tokenwarden`,
 * `memory:` for an in-memory database).
 */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      const scheme = url.split(':')[0] ?? '';
      throw new StoreError('BAD_CONFIG', `DATABASE_URL must be a postgres:// or postgresql:// URL (got a "${scheme.slice(0, 20)}" URL). Unset it to use the embedded database.`);
    }
    return {
      backend: 'postgres',
      connectionString: url,
      poolSize: positiveInt('TOKENWARDEN_DB_POOL_SIZE', env.TOKENWARDEN_DB_POOL_SIZE, DEFAULT_POOL_SIZE),
    };
  }
  const dir = env.TOKENWARDEN_DATA_DIR?.trim() || DEFAULT_DATA_DIR;
  return { backend: 'pglite', dataDir: dir === 'memory:' ? null : resolve(dir) };
}

const isOptions = (x: StoreOptions | NodeJS.ProcessEnv): x is StoreOptions => typeof (x as { backend?: unknown }).backend === 'string';

/** Open the store from options, or from environment variables (default `process.env`). */
export async function openStore(input: StoreOptions | NodeJS.ProcessEnv = process.env): Promise<Store> {
  const o = isOptions(input) ? input : storeOptionsFromEnv(input);
  const instanceId = o.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const db: Db =
    o.backend === 'pglite'
      ? await PgliteDb.open(o.dataDir, o.dataDir === null ? process.env.TOKENWARDEN_PGLITE_SNAPSHOT : undefined)
      : await PostgresDb.open({
          connectionString: o.connectionString,
          poolSize: o.poolSize,
          applicationName: o.applicationName,
          statementTimeoutMs: o.statementTimeoutMs,
          onError: o.onError,
        });
  try {
    const migration = await migrate(db, {
      apply: o.migrate ?? true,
      lockTimeoutMs: o.migrationLockTimeoutMs ?? DEFAULT_MIGRATION_LOCK_TIMEOUT_MS,
      appliedBy: instanceId,
      migrations: o.migrations,
    });
    return new SqlStore(db, o.backend, instanceId, migration);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}
