/**
 * The delivery ledger, durable: `record` writes the delivery and enqueues its job in one transaction,
 * so an acknowledged webhook always has its job, and a redelivery (same `X-GitHub-Delivery`) finds the
 * record whichever instance it reaches, after any restart.
 */
import type { DeliveryInput, DeliveryRecord, DeliveryRepository, DeliveryStatus, NewJob } from './types.js';
import { DEFAULT_MAX_ATTEMPTS, insertJob, type SqlJobQueue } from './jobs.js';
import { date, num, numOrNull, sqlState, UNIQUE_VIOLATION, type Db } from './sql.js';

interface DeliveryRow {
  id: string;
  event: string;
  installation_id: unknown;
  repository: string | null;
  state: DeliveryRecord['state'];
  job_id: unknown;
  attempts: unknown;
  error: string | null;
  received_at: unknown;
  updated_at: unknown;
}

const MAX_ERROR_TEXT = 2_000;

export class SqlDeliveries implements DeliveryRepository {
  constructor(
    private readonly db: Db,
    private readonly jobs: SqlJobQueue,
  ) {}

  async record(d: DeliveryInput, job?: NewJob | null): Promise<DeliveryStatus> {
    if (!job?.dedupeKey) {
      // The common case, a delivery seen for the first time, in one statement (both rows or neither):
      // one round trip, and on PGlite one sync to disk. A duplicate id fails it as a whole.
      try {
        await this.db.query(
          `WITH j AS (
             INSERT INTO tokenwarden.job (queue, group_key, payload, run_at, max_attempts)
             SELECT $5::text, $6::text, $7::jsonb, COALESCE($8::timestamptz, now()), $9::int WHERE $5::text IS NOT NULL
             RETURNING id)
           INSERT INTO tokenwarden.delivery (id, event, installation_id, repository, state, job_id)
           VALUES ($1::text, $2::text, $3::bigint, $4::text, CASE WHEN $5::text IS NULL THEN 'handled' ELSE 'queued' END, (SELECT id FROM j))`,
          [
            d.id,
            d.event,
            d.installation,
            d.repository,
            job?.queue ?? null,
            job?.groupKey ?? null,
            JSON.stringify(job?.payload ?? null),
            job?.runAt ? job.runAt.toISOString() : null,
            job?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          ],
        );
        if (job) this.jobs.notifyEnqueued(job.queue);
        return 'new';
      } catch (e) {
        if (sqlState(e) !== UNIQUE_VIOLATION) throw e;
      }
    }
    const status = await this.db.transaction(async (tx): Promise<DeliveryStatus> => {
      const fresh = await tx.query(
        `INSERT INTO tokenwarden.delivery (id, event, installation_id, repository, state)
         VALUES ($1::text, $2::text, $3::bigint, $4::text, 'queued')
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [d.id, d.event, d.installation, d.repository],
      );
      if (!fresh.rows.length) {
        // Recorded before. Re-arm it only if its handling failed; one instance wins that update.
        const rearmed = await tx.query(
          `UPDATE tokenwarden.delivery SET state = 'queued', attempts = attempts + 1, error = NULL, updated_at = now()
            WHERE id = $1::text AND state = 'failed' RETURNING id`,
          [d.id],
        );
        if (!rearmed.rows.length) return 'duplicate';
      }
      if (job) {
        const jobId = await insertJob(tx, job);
        await tx.query('UPDATE tokenwarden.delivery SET job_id = $2::bigint WHERE id = $1::text', [d.id, jobId]);
      } else {
        // Nothing to do later: handled as recorded.
        await tx.query(`UPDATE tokenwarden.delivery SET state = 'handled' WHERE id = $1::text`, [d.id]);
      }
      return 'new';
    });
    if (status === 'new' && job) this.jobs.notifyEnqueued(job.queue);
    return status;
  }

  async recordMany(items: ReadonlyArray<{ delivery: DeliveryInput; job?: NewJob | null }>): Promise<DeliveryStatus[]> {
    if (items.length <= 1) return Promise.all(items.map((i) => this.record(i.delivery, i.job)));
    if (new Set(items.map((i) => i.delivery.id)).size === items.length && items.every((i) => !i.job?.dedupeKey)) {
      // First deliveries (the common case in a burst), all in one statement: one round trip, and on PGlite
      // one sync to disk for the lot. Job ids are drawn up front so that each delivery names its job. A
      // duplicate id fails it as a whole; then each takes `record`'s path.
      const col = <T>(f: (i: (typeof items)[number]) => T): T[] => items.map(f);
      try {
        await this.db.query(
          `WITH input AS MATERIALIZED (
             SELECT i.*, CASE WHEN i.queue IS NULL THEN NULL ELSE nextval('tokenwarden.job_id_seq') END AS job_id
               FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::int[])
                 AS i(id, event, installation_id, repository, queue, group_key, payload, run_at, max_attempts)),
           j AS (
             INSERT INTO tokenwarden.job (id, queue, group_key, payload, run_at, max_attempts)
             SELECT job_id, queue, group_key, payload::jsonb, COALESCE(run_at, now()), max_attempts FROM input WHERE queue IS NOT NULL
             RETURNING id)
           INSERT INTO tokenwarden.delivery (id, event, installation_id, repository, state, job_id)
           SELECT id, event, installation_id, repository, CASE WHEN queue IS NULL THEN 'handled' ELSE 'queued' END, job_id FROM input`,
          [
            col((i) => i.delivery.id),
            col((i) => i.delivery.event),
            col((i) => i.delivery.installation),
            col((i) => i.delivery.repository),
            col((i) => i.job?.queue ?? null),
            col((i) => i.job?.groupKey ?? null),
            col((i) => (i.job ? JSON.stringify(i.job.payload ?? null) : null)),
            col((i) => (i.job?.runAt ? i.job.runAt.toISOString() : null)),
            col((i) => i.job?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
          ],
        );
        for (const q of new Set(items.flatMap((i) => (i.job ? [i.job.queue] : [])))) this.jobs.notifyEnqueued(q);
        return items.map(() => 'new');
      } catch (e) {
        if (sqlState(e) !== UNIQUE_VIOLATION) throw e;
      }
    }
    const out: DeliveryStatus[] = [];
    for (const i of items) out.push(await this.record(i.delivery, i.job));
    return out;
  }

  async markHandled(id: string): Promise<void> {
    await this.db.query(`UPDATE tokenwarden.delivery SET state = 'handled', error = NULL, updated_at = now() WHERE id = $1::text`, [id]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE tokenwarden.delivery SET state = 'failed', error = $2::text, updated_at = now() WHERE id = $1::text`, [id, error.slice(0, MAX_ERROR_TEXT)]);
  }

  async get(id: string): Promise<DeliveryRecord | undefined> {
    const { rows } = await this.db.query<DeliveryRow>('SELECT * FROM tokenwarden.delivery WHERE id = $1::text', [id]);
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      event: r.event,
      installation: numOrNull(r.installation_id),
      repository: r.repository,
      state: r.state,
      jobId: numOrNull(r.job_id),
      attempts: num(r.attempts),
      error: r.error,
      receivedAt: date(r.received_at),
      updatedAt: date(r.updated_at),
    };
  }

  /** Forget settled deliveries older than `olderThanMs` (GitHub offers redelivery for a few days). */
  async prune(olderThanMs: number): Promise<number> {
    const r = await this.db.query(`DELETE FROM tokenwarden.delivery WHERE state <> 'queued' AND updated_at < now() - ($1::double precision * interval '1 millisecond') RETURNING id`, [olderThanMs]);
    return r.rows.length;
  }
}
