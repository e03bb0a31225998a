/**
 * Write pacing per installation, shared by the fleet. GitHub's secondary rate limits count per
 * installation, not per process: each instance claims the next slot from one row per (installation,
 * lane), atomically, and waits until its slot. Slots are `intervalMs` apart on the database's clock.
 */
import type { WritePacing } from './types.js';
import { msInterval, num, type Db } from './sql.js';

export class SqlWritePacing implements WritePacing {
  constructor(private readonly db: Db) {}

  async claimWriteSlot(installation: number, intervalMs: number, lane = 'write'): Promise<number> {
    const interval = Math.max(0, intervalMs);
    // The slot starts at the later of the row's next_at and now; next_at moves one interval past it.
    const { rows } = await this.db.query<{ wait: unknown }>(
      `INSERT INTO tokenwarden.write_slot AS w (installation_id, lane, next_at) VALUES ($1::bigint, $2::text, now() + ${msInterval(3)})
       ON CONFLICT (installation_id, lane) DO UPDATE SET next_at = GREATEST(w.next_at, now()) + ${msInterval(3)}
       RETURNING GREATEST(0, ceil(extract(epoch FROM (w.next_at - now())) * 1000 - $3::double precision))::float8 AS wait`,
      [installation, lane, interval],
    );
    return num(rows[0]!.wait);
  }

  /** Forget slots long past. */
  async prune(olderThanMs: number): Promise<number> {
    const r = await this.db.query(`DELETE FROM tokenwarden.write_slot WHERE next_at < now() - ${msInterval(1)} RETURNING installation_id`, [olderThanMs]);
    return r.rows.length;
  }
}
