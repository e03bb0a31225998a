/**
 * The durable job queue: one table, `FOR UPDATE SKIP LOCKED` claims, leases renewed by heartbeats.
 * Why not pg-boss: see docs/store.md ("The queue").
 *
 * One running job per group (repository): the claim skips queued jobs whose group has one running (so
 * a busy repository never holds up the others), and a unique partial index makes a second running job
 * of a group impossible even when two claims race on PostgreSQL — the loser gets a unique violation,
 * and claims again.
 */
import type { Backoff, ClaimOptions, Job, JobQueue, NewJob, QueueStats } from './types.js';
import { date, dateOrNull, msInterval, num, sqlState, UNIQUE_VIOLATION, type Db, type Sql } from './sql.js';

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF: Required<Backoff> = { baseMs: 5_000, maxMs: 10 * 60_000, jitter: 0.2 };
const MAX_ERROR_TEXT = 2_000;

interface JobRow {
  id: unknown;
  queue: string;
  group_key: string | null;
  dedupe_key: string | null;
  payload: unknown;
  state: Job['state'];
  attempts: unknown;
  max_attempts: unknown;
  reschedules: unknown;
  run_at: unknown;
  lease_owner: string | null;
  lease_until: unknown;
  last_error: string | null;
  created_at: unknown;
  started_at: unknown;
  finished_at: unknown;
}

const COLUMNS =
  'j.id, j.queue, j.group_key, j.dedupe_key, j.payload, j.state, j.attempts, j.max_attempts, j.reschedules, j.run_at, j.lease_owner, j.lease_until, j.last_error, j.created_at, j.started_at, j.finished_at';

function toJob<P>(r: JobRow): Job<P> {
  return {
    id: num(r.id),
    queue: r.queue,
    groupKey: r.group_key,
    dedupeKey: r.dedupe_key,
    payload: r.payload as P,
    state: r.state,
    attempts: num(r.attempts),
    maxAttempts: num(r.max_attempts),
    reschedules: num(r.reschedules),
    runAt: date(r.run_at),
    leaseOwner: r.lease_owner,
    leaseUntil: dateOrNull(r.lease_until),
    lastError: r.last_error,
    createdAt: date(r.created_at),
    startedAt: dateOrNull(r.started_at),
    finishedAt: dateOrNull(r.finished_at),
  };
}

const cut = (s: string): string => (s.length > MAX_ERROR_TEXT ? `${s.slice(0, MAX_ERROR_TEXT - 1)}…` : s);

/**
 * Insert a job with `sql` (the caller's transaction, when recording a delivery). With a dedupe key and a
 * job already waiting under it, returns that job's id instead.
 */
export async function insertJob<P>(sql: Sql, job: NewJob<P>): Promise<number> {
  const params = [job.queue, job.groupKey ?? null, job.dedupeKey ?? null, JSON.stringify(job.payload ?? null), job.runAt ? job.runAt.toISOString() : null, job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS];
  const inserted = await sql.query<{ id: unknown }>(
    `INSERT INTO tokenwarden.job (queue, group_key, dedupe_key, payload, run_at, max_attempts)
     VALUES ($1::text, $2::text, $3::text, $4::jsonb, COALESCE($5::timestamptz, now()), $6::int)
     ON CONFLICT (queue, dedupe_key) WHERE state = 'queued' AND dedupe_key IS NOT NULL DO NOTHING
     RETURNING id`,
    params,
  );
  if (inserted.rows[0]) return num(inserted.rows[0].id);
  const waiting = await sql.query<{ id: unknown }>(`SELECT id FROM tokenwarden.job WHERE queue = $1::text AND dedupe_key = $2::text AND state = 'queued'`, [job.queue, job.dedupeKey]);
  // The waiting job was claimed between the two statements: enqueue a fresh one.
  return waiting.rows[0] ? num(waiting.rows[0].id) : insertJob(sql, { ...job, dedupeKey: null });
}

/** The deliveries of the job(s) in CTE `j`, settled (a fragment of a WITH). */
const SETTLE_DELIVERIES = (state: 'handled' | 'failed', error: string): string =>
  `UPDATE tokenwarden.delivery SET state = '${state}', error = ${error}, updated_at = now() WHERE job_id IN (SELECT id FROM j) AND state = 'queued'`;

export class SqlJobQueue implements JobQueue {
  private readonly listeners = new Set<(queue: string) => void>();

  constructor(private readonly db: Db) {}

