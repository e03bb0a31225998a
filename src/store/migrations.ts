/**
 * Versioned migrations, applied at start-up under the store-wide migration lock (see `Db`), each in its
 * own transaction together with its row in `tokenwarden.schema_migrations`. Two instances starting
 * together: the first migrates, the second waits for the lock, then finds nothing to do.
 *
 * Rules: a released migration is never edited (its checksum is recorded and compared on every start);
 * a change is a new migration appended with the next version; a database whose highest version is
 * above this code's is refused with the reason (an older binary must not write to a newer schema).
 * Everything lives in the `tokenwarden` schema, so a shared database keeps its other tables apart.
 */
import { createHash } from 'node:crypto';
import { StoreError } from './errors.js';
import type { Db, Sql } from './sql.js';
import { REVOCATIONS_MIGRATION } from './revocations.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SCHEMA = 'tokenwarden';

const BOOTSTRAP = `
CREATE SCHEMA IF NOT EXISTS tokenwarden;
CREATE TABLE IF NOT EXISTS tokenwarden.schema_migrations (
  version    int PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text
);`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'deliveries, jobs, check runs, issue index, leases, write pacing',
    sql: `
-- Webhook deliveries by X-GitHub-Delivery id: a redelivery of a recorded one is answered, not judged
-- again (unless its handling failed). Never the payload: the job holds what the work needs.
CREATE TABLE tokenwarden.delivery (
  id              text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  event           text NOT NULL CHECK (length(event) BETWEEN 1 AND 100),
  installation_id bigint,
  repository      text,
  state           text NOT NULL CHECK (state IN ('queued', 'handled', 'failed')),
  job_id          bigint,
  attempts        int NOT NULL DEFAULT 1,
  error           text,
  received_at     timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_job ON tokenwarden.delivery (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX delivery_received ON tokenwarden.delivery (received_at);

-- The job queue. A claimed job is 'running' under a lease (owner + lease_until) that its worker renews;
-- a lease that runs out (the worker died) puts the job back. At most one running job per group_key
-- (the repository), enforced by a unique index, skipped over (not waited on) when claiming.
CREATE TABLE tokenwarden.job (
  id           bigserial PRIMARY KEY,
  queue        text NOT NULL CHECK (length(queue) BETWEEN 1 AND 100),
  group_key    text,
  dedupe_key   text,
  payload      jsonb NOT NULL CHECK (octet_length(payload::text) <= 65536),
  state        text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts     int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  reschedules  int NOT NULL DEFAULT 0,
  run_at       timestamptz NOT NULL DEFAULT now(),
  lease_owner  text,
  lease_until  timestamptz,
  last_error   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz
);
CREATE INDEX job_ready ON tokenwarden.job (run_at, id) WHERE state = 'queued';
CREATE UNIQUE INDEX job_one_running_per_group ON tokenwarden.job (group_key) WHERE state = 'running' AND group_key IS NOT NULL;
CREATE INDEX job_lease ON tokenwarden.job (lease_until) WHERE state = 'running';
CREATE UNIQUE INDEX job_dedupe ON tokenwarden.job (queue, dedupe_key) WHERE state = 'queued' AND dedupe_key IS NOT NULL;
CREATE INDEX job_finished ON tokenwarden.job (finished_at) WHERE state IN ('done', 'failed');

-- Check runs this App started and has not completed yet: what a recovery timer finishes after a crash.
CREATE TABLE tokenwarden.check_run (
  check_run_id    bigint PRIMARY KEY,
  installation_id bigint NOT NULL,
  repository      text NOT NULL,
  head_sha        text NOT NULL,
  name            text,
  job_id          bigint,
  lease_owner     text NOT NULL,
  started_at      timestamptz NOT NULL DEFAULT now(),
  claimed_at      timestamptz
);
CREATE INDEX check_run_started ON tokenwarden.check_run (started_at);
CREATE INDEX check_run_sha ON tokenwarden.check_run (repository, head_sha);

-- Remediation issues by finding key (issueKey: secret hash or fingerprint, never the secret), in the
-- repository that holds them ('home', lower case). 'creating' is a claim: one writer creates the issue.
CREATE TABLE tokenwarden.issue (
  home         text NOT NULL,
  finding_key  text NOT NULL,
  repository   text,
  issue_number int,
  state        text NOT NULL CHECK (state IN ('creating', 'open', 'closed')),
  url          text,
  claim_owner  text,
  claim_until  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (home, finding_key),
  CHECK (state = 'creating' OR issue_number IS NOT NULL)
);
CREATE INDEX issue_number ON tokenwarden.issue (home, issue_number);
CREATE INDEX issue_repository ON tokenwarden.issue (home, repository);

-- Occurrences already commented on an issue (so a redelivery does not comment twice).
CREATE TABLE tokenwarden.issue_occurrence (
  home          text NOT NULL,
  issue_number  int NOT NULL,
  occurrence_id text NOT NULL,
  noted_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (home, issue_number, occurrence_id)
);

-- Named leases with expiry (the rotation sweep's lease, per-repository mutual exclusion). 'token'
-- grows at every change of holder: a fencing token.
CREATE TABLE tokenwarden.lease (
  name        text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 300),
  owner       text NOT NULL,
  token       bigint NOT NULL DEFAULT 1,
  acquired_at timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

-- Next allowed write per installation and lane, shared by the fleet.
CREATE TABLE tokenwarden.write_slot (
  installation_id bigint NOT NULL,
  lane            text NOT NULL,
  next_at         timestamptz NOT NULL,
  PRIMARY KEY (installation_id, lane)
);
`,
  },
  {
    version: 2,
    name: 'audit trail: hash-chained, append-only records and their head',
    sql: `
-- The audit trail (src/audit/, docs/audit.md): one hash chain per database. Each record carries the
-- previous record's digest and its own (computed by the code over seq, time, kind, body and prev).
-- Append-only in the database too: UPDATE, DELETE and TRUNCATE are refused by triggers, and an insert
-- must extend the head (the next seq, the head's digest as prev, a time not before the head's).
CREATE TABLE tokenwarden.audit_record (
  seq         bigint PRIMARY KEY CHECK (seq >= 1),
  time        timestamptz NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('evaluation', 'exception', 'policy-change', 'reminder', 'revocation', 'checkpoint')),
  body        jsonb NOT NULL CHECK (jsonb_typeof(body) = 'object'),
  prev_digest text NOT NULL CHECK (prev_digest ~ '^[0-9a-f]{64}$'),
  digest      text NOT NULL UNIQUE CHECK (digest ~ '^[0-9a-f]{64}$'),
  -- For export filters only (not covered by the digest, and derived from what is):
  repository  text GENERATED ALWAYS AS (lower(body->>'repository')) STORED,
  -- Idempotency of an append (one evaluation record per delivery), not covered by the digest.
  dedupe_key  text UNIQUE
);
CREATE INDEX audit_record_time ON tokenwarden.audit_record (time);
CREATE INDEX audit_record_repository ON tokenwarden.audit_record (repository, seq) WHERE repository IS NOT NULL;

-- The end of the chain, one row: locked (SELECT ... FOR UPDATE) by every append, so that several
-- instances append one after the other and never fork the chain. Moved only by the insert trigger.
CREATE TABLE tokenwarden.audit_head (
  id              int PRIMARY KEY CHECK (id = 1),
  seq             bigint NOT NULL,
  digest          text NOT NULL,
  time            timestamptz,
  checkpoint_seq  bigint,
  checkpoint_time timestamptz
);
INSERT INTO tokenwarden.audit_head (id, seq, digest) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION tokenwarden.audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on tokenwarden.% refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = '55000';
END
$$;

CREATE FUNCTION tokenwarden.audit_extend() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  h tokenwarden.audit_head%ROWTYPE;
BEGIN
  SELECT * INTO h FROM tokenwarden.audit_head WHERE id = 1 FOR UPDATE;
  IF NEW.seq <> h.seq + 1 OR NEW.prev_digest <> h.digest OR (h.time IS NOT NULL AND NEW.time < h.time) THEN
    RAISE EXCEPTION 'an audit record must extend the chain (seq %, prev %, time not before %); got seq %, prev %, time %',
      h.seq + 1, h.digest, h.time, NEW.seq, NEW.prev_digest, NEW.time
      USING ERRCODE = '55000';
  END IF;
  UPDATE tokenwarden.audit_head SET
    seq = NEW.seq, digest = NEW.digest, time = NEW.time,
    checkpoint_seq = CASE WHEN NEW.kind = 'checkpoint' THEN NEW.seq ELSE checkpoint_seq END,
    checkpoint_time = CASE WHEN NEW.kind = 'checkpoint' THEN NEW.time ELSE checkpoint_time END
  WHERE id = 1;
  RETURN NEW;
END
$$;

-- The head moves one step at a time, and only from the insert trigger above.
CREATE FUNCTION tokenwarden.audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit head moves only by appending records: % on tokenwarden.audit_head refused', TG_OP
    USING ERRCODE = '55000';
END
$$;

CREATE TRIGGER audit_record_extend BEFORE INSERT ON tokenwarden.audit_record
  FOR EACH ROW EXECUTE FUNCTION tokenwarden.audit_extend();
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON tokenwarden.audit_record
  FOR EACH ROW EXECUTE FUNCTION tokenwarden.audit_refuse();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON tokenwarden.audit_record
  FOR EACH STATEMENT EXECUTE FUNCTION tokenwarden.audit_refuse();
CREATE TRIGGER audit_head_guard BEFORE INSERT OR UPDATE OR DELETE ON tokenwarden.audit_head
  FOR EACH ROW EXECUTE FUNCTION tokenwarden.audit_head_guard();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON tokenwarden.audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION tokenwarden.audit_refuse();
`,
  },
  REVOCATIONS_MIGRATION,
];

