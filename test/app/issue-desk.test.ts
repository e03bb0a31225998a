/**
 * The issue desk on the store, as several instances see it: two desks on one store are two App
 * processes; a desk made anew on the same store is a process restarted. GitHub is the fake behind nock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import type { Finding } from '../../src/engine/finding.js';
import { allRules } from '../../src/engine/registry.js';
import { BACKFILLED, IssueDesk, type IssueDeskStore, type SyncRequest } from '../../src/app/effects/remediation.js';
import type { GitHubClient } from '../../src/app/github/octokit.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Occurrence } from '../../src/report/issue.js';
import { sha } from '../fixtures/webhooks/index.js';
import { setup, type Harness } from './helpers/harness.js';
import { namespaced } from './helpers/store.js';
import type { FakeIssue } from './helpers/fake-github.js';

const REPO = 'acme/api';
const HOME = { owner: 'acme', repo: 'api' };
const hex = (n: number): string => n.toString(16).padStart(16, '0');
const meta = new Map(allRules.map((r) => [r.meta.id, r.meta]));

function finding(i: number, path = `src/f${i}.ts`): Finding {
  return {
    ruleId: 'secrets/github-token',
    family: 'secrets',
    severity: 'critical',
    confidence: 'high',
    path,
    startLine: 3,
    endLine: 3,
    startColumn: 1,
    endColumn: 40,
    excerpt: 'const t = "ghp_****"',
    fingerprint: hex(i),
    secretHash: hex(0x5ec000 + i),
    redacted: 'ghp_********…(40)',
    message: 'A GitHub token is committed.',
    remediation: 'Revoke it.',
    controls: ['PCI-DSS-8.3.9'],
    level: 'fail',
  };
}

const request = (findings: Finding[], pr = 12): SyncRequest => ({
  home: HOME,
  repository: REPO,
  findings,
  occurrenceOf: (f): Occurrence => ({ repository: REPO, path: f.path, line: f.startLine, sha: sha(`pr-${pr}`), context: `pull request #${pr}`, contextKey: `pr:${pr}` }),
  ruleMeta: (id) => meta.get(id),
  maxCreates: 20,
});

const logs: string[] = [];
const log = { info: (o: object, m: string) => void logs.push(`${m} ${JSON.stringify(o)}`), warn: (o: object, m: string) => void logs.push(`WARN ${m} ${JSON.stringify(o)}`) };

const creates = (h: Harness) => h.github.writes.filter((w) => w === `POST /repos/${REPO}/issues`).length;
/** Pages of the repository's issue listing requested so far. */
const listings = (h: Harness) => h.github.requests.filter((r) => r.method === 'GET' && r.path === `/repos/${REPO}/issues`).length;

let store: Store;
beforeAll(async () => {
  store = await openStore({ backend: 'pglite', dataDir: null });
}, 60_000);
afterAll(async () => {
  await store?.close();
});
afterEach(() => {
  nock.cleanAll();
  logs.length = 0;
});

async function github(): Promise<{ h: Harness; gh: GitHubClient }> {
  const h = await setup();
  return { h, gh: (await h.probot.auth(1)) as unknown as GitHubClient };
}

