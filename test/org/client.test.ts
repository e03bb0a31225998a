/** The org scan's client and selection: rate limits waited out after retry-after; what is scanned. */
import { afterEach, describe, expect, it } from 'vitest';
import { createOrgClient, rateLimitWait } from '../../src/org/client.js';
import { selectRepos } from '../../src/org/repos.js';
import type { OrgRepo } from '../../src/org/types.js';
import { startOrgStandIn, type OrgStandIn } from './helpers/org-stand-in.js';

const err = (status: number, headers: Record<string, string> = {}, message = 'x') => Object.assign(new Error(message), { status, response: { headers } });

describe('rateLimitWait', () => {
  it('reads retry-after, the primary reset, and defaults for a bare 429 or secondary limit', () => {
    expect(rateLimitWait(err(403, { 'retry-after': '7' }))).toBe(7);
    expect(rateLimitWait(err(429, { 'retry-after': '0' }))).toBe(0);
    expect(rateLimitWait(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1010' }), 1_000_000)).toBe(11);
    expect(rateLimitWait(err(429))).toBe(60);
    expect(rateLimitWait(err(403, {}, 'You have exceeded a secondary rate limit'))).toBe(60);
    expect(rateLimitWait(err(403, {}, 'Resource not accessible by integration'))).toBeUndefined();
    expect(rateLimitWait(err(404))).toBeUndefined();
    expect(rateLimitWait(err(500, { 'retry-after': '1' }))).toBeUndefined();
  });
});

describe('createOrgClient', () => {
  let api: OrgStandIn | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('waits retry-after (scaled) on 403 secondary limits and 429s, and gets the answer', async () => {
    api = await startOrgStandIn('acme', [{ name: 'a', files: { 'x.txt': 'x' } }], { token: 'tok' });
    api.rateLimitEvery(2, 3); // every second request: 403 secondary, then 429, alternating
    const waits: string[] = [];
    const gh = createOrgClient({ token: 'tok', apiUrl: api.url, retryBaseMs: 20, onRateLimit: (e) => waits.push(`${e.kind}:${e.retryAfterSeconds}`) });
    const started = Date.now();
    for (let i = 0; i < 4; i++) {
      const r = await gh.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: 'acme', repo: 'a', ref: 'heads/main' });
      expect(r.status).toBe(200);
    }
    expect(api.limited).toBeGreaterThanOrEqual(2);
    expect(waits.length).toBe(api.limited);
    expect(waits.every((w) => w.endsWith(':3'))).toBe(true);
    // Each wait is retry-after × 20 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(api.limited * 3 * 20 - 5);
  });

  it('does not retry a refusal (401)', async () => {
    api = await startOrgStandIn('acme', [], { token: 'right' });
    const gh = createOrgClient({ token: 'wrong', apiUrl: api.url, retryBaseMs: 1 });
    await expect(gh.request('GET /orgs/{org}/repos', { org: 'acme' })).rejects.toMatchObject({ status: 401 });
    expect(api.requests.length).toBe(1);
  });
});

describe('selectRepos', () => {
  const repo = (name: string, o: Partial<OrgRepo> = {}): OrgRepo => ({ name, fullName: `acme/${name}`, defaultBranch: 'main', archived: false, fork: false, private: false, ...o });
  const all = [repo('a'), repo('old', { archived: true }), repo('copy', { fork: true })];
  it('skips archived repositories and forks unless asked; --repos names win', () => {
    expect(selectRepos(all, { includeArchived: false, includeForks: false, only: null })).toMatchObject({
      selected: [{ name: 'a' }],
      skipped: [
        { repository: 'acme/old', reason: 'archived' },
        { repository: 'acme/copy', reason: 'fork' },
      ],
    });
    expect(selectRepos(all, { includeArchived: true, includeForks: true, only: null }).selected.length).toBe(3);
    const only = selectRepos(all, { includeArchived: false, includeForks: false, only: ['OLD', 'missing'] });
    expect(only.selected.map((r) => r.name)).toEqual(['old']);
    expect(only.unknown).toEqual(['missing']);
  });
});
