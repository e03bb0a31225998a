/**
 * The remediation-issue index: finding key → issue, per repository holding the issues, so a pull
 * request finds its issues without listing them (an organisation with 1,000 earlier issues costs what
 * one with none does), and a claim protocol so two writers never create the same issue:
 * `claim` → create on GitHub → `record`. Repository names are kept in lower case (GitHub's are not
 * case-sensitive).
 */
import type { IssueClaim, IssueIndex, IssueRecord, IssueState } from './types.js';
import { date, msInterval, num, type Db } from './sql.js';

interface Row {
  home: string;
  finding_key: string;
  repository: string | null;
  issue_number: unknown;
  state: IssueState | 'creating';
  url: string | null;
  claim_owner: string | null;
  claim_until: unknown;
  updated_at: unknown;
}

const lower = (s: string): string => s.toLowerCase();

const toIssue = (r: Row): IssueRecord => ({
  home: r.home,
  key: r.finding_key,
  repository: r.repository,
  number: num(r.issue_number),
  state: r.state as IssueState,
  url: r.url,
  updatedAt: date(r.updated_at),
});

export class SqlIssueIndex implements IssueIndex {
  constructor(private readonly db: Db) {}

  async get(home: string, key: string): Promise<IssueRecord | undefined> {
    const { rows } = await this.db.query<Row>(`SELECT * FROM tokenwarden.issue WHERE home = $1::text AND finding_key = $2::text AND state <> 'creating'`, [lower(home), key]);
    return rows[0] ? toIssue(rows[0]) : undefined;
  }

  async getMany(home: string, keys: readonly string[]): Promise<Map<string, IssueRecord>> {
    if (!keys.length) return new Map();
    const { rows } = await this.db.query<Row>(`SELECT * FROM tokenwarden.issue WHERE home = $1::text AND finding_key = ANY($2::text[]) AND state <> 'creating'`, [lower(home), [...keys]]);
    return new Map(rows.map((r) => [r.finding_key, toIssue(r)]));
  }

  async list(home: string, filter: { repository?: string; state?: IssueState } = {}): Promise<IssueRecord[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT * FROM tokenwarden.issue WHERE home = $1::text AND state <> 'creating'
          AND ($2::text IS NULL OR repository = $2::text) AND ($3::text IS NULL OR state = $3::text)
        ORDER BY issue_number, finding_key`,
      [lower(home), filter.repository === undefined ? null : lower(filter.repository), filter.state ?? null],
    );
    return rows.map(toIssue);
  }

  async claim(home: string, key: string, owner: string, leaseMs: number): Promise<IssueClaim> {
    // Insert a claim, or take over an expired one; either way one statement decides.
    const { rows } = await this.db.query<Row & { recovered: boolean }>(
      `INSERT INTO tokenwarden.issue AS i (home, finding_key, state, claim_owner, claim_until)
       VALUES ($1::text, $2::text, 'creating', $3::text, now() + ${msInterval(4)})
       ON CONFLICT (home, finding_key) DO UPDATE SET claim_owner = EXCLUDED.claim_owner, claim_until = EXCLUDED.claim_until, updated_at = now()
         WHERE i.state = 'creating' AND (i.claim_until < now() OR i.claim_owner = EXCLUDED.claim_owner)
       RETURNING i.*, (xmax <> 0) AS recovered`,
      [lower(home), key, owner, leaseMs],
    );
    if (rows[0]) return { kind: 'claimed', recovered: !!rows[0].recovered };
    const cur = await this.db.query<Row>('SELECT * FROM tokenwarden.issue WHERE home = $1::text AND finding_key = $2::text', [lower(home), key]);
    const r = cur.rows[0];
    if (!r) return this.claim(home, key, owner, leaseMs); // released in between
    if (r.state === 'creating') return { kind: 'busy', owner: r.claim_owner ?? '?', until: date(r.claim_until) };
    return { kind: 'exists', issue: toIssue(r) };
  }

  async record(i: { home: string; key: string; number: number; state: IssueState; repository?: string | null; url?: string | null }): Promise<void> {
    await this.db.query(
      `INSERT INTO tokenwarden.issue AS i (home, finding_key, repository, issue_number, state, url)
       VALUES ($1::text, $2::text, $3::text, $4::int, $5::text, $6::text)
       ON CONFLICT (home, finding_key) DO UPDATE SET repository = COALESCE(EXCLUDED.repository, i.repository), issue_number = EXCLUDED.issue_number,
         state = EXCLUDED.state, url = COALESCE(EXCLUDED.url, i.url), claim_owner = NULL, claim_until = NULL, updated_at = now()`,
      [lower(i.home), i.key, i.repository == null ? null : lower(i.repository), i.number, i.state, i.url ?? null],
    );
  }

  async release(home: string, key: string, owner: string): Promise<void> {
    await this.db.query(`DELETE FROM tokenwarden.issue WHERE home = $1::text AND finding_key = $2::text AND state = 'creating' AND claim_owner = $3::text`, [lower(home), key, owner]);
  }

  async setState(home: string, number: number, state: IssueState): Promise<number> {
    const r = await this.db.query(`UPDATE tokenwarden.issue SET state = $3::text, updated_at = now() WHERE home = $1::text AND issue_number = $2::int AND state <> 'creating' RETURNING finding_key`, [
      lower(home),
      number,
      state,
    ]);
    return r.rows.length;
  }

  async noteOccurrence(home: string, number: number, occurrenceId: string): Promise<boolean> {
    const r = await this.db.query(`INSERT INTO tokenwarden.issue_occurrence (home, issue_number, occurrence_id) VALUES ($1::text, $2::int, $3::text) ON CONFLICT DO NOTHING RETURNING occurrence_id`, [
      lower(home),
      number,
      occurrenceId,
    ]);
    return r.rows.length > 0;
  }
}
