/**
 * Leaked tokens submitted to a provider's revocation endpoint (GitHub's `POST /credentials/revoke`),
 * remembered by the token's hash (`Finding.secretHash`), never by value, so a token is submitted once:
 * across re-runs, redeliveries, restarts and instances. The protocol mirrors the issue index:
 * `claim` (before sending; one writer wins) → send → `settle` (submitted / refused / failed), or
 * `release` (not sent: deferred). A claim whose holder died runs out and can be taken again.
 *
 * And the provider's request budget (GitHub: 60 requests an hour), shared by the fleet: `takeRequest`
 * counts requests in a fixed window per bucket, atomically, on the database's clock.
 */
import type { Migration } from './migrations.js';
import type { RevocationBudget, RevocationClaim, RevocationLedger, RevocationRecord, RevocationState } from './types.js';
import { date, dateOrNull, DEADLOCK_DETECTED, msInterval, num, SERIALIZATION_FAILURE, sqlState, type Db } from './sql.js';

export const REVOCATIONS_MIGRATION: Migration = {
  version: 3,
  name: 'revocations: tokens submitted for revocation (by hash), and the revocation request budget',
  sql: `
-- One row per leaked token ever claimed for revocation, keyed by its hash (never the value). 'claimed'
-- rows are in flight (claim_owner until claim_until); 'pending' were claimed and given back unsent (a
-- deferral); 'failed' may be claimed again (the next evaluation); 'submitted' and 'refused' are final.
CREATE TABLE tokenwarden.revocation (
  token_key    text PRIMARY KEY CHECK (length(token_key) BETWEEN 1 AND 200),
  provider     text NOT NULL,
  state        text NOT NULL CHECK (state IN ('claimed', 'pending', 'submitted', 'refused', 'failed')),
  repository   text,
  fingerprint  text,
  rule_id      text,
  detail       text,
  attempts     int NOT NULL DEFAULT 0,
  claim_owner  text,
  claim_until  timestamptz,
  submitted_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Requests sent to a revocation endpoint per bucket (an API host, or a host and installation) in a
-- fixed window: GitHub allows 60 an hour.
CREATE TABLE tokenwarden.revocation_budget (
  bucket       text PRIMARY KEY CHECK (length(bucket) BETWEEN 1 AND 500),
  window_start timestamptz NOT NULL,
  used         int NOT NULL
);
`,
};

interface Row {
  token_key: string;
  provider: string;
  state: RevocationState;
  repository: string | null;
  fingerprint: string | null;
  rule_id: string | null;
  detail: string | null;
  attempts: unknown;
  submitted_at: unknown;
  updated_at: unknown;
}

const toRecord = (r: Row): RevocationRecord => ({
  key: r.token_key,
  provider: r.provider,
  state: r.state,
  repository: r.repository,
  fingerprint: r.fingerprint,
  ruleId: r.rule_id,
  detail: r.detail,
  attempts: num(r.attempts),
  submittedAt: dateOrNull(r.submitted_at),
  updatedAt: date(r.updated_at),
});

/** Details are short, scrubbed texts: capped so that a provider's long answer cannot bloat a row. */
const cap = (s: string | null | undefined): string | null => (s == null ? null : s.slice(0, 1_000));

/** Two statements waiting on each other's rows (another instance, keys in another order): one loses; again. */
async function again<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= 5 || (sqlState(e) !== DEADLOCK_DETECTED && sqlState(e) !== SERIALIZATION_FAILURE)) throw e;
    }
  }
}

export class SqlRevocations implements RevocationLedger {
  constructor(private readonly db: Db) {}

