/**
 * The audit chain's table (migration 2): append under a row lock on the head, read in seq order.
 *
 * An append is one transaction: `SELECT … FROM audit_head FOR UPDATE` (every other appender, on any
 * instance, waits here), the time from the database's clock, then one INSERT per record, each sealed
 * by the caller's `seal` (src/audit/canonical.ts) over its seq, time, kind, body and the previous
 * digest. The insert trigger checks that each record extends the head and moves it, and refuses
 * anything else; `seq` is the primary key. The same statements run on PGlite (one connection: the lock
 * is uncontended) and on PostgreSQL.
 *
 * This file knows no canonical form and no record shapes: src/audit/ owns both.
 */
import type { AuditAppend, AuditAppendResult, AuditFilter, AuditHead, AuditKind, AuditLog, AuditRecord } from './types.js';
import { date, dateOrNull, num, numOrNull, type Db, type Sql } from './sql.js';

interface RecordRow {
  seq: unknown;
  time: unknown;
  kind: string;
  body: unknown;
  prev_digest: string;
  digest: string;
}

interface HeadRow {
  seq: unknown;
  digest: string;
  time: unknown;
  checkpoint_seq: unknown;
  checkpoint_time: unknown;
  now: unknown;
}

const COLUMNS = 'seq, time, kind, body, prev_digest, digest';

const parseBody = (v: unknown): AuditRecord['body'] => (typeof v === 'string' ? JSON.parse(v) : v) as AuditRecord['body'];

const toRecord = (r: RecordRow): AuditRecord => ({
  seq: num(r.seq),
  time: date(r.time),
  kind: r.kind as AuditKind,
  body: parseBody(r.body),
  prev: r.prev_digest,
  digest: r.digest,
});

const toHead = (r: HeadRow): AuditHead => {
  const cp = numOrNull(r.checkpoint_seq);
  return {
    seq: num(r.seq),
    digest: r.digest,
    time: dateOrNull(r.time),
    checkpoint: cp === null ? null : { seq: cp, time: date(r.checkpoint_time) },
  };
};

export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  async append(a: AuditAppend): Promise<AuditAppendResult> {
    return this.db.transaction(async (tx) => {
      // The lock every appender queues on. The database's clock, read with the row in hand, never
      // before the head's time: times do not go backwards along the chain.
      const { rows } = await tx.query<HeadRow>(
        `SELECT seq, digest, time, checkpoint_seq, checkpoint_time,
                greatest(date_trunc('milliseconds', clock_timestamp()), time) AS now
           FROM tokenwarden.audit_head WHERE id = 1 FOR UPDATE`,
      );
      const row = rows[0];
      if (!row) throw new Error('the audit head row is missing (tokenwarden.audit_head): the database was tampered with');
      if (a.key !== undefined) {
        const dup = await tx.query<RecordRow>(`SELECT ${COLUMNS} FROM tokenwarden.audit_record WHERE dedupe_key = $1::text`, [a.key]);
        if (dup.rows[0]) return { status: 'duplicate', records: [toRecord(dup.rows[0])] };
      }
      const head = toHead(row);
      const time = date(row.now);
      const drafts = a.build(head, time);
      if (!drafts.length) return { status: 'nothing', records: [] };
      const out: AuditRecord[] = [];
      let prev = head.digest;
      let seq = head.seq;
      for (const [i, d] of drafts.entries()) {
        seq += 1;
        const unsealed = { seq, time, kind: d.kind, body: d.body, prev };
        const digest = a.seal(unsealed);
        await insert(tx, { ...unsealed, digest }, i === 0 ? a.key : undefined);
        out.push({ ...unsealed, digest });
        prev = digest;
      }
      return { status: 'appended', records: out };
    });
  }

  async head(): Promise<AuditHead> {
    const { rows } = await this.db.query<HeadRow>('SELECT seq, digest, time, checkpoint_seq, checkpoint_time, NULL AS now FROM tokenwarden.audit_head WHERE id = 1');
    if (!rows[0]) return { seq: 0, digest: '0'.repeat(64), time: null, checkpoint: null };
    return toHead(rows[0]);
  }

  async page(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    const { rows } = await this.db.query<RecordRow>(`SELECT ${COLUMNS} FROM tokenwarden.audit_record WHERE seq > $1::bigint ORDER BY seq LIMIT $2::int`, [afterSeq, limit]);
    return rows.map(toRecord);
  }

  async get(seq: number): Promise<AuditRecord | undefined> {
    const { rows } = await this.db.query<RecordRow>(`SELECT ${COLUMNS} FROM tokenwarden.audit_record WHERE seq = $1::bigint`, [seq]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async find(f: AuditFilter, afterSeq: number, limit: number): Promise<AuditRecord[]> {
    const { rows } = await this.db.query<RecordRow>(
      `SELECT ${COLUMNS} FROM tokenwarden.audit_record
        WHERE seq > $1::bigint
          AND ($2::timestamptz IS NULL OR time >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR time < $3::timestamptz)
          AND ($4::text IS NULL OR repository = lower($4::text))
          AND ($5::text[] IS NULL OR kind = ANY($5::text[]))
        ORDER BY seq LIMIT $6::int`,
      [afterSeq, f.since?.toISOString() ?? null, f.until?.toISOString() ?? null, f.repository ?? null, f.kinds ? [...f.kinds] : null, limit],
    );
    return rows.map(toRecord);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: unknown }>('SELECT count(*)::int AS n FROM tokenwarden.audit_record');
    return num(rows[0]?.n ?? 0);
  }
}

async function insert(tx: Sql, r: AuditRecord, key: string | undefined): Promise<void> {
  await tx.query(
    `INSERT INTO tokenwarden.audit_record (seq, time, kind, body, prev_digest, digest, dedupe_key)
     VALUES ($1::bigint, $2::timestamptz, $3::text, $4::jsonb, $5::text, $6::text, $7::text)`,
    [r.seq, r.time.toISOString(), r.kind, JSON.stringify(r.body), r.prev, r.digest, key ?? null],
  );
}
