/**
 * The rotation sweep against the nock-driven stand-in GitHub: reminders opened, left alone, updated,
 * closed; the exact requests; two sweeps at once; policy routing and switches; the schedule.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import nock from 'nock';
import { Probot } from 'probot';
import { verifyChain } from '../../src/audit/chain.js';
import { createOctokitClass } from '../../src/app/github/octokit.js';
import { runSweep, Sweeper, type SweepOptions, type SweepSummary } from '../../src/app/sweep/index.js';
import { leaseLabel, storeLeaseName } from '../../src/app/sweep/lease.js';
import { openStore, type Store } from '../../src/store/index.js';
import { parseReminderMarkers } from '../../src/app/sweep/reminders.js';
import { describeSchedule, nextRun, parseSchedule, SweepScheduler } from '../../src/app/sweep/schedule.js';
import { bearerMatches, sweepEnvProblems } from '../../src/app/sweep/trigger.js';
import { parseSweepArgs, sweepJobProblems, sweepOnce } from '../../src/sweep.js';
import { githubToken } from '../helpers/tokens.js';
import { startServer } from '../../src/server.js';
import { freshDataDir } from './helpers/data-dir.js';
import { FakeGitHub, type Recorded, type Reply } from './helpers/fake-github.js';
import { interceptWithNock, memoryLogger, privateKey } from './helpers/harness.js';

// --- a stand-in GitHub with what the sweep needs besides the fake's routes -------------------------

interface FakeRepo {
  full_name: string;
  default_branch?: string;
  archived?: boolean;
  has_issues?: boolean;
}

/**
 * FakeGitHub plus: installations and their repositories, directory listings, issue edits (title, body,
 * labels, assignees, state_reason) and labels. Every request is still recorded by the fake itself.
 */
class SweepGitHub extends FakeGitHub {
  installations = [{ id: 4242, account: { login: 'acme', type: 'Organization' }, suspended_at: null as string | null }];
  repos: FakeRepo[] = [];
  readonly labels = new Map<string, Map<string, { name: string; description: string }>>();
  readonly stateReasons = new Map<string, string>();
  /** Called after every request (to end a simulated list lag, say). */
  after: ((r: Recorded) => void) | undefined;

  override handle(method: string, rawUrl: string, body: unknown): Reply {
    const r = this.extend(method, super.handle(method, rawUrl, body));
    this.after?.(this.requests[this.requests.length - 1]!);
    return r;
  }

  private extend(method: string, base: Reply): Reply {
    const rec = this.requests[this.requests.length - 1]!;
    const { path, query } = rec;
    const b = rec.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const claim = (): void => {
      const i = this.unknown.indexOf(rec);
      if (i >= 0) this.unknown.splice(i, 1);
    };
    let m: RegExpMatchArray | null;
    if (base.status !== 404 && !(method === 'PATCH' && /\/issues\/\d+$/.test(path))) return base;
    if (method === 'GET' && path === '/app/installations') {
      claim();
      return { status: 200, body: this.installations };
    }
    if (method === 'GET' && path === '/installation/repositories') {
      claim();
      const repositories = this.repos.map((r) => {
        const [owner, name] = r.full_name.split('/');
        return {
          name,
          full_name: r.full_name,
          owner: { login: owner },
          default_branch: r.default_branch ?? 'main',
          html_url: `https://github.com/${r.full_name}`,
          archived: !!r.archived,
          disabled: false,
          has_issues: r.has_issues !== false,
        };
      });
      return { status: 200, body: { total_count: repositories.length, repositories } };
    }
    if (method === 'GET' && (m = path.match(/^\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/))) {
      const [repo, dir] = [m[1]!, m[2]!];
      const ref = query.get('ref') ?? 'default';
      const children = new Map<string, string>();
      for (const key of this.contents.keys()) {
        const k = key.match(/^(.+?)@(.+?):(.+)$/)!;
        if (k[1] !== repo || (k[2] !== ref && k[2] !== '*') || !k[3]!.startsWith(`${dir}/`)) continue;
        const rest = k[3]!.slice(dir.length + 1);
        const name = rest.split('/')[0]!;
        children.set(name, rest.includes('/') ? 'dir' : 'file');
      }
      if (!children.size) return base;
      return { status: 200, body: [...children].sort().map(([name, type]) => ({ name, path: `${dir}/${name}`, type, sha: 'x' })) };
    }
    if (method === 'PATCH' && (m = path.match(/^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)$/))) {
      const issue = this.issues.find((i) => i.repo === m![1] && i.number === Number(m![2]));
      if (!issue || base.status >= 300) return base;
      if (typeof b.title === 'string') issue.title = b.title;
      if (typeof b.body === 'string') issue.body = b.body;
      if (Array.isArray(b.labels)) issue.labels = b.labels;
      if (Array.isArray(b.assignees)) issue.assignees = b.assignees;
      if (b.state_reason) this.stateReasons.set(`${issue.repo}#${issue.number}`, b.state_reason);
      return { status: 200, body: { number: issue.number, state: issue.state, title: issue.title, body: issue.body, html_url: `https://github.com/${issue.repo}/issues/${issue.number}` } };
    }
    if ((m = path.match(/^\/repos\/([^/]+\/[^/]+)\/labels(?:\/(.+))?$/))) {
      claim();
      const repo = m[1]!;
      let labels = this.labels.get(repo);
      if (!labels) this.labels.set(repo, (labels = new Map()));
      const name = m[2];
      if (method === 'POST' && !name) {
        if (labels.has(b.name)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] } };
        labels.set(b.name, { name: b.name, description: b.description ?? '' });
        return { status: 201, body: { name: b.name, description: b.description } };
      }
      if (method === 'GET' && name) return labels.has(name) ? { status: 200, body: labels.get(name) } : { status: 404, body: { message: 'Not Found' } };
      if (method === 'DELETE' && name) return labels.delete(name) ? { status: 204 } : { status: 404, body: { message: 'Not Found' } };
    }
    return base;
  }
}