  async claim(items: readonly RevocationClaim[], owner: string, leaseMs: number): Promise<string[]> {
    // Keys in one order for every writer, so two claims of overlapping sets lock rows in the same order.
    const unique = [...new Map(items.map((i) => [i.key, i])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (!unique.length) return [];
    return again(() => this.claimSorted(unique, owner, leaseMs));
  }

  private async claimSorted(unique: readonly RevocationClaim[], owner: string, leaseMs: number): Promise<string[]> {
    const { rows } = await this.db.query<{ token_key: string }>(
      `INSERT INTO tokenwarden.revocation AS r (token_key, provider, repository, fingerprint, rule_id, state, claim_owner, claim_until)
       SELECT t.k, t.p, t.repo, t.fp, t.rule, 'claimed', $6::text, now() + ${msInterval(7)}
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(k, p, repo, fp, rule, n)
        ORDER BY t.n
       ON CONFLICT (token_key) DO UPDATE SET state = 'claimed', claim_owner = EXCLUDED.claim_owner, claim_until = EXCLUDED.claim_until,
           repository = COALESCE(EXCLUDED.repository, r.repository), fingerprint = COALESCE(EXCLUDED.fingerprint, r.fingerprint),
           rule_id = COALESCE(EXCLUDED.rule_id, r.rule_id), updated_at = now()
         WHERE r.state IN ('pending', 'failed') OR (r.state = 'claimed' AND (r.claim_until < now() OR r.claim_owner = EXCLUDED.claim_owner))
       RETURNING r.token_key`,
      [
        unique.map((i) => i.key),
        unique.map((i) => i.provider),
        unique.map((i) => i.repository?.toLowerCase() ?? null),
        unique.map((i) => i.fingerprint ?? null),
        unique.map((i) => i.ruleId ?? null),
        owner,
        leaseMs,
      ],
    );
    return rows.map((r) => r.token_key);
  }

  async settle(keys: readonly string[], owner: string, outcome: 'submitted' | 'refused' | 'failed', detail?: string | null): Promise<string[]> {
    if (!keys.length) return [];
    const { rows } = await again(() =>
      this.db.query<{ token_key: string }>(
        `UPDATE tokenwarden.revocation SET state = $3::text, detail = $4::text, attempts = attempts + 1,
           submitted_at = CASE WHEN $3::text = 'submitted' THEN now() ELSE submitted_at END,
           claim_owner = NULL, claim_until = NULL, updated_at = now()
         WHERE token_key = ANY($1::text[]) AND state = 'claimed' AND claim_owner = $2::text
       RETURNING token_key`,
        [[...keys].sort(), owner, outcome, cap(detail)],
      ),
    );
    return rows.map((r) => r.token_key);
  }

  async release(keys: readonly string[], owner: string, detail?: string | null): Promise<number> {
    if (!keys.length) return 0;
    const r = await again(() =>
      this.db.query(
        `UPDATE tokenwarden.revocation SET state = CASE WHEN attempts = 0 THEN 'pending' ELSE 'failed' END,
           detail = COALESCE($3::text, detail), claim_owner = NULL, claim_until = NULL, updated_at = now()
         WHERE token_key = ANY($1::text[]) AND state = 'claimed' AND claim_owner = $2::text
       RETURNING token_key`,
        [[...keys].sort(), owner, cap(detail)],
      ),
    );
    return r.rows.length;
  }

  async getMany(keys: readonly string[]): Promise<Map<string, RevocationRecord>> {
    if (!keys.length) return new Map();
    const { rows } = await this.db.query<Row>('SELECT * FROM tokenwarden.revocation WHERE token_key = ANY($1::text[])', [[...keys]]);
    return new Map(rows.map((r) => [r.token_key, toRecord(r)]));
  }

  async takeRequest(bucket: string, limit: number, windowMs: number): Promise<RevocationBudget> {
    const { rows } = await this.db.query<{ used: unknown }>(
      `INSERT INTO tokenwarden.revocation_budget AS b (bucket, window_start, used) VALUES ($1::text, now(), 1)
       ON CONFLICT (bucket) DO UPDATE SET
           window_start = CASE WHEN b.window_start + ${msInterval(3)} <= now() THEN now() ELSE b.window_start END,
           used = CASE WHEN b.window_start + ${msInterval(3)} <= now() THEN 1 ELSE b.used + 1 END
         WHERE b.window_start + ${msInterval(3)} <= now() OR b.used < $2::int
       RETURNING b.used`,
      [bucket, limit, windowMs],
    );
    if (rows[0]) return { granted: true, used: num(rows[0].used) };
    const cur = await this.db.query<{ reset: unknown }>(`SELECT window_start + ${msInterval(2)} AS reset FROM tokenwarden.revocation_budget WHERE bucket = $1::text`, [bucket, windowMs]);
    return { granted: false, resetAt: cur.rows[0] ? date(cur.rows[0].reset) : new Date(Date.now() + windowMs) };
  }

  async exhaust(bucket: string, until: Date, limit: number, windowMs: number): Promise<void> {
    await this.db.query(
      `INSERT INTO tokenwarden.revocation_budget AS b (bucket, window_start, used) VALUES ($1::text, $2::timestamptz - ${msInterval(4)}, $3::int)
       ON CONFLICT (bucket) DO UPDATE SET window_start = GREATEST(b.window_start, EXCLUDED.window_start), used = GREATEST(b.used, EXCLUDED.used)`,
      [bucket, until.toISOString(), limit, windowMs],
    );
  }
}