  /** For `DeliveryRepository.record`, which enqueues inside its own transaction. */
  notifyEnqueued(queue: string): void {
    for (const l of this.listeners) {
      try {
        l(queue);
      } catch {
        // a listener's problem is its own
      }
    }
  }

  onEnqueue(listener: (queue: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async enqueue<P>(job: NewJob<P>): Promise<number> {
    const id = await insertJob(this.db, job);
    this.notifyEnqueued(job.queue);
    return id;
  }

  async claim<P = unknown>(opts: ClaimOptions): Promise<Job<P>[]> {
    const limit = Math.max(1, Math.floor(opts.limit ?? 1));
    const out: Job<P>[] = [];
    let conflicts = 0;
    // One job per statement: a batch could hold two jobs of one group, and the unique index would then
    // fail the whole batch. Claims are cheap (an index scan and one row update each).
    while (out.length < limit) {
      let row: JobRow | undefined;
      try {
        ({
          rows: [row],
        } = await this.db.query<JobRow>(
          `WITH next AS (
             SELECT c.id FROM tokenwarden.job c
             WHERE c.state = 'queued' AND c.run_at <= now()
               AND ($1::text[] IS NULL OR c.queue = ANY($1::text[]))
               AND (c.group_key IS NULL OR NOT EXISTS (
                 SELECT 1 FROM tokenwarden.job r WHERE r.group_key = c.group_key AND r.state = 'running'))
             ORDER BY c.run_at, c.id
             LIMIT 1
             FOR UPDATE SKIP LOCKED)
           UPDATE tokenwarden.job j
              SET state = 'running', attempts = j.attempts + 1, lease_owner = $2::text,
                  lease_until = now() + ${msInterval(3)}, started_at = now()
             FROM next WHERE j.id = next.id
           RETURNING ${COLUMNS}`,
          [opts.queues ? [...opts.queues] : null, opts.owner, opts.leaseMs],
        ));
      } catch (e) {
        // Another worker started a job of the same group between our look and our update.
        if (sqlState(e) === UNIQUE_VIOLATION && ++conflicts <= 5) continue;
        throw e;
      }
      if (!row) break;
      out.push(toJob<P>(row));
    }
    return out;
  }

  async heartbeat(id: number, owner: string, leaseMs: number): Promise<boolean> {
    const r = await this.db.query(`UPDATE tokenwarden.job SET lease_until = now() + ${msInterval(3)} WHERE id = $1::bigint AND lease_owner = $2::text AND state = 'running' RETURNING id`, [
      id,
      owner,
      leaseMs,
    ]);
    return r.rows.length > 0;
  }

  async complete(id: number, owner: string): Promise<boolean> {
    // One statement (data-modifying CTEs run to completion whether read or not): one round trip, and on
    // PGlite one sync to disk.
    const { rows } = await this.db.query<{ n: unknown }>(
      `WITH j AS (
         UPDATE tokenwarden.job SET state = 'done', finished_at = now(), lease_until = NULL, last_error = NULL
          WHERE id = $1::bigint AND lease_owner = $2::text AND state = 'running' RETURNING id),
       d AS (${SETTLE_DELIVERIES('handled', 'NULL')})
       SELECT count(*)::int AS n FROM j`,
      [id, owner],
    );
    return num(rows[0]!.n) > 0;
  }

  async fail(id: number, owner: string, error: string, opts: { backoff?: Backoff; final?: boolean } = {}): Promise<'retry' | 'failed' | 'lost'> {
    const b = { ...DEFAULT_BACKOFF, ...opts.backoff };
    const { rows } = await this.db.query<{ state: string }>(
      `WITH j AS (
         UPDATE tokenwarden.job SET
           state = CASE WHEN $4::boolean OR attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
           run_at = CASE WHEN $4::boolean OR attempts >= max_attempts THEN run_at
                         ELSE now() + LEAST($5::double precision, $6::double precision * power(2, GREATEST(attempts - 1, 0)))
                                      * (1 + $7::double precision * random()) * interval '1 millisecond' END,
           finished_at = CASE WHEN $4::boolean OR attempts >= max_attempts THEN now() END,
           last_error = $3::text, lease_owner = NULL, lease_until = NULL
         WHERE id = $1::bigint AND lease_owner = $2::text AND state = 'running'
         RETURNING id, state),
       d AS (
         UPDATE tokenwarden.delivery SET state = 'failed', error = $3::text, updated_at = now()
          WHERE job_id IN (SELECT id FROM j WHERE state = 'failed') AND state = 'queued')
       SELECT state FROM j`,
      [id, owner, cut(error), !!opts.final, b.maxMs, b.baseMs, b.jitter],
    );
    const state = rows[0]?.state;
    return state === 'failed' ? 'failed' : state === 'queued' ? 'retry' : 'lost';
  }

  async retryAt(id: number, owner: string, at: Date, reason?: string): Promise<boolean> {
    const r = await this.db.query(
      `UPDATE tokenwarden.job SET state = 'queued', run_at = $3::timestamptz, attempts = GREATEST(attempts - 1, 0),
              reschedules = reschedules + 1, last_error = $4::text, lease_owner = NULL, lease_until = NULL
        WHERE id = $1::bigint AND lease_owner = $2::text AND state = 'running' RETURNING id`,
      [id, owner, at.toISOString(), reason === undefined ? null : cut(reason)],
    );
    return r.rows.length > 0;
  }

  async release(id: number, owner: string): Promise<boolean> {
    const r = await this.db.query(
      `UPDATE tokenwarden.job SET state = 'queued', attempts = GREATEST(attempts - 1, 0), lease_owner = NULL, lease_until = NULL
        WHERE id = $1::bigint AND lease_owner = $2::text AND state = 'running' RETURNING id`,
      [id, owner],
    );
    return r.rows.length > 0;
  }

  async reapExpired(): Promise<number> {
    // The job keeps its run_at, and so its place among its group's waiting jobs.
    const { rows } = await this.db.query<{ n: unknown }>(
      `WITH expired AS (
         SELECT id, lease_owner FROM tokenwarden.job WHERE state = 'running' AND lease_until < now() FOR UPDATE SKIP LOCKED),
       j AS (
         UPDATE tokenwarden.job j SET
           state = CASE WHEN j.attempts >= j.max_attempts THEN 'failed' ELSE 'queued' END,
           finished_at = CASE WHEN j.attempts >= j.max_attempts THEN now() END,
           last_error = 'lease expired: worker ' || COALESCE(expired.lease_owner, '?') || ' stopped renewing it (crashed or killed?)',
           lease_owner = NULL, lease_until = NULL
         FROM expired WHERE j.id = expired.id
         RETURNING j.id, j.state),
       d AS (
         UPDATE tokenwarden.delivery SET state = 'failed', error = 'lease expired after the last attempt', updated_at = now()
          WHERE job_id IN (SELECT id FROM j WHERE state = 'failed') AND state = 'queued')
       SELECT count(*)::int AS n FROM j`,
    );
    return num(rows[0]!.n);
  }

  async get<P = unknown>(id: number): Promise<Job<P> | undefined> {
    const { rows } = await this.db.query<JobRow>(`SELECT ${COLUMNS} FROM tokenwarden.job j WHERE j.id = $1::bigint`, [id]);
    return rows[0] ? toJob<P>(rows[0]) : undefined;
  }

  async stats(): Promise<QueueStats> {
    const { rows } = await this.db.query<Record<keyof QueueStats, unknown>>(
      `SELECT
         count(*) FILTER (WHERE state = 'queued' AND run_at <= now())::int AS ready,
         count(*) FILTER (WHERE state = 'queued' AND run_at > now())::int AS scheduled,
         count(*) FILTER (WHERE state = 'running')::int AS running,
         count(*) FILTER (WHERE state = 'failed')::int AS failed,
         count(*) FILTER (WHERE state = 'running' AND lease_until < now())::int AS expired,
         COALESCE(floor(extract(epoch FROM now() - min(run_at) FILTER (WHERE state = 'queued' AND run_at <= now())) * 1000), 0)::float8 AS "oldestReadyAgeMs"
       FROM tokenwarden.job WHERE state IN ('queued', 'running', 'failed')`,
    );
    const r = rows[0]!;
    return {
      ready: num(r.ready),
      scheduled: num(r.scheduled),
      running: num(r.running),
      failed: num(r.failed),
      expired: num(r.expired),
      oldestReadyAgeMs: num(r.oldestReadyAgeMs),
    };
  }

  /** Delete finished jobs older than `olderThanMs`. */
  async prune(olderThanMs: number): Promise<number> {
    const r = await this.db.query(`DELETE FROM tokenwarden.job WHERE state IN ('done', 'failed') AND finished_at < now() - ${msInterval(1)} RETURNING id`, [olderThanMs]);
    return r.rows.length;
  }
}