// --- the judged scenario's repository --------------------------------------------------------------

const TODAY = new Date('2026-06-15T06:00:00Z');
const REPO = 'acme/api';
const INVENTORY = '.github/token-inventory.yml';

function inventory(o: { npmRotated?: string; npmExpires?: string; deployRotated?: string; deployExpires?: string; extra?: string } = {}): string {
  return `version: 1
credentials:
  - name: NPM_TOKEN
    kind: classic-pat
    provider: npm
    owner: "@alice"
    rotation_days: 90
    last_rotated: ${o.npmRotated ?? '2026-02-01'}
    expires: ${o.npmExpires ?? '2026-12-31'}
    used_in: [.github/workflows/release.yml]
  - name: DEPLOY_TOKEN
    kind: fine-grained-pat
    provider: github
    owner: "@acme/platform"
    rotation_days: 90
    last_rotated: ${o.deployRotated ?? '2026-04-01'}
    expires: ${o.deployExpires ?? '2026-06-20'}
    used_in: [.github/workflows/release.yml]
  - name: AWS_ACCESS_KEY_ID
    kind: cloud-access-key
    provider: aws
    owner: "@bob"
    rotation_days: 90
    last_rotated: 2026-05-01
    expires: 2026-10-01
    used_in: [.github/workflows/release.yml]
${o.extra ?? ''}`;
}

const RELEASE = `name: release
on: push
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
      - run: ./deploy.sh
        env:
          TOKEN: \${{ secrets.DEPLOY_TOKEN }}
          AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
`;
const CI = `name: ci
on: pull_request
jobs:
  notify:
    runs-on: ubuntu-latest
    steps:
      - run: ./notify.sh
        env:
          SLACK: \${{ secrets.SLACK_WEBHOOK_URL }}
          SENTRY: \${{ secrets.SENTRY_AUTH_TOKEN }}
`;

function scenario(): SweepGitHub {
  const gh = new SweepGitHub();
  gh.repos = [{ full_name: REPO }, { full_name: 'acme/docs' }, { full_name: 'acme/web' }];
  gh.file(REPO, INVENTORY, inventory(), 'main');
  gh.file(REPO, '.github/workflows/release.yml', RELEASE, 'main');
  gh.file(REPO, '.github/workflows/ci.yml', CI, 'main');
  // A repository with workflows but no inventory, and one without a .github directory.
  gh.file('acme/docs', '.github/workflows/pages.yml', 'on: push\njobs: {}\n', 'main');
  return gh;
}

// --- running sweeps ----------------------------------------------------------------------------------

let logs: string[] = [];

beforeEach(() => {
  nock.cleanAll();
  nock.disableNetConnect();
  logs = [];
});
afterEach(() => {
  nock.cleanAll();
});

/** One "process": its own Probot, Octokit class and pacing lanes. */
function instance(opts: Partial<SweepOptions> = {}): Sweeper {
  const probot = new Probot({
    appId: 1,
    privateKey: privateKey(),
    log: memoryLogger(logs),
    Octokit: createOctokitClass({ writeIntervalMs: 0, contentIntervalMs: 0, retryBaseMs: 1 }),
  });
  return new Sweeper({ auth: (id) => probot.auth(id), log: memoryLogger(logs), now: () => TODAY, concurrency: 1, ...opts });
}

function connect(gh: FakeGitHub): void {
  interceptWithNock(gh);
}

async function sweep(opts: Partial<SweepOptions> = {}): Promise<SweepSummary> {
  const p = instance(opts).run();
  if (!p) throw new Error('already running');
  const s = await p;
  expect(s.failed).toEqual([]);
  return s;
}

const requestLines = (gh: FakeGitHub, from = 0): string[] => gh.requests.slice(from).map((r) => `${r.method} ${r.path}${r.query.toString() ? `?${r.query.toString()}` : ''}`);
const writesSince = (gh: FakeGitHub, from: number): string[] =>
  gh.requests
    .slice(from)
    .filter((r) => r.method !== 'GET' && !r.path.startsWith('/app/'))
    .map((r) => `${r.method} ${r.path}`);
