/**
 * The revocation ledger without a store (`probot run`, in-process tests): the same protocol as
 * `store.revocations`, in this process's memory — forgotten at exit, so a restart may submit a token
 * again (GitHub revoking it twice does no harm). Keys are token hashes, never values.
 */
import type { RevocationBudget, RevocationClaim, RevocationLedger, RevocationRecord } from '../../store/types.js';

interface Row extends RevocationRecord {
  claimOwner: string | null;
  claimUntil: number;
}

export class MemoryRevocations implements RevocationLedger {
  private readonly rows = new Map<string, Row>();
  private readonly budgets = new Map<string, { start: number; used: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async claim(items: readonly RevocationClaim[], owner: string, leaseMs: number): Promise<string[]> {
    const won: string[] = [];
    const t = this.now();
    for (const i of items) {
      const r = this.rows.get(i.key);
      const free = !r || r.state === 'pending' || r.state === 'failed' || (r.state === 'claimed' && (r.claimUntil < t || r.claimOwner === owner));
      if (!free || won.includes(i.key)) continue;
      this.rows.set(i.key, {
        key: i.key,
        provider: i.provider,
        state: 'claimed',
        repository: i.repository?.toLowerCase() ?? r?.repository ?? null,
        fingerprint: i.fingerprint ?? r?.fingerprint ?? null,
        ruleId: i.ruleId ?? r?.ruleId ?? null,
        detail: r?.detail ?? null,
        attempts: r?.attempts ?? 0,
        submittedAt: r?.submittedAt ?? null,
        updatedAt: new Date(t),
        claimOwner: owner,
        claimUntil: t + leaseMs,
      });
      won.push(i.key);
    }
    return won;
  }

  async settle(keys: readonly string[], owner: string, outcome: 'submitted' | 'refused' | 'failed', detail?: string | null): Promise<string[]> {
    const done: string[] = [];
    for (const k of keys) {
      const r = this.rows.get(k);
      if (!r || r.state !== 'claimed' || r.claimOwner !== owner) continue;
      const t = new Date(this.now());
      Object.assign(r, {
        state: outcome,
        detail: detail?.slice(0, 1_000) ?? null,
        attempts: r.attempts + 1,
        submittedAt: outcome === 'submitted' ? t : r.submittedAt,
        updatedAt: t,
        claimOwner: null,
        claimUntil: 0,
      });
      done.push(k);
    }
    return done;
  }

  async release(keys: readonly string[], owner: string, detail?: string | null): Promise<number> {
    let n = 0;
    for (const k of keys) {
      const r = this.rows.get(k);
      if (!r || r.state !== 'claimed' || r.claimOwner !== owner) continue;
      Object.assign(r, { state: r.attempts === 0 ? 'pending' : 'failed', detail: detail?.slice(0, 1_000) ?? r.detail, updatedAt: new Date(this.now()), claimOwner: null, claimUntil: 0 });
      n++;
    }
    return n;
  }

  async getMany(keys: readonly string[]): Promise<Map<string, RevocationRecord>> {
    const out = new Map<string, RevocationRecord>();
    for (const k of keys) {
      const r = this.rows.get(k);
      if (r) {
        const { claimOwner: _o, claimUntil: _u, ...rec } = r;
        out.set(k, { ...rec });
      }
    }
    return out;
  }

  async takeRequest(bucket: string, limit: number, windowMs: number): Promise<RevocationBudget> {
    const t = this.now();
    const b = this.budgets.get(bucket);
    if (!b || b.start + windowMs <= t) {
      this.budgets.set(bucket, { start: t, used: 1 });
      return { granted: true, used: 1 };
    }
    if (b.used < limit) return { granted: true, used: ++b.used };
    return { granted: false, resetAt: new Date(b.start + windowMs) };
  }

  async exhaust(bucket: string, until: Date, limit: number, windowMs: number): Promise<void> {
    const start = until.getTime() - windowMs;
    const b = this.budgets.get(bucket);
    this.budgets.set(bucket, { start: Math.max(b?.start ?? start, start), used: Math.max(b?.used ?? 0, limit) });
  }
}
