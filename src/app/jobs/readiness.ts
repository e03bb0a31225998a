/**
 * `/readyz`: ready when the store answers and its schema is the one this code wants; the body says which
 * back end, the schema version, the queue's depth (ready, scheduled, running, failed) and how long the
 * oldest ready job has waited, so that a probe or an operator sees a backlog before GitHub users do.
 * (`/healthz` stays "the process is up": a store outage must not get the process restarted.)
 */
import type { Store } from '../../store/index.js';

export interface Readiness {
  status: number;
  body: Record<string, unknown>;
  /** Why the store did not answer: for the server log, not the body (the route is public). */
  error?: unknown;
}

const within = <T>(p: Promise<T>, ms: number): Promise<T> => {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(t));
};

export async function readiness(store: Pick<Store, 'status' | 'backend'>, o: { draining: boolean; workers: { active: number; concurrency: number }; timeoutMs?: number }): Promise<Readiness> {
  if (o.draining) return { status: 503, body: { status: 'stopping', backend: store.backend } };
  try {
    const s = await within(store.status(), o.timeoutMs ?? 2000);
    const migrated = s.schemaVersion === s.codeVersion;
    const { ready, scheduled, running, failed, expired, oldestReadyAgeMs } = s.queue;
    return {
      status: migrated ? 200 : 503,
      body: {
        status: migrated ? 'ready' : 'schema not current',
        backend: s.backend,
        schemaVersion: s.schemaVersion,
        codeVersion: s.codeVersion,
        queue: { ready, scheduled, running, failed, expiredLeases: expired },
        oldestJobAgeMs: oldestReadyAgeMs,
        openCheckRuns: s.openCheckRuns,
        workers: o.workers,
      },
    };
  } catch (e) {
    return { status: 503, body: { status: 'store unavailable', backend: store.backend }, error: e };
  }
}
