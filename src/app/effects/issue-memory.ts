/**
 * The remediation-issue index kept in this process, for a desk without a store (tests, the CLI, a
 * server with no store configured): the same `IssueIndex` contract as `store.issues`, so `IssueDesk` has
 * one code path. It lives in the object that owns it (no module-level state) and remembers at most
 * `maxHomes` issue repositories; a repository it forgot is listed again (backfilled) on its next use.
 */
import type { IssueClaim, IssueIndex, IssueRecord, IssueState } from '../../store/types.js';
import { BoundedMap } from './locks.js';

interface Row {
  key: string;
  repository: string | null;
  number: number;
  state: IssueState | 'creating';
  url: string | null;
  claimOwner: string | null;
  claimUntil: number;
  updatedAt: number;
}

interface Home {
  rows: Map<string, Row>;
  /** issue number → occurrence ids noted. */
  occurrences: Map<number, Set<string>>;
}

const lower = (s: string): string => s.toLowerCase();

export class MemoryIssueIndex implements IssueIndex {
  private readonly homes: BoundedMap<string, Home>;

  constructor(
    maxHomes = 1000,
    private readonly clock: () => number = Date.now,
  ) {
    this.homes = new BoundedMap(maxHomes);
  }

  private home(name: string, create: true): Home;
  private home(name: string, create?: false): Home | undefined;
  private home(name: string, create = false): Home | undefined {
    const k = lower(name);
    let h = this.homes.get(k);
    if (h)
      this.homes.set(k, h); // most recently used last
    else if (create) this.homes.set(k, (h = { rows: new Map(), occurrences: new Map() }));
    return h;
  }

  private toRecord(home: string, r: Row): IssueRecord {
    return { home: lower(home), key: r.key, repository: r.repository, number: r.number, state: r.state as IssueState, url: r.url, updatedAt: new Date(r.updatedAt) };
  }

  async get(home: string, key: string): Promise<IssueRecord | undefined> {
    const r = this.home(home)?.rows.get(key);
    return r && r.state !== 'creating' ? this.toRecord(home, r) : undefined;
  }

  async getMany(home: string, keys: readonly string[]): Promise<Map<string, IssueRecord>> {
    const out = new Map<string, IssueRecord>();
    const h = this.home(home);
    for (const k of keys) {
      const r = h?.rows.get(k);
      if (r && r.state !== 'creating') out.set(k, this.toRecord(home, r));
    }
    return out;
  }

  async list(home: string, filter: { repository?: string; state?: IssueState } = {}): Promise<IssueRecord[]> {
    const rows = [...(this.home(home)?.rows.values() ?? [])].filter(
      (r) => r.state !== 'creating' && (filter.repository === undefined || r.repository === lower(filter.repository)) && (filter.state === undefined || r.state === filter.state),
    );
    return rows.sort((a, b) => a.number - b.number || (a.key < b.key ? -1 : 1)).map((r) => this.toRecord(home, r));
  }

  async claim(home: string, key: string, owner: string, leaseMs: number): Promise<IssueClaim> {
    const h = this.home(home, true);
    const now = this.clock();
    const r = h.rows.get(key);
    if (r && r.state !== 'creating') return { kind: 'exists', issue: this.toRecord(home, r) };
    if (r && r.claimUntil >= now && r.claimOwner !== owner) return { kind: 'busy', owner: r.claimOwner ?? '?', until: new Date(r.claimUntil) };
    h.rows.set(key, { key, repository: null, number: 0, state: 'creating', url: null, claimOwner: owner, claimUntil: now + leaseMs, updatedAt: now });
    return { kind: 'claimed', recovered: !!r };
  }

  async record(i: { home: string; key: string; number: number; state: IssueState; repository?: string | null; url?: string | null }): Promise<void> {
    const h = this.home(i.home, true);
    const prev = h.rows.get(i.key);
    h.rows.set(i.key, {
      key: i.key,
      repository: i.repository == null ? (prev?.repository ?? null) : lower(i.repository),
      number: i.number,
      state: i.state,
      url: i.url ?? prev?.url ?? null,
      claimOwner: null,
      claimUntil: 0,
      updatedAt: this.clock(),
    });
  }

  async release(home: string, key: string, owner: string): Promise<void> {
    const h = this.home(home);
    const r = h?.rows.get(key);
    if (r && r.state === 'creating' && r.claimOwner === owner) h!.rows.delete(key);
  }

  async setState(home: string, number: number, state: IssueState): Promise<number> {
    let n = 0;
    for (const r of this.home(home)?.rows.values() ?? []) {
      if (r.state === 'creating' || r.number !== number) continue;
      r.state = state;
      r.updatedAt = this.clock();
      n++;
    }
    return n;
  }

  async noteOccurrence(home: string, number: number, occurrenceId: string): Promise<boolean> {
    const h = this.home(home, true);
    let set = h.occurrences.get(number);
    if (!set) h.occurrences.set(number, (set = new Set()));
    if (set.has(occurrenceId)) return false;
    set.add(occurrenceId);
    return true;
  }
}