const LEASE = leaseLabel(REPO);
const openIssues = (gh: FakeGitHub) => gh.issues.filter((i) => i.state === 'open');

describe('rotation sweep: the judged scenario', () => {
  it('opens three reminders (overdue, expiring in 5 days, undeclared), then none again, updates on a state change, closes on rotation', async () => {
    const gh = scenario();
    connect(gh);

    // 1. First sweep: exactly the three reminders, with exactly these requests.
    const first = await sweep();
    expect(gh.unknown).toEqual([]);
    expect(requestLines(gh)).toEqual([
      'GET /app/installations?per_page=100',
      'POST /app/installations/4242/access_tokens',
      'GET /installation/repositories?per_page=100',
      // acme/api: inventory found with one listing, then policy (org, repo), inventory, workflows.
      'GET /repos/acme/api/contents/.github?ref=main',
      'GET /repos/acme/.github/contents/.github/tokenwarden.yml',
      'GET /repos/acme/api/contents/.github/tokenwarden.yml?ref=main',
      'GET /repos/acme/api/contents/.github/token-inventory.yml?ref=main',
      'GET /repos/acme/api/contents/.github/workflows?ref=main',
      'GET /repos/acme/api/contents/.github/workflows/ci.yml?ref=main',
      'GET /repos/acme/api/contents/.github/workflows/release.yml?ref=main',
      'GET /repos/acme/api/issues?labels=tokenwarden&state=all&per_page=100',
      // Something to write: lease, fresh list, writes, convergence list, release.
      'POST /repos/acme/api/labels',
      'GET /repos/acme/api/issues?labels=tokenwarden&state=all&per_page=100',
      'POST /repos/acme/api/issues',
      'POST /repos/acme/api/issues',
      'POST /repos/acme/api/issues',
      'GET /repos/acme/api/issues?labels=tokenwarden&state=all&per_page=100',
      `DELETE /repos/acme/api/labels/${LEASE}`,
      // No inventory: one request each.
      'GET /repos/acme/docs/contents/.github?ref=main',
      'GET /repos/acme/web/contents/.github?ref=main',
    ]);
    expect(first).toMatchObject({ installations: 1, repositories: 3, inventories: 1, opened: 3, updated: 0, closed: 0, duplicates: 0, skipped: { 'no-inventory': 2 } });

    const [npm, deploy, undeclared] = gh.issues;
    expect(gh.issues).toHaveLength(3);
    expect(npm).toMatchObject({
      number: 1,
      title: '[Token Warden] Rotation overdue: NPM_TOKEN (due 2026-05-02)',
      labels: ['tokenwarden', 'rotation', 'overdue'],
      assignees: ['alice'],
      state: 'open',
    });
    expect(parseReminderMarkers(npm!.body)).toMatchObject({ key: 'acme/api:credential:NPM_TOKEN', state: 'overdue', due: '2026-05-02', owner: '@alice' });
    expect(npm!.body).toContain('**Owner:** @alice');
    expect(npm!.body).toContain('**Rotation due:** 2026-05-02');
    expect(npm!.body).toContain('Issue a new credential at its issuer (npm)');
    expect(npm!.body).toContain('set `last_rotated` to the day you rotated it');
    expect(npm!.body).toContain('[`.github/token-inventory.yml:3`](https://github.com/acme/api/blob/main/.github/token-inventory.yml#L3)');
    expect(npm!.body).toContain('[`.github/workflows/release.yml:10`](https://github.com/acme/api/blob/main/.github/workflows/release.yml#L10) (job `publish`, environment `production`)');

    // A team cannot be assigned: it is mentioned in the body instead.
    expect(deploy).toMatchObject({
      number: 2,
      title: '[Token Warden] Credential expires soon: DEPLOY_TOKEN (2026-06-20)',
      labels: ['tokenwarden', 'rotation', 'due-soon'],
      assignees: [],
    });
    expect(deploy!.body).toContain('**Owner:** @acme/platform (a team: mentioned here, since teams cannot be assigned)');
    expect(deploy!.body).toContain('`DEPLOY_TOKEN` expires on 2026-06-20: issue its successor before then.');

    // The two undeclared secrets are one reminder; the healthy AWS key has none.
    expect(undeclared).toMatchObject({
      number: 3,
      title: '[Token Warden] Undeclared credentials: 2 secrets used by workflows are not in the token inventory',
      labels: ['tokenwarden', 'rotation', 'undeclared'],
      assignees: [],
    });
    expect(parseReminderMarkers(undeclared!.body).names).toEqual(['SENTRY_AUTH_TOKEN', 'SLACK_WEBHOOK_URL']);
    expect(gh.issues.some((i) => i.body.includes('AWS_ACCESS_KEY_ID'))).toBe(false);
    expect(gh.labels.get(REPO)?.size ?? 0).toBe(0); // the lease is gone

    // 2. Same day again: reads only, no write at all (no lease taken either).
    let mark = gh.requests.length;
    const second = await sweep();
    expect(writesSince(gh, mark)).toEqual([]);
    expect(second).toMatchObject({ opened: 0, updated: 0, commented: 0, closed: 0 });

    // Two sweeps at once (two processes): still nothing.
    mark = gh.requests.length;
    await Promise.all([sweep(), sweep()]);
    expect(writesSince(gh, mark)).toEqual([]);
    expect(gh.issues).toHaveLength(3);

    // 3. A week later DEPLOY_TOKEN has expired: that reminder is edited and gets one comment; the
    // overdue one is unchanged (its text holds no relative dates), so it is not touched.
    const later = new Date('2026-06-22T06:00:00Z');
    mark = gh.requests.length;
    const third = await sweep({ now: () => later });
    expect(writesSince(gh, mark)).toEqual(['POST /repos/acme/api/labels', 'PATCH /repos/acme/api/issues/2', 'POST /repos/acme/api/issues/2/comments', `DELETE /repos/acme/api/labels/${LEASE}`]);
    expect(third).toMatchObject({ opened: 0, updated: 1, commented: 1, reopened: 0, closed: 0 });
    const patch = gh.bodiesOf('PATCH', /\/issues\/2$/)[0];
    expect(Object.keys(patch).sort()).toEqual(['body', 'labels', 'title']);
    expect(gh.issues[1]).toMatchObject({ state: 'open', title: '[Token Warden] Credential expired: DEPLOY_TOKEN (2026-06-20)', labels: ['tokenwarden', 'rotation', 'expired'] });
    expect(gh.issues[1]!.comments).toEqual(['@acme/platform Status: **expired** (was due soon). `DEPLOY_TOKEN` expired on 2026-06-20: whatever still uses it fails. Issue its successor now.']);
    expect(npm!.comments).toEqual([]);

    // ... and the day after, nothing new to say.
    mark = gh.requests.length;
    await sweep({ now: () => new Date('2026-06-23T06:00:00Z') });
    expect(writesSince(gh, mark)).toEqual([]);

    // 4. The inventory records both rotations: both reminders close with a comment; the undeclared one stays.
    gh.file(REPO, INVENTORY, inventory({ npmRotated: '2026-06-21', npmExpires: '2027-06-01', deployRotated: '2026-06-21', deployExpires: '2026-09-19' }), 'main');
    mark = gh.requests.length;
    const fourth = await sweep({ now: () => later });
    expect(writesSince(gh, mark)).toEqual([
      'POST /repos/acme/api/labels',
      'POST /repos/acme/api/issues/1/comments',
      'PATCH /repos/acme/api/issues/1',
      'POST /repos/acme/api/issues/2/comments',
      'PATCH /repos/acme/api/issues/2',
      `DELETE /repos/acme/api/labels/${LEASE}`,
    ]);
    expect(fourth).toMatchObject({ closed: 2, opened: 0 });
    expect(gh.issues.map((i) => i.state)).toEqual(['closed', 'closed', 'open']);
    expect(gh.stateReasons.get('acme/api#1')).toBe('completed');
    expect(npm!.comments).toEqual(['`.github/token-inventory.yml` on `main` now records `NPM_TOKEN` as up to date (last rotated 2026-06-21, expires 2027-06-01). Next due 2026-09-19. Closing.']);
    expect(parseReminderMarkers(npm!.body).closedBySweep).toBe(true);

    // Declaring the undeclared secrets closes the last one.
    gh.file(
      REPO,
      INVENTORY,
      inventory({
        npmRotated: '2026-06-21',
        npmExpires: '2027-06-01',
        deployRotated: '2026-06-21',
        deployExpires: '2026-09-19',
        extra: ['SLACK_WEBHOOK_URL', 'SENTRY_AUTH_TOKEN']
          .map((n) => `  - name: ${n}\n    kind: api-key\n    provider: sentry\n    owner: "@bob"\n    rotation_days: 90\n    last_rotated: 2026-06-01\n    expires: 2027-01-01\n`)
          .join(''),
      }),
      'main',
    );
    await sweep({ now: () => later });
    expect(openIssues(gh)).toEqual([]);
    expect(undeclared!.comments.at(-1)).toContain('Every secret the workflows on `main` use is now declared');
  });

  it('two sweeps started at the same moment open each reminder once', async () => {
    const gh = scenario();
    connect(gh);
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(gh.issues).toHaveLength(3);
    expect(gh.writes.filter((w) => w === 'POST /repos/acme/api/issues')).toHaveLength(3);
    expect(a.opened + b.opened).toBe(3);
    expect(a.duplicates + b.duplicates).toBe(0);
  });

  it('converges to one reminder per credential when two sweeps create at once (no lease, lagging list)', async () => {
    const gh = scenario();
    connect(gh);
    // Labels cannot be created here (no lease), and the issue list lags until all six issues exist.
    gh.fail('POST', /\/labels$/, { status: 403, body: { message: 'Resource not accessible by integration' } }, 100);
    gh.staleIssueList = [];
    gh.after = () => {
      if (gh.issues.length >= 6) gh.staleIssueList = undefined;
    };
    await Promise.all([sweep(), sweep()]);
    expect(gh.issues).toHaveLength(6);
    // One open reminder per credential: the older issue of each pair.
    const open = openIssues(gh);
    const keys = open.map((i) => parseReminderMarkers(i.body).key);
    expect(new Set(keys).size).toBe(3);
    for (const kept of open) expect(kept.number).toBe(Math.min(...gh.issues.filter((i) => i.title === kept.title).map((i) => i.number)));
    for (const dup of gh.issues.filter((i) => i.state === 'closed')) {
      expect(gh.stateReasons.get(`acme/api#${dup.number}`)).toBe('duplicate');
      expect(parseReminderMarkers(dup.body).key).toBeUndefined();
      const kept = open.find((i) => i.title === dup.title)!;
      // Without a lease both sweeps may comment before either closes (each checks the state first).
      expect(dup.comments.length).toBeGreaterThanOrEqual(1);
      expect(new Set(dup.comments)).toEqual(new Set([`Duplicate of #${kept.number}: two sweeps opened the same reminder at once. Closing this one.`]));
    }
    // Converged: the next sweep writes nothing.
    const mark = gh.requests.length;
    await sweep();
    expect(writesSince(gh, mark).filter((w) => !w.includes('/labels'))).toEqual([]);
  });

  it('skips the repository while another sweep holds its lease, and takes over an expired lease', async () => {
    const gh = scenario();
    connect(gh);
    gh.labels.set(REPO, new Map([[LEASE, { name: LEASE, description: `Token Warden rotation sweep lease; expires ${new Date(Date.now() + 60_000).toISOString()}; safe to delete` }]]));
    const held = await sweep();
    expect(held.skipped.leased).toBe(1);
    expect(gh.issues).toHaveLength(0);

    gh.labels.set(REPO, new Map([[LEASE, { name: LEASE, description: 'Token Warden rotation sweep lease; expires 2020-01-01T00:00:00.000Z; safe to delete' }]]));
    const taken = await sweep();
    expect(taken.opened).toBe(3);
    expect(gh.labels.get(REPO)!.size).toBe(0);
  });
});

