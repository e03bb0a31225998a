/**
 * A lease per (issue repository, swept repository), so that two sweeps running at once — two replicas
 * on the same schedule, a cron job and the server, a trigger during a scheduled run — never write the
 * same reminders. GitHub offers one atomic "create if absent" the App may use with Issues: write:
 * creating a label (422 when the name exists). The lease is a label `tokenwarden-sweep-<hash>` whose
 * description holds its expiry; it is taken only when there is something to write, and deleted when
 * the writes are done. A lease left by a crashed process expires (default 15 minutes) and is then
 * taken over. Where labels cannot be created (403), the sweep writes without a lease and relies on
 * convergence (duplicates are closed after creating, see `planReminders`).
 *
 * With a store, the lease is a row in `store.leases` instead (`takeStoreLease`): no label is written,
 * the lease is renewed while the writes go on (so it can be short: a holder that dies loses it within
 * `DEFAULT_STORE_LEASE_MS`), and every instance on the database sees it.
 */
import { createHash } from 'node:crypto';
import type { RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import type { LeaseRepository } from '../../store/types.js';
import { holdLease } from '../effects/locks.js';
import { createLabel, deleteLabel, getLabel } from './github.js';

export const DEFAULT_LEASE_MS = 15 * 60_000;
/** A store lease is renewed while held: it only has to outlast a holder that died. */
export const DEFAULT_STORE_LEASE_MS = 2 * 60_000;
const EXPIRES = /expires (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)/;

export const leaseLabel = (repository: string): string => `tokenwarden-sweep-${createHash('sha256').update(repository.toLowerCase()).digest('hex').slice(0, 12)}`;

/**
 * `acquired`: write, then `release()` (`signal` fires if a store lease is lost meanwhile: stop writing).
 * Otherwise another sweep holds it until `until`.
 */
export type LeaseResult = { acquired: true; release(): Promise<void>; unsupported?: true; signal?: AbortSignal } | { acquired: false; until: string };

/** The store lease of a swept repository's reminders (in its issue repository). */
export const storeLeaseName = (home: string, repository: string): string => `sweep:${home.toLowerCase()}:${repository.toLowerCase()}`;

export async function takeStoreLease(leases: LeaseRepository, owner: string, home: RepoRef, repository: string, ttlMs: number): Promise<LeaseResult> {
  const name = storeLeaseName(`${home.owner}/${home.repo}`, repository);
  const held = await holdLease(leases, name, owner, ttlMs);
  if (held) return { acquired: true, signal: held.signal, release: () => held.release() };
  const current = await leases.get(name);
  return { acquired: false, until: current?.expiresAt.toISOString() ?? 'unknown' };
}

export async function takeLease(gh: GitHubClient, home: RepoRef, repository: string, ttlMs: number, clock: () => number = Date.now): Promise<LeaseResult> {
  const name = leaseLabel(repository);
  const description = (): string => `Token Warden rotation sweep lease; expires ${new Date(clock() + ttlMs).toISOString()}; safe to delete`;
  const mine = { acquired: true as const, release: () => deleteLabel(gh, home, name) };
  try {
    if (await createLabel(gh, home, name, description())) return mine;
    const current = await getLabel(gh, home, name);
    const until = current ? EXPIRES.exec(current.description)?.[1] : undefined;
    if (current && until && Date.parse(until) > clock()) return { acquired: false, until };
    // Expired (or unreadable, or deleted meanwhile): take it over, once.
    if (current) await deleteLabel(gh, home, name);
    if (await createLabel(gh, home, name, description())) return mine;
    const again = await getLabel(gh, home, name);
    return { acquired: false, until: (again && EXPIRES.exec(again.description)?.[1]) ?? 'unknown' };
  } catch (e) {
    const code = (e as { status?: number })?.status;
    if (code === 403 || code === 404) return { acquired: true, unsupported: true, release: async () => undefined };
    throw e;
  }
}
