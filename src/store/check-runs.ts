/**
 * Check runs this App started and has not completed: recorded when started, removed when completed.
 * What is left after a crash is what a recovery timer finishes (`claimStale`), so no run stays in
 * progress for ever.
 */
import type { CheckRunRepository, OpenCheckRun, OpenCheckRunInput } from './types.js';
import { date, dateOrNull, msInterval, num, numOrNull, type Db } from './sql.js';

interface Row {
  check_run_id: unknown;
  installation_id: unknown;
  repository: string;
  head_sha: string;
  name: string | null;
  job_id: unknown;
  lease_owner: string;
  started_at: unknown;
  claimed_at: unknown;
}

const toRun = (r: Row): OpenCheckRun => ({
  checkRunId: num(r.check_run_id),
  installation: num(r.installation_id),
  repository: r.repository,
  headSha: r.head_sha,
  name: r.name,
  jobId: numOrNull(r.job_id),
  owner: r.lease_owner,
  startedAt: date(r.started_at),
  claimedAt: dateOrNull(r.claimed_at),
});

export class SqlCheckRuns implements CheckRunRepository {
  constructor(private readonly db: Db) {}

  async opened(run: OpenCheckRunInput): Promise<void> {
    await this.db.query(
      `INSERT INTO tokenwarden.check_run (check_run_id, installation_id, repository, head_sha, name, job_id, lease_owner)
       VALUES ($1::bigint, $2::bigint, $3::text, $4::text, $5::text, $6::bigint, $7::text)
       ON CONFLICT (check_run_id) DO UPDATE SET lease_owner = EXCLUDED.lease_owner, job_id = COALESCE(EXCLUDED.job_id, tokenwarden.check_run.job_id)`,
      [run.checkRunId, run.installation, run.repository, run.headSha, run.name ?? null, run.jobId ?? null, run.owner],
    );
  }

  async completed(checkRunId: number): Promise<boolean> {
    const r = await this.db.query('DELETE FROM tokenwarden.check_run WHERE check_run_id = $1::bigint RETURNING check_run_id', [checkRunId]);
    return r.rows.length > 0;
  }

  async find(repository: string, headSha: string): Promise<OpenCheckRun[]> {
    const { rows } = await this.db.query<Row>('SELECT * FROM tokenwarden.check_run WHERE repository = $1::text AND head_sha = $2::text ORDER BY started_at', [repository, headSha]);
    return rows.map(toRun);
  }

  async listStale(olderThanMs: number, limit = 100): Promise<OpenCheckRun[]> {
    const { rows } = await this.db.query<Row>(`SELECT * FROM tokenwarden.check_run WHERE started_at < now() - ${msInterval(1)} ORDER BY started_at, check_run_id LIMIT $2::int`, [olderThanMs, limit]);
    return rows.map(toRun);
  }

  async claimStale(owner: string, olderThanMs: number, limit = 100): Promise<OpenCheckRun[]> {
    const { rows } = await this.db.query<Row>(
      `WITH stale AS (
         SELECT check_run_id FROM tokenwarden.check_run
          WHERE started_at < now() - ${msInterval(2)} AND (claimed_at IS NULL OR claimed_at < now() - ${msInterval(2)})
          ORDER BY started_at, check_run_id LIMIT $3::int FOR UPDATE SKIP LOCKED)
       UPDATE tokenwarden.check_run c SET lease_owner = $1::text, claimed_at = now()
         FROM stale WHERE c.check_run_id = stale.check_run_id
       RETURNING c.*`,
      [owner, olderThanMs, limit],
    );
    return rows.map(toRun).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.checkRunId - b.checkRunId);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: unknown }>('SELECT count(*)::int AS n FROM tokenwarden.check_run');
    return num(rows[0]!.n);
  }
}