describe('rotation sweep: the lease in the store', () => {
  let store: Store;
  beforeEach(async () => {
    store ??= await openStore({ backend: 'pglite', dataDir: null });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('two sweeps on one store ("two instances") open each reminder once, with no label written', async () => {
    const gh = scenario();
    connect(gh);
    const [a, b] = await Promise.all([sweep({ store }), sweep({ store })]);
    expect(gh.issues).toHaveLength(3);
    expect(a.opened + b.opened).toBe(3);
    expect(a.duplicates + b.duplicates).toBe(0);
    expect(gh.writes.filter((w) => w.includes('/labels'))).toEqual([]);
    // Released at the end.
    expect(await store.leases.get(storeLeaseName('acme/api', REPO))).toBeUndefined();
  });

  it('skips the repository while another instance holds the lease, and takes it over once it expired', async () => {
    const gh = scenario();
    connect(gh);
    const name = storeLeaseName('acme/api', REPO);
    expect(await store.leases.acquire(name, 'other-instance', 60_000)).toBeDefined();
    const held = await sweep({ store });
    expect(held.skipped.leased).toBe(1);
    expect(gh.issues).toHaveLength(0);
    expect(logs.join('\n')).toContain('another sweep is writing these reminders');

    // The other instance died: its lease runs out (here: 50 ms), and the next sweep takes it over.
    await store.leases.release(name, 'other-instance');
    expect(await store.leases.acquire(name, 'other-instance', 50)).toBeDefined();
    await new Promise((r) => setTimeout(r, 80));
    const taken = await sweep({ store });
    expect(taken.opened).toBe(3);
    expect(await store.leases.get(name)).toBeUndefined();
  });
});

describe('rotation sweep: the audit trail', () => {
  it('records each reminder it opens and closes: credential by name, state, due date, owner and issue', async () => {
    const store = await openStore({ backend: 'pglite', dataDir: null });
    try {
      const gh = scenario();
      connect(gh);
      await sweep({ store, audit: store });
      const records = (await store.audit.page(0, 100)).filter((r) => r.kind === 'reminder');
      expect(records).toHaveLength(3);
      const bodies = records.map((r) => r.body as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(bodies.map((b) => b.issue.action)).toEqual(['created', 'created', 'created']);
      expect(bodies.map((b) => b.issue.number).sort()).toEqual(gh.issues.map((i) => i.number).sort());
      expect(bodies.every((b) => b.repository === REPO && typeof b.credential === 'string' && b.credential.length > 0)).toBe(true);
      expect((await verifyChain(store)).ok).toBe(true);
      // A second sweep with nothing changed writes nothing, so it records nothing.
      await sweep({ store, audit: store });
      expect((await store.audit.page(0, 100)).filter((r) => r.kind === 'reminder')).toHaveLength(3);
    } finally {
      await store.close();
    }
  });
});

describe('rotation sweep: policy', () => {
  it('routes reminders to a central security repository and names the repository in titles', async () => {
    const gh = scenario();
    gh.file('acme/.github', '.github/tokenwarden.yml', 'issues:\n  repository: acme/security\n');
    connect(gh);
    await sweep();
    expect(gh.issues.map((i) => i.repo)).toEqual(['acme/security', 'acme/security', 'acme/security']);
    expect(gh.issues[0]!.title).toBe('[Token Warden] acme/api: Rotation overdue: NPM_TOKEN (due 2026-05-02)');
    expect(gh.writes).toContain('POST /repos/acme/security/labels');
    // Lease and listing live in the issue repository.
    expect(gh.requests.some((r) => r.method === 'GET' && r.path === '/repos/acme/security/issues')).toBe(true);
  });

  it('issues.rotation: false turns the reminders off for a repository (no issue listing, no writes)', async () => {
    const gh = scenario();
    gh.file(REPO, '.github/tokenwarden.yml', 'issues:\n  rotation: false\n', 'main');
    connect(gh);
    const s = await sweep();
    expect(s.skipped['reminders-off']).toBe(1);
    expect(gh.writes).toEqual([]);
    expect(gh.requests.some((r) => r.path.endsWith('/issues'))).toBe(false);
    expect(gh.requests.some((r) => r.path.endsWith('token-inventory.yml'))).toBe(false);
  });

  it('a rule turned off or excepted in the policy keeps its reminders quiet', async () => {
    const gh = scenario();
    gh.file(
      REPO,
      '.github/tokenwarden.yml',
      [
        'rules:',
        '  rotation/credential-expiring: off',
        'exceptions:',
        '  - rule: rotation/inventory-missing',
        '    path: .github/workflows/ci.yml',
        '    justification: notification hooks, tracked in SEC-12',
        '    approved_by: "@carol"',
        '    expires: 2026-09-01',
        '',
      ].join('\n'),
      'main',
    );
    connect(gh);
    await sweep();
    expect(gh.issues.map((i) => i.title)).toEqual(['[Token Warden] Rotation overdue: NPM_TOKEN (due 2026-05-02)']);
  });

  it('leaves reminders alone while the inventory does not parse or the policy does not load', async () => {
    const gh = scenario();
    connect(gh);
    await sweep();
    gh.file(REPO, INVENTORY, 'credentials: [\n', 'main');
    let mark = gh.requests.length;
    expect((await sweep()).skipped['inventory-invalid']).toBe(1);
    expect(writesSince(gh, mark)).toEqual([]);

    gh.file(REPO, INVENTORY, inventory(), 'main');
    gh.file(REPO, '.github/tokenwarden.yml', 'extends: no-such-pack\n', 'main');
    mark = gh.requests.length;
    expect((await sweep()).skipped['policy-error']).toBe(1);
    expect(writesSince(gh, mark)).toEqual([]);
    expect(openIssues(gh)).toHaveLength(3);
  });
});

describe('rotation sweep: owners and people', () => {
  it('still opens the reminder when the owner cannot be assigned', async () => {
    const gh = scenario();
    gh.fail('POST', /\/repos\/acme\/api\/issues$/, { status: 422, body: { message: 'Validation Failed', errors: [{ field: 'assignees', code: 'invalid' }] } }, 1);
    connect(gh);
    await sweep();
    expect(gh.bodiesOf('POST', /\/issues$/).map((b) => b.assignees)).toEqual([['alice'], [], [], []]);
    expect(gh.issues).toHaveLength(3);
  });

  it('respects a reminder a person closed, and reopens it (once) when it gets worse', async () => {
    const gh = scenario();
    connect(gh);
    await sweep();
    gh.issues[1]!.state = 'closed'; // someone closed the DEPLOY_TOKEN reminder while it was due soon
    let mark = gh.requests.length;
    await sweep();
    expect(writesSince(gh, mark)).toEqual([]);

    mark = gh.requests.length;
    const s = await sweep({ now: () => new Date('2026-06-22T06:00:00Z') });
    expect(s.reopened).toBe(1);
    expect(writesSince(gh, mark)).toEqual(['POST /repos/acme/api/labels', 'PATCH /repos/acme/api/issues/2', 'POST /repos/acme/api/issues/2/comments', `DELETE /repos/acme/api/labels/${LEASE}`]);
    expect(gh.bodiesOf('PATCH', /\/issues\/2$/)[0]).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(gh.issues[1]!.comments[0]).toMatch(/^@acme\/platform Reopened: now \*\*expired\*\* \(was due soon when this was closed\)\./);
    expect(gh.issues).toHaveLength(3);
  });

  it('a removed entry closes its reminder', async () => {
    const gh = scenario();
    connect(gh);
    await sweep();
    gh.file(REPO, INVENTORY, inventory().replace(/ {2}- name: NPM_TOKEN[\s\S]*?(?= {2}- name: DEPLOY_TOKEN)/, ''), 'main');
    gh.file(REPO, '.github/workflows/release.yml', RELEASE.replace(/.*NPM_TOKEN.*\n/, ''), 'main');
    await sweep();
    expect(gh.issues[0]).toMatchObject({ state: 'closed' });
    expect(gh.issues[0]!.comments).toEqual(['`NPM_TOKEN` is no longer in `.github/token-inventory.yml` on `main`. Closing.']);
    expect(gh.issues[2]!.state).toBe('open');
  });

  it('redacts a secret-shaped value someone pasted into the inventory, in bodies, requests and logs', async () => {
    const gh = scenario();
    const pasted = githubToken('ghp', 'pasted-into-inventory'); // generated, never issued
    gh.file(REPO, INVENTORY, inventory().replace('provider: npm', `provider: "${pasted}"`), 'main');
    connect(gh);
    await sweep();
    expect(gh.issues[0]!.body).toContain(`${pasted.slice(0, 4)}********`);
    expect(JSON.stringify(gh.requests.map((r) => r.body))).not.toContain(pasted);
    expect(logs.join('\n')).not.toContain(pasted);
  });

  it('a dry run plans and writes nothing', async () => {
    const gh = scenario();
    connect(gh);
    const s = await sweep({ dryRun: true });
    expect(gh.writes).toEqual([]);
    expect(s.planned.map((p) => `${p.kind} ${p.key}`)).toEqual(['create acme/api:credential:NPM_TOKEN', 'create acme/api:credential:DEPLOY_TOKEN', 'create acme/api:undeclared']);
  });

  it('runs only the repositories asked for', async () => {
    const gh = scenario();
    connect(gh);
    const s = await sweep({ repositories: ['ACME/web'] });
    expect(s.repositories).toBe(1);
    expect(gh.requests.filter((r) => r.path.startsWith('/repos/')).map((r) => r.path)).toEqual(['/repos/acme/web/contents/.github']);
  });

  it('runs one sweep at a time per process', async () => {
    const gh = scenario();
    connect(gh);
    const s = instance();
    const first = s.run();
    expect(s.run()).toBeUndefined();
    await first;
    expect(s.running).toBe(false);
    await expect(runSweep({ auth: () => Promise.reject(new Error('no app')), log: memoryLogger(logs) })).rejects.toThrow('no app');
  });
});

describe('rotation sweep: schedule and trigger settings', () => {
  it('parses schedules and computes the next run in UTC', () => {
    expect(parseSchedule(undefined)).toEqual({ kind: 'daily', minuteOfDay: 360 });
    expect(parseSchedule('daily@23:30')).toEqual({ kind: 'daily', minuteOfDay: 1410 });
    expect(parseSchedule('every 6h')).toEqual({ kind: 'every', ms: 6 * 3_600_000 });
    expect(parseSchedule('off')).toEqual({ kind: 'off' });
    expect(parseSchedule('every 5m')).toHaveProperty('error');
    expect(parseSchedule('daily@25:00')).toHaveProperty('error');
    expect(parseSchedule('weekly')).toHaveProperty('error');
    const at = new Date('2026-06-15T07:10:00Z');
    expect(nextRun({ kind: 'daily', minuteOfDay: 360 }, at)?.toISOString()).toBe('2026-06-16T06:00:00.000Z');
    expect(nextRun({ kind: 'daily', minuteOfDay: 480 }, at)?.toISOString()).toBe('2026-06-15T08:00:00.000Z');
    expect(nextRun({ kind: 'every', ms: 6 * 3_600_000 }, at)?.toISOString()).toBe('2026-06-15T12:00:00.000Z');
    expect(nextRun({ kind: 'off' }, at)).toBeUndefined();
    expect(describeSchedule({ kind: 'daily', minuteOfDay: 360 })).toBe('daily at 06:00 UTC');
  });

  it('fires at each scheduled time and stops when told', async () => {
    vi.useFakeTimers({ now: new Date('2026-06-15T05:59:00Z') });
    try {
      let runs = 0;
      const scheduler = new SweepScheduler({ kind: 'daily', minuteOfDay: 360 }, async () => void runs++, memoryLogger(logs));
      scheduler.start();
      expect(scheduler.next?.toISOString()).toBe('2026-06-15T06:00:00.000Z');
      await vi.advanceTimersByTimeAsync(59_000);
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(runs).toBe(1);
      expect(scheduler.next?.toISOString()).toBe('2026-06-16T06:00:00.000Z');
      await vi.advanceTimersByTimeAsync(86_400_000);
      expect(runs).toBe(2);
      scheduler.stop();
      await vi.advanceTimersByTimeAsync(2 * 86_400_000);
      expect(runs).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('checks the environment and the trigger token', () => {
    expect(sweepEnvProblems({})).toEqual([]);
    expect(sweepEnvProblems({ TOKENWARDEN_SWEEP_SCHEDULE: 'sometimes', TOKENWARDEN_SWEEP_TOKEN: 'short' })).toEqual([
      expect.stringContaining('is not a schedule'),
      expect.stringContaining('TOKENWARDEN_SWEEP_TOKEN is shorter than 20'),
    ]);
    const token = 'a'.repeat(32);
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
    expect(parseSweepArgs(['--dry-run', '--repo', 'acme/api'])).toEqual({ dryRun: true, repositories: ['acme/api'] });
    expect(parseSweepArgs(['--repo', 'nope'])).toHaveProperty('error');
    expect(sweepJobProblems({})).toEqual([expect.stringContaining('APP_ID'), expect.stringContaining('PRIVATE_KEY')]);
    expect(sweepJobProblems({ APP_ID: '1', PRIVATE_KEY_PATH: '/run/secrets/key.pem' })).toEqual([]);
  });

  it('`npm run sweep` (sweepOnce): one sweep with the App from the environment; --dry-run writes nothing', async () => {
    const gh = scenario();
    connect(gh);
    const env: NodeJS.ProcessEnv = { APP_ID: '1', PRIVATE_KEY: privateKey(), LOG_LEVEL: 'silent' };
    const dry = await sweepOnce(env, { dryRun: true, repositories: [] }, { now: () => TODAY, github: { writeIntervalMs: 0, contentIntervalMs: 0, retryBaseMs: 1 } });
    expect(dry.planned).toHaveLength(3);
    expect(gh.writes).toEqual([]);
    const real = await sweepOnce(env, { dryRun: false, repositories: [REPO] }, { now: () => TODAY, github: { writeIntervalMs: 0, contentIntervalMs: 0, retryBaseMs: 1 } });
    expect(real).toMatchObject({ repositories: 1, opened: 3, failed: [] });
  });
});

describe('rotation sweep: the server', () => {
  it('sweeps on POST /api/sweep with the bearer token (202, 409 while running, 401 without)', async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    let gh!: SweepGitHub;
    const api = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      // A little latency, so the sweep is surely still running when the second trigger arrives.
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a rejection here is unhandled, and vitest fails the run on one
      req.on('end', async () => {
        await new Promise((r) => setTimeout(r, 10));
        const r = gh.handle(req.method ?? 'GET', req.url ?? '/', Buffer.concat(chunks).toString('utf8'));
        res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', ...r.headers });
        res.end(r.body === undefined ? '' : JSON.stringify(r.body));
      });
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const port = (api.address() as AddressInfo).port;
    gh = new SweepGitHub(`http://127.0.0.1:${port}/api/v3`);
    const s = scenario();
    gh.repos = s.repos;
    for (const [k, v] of s.contents) gh.contents.set(k, v);
    const token = randomBytes(24).toString('hex');
    const app = await startServer({
      env: {
        APP_ID: '1',
        PRIVATE_KEY: privateKey(),
        WEBHOOK_SECRET: randomBytes(32).toString('hex'),
        GHE_HOST: `127.0.0.1:${port}`,
        GHE_PROTOCOL: 'http',
        HOST: '127.0.0.1',
        PORT: '0',
        TOKENWARDEN_SWEEP_SCHEDULE: 'off',
        TOKENWARDEN_SWEEP_TOKEN: token,
        // The server opens a store: a migrated copy in a temporary directory, not ./.tokenwarden.
        TOKENWARDEN_DATA_DIR: await freshDataDir(),
      },
      github: { writeIntervalMs: 0, contentIntervalMs: 0, retryBaseMs: 1 },
      log: memoryLogger(logs),
      sweep: { now: () => TODAY, concurrency: 1 },
    });
    try {
      const post = (auth?: string) => fetch(`${app.url}/api/sweep`, { method: 'POST', headers: auth ? { authorization: auth } : {} });
      expect((await post()).status).toBe(401);
      expect((await post('Bearer not-the-token')).status).toBe(401);
      const started = await post(`Bearer ${token}`);
      expect(started.status).toBe(202);
      expect(await started.json()).toEqual({ status: 'started' });
      expect((await post(`Bearer ${token}`)).status).toBe(409);
      for (let i = 0; i < 200 && app.sweeper.running; i++) await new Promise((r) => setTimeout(r, 25));
      expect(app.sweeper.running).toBe(false);
      expect(gh.unknown).toEqual([]);
      expect(gh.issues.map((i) => i.title)).toEqual([
        '[Token Warden] Rotation overdue: NPM_TOKEN (due 2026-05-02)',
        '[Token Warden] Credential expires soon: DEPLOY_TOKEN (2026-06-20)',
        '[Token Warden] Undeclared credentials: 2 secrets used by workflows are not in the token inventory',
      ]);
      expect(logs.join('\n')).not.toContain(token);
    } finally {
      await app.close();
      await new Promise((r) => api.close(r));
    }
  });
});