export const LATEST_VERSION = MIGRATIONS.reduce((m, x) => Math.max(m, x.version), 0);

export const checksum = (m: Migration): string => createHash('sha256').update(m.sql.replace(/\r\n/g, '\n').trim()).digest('hex').slice(0, 16);

export interface MigrationResult {
  /** The schema version after this run. */
  version: number;
  /** Versions this run applied (empty when another instance, or an earlier start, had done it). */
  applied: number[];
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

async function applied(sql: Sql): Promise<AppliedRow[]> {
  const exists = await sql.query<{ t: string | null }>(`SELECT to_regclass('tokenwarden.schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await sql.query<AppliedRow>('SELECT version, name, checksum FROM tokenwarden.schema_migrations ORDER BY version');
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/** Compare what the database has with what this code knows; throws the reason it cannot be used. */
function verify(rows: AppliedRow[], migrations: readonly Migration[], latest: number): void {
  const top = rows.reduce((m, r) => Math.max(m, r.version), 0);
  if (top > latest) {
    const newer = rows.filter((r) => r.version > latest).map((r) => `${r.version} (${r.name})`);
    throw new StoreError(
      'SCHEMA_TOO_NEW',
      `The database's schema is at version ${top}, newer than this Token Warden's ${latest} ` +
        `(applied by a newer release: ${newer.join(', ')}). Refusing to use it: run the newer release, ` +
        'or point this one at another database (DATABASE_URL / TOKENWARDEN_DATA_DIR).',
    );
  }
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const r of rows) {
    const m = known.get(r.version);
    if (m && checksum(m) !== r.checksum) {
      throw new StoreError(
        'MIGRATION_CHANGED',
        `Migration ${r.version} ("${m.name}") differs from the one applied to this database (checksum ${r.checksum}, code ${checksum(m)}). ` +
          'A released migration must never be edited: restore it and add a new migration instead.',
      );
    }
  }
}

/**
 * Bring the schema up to date (or, with `apply: false`, only check it), holding the migration lock.
 * `migrations` is for tests; the store uses `MIGRATIONS`.
 */
export async function migrate(db: Db, opts: { apply: boolean; lockTimeoutMs: number; appliedBy: string; migrations?: readonly Migration[] }): Promise<MigrationResult> {
  const migrations = [...(opts.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  const latest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  if (!opts.apply) {
    const rows = await applied(db);
    verify(rows, migrations, latest);
    const have = new Set(rows.map((r) => r.version));
    const missing = migrations.filter((m) => !have.has(m.version)).map((m) => m.version);
    if (missing.length) {
      throw new StoreError('SCHEMA_TOO_OLD', `The database lacks migrations ${missing.join(', ')} of this Token Warden; start it once with migrations enabled.`);
    }
    return { version: latest, applied: [] };
  }
  return db.withMigrationLock(opts.lockTimeoutMs, async (conn) => {
    await conn.execScript(BOOTSTRAP);
    const rows = await applied(conn);
    verify(rows, migrations, latest);
    const have = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const m of migrations) {
      if (have.has(m.version)) continue;
      await conn.transaction(async (tx) => {
        await conn.execScript(m.sql, tx);
        await tx.query('INSERT INTO tokenwarden.schema_migrations (version, name, checksum, applied_by) VALUES ($1::int, $2::text, $3::text, $4::text)', [
          m.version,
          m.name,
          checksum(m),
          opts.appliedBy,
        ]);
      });
      done.push(m.version);
    }
    return { version: latest, applied: done };
  });
}

/** The highest applied version, 0 for an empty database. */
export async function schemaVersion(sql: Sql): Promise<number> {
  return (await applied(sql)).reduce((m, r) => Math.max(m, r.version), 0);
}