describe('IssueDesk on a store: exactly once across instances and restarts', () => {
  it('two desks on one store syncing the same findings at once open one issue per finding', async () => {
    const { h, gh } = await github();
    h.github.staleIssueList = []; // the listing never shows a fresh issue: only the index can tell
    const shared = namespaced(store);
    const [a, b] = [new IssueDesk(shared), new IssueDesk(shared)];
    const findings = [finding(1), finding(2), finding(3)];
    const [ra, rb] = await Promise.all([a.sync(gh, log, request(findings)), b.sync(gh, log, request(findings, 13))]);
    expect(h.github.issues).toHaveLength(3);
    expect(creates(h)).toBe(3);
    expect(ra.created + rb.created).toBe(3);
    // Both instances link every finding to the same issue.
    expect([...ra.links.values()].map((l) => l.number).sort()).toEqual([1, 2, 3]);
    expect([...rb.links.values()].map((l) => l.number).sort()).toEqual([1, 2, 3]);

    // The same race between two desks without a store: each opens its own (what the store prevents).
    const { h: h2, gh: gh2 } = await github();
    h2.github.staleIssueList = [];
    await Promise.all([new IssueDesk().sync(gh2, log, request(findings)), new IssueDesk().sync(gh2, log, request(findings, 13))]);
    expect(h2.github.issues).toHaveLength(6);
  });

  it('the claim alone keeps two writers from creating twice, even without the repository lock', async () => {
    const { h, gh } = await github();
    h.github.staleIssueList = [];
    const tag = `nolock-${Date.now()}`;
    const issues = namespaced(store, tag).issues;
    // Each desk its own lock namespace: they do not exclude each other, only the index claims do.
    const a = new IssueDesk({ ...namespaced(store, `${tag}-a`), issues });
    const b = new IssueDesk({ ...namespaced(store, `${tag}-b`), issues });
    const findings = [finding(1), finding(2), finding(3), finding(4)];
    const results = await Promise.all([a.sync(gh, log, request(findings)), b.sync(gh, log, request(findings, 13))]);
    expect(creates(h)).toBe(4);
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(4);
    for (const r of results) expect(r.deferred + r.links.size).toBe(4);
  });

  it('a desk that dies between creating the issue and recording it does not duplicate it after a restart', async () => {
    const { h, gh } = await github();
    const view = namespaced(store);
    // The first process "crashes" right after GitHub created the issue: its record never happens.
    let crash = true;
    const crashing: IssueDeskStore = {
      ...view,
      issues: {
        ...view.issues,
        record: async (r) => {
          if (crash && r.key !== BACKFILLED) {
            crash = false;
            throw new Error('killed after the create, before the record');
          }
          return view.issues.record(r);
        },
      },
    };
    const first = await new IssueDesk(crashing, { claimMs: 300 }).sync(gh, log, request([finding(1)]));
    expect(first.failed).toBe(1);
    expect(h.github.issues).toHaveLength(1);

    // A new process on the same store: the dead claim runs out, comes back as recovered, and the issue
    // is found by its markers on GitHub (one listing) instead of being created again.
    const before = listings(h);
    const restarted = new IssueDesk(view, { claimMs: 300 });
    const second = await restarted.sync(gh, log, request([finding(1)], 13));
    expect(h.github.issues).toHaveLength(1);
    expect(creates(h)).toBe(1);
    expect(second).toMatchObject({ created: 0, failed: 0, deferred: 0 });
    expect(second.links.get(`secret:${finding(1).secretHash}`)?.number).toBe(1);
    expect(listings(h) - before).toBe(1);
    expect(logs.join('\n')).toContain('found the remediation issue an interrupted writer created');
    // Recorded now: the next run neither lists nor creates.
    const after = listings(h);
    await restarted.sync(gh, log, request([finding(1)], 14));
    expect(listings(h)).toBe(after);
    expect(creates(h)).toBe(1);
    expect((await view.issues.get(REPO, `secret:${finding(1).secretHash}`))?.number).toBe(1);
  });

  it('a create GitHub refused gives the claim back: the next run creates at once, without a listing', async () => {
    const { h, gh } = await github();
    h.github.fail('POST', /\/repos\/acme\/api\/issues$/, { status: 403, body: { message: 'Resource not accessible by integration' } }, 1);
    const desk = new IssueDesk(namespaced(store));
    expect((await desk.sync(gh, log, request([finding(1)]))).failed).toBe(1);
    const before = listings(h);
    const again = await desk.sync(gh, log, request([finding(1)]));
    expect(again.created).toBe(1);
    expect(listings(h)).toBe(before);
  });

  it('1,000 earlier issues cost one listing, once: later pull requests and a restarted process list nothing', async () => {
    const { h, gh } = await github();
    for (let i = 1; i <= 1000; i++) {
      h.github.issues.push({
        number: i,
        title: `old ${i}`,
        body: `<!-- tokenwarden:fingerprint=${hex(i)} -->\n<!-- tokenwarden:secret=${hex(0x5ec000 + i)} -->\n<!-- tokenwarden:repo=${REPO} -->\nRevoked.`,
        labels: ['tokenwarden'],
        assignees: [],
        state: 'closed',
        comments: [],
        repo: REPO,
      } satisfies FakeIssue);
    }
    (h.github as unknown as { nextIssue: number }).nextIssue = 1001;
    const view = namespaced(store);
    const desk = new IssueDesk(view);

    // First use of the repository: its labelled issues are listed once (10 pages) and indexed.
    const first = await desk.sync(gh, log, request([finding(5000), finding(7)]));
    expect(listings(h)).toBe(10);
    expect(first.created).toBe(1); // finding 7 is the earlier issue #7
    expect(first.links.get(`secret:${finding(7).secretHash}`)?.number).toBe(7);
    expect(logs.join('\n')).toMatch(/indexed the existing remediation issues of a repository \(once\) \{"repository":"acme\/api","listed":1000,"indexed":1000/);

    // Later pull requests: no listing at all, whatever the repository's history.
    await desk.sync(gh, log, request([finding(5001), finding(8)], 13));
    await desk.sync(gh, log, request([finding(5002)], 14));
    // Another instance, or this one restarted: the store remembers that the repository was indexed.
    await new IssueDesk(view).sync(gh, log, request([finding(5003), finding(9)], 15));
    expect(listings(h)).toBe(10);
    expect(creates(h)).toBe(4);
    expect(h.github.issues).toHaveLength(1004);
  });

  it("waits briefly for another writer's claim, then leaves the finding to the next run and says so", async () => {
    const { h, gh } = await github();
    const view = namespaced(store);
    const desk = new IssueDesk(view, { busyWaitMs: 150 });
    await desk.sync(gh, log, request([finding(1)])); // indexes the (empty) repository
    const key = `secret:${finding(2).secretHash}`;
    expect(await view.issues.claim(REPO, key, 'another-instance', 60_000)).toEqual({ kind: 'claimed', recovered: false });
    const busy = await desk.sync(gh, log, request([finding(2)]));
    expect(busy).toMatchObject({ created: 0, deferred: 1, failed: 0 });
    expect(creates(h)).toBe(1);
    expect(logs.join('\n')).toContain('another writer is still creating this remediation issue; left to the next run');
    // The other instance finishes: the next run links its issue and creates nothing.
    await view.issues.record({ home: REPO, key, number: 77, state: 'open', repository: REPO, url: 'https://github.com/acme/api/issues/77' });
    const next = await desk.sync(gh, log, request([finding(2)]));
    expect(next.links.get(key)?.number).toBe(77);
    expect(creates(h)).toBe(1);
  });

  it('a new sighting is commented once, when two instances see it at the same moment', async () => {
    const { h, gh } = await github();
    const shared = namespaced(store);
    const [a, b] = [new IssueDesk(shared), new IssueDesk(shared)];
    await a.sync(gh, log, request([finding(1)]));
    const elsewhere = finding(1, 'deploy/env.sh');
    const [ra, rb] = await Promise.all([a.sync(gh, log, request([elsewhere], 13)), b.sync(gh, log, request([elsewhere], 13))]);
    expect(ra.commented + rb.commented).toBe(1);
    expect(h.github.issues[0]!.comments).toHaveLength(1);
    expect(h.github.issues[0]!.comments[0]).toContain('Seen again: `deploy/env.sh:3` at');
    // The sighting of the issue's own pull request is not news.
    await b.sync(gh, log, request([finding(1)], 12));
    expect(h.github.issues[0]!.comments).toHaveLength(1);
  });
});
