/**
 * One in-memory PGlite store for a whole test file (its initdb costs seconds), and a view of it per
 * test: issue repositories and lease names prefixed with a fresh tag, so tests that reuse `acme/api`
 * and issue #1 do not see each other's index rows, while every call still runs the store's real SQL.
 */
import type { IssueDeskStore } from '../../../src/app/effects/remediation.js';
import type { IssueIndex, LeaseRepository, Store } from '../../../src/store/index.js';

let tags = 0;

export function namespaced(store: Store, tag = `t${++tags}`): IssueDeskStore {
  const h = (home: string): string => `${tag}:${home}`;
  const strip = <T extends { home: string }>(r: T): T => ({ ...r, home: r.home.slice(tag.length + 1) });
  const i = store.issues;
  const issues: IssueIndex = {
    get: async (home, key) => {
      const r = await i.get(h(home), key);
      return r && strip(r);
    },
    getMany: async (home, keys) => new Map([...(await i.getMany(h(home), keys))].map(([k, r]) => [k, strip(r)])),
    list: async (home, filter) => (await i.list(h(home), filter)).map(strip),
    claim: async (home, key, owner, leaseMs) => {
      const c = await i.claim(h(home), key, owner, leaseMs);
      return c.kind === 'exists' ? { kind: 'exists', issue: strip(c.issue) } : c;
    },
    record: (r) => i.record({ ...r, home: h(r.home) }),
    release: (home, key, owner) => i.release(h(home), key, owner),
    setState: (home, n, state) => i.setState(h(home), n, state),
    noteOccurrence: (home, n, id) => i.noteOccurrence(h(home), n, id),
  };
  const l = store.leases;
  const leases: LeaseRepository = {
    acquire: (name, owner, ttl) => l.acquire(`${tag}:${name}`, owner, ttl),
    renew: (name, owner, ttl) => l.renew(`${tag}:${name}`, owner, ttl),
    release: (name, owner) => l.release(`${tag}:${name}`, owner),
    get: (name) => l.get(`${tag}:${name}`),
  };
  return { instanceId: store.instanceId, issues, leases };
}
