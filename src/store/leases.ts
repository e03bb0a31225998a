/**
 * Named leases with expiry, shared by every instance on the database: the rotation sweep's lease per
 * repository, per-repository mutual exclusion. A holder that dies loses its lease when it expires.
 */
import type { Lease, LeaseRepository } from './types.js';
import { date, msInterval, num, type Db } from './sql.js';

interface Row {
  name: string;
  owner: string;
  token: unknown;
  acquired_at: unknown;
  expires_at: unknown;
}

const toLease = (r: Row): Lease => ({ name: r.name, owner: r.owner, token: num(r.token), acquiredAt: date(r.acquired_at), expiresAt: date(r.expires_at) });

export class SqlLeases implements LeaseRepository {
  constructor(private readonly db: Db) {}

  async acquire(name: string, owner: string, ttlMs: number): Promise<Lease | undefined> {
    const { rows } = await this.db.query<Row>(
      `INSERT INTO tokenwarden.lease AS l (name, owner, expires_at) VALUES ($1::text, $2::text, now() + ${msInterval(3)})
       ON CONFLICT (name) DO UPDATE SET
         owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at,
         token = CASE WHEN l.owner = EXCLUDED.owner AND l.expires_at >= now() THEN l.token ELSE l.token + 1 END,
         acquired_at = CASE WHEN l.owner = EXCLUDED.owner AND l.expires_at >= now() THEN l.acquired_at ELSE now() END
         WHERE l.expires_at < now() OR l.owner = EXCLUDED.owner
       RETURNING l.*`,
      [name, owner, ttlMs],
    );
    return rows[0] ? toLease(rows[0]) : undefined;
  }

  async renew(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const r = await this.db.query(`UPDATE tokenwarden.lease SET expires_at = now() + ${msInterval(3)} WHERE name = $1::text AND owner = $2::text AND expires_at >= now() RETURNING name`, [
      name,
      owner,
      ttlMs,
    ]);
    return r.rows.length > 0;
  }

  async release(name: string, owner: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM tokenwarden.lease WHERE name = $1::text AND owner = $2::text RETURNING name', [name, owner]);
    return r.rows.length > 0;
  }

  async get(name: string): Promise<Lease | undefined> {
    const { rows } = await this.db.query<Row>('SELECT * FROM tokenwarden.lease WHERE name = $1::text', [name]);
    return rows[0] ? toLease(rows[0]) : undefined;
  }

  /** Forget leases that expired more than `olderThanMs` ago. */
  async prune(olderThanMs: number): Promise<number> {
    const r = await this.db.query(`DELETE FROM tokenwarden.lease WHERE expires_at < now() - ${msInterval(1)} RETURNING name`, [olderThanMs]);
    return r.rows.length;
  }
}
