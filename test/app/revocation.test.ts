/**
 * Revocation of leaked GitHub tokens (issue 11, item 5): the App against `FakeGitHub` through nock, and
 * the revoker against the loopback stand-in over real HTTP. Tokens are assembled at run time with valid
 * CRC-32 checksums (test/helpers/tokens.ts); the only place a token may appear is the body of
 * `POST /credentials/revoke` — never a log line, the ledger, an audit record, a check run or an issue.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { ALNUM, githubToken, rand } from '../helpers/tokens.js';
import { checkRunEvent, pullRequestEvent, sha } from '../fixtures/webhooks/index.js';
import { memoryLogger, patchAdding, privateKey, setup, type Harness } from './helpers/harness.js';
import { freshDataDir } from './helpers/data-dir.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startStandIn, type StandIn } from './helpers/stand-in.js';
import { Revoker, isRevocableGitHubToken, revocableTokens, scheduleRerun, type DeferredRevocation, type RevokerOptions } from '../../src/app/effects/revocation.js';
import { MemoryRevocations } from '../../src/app/effects/revocation-memory.js';
import { openStore, type Store } from '../../src/store/index.js';
import { resolvePolicy } from '../../src/engine/policy/load.js';
import { describePolicyDiff } from '../../src/app/pipeline/policy-diff.js';
import type { GitHubClient } from '../../src/app/github/octokit.js';
import type { RevocationLedger } from '../../src/store/types.js';
import type { Finding } from '../../src/engine/finding.js';
import { secretHash } from '../../src/engine/hash.js';
import { redact } from '../../src/engine/redact.js';
import { revocationLines } from '../../src/report/check-run.js';
import { revocationComment } from '../../src/report/issue.js';

const REPO = 'acme/api';
const HEAD = sha('revoke-head');
const POLICY = '.github/tokenwarden.yml';
const ON = 'secrets:\n  revoke: true\n';

// Revocable: classic PAT, OAuth, user-to-server, refresh (checksums verify) and a fine-grained PAT.
const GHP = githubToken('ghp', 'revoke-1');
const GHO = githubToken('gho', 'revoke-2');
const GHU = githubToken('ghu', 'revoke-3');
const GHR = githubToken('ghr', 'revoke-4');
const PAT = `github_pat_${rand(22, ALNUM, 'revoke-pat-a')}_${rand(59, ALNUM, 'revoke-pat-b')}`;
// Never submitted: an installation token, and a classic PAT whose checksum fails.
const GHS = githubToken('ghs', 'revoke-5');
const good = githubToken('ghp', 'revoke-6');
const BAD = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
const REVOCABLE = [GHP, GHO, GHU, GHR, PAT];
const ALL = [...REVOCABLE, GHS, BAD];

afterEach(() => {
  nock.cleanAll();
});

let store: Store;
beforeAll(async () => {
  store = await openStore({ backend: 'pglite', dataDir: null });
}, 60_000);
afterAll(async () => {
  await store?.close();
});

interface Sent {
  url: string;
  authorization: string | null;
  credentials: string[];
}

/** A fetch for the revoker that records what it sends (nock answers it from the fake). */
function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    sent.push({ url, authorization: headers.get('authorization'), credentials: JSON.parse(String(init?.body ?? '{}')).credentials ?? [] });
    return fetch(input, init);
  };
}

/** A fresh ledger namespace per test: the ledger is keyed by token hash, and the tests reuse tokens. */
let ledgers = 0;
type TestLedger = RevocationLedger & { dump(): Promise<string> };
function ledgerOf(s: Store): TestLedger {
  // The store's real SQL, with keys prefixed so that tests sharing tokens do not see each other's rows.
  const tag = `t${++ledgers}:`;
  const l = s.revocations;
  const bucketTag = `${tag}bucket:`;
  const seen = new Set<string>();
  return {
    claim: async (items, owner, ms) => {
      for (const i of items) seen.add(tag + i.key);
      return (
        await l.claim(
          items.map((i) => ({ ...i, key: tag + i.key })),
          owner,
          ms,
        )
      ).map((k) => k.slice(tag.length));
    },
    settle: async (keys, owner, o, d) =>
      (
        await l.settle(
          keys.map((k) => tag + k),
          owner,
          o,
          d,
        )
      ).map((k) => k.slice(tag.length)),
    release: (keys, owner, d) =>
      l.release(
        keys.map((k) => tag + k),
        owner,
        d,
      ),
    getMany: async (keys) => new Map([...(await l.getMany(keys.map((k) => tag + k)))].map(([k, r]) => [k.slice(tag.length), { ...r, key: k.slice(tag.length) }])),
    takeRequest: (b, limit, ms) => l.takeRequest(bucketTag + b, limit, ms),
    exhaust: (b, until, limit, ms) => l.exhaust(bucketTag + b, until, limit, ms),
    dump: async () => JSON.stringify([...(await l.getMany([...seen])).values()]),
  };
}

interface Run {
  h: Harness;
  sent: Sent[];
  revoker: Revoker;
  ledger: TestLedger;
}

async function start(o: RevokerOptions & { ledger: TestLedger; policy?: string | null }): Promise<Run> {
  const sent: Sent[] = [];
  const { policy, ...opts } = o;
  const revoker = new Revoker({ fetch: recordingFetch(sent), backoffMs: 1, timeoutMs: 5_000, ...opts });
  const h = await setup({ revocation: revoker, audit: store });
  if (policy !== null) h.github.file(REPO, POLICY, policy ?? ON);
  return { h, sent, revoker, ledger: o.ledger };
}

function pr(h: Harness, tokens: readonly string[], number = 12, head = HEAD): void {
  h.github.pull(REPO, {
    number,
    headSha: head,
    files: [{ filename: 'src/config.ts', patch: patchAdding(...tokens.map((t, i) => `export const token${i} = "${t}";`)) }],
  });
}

const event = (number = 12, head = HEAD) => pullRequestEvent('opened', { number, headSha: head, author: 'alice', changedFiles: 1 });
const summaries = (h: Harness): string[] => [...h.github.checkRuns.values()].flatMap((r) => r.updates.map((u) => String(u.output?.summary ?? '')));
const lastSummary = (h: Harness): string => summaries(h).at(-1) ?? '';
const comments = (h: Harness): string[] => h.github.issues.flatMap((i) => i.comments);

/** The audit records of this store whose body names one of `fingerprints`' revocations. */
async function revocationRecords(): Promise<Array<{ body: Record<string, unknown> }>> {
  const out: Array<{ body: Record<string, unknown> }> = [];
  for (let after = 0; ;) {
    const page = await store.audit.page(after, 500);
    if (!page.length) break;
    for (const r of page) if (r.kind === 'revocation') out.push(r as unknown as { body: Record<string, unknown> });
    after = page.at(-1)!.seq;
  }
  return out;
}

/** Everything that left the App or stayed with it, except the revocation request's body to GitHub. */
async function everywhereButTheRevocation({ h, ledger }: Pick<Run, 'h' | 'ledger'>): Promise<string> {
  const requests = h.github.requests.filter((r) => r.path !== '/credentials/revoke').map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body ?? '')}`);
  const audit = (await store.audit.page(0, 100_000)).map((r) => JSON.stringify(r));
  const rows = await ledger.dump();
  const issues = JSON.stringify(h.github.issues);
  const checkRuns = JSON.stringify([...h.github.checkRuns.values()]);
  const sentByApp = h.sent.filter((s) => !s.url.endsWith('/credentials/revoke')).map((s) => `${s.method} ${s.url} ${s.body}`);
  return [...requests, ...audit, rows, issues, checkRuns, ...sentByApp, ...h.logs].join('\n');
}

describe('which tokens are revocable', () => {
  it('a checksum-verified ghp_/gho_/ghu_/ghr_ token or a fine-grained PAT of the issued shape; never ghs_ or a failed checksum', () => {
    for (const t of REVOCABLE) expect(isRevocableGitHubToken(t), t.slice(0, 4)).toBe(true);
    expect(isRevocableGitHubToken(GHS)).toBe(false);
    expect(isRevocableGitHubToken(BAD)).toBe(false);
    expect(isRevocableGitHubToken(PAT.slice(0, -1))).toBe(false);
  });

  it('matches each finding back to its value by hash, and skips findings at lower confidence or of other rules', () => {
    const f = (value: string, o: Partial<Finding> = {}): Finding =>
      ({
        ruleId: 'secrets/github-token',
        family: 'secrets',
        severity: 'critical',
        confidence: 'high',
        path: 'a.ts',
        startLine: 1,
        endLine: 1,
        startColumn: 1,
        endColumn: 2,
        excerpt: '',
        fingerprint: 'x',
        secretHash: secretHash(value),
        redacted: redact(value),
        message: '',
        remediation: '',
        controls: [],
        level: 'fail',
        ...o,
      }) as Finding;
    const sources = [{ path: 'a.ts', text: ALL.join('\n') }];
    const got = revocableTokens(
      [f(GHP), f(GHP), f(GHS), f(BAD, { confidence: 'low' }), f(GHO, { confidence: 'medium' }), f(GHU, { ruleId: 'secrets/generic-api-key' }), f(PAT, { ruleId: 'secrets/github-fine-grained-pat' })],
      sources,
    );
    expect(got.map((c) => c.value)).toEqual([GHP, PAT]);
  });
});

describe('revocation in an evaluation', () => {
  it('submits only the checksum-verified tokens, unauthenticated, once; says so in the summary, the issues and the audit trail; the value appears nowhere else', async () => {
    const run = await start({ ledger: ledgerOf(store) });
    const { h, sent } = run;
    pr(h, ALL);
    await h.receive('pull_request', event(), 'delivery-r1');

    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://api.github.com/credentials/revoke');
    expect(sent[0]!.authorization).toBeNull();
    expect([...sent[0]!.credentials].sort()).toEqual([...REVOCABLE].sort());
    expect(h.github.revoked).toHaveLength(1);

    const summary = lastSummary(h);
    expect(summary).toContain('**Revoked:** 5 leaked GitHub tokens');
    expect(summary).toContain(`\`${redact(GHP)}\``);
    // One comment on each revoked token's issue; the others' issues get none.
    const revokedComments = comments(h).filter((c) => c.startsWith('**Revoked:**'));
    expect(revokedComments).toHaveLength(5);
    const records = (await revocationRecords()).filter((r) => r.body.delivery === 'delivery-r1');
    expect(records.map((r) => r.body.outcome)).toEqual(Array(5).fill('submitted'));
    expect(records.map((r) => r.body.redacted).sort()).toEqual(REVOCABLE.map(redact).sort());

    const elsewhere = await everywhereButTheRevocation(run);
    expect(elsewhere).toContain('secrets/github-token'); // the dump is not empty
    for (const t of ALL) expect(elsewhere).not.toContain(t);
    expect(h.logs.join('\n')).toContain('leaked GitHub tokens: revocation');
  });

  it('never twice: a redelivery, a re-run of the check, and a second instance on the same store send nothing more', async () => {
    const ledger = ledgerOf(store);
    const first = await start({ ledger, owner: 'instance-a' });
    pr(first.h, [GHP, GHO]);
    await first.h.receive('pull_request', event(), 'delivery-1');
    await first.h.receive('pull_request', event(), 'delivery-1-again');
    await first.h.receive('check_run', checkRunEvent('rerequested', { headSha: HEAD, prs: [12] }), 'delivery-rerun');
    expect(first.sent).toHaveLength(1);
    expect(summaries(first.h).at(-1)).toContain('**Revoked earlier:** 2 GitHub tokens');
    expect(comments(first.h).filter((c) => c.startsWith('**Revoked:**'))).toHaveLength(2);

    // Another instance (its own process, the same database): nothing to send.
    const second = await start({ ledger, owner: 'instance-b' });
    pr(second.h, [GHP, GHO]);
    await second.h.receive('pull_request', event(), 'delivery-2');
    expect(second.sent).toHaveLength(0);
    expect(second.h.github.revoked).toHaveLength(0);
    expect(lastSummary(second.h)).toContain('**Revoked earlier:**');
  });

  it('two instances at once: only one sends', async () => {
    const ledger = ledgerOf(store);
    const sent: Sent[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: typeof fetch = async (_input, init) => {
      await gate;
      sent.push({ url: '', authorization: null, credentials: JSON.parse(String(init?.body)).credentials });
      return new Response('{}', { status: 202 });
    };
    const a = new Revoker({ ledger, owner: 'a', fetch: slow });
    const b = new Revoker({ ledger, owner: 'b', fetch: slow });
    const gh = { request: { endpoint: { DEFAULTS: { baseUrl: 'https://api.github.com' } } } } as unknown as GitHubClient;
    const findings = [GHP].map(
      (v) => ({ ruleId: 'secrets/github-token', family: 'secrets', confidence: 'high', level: 'fail', path: 'a.ts', fingerprint: 'f1', secretHash: secretHash(v), redacted: redact(v) }) as Finding,
    );
    const req = {
      target: { repo: { owner: 'acme', repo: 'api' }, headSha: HEAD, policyRef: 'main', defaultBranch: 'main' },
      policy: { secrets: { revoke: true } } as never,
      findings,
      sources: [{ path: 'a.ts', text: GHP }],
    };
    const log = memoryLogger([]);
    const both = Promise.all([a.run(gh, log, req), b.run(gh, log, req)]);
    setTimeout(release, 50);
    const [va, vb] = await both;
    expect(sent).toHaveLength(1);
    expect([va!.submitted.length, vb!.submitted.length].sort()).toEqual([0, 1]);
    expect(va!.inFlight + vb!.inFlight).toBe(1);
  });

  it("a 422 is refused: reported with GitHub's answer, recorded, commented, and not sent again", async () => {
    const run = await start({ ledger: ledgerOf(store) });
    const { h, sent } = run;
    h.github.fail('POST', /^\/credentials\/revoke$/, { status: 422, body: { message: 'Validation Failed', errors: [`${GHP} could not be processed`] } });
    pr(h, [GHP]);
    await h.receive('pull_request', event(), 'delivery-422');
    expect(sent).toHaveLength(1);
    const summary = lastSummary(h);
    expect(summary).toContain('GitHub refused to revoke 1 token');
    expect(summary).toContain('422 Validation Failed');
    expect(comments(h).filter((c) => c.startsWith('**Not revoked:**'))).toHaveLength(1);
    const records = (await revocationRecords()).filter((r) => r.body.delivery === 'delivery-422');
    expect(records.map((r) => [r.body.outcome, String(r.body.detail).slice(0, 3)])).toEqual([['refused', '422']]);

    await h.receive('pull_request', event(), 'delivery-422-again');
    expect(sent).toHaveLength(1);
    expect(lastSummary(h)).toContain("refused by GitHub's revocation API before");
    expect(await everywhereButTheRevocation(run)).not.toContain(GHP);
  });

  it('5xx and no answer are retried with back-off; still failing: reported as failed, and the next evaluation sends again', async () => {
    const { h, sent } = await start({ ledger: ledgerOf(store), attempts: 3 });
    h.github.fail('POST', /^\/credentials\/revoke$/, { status: 502, body: { message: 'Bad Gateway' } }, 2);
    pr(h, [GHU]);
    await h.receive('pull_request', event(), 'delivery-5xx');
    expect(sent).toHaveLength(3);
    expect(lastSummary(h)).toContain('**Revoked:** 1 leaked GitHub token');

    const later = await start({ ledger: ledgerOf(store), attempts: 2 });
    later.h.github.fail('POST', /^\/credentials\/revoke$/, { status: 503, body: { message: 'Service Unavailable' } }, 2);
    pr(later.h, [GHR]);
    await later.h.receive('pull_request', event(), 'delivery-fail');
    expect(later.sent).toHaveLength(2);
    expect(lastSummary(later.h)).toContain('Revocation of 1 GitHub token');
    expect(lastSummary(later.h)).toContain('failed: 503 Service Unavailable');
    expect((await revocationRecords()).filter((r) => r.body.delivery === 'delivery-fail').map((r) => r.body.outcome)).toEqual(['failed']);
    await later.h.receive('pull_request', event(), 'delivery-next');
    expect(later.sent).toHaveLength(3);
    expect(later.h.github.revoked).toEqual([[GHR]]);
  });

  it('policy off (the default, or `revoke: false`): nothing is sent', async () => {
    for (const policy of [null, 'secrets:\n  revoke: false\n', 'extends: default\n']) {
      const { h, sent } = await start({ ledger: ledgerOf(store), policy });
      pr(h, REVOCABLE);
      await h.receive('pull_request', event());
      expect(sent).toHaveLength(0);
      expect(h.github.requests.filter((r) => r.path === '/credentials/revoke')).toHaveLength(0);
      expect(lastSummary(h)).not.toContain('Revoked');
    }
  });

  it("batches within GitHub's limits; past the hourly budget the rest is deferred with a note and a later job", async () => {
    const later: DeferredRevocation[] = [];
    const { h, sent } = await start({ ledger: ledgerOf(store), batchSize: 2, hourlyRequests: 2, schedule: async (d) => void later.push(d) });
    // Tokens of their own: a token's "submitted" audit record is written once ever (per token hash).
    pr(
      h,
      ['ghp', 'gho', 'ghu', 'ghr', 'ghp'].map((k, i) => githubToken(k, `budget-${i}`)),
    );
    await h.receive('pull_request', event(), 'delivery-budget');
    expect(sent.map((s) => s.credentials.length)).toEqual([2, 2]);
    expect(new Set(sent.flatMap((s) => s.credentials)).size).toBe(4);
    const summary = lastSummary(h);
    expect(summary).toContain('**Revoked:** 4 leaked GitHub tokens');
    expect(summary).toContain('1 leaked GitHub token not submitted for revocation yet');
    expect(summary).toContain('a later job submits them then');
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ repo: { owner: 'acme', repo: 'api' }, headSha: HEAD, pullRequests: [12] });
    expect(later[0]!.at.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(
      (await revocationRecords())
        .filter((r) => r.body.delivery === 'delivery-budget')
        .map((r) => r.body.outcome)
        .sort(),
    ).toEqual(['skipped', 'submitted', 'submitted', 'submitted', 'submitted']);
  });

  it('GitHub saying the rate limit is spent defers the batch until its reset', async () => {
    const { h, sent } = await start({ ledger: ledgerOf(store) });
    const reset = Math.floor(Date.now() / 1000) + 1800;
    h.github.fail('POST', /^\/credentials\/revoke$/, { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } });
    pr(h, [GHO]);
    await h.receive('pull_request', event(), 'delivery-limited');
    expect(sent).toHaveLength(1);
    expect(lastSummary(h)).toContain('not submitted for revocation yet');
    expect(lastSummary(h)).toContain(new Date(reset * 1000).toISOString().slice(11, 16));
    // The bucket stays closed: the next evaluation sends nothing until then.
    await h.receive('pull_request', event(), 'delivery-limited-2');
    expect(sent).toHaveLength(1);
  });

  it("with the installation's token (GitHub Enterprise Server): in the header of the revoker's own request, never through the App's Octokit", async () => {
    const { h, sent } = await start({ ledger: ledgerOf(store), auth: 'installation' });
    pr(h, [GHP]);
    await h.receive('pull_request', event(), 'delivery-ghes');
    // Not through the App's Octokit (its debug log prints request bodies): by the revoker's own fetch,
    // with the installation's token in the header.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ url: 'https://api.github.com/credentials/revoke', authorization: 'token installation-token-4242', credentials: [GHP] });
    expect(h.sent.filter((s) => s.url.endsWith('/credentials/revoke'))).toHaveLength(0);
    expect(h.logs.join('\n')).not.toContain(GHP);
    expect(lastSummary(h)).toContain('**Revoked:** 1 leaked GitHub token');
  });
});

describe('the revoker over HTTP (loopback stand-in)', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    standIn = await startStandIn();
  });
  afterAll(async () => {
    await standIn?.close();
  });

  const ghAt = (base: string): GitHubClient => ({ request: { endpoint: { DEFAULTS: { baseUrl: base } } } }) as unknown as GitHubClient;
  const request = (tokens: readonly string[]) => ({
    target: { repo: { owner: 'acme', repo: 'api' }, headSha: HEAD, policyRef: 'main', defaultBranch: 'main', installation: 7 },
    policy: { secrets: { revoke: true } } as never,
    findings: tokens.map(
      (v, i) =>
        ({ ruleId: 'secrets/github-token', family: 'secrets', confidence: 'high', level: 'fail', path: 'a.ts', fingerprint: `f${i}`, secretHash: secretHash(v), redacted: redact(v) }) as Finding,
    ),
    sources: [{ path: 'a.ts', text: tokens.join('\n') }],
  });

  it("POSTs the batch to the client's base URL (GHES: /api/v3) without credentials; a request left unanswered is retried", async () => {
    nock.enableNetConnect('127.0.0.1');
    const base = `http://${standIn.host}/api/v3`;
    standIn.hang('POST', /^\/credentials\/revoke$/, 1);
    const logs: string[] = [];
    const r = new Revoker({ ledger: new MemoryRevocations(), auth: 'none', timeoutMs: 300, backoffMs: 1 });
    const view = await r.run(ghAt(base), memoryLogger(logs), request([GHP, GHU]));
    const posts = standIn.exchanges.filter((e) => e.path === '/credentials/revoke');
    expect(posts).toHaveLength(2);
    expect(posts.every((e) => e.installation === 'none' && e.url === '/api/v3/credentials/revoke')).toBe(true);
    expect(JSON.parse(posts[1]!.body)).toEqual({ credentials: [GHP, GHU] });
    expect(view!.submitted).toHaveLength(2);
    expect(logs.join('\n')).not.toContain(GHP);
    expect(logs.join('\n')).toContain('revocation request failed: retrying');
  });

  it('an empty list would be a 422 at GitHub; the stand-in answers it as GitHub does', async () => {
    nock.enableNetConnect('127.0.0.1');
    const res = await fetch(`http://${standIn.host}/api/v3/credentials/revoke`, { method: 'POST', body: JSON.stringify({ credentials: [] }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(422);
  });
});

describe('authentication by API host', () => {
  it('unauthenticated on api.github.com and api.<subdomain>.ghe.com; the installation token elsewhere (GHES)', async () => {
    const seen: Array<[string, string | null]> = [];
    const fetchStub: typeof fetch = async (input, init) => {
      seen.push([String(input), new Headers(init?.headers).get('authorization')]);
      return new Response('', { status: 202 });
    };
    const gh = (base: string) => ({ request: { endpoint: { DEFAULTS: { baseUrl: base } } }, auth: async () => ({ token: 'installation-token-7' }) }) as unknown as GitHubClient;
    const req = {
      target: { repo: { owner: 'acme', repo: 'api' }, headSha: HEAD, policyRef: 'main', defaultBranch: 'main', installation: 7 },
      policy: { secrets: { revoke: true } } as never,
      findings: [
        { ruleId: 'secrets/github-token', family: 'secrets', confidence: 'high', level: 'fail', path: 'a.ts', fingerprint: 'f', secretHash: secretHash(GHP), redacted: redact(GHP) } as Finding,
      ],
      sources: [{ path: 'a.ts', text: GHP }],
    };
    for (const base of ['https://api.github.com', 'https://api.acme.ghe.com', 'https://ghes.example.com/api/v3']) {
      await new Revoker({ fetch: fetchStub }).run(gh(base), memoryLogger([]), req);
    }
    expect(seen).toEqual([
      ['https://api.github.com/credentials/revoke', null],
      ['https://api.acme.ghe.com/credentials/revoke', null],
      ['https://ghes.example.com/api/v3/credentials/revoke', 'token installation-token-7'],
    ]);
  });
});

describe('policy: secrets.revoke', () => {
  it('defaults off; a repository turns it on or off; an org lock on secrets keeps it on', () => {
    const base = resolvePolicy([{ source: 'repo', text: 'extends: default\n' }]);
    expect(base.ok && base.policy.secrets).toBeUndefined();
    const on = resolvePolicy([{ source: 'repo', text: ON }]);
    expect(on.ok && on.policy.secrets?.revoke).toBe(true);
    const unlocked = resolvePolicy([
      { source: 'org', text: ON },
      { source: 'repo', text: 'secrets:\n  revoke: false\n' },
    ]);
    expect(unlocked.ok && unlocked.policy.secrets?.revoke).toBe(false);
    const locked = resolvePolicy([
      { source: 'org', text: `${ON}lock: [secrets]\n` },
      { source: 'repo', text: 'secrets:\n  revoke: false\n' },
    ]);
    expect(locked.ok && locked.policy.secrets?.revoke).toBe(true);
    expect(locked.ok && locked.warnings.map((w) => w.message).join()).toContain('Revocation of leaked GitHub tokens is locked');
    const wrong = resolvePolicy([{ source: 'repo', text: 'secrets:\n  revoke: yes please\n' }]);
    expect(wrong.ok).toBe(false);
    // A pull request that turns it on says so in its policy-change view.
    if (base.ok && on.ok) expect(describePolicyDiff(base.policy, on.policy).join('\n')).toMatch(/secrets\.revoke.*false.*→.*true/);
    const hashBefore = resolvePolicy([{ source: 'repo', text: 'extends: default\n' }]);
    expect(hashBefore.ok && base.ok && hashBefore.policy.hash).toBe(base.ok && base.policy.hash);
  });
});

describe('what the summary and the issue say', () => {
  it('redacted forms, times and answers; never a value', () => {
    const at = new Date('2026-12-05T07:00:00Z');
    const lines = revocationLines({
      provider: 'GitHub',
      submitted: [{ redacted: redact(GHP), at }],
      earlier: [{ redacted: redact(GHO), state: 'submitted', at }],
      refused: [{ redacted: redact(GHU), detail: '422 Validation Failed' }],
      failed: [{ redacted: redact(GHR), detail: 'no answer in time' }],
      deferred: { count: 2, until: at },
      inFlight: 1,
    });
    const text = [...lines.notes, ...lines.problems].join('\n');
    expect(text).toContain('2026-12-05 07:00 UTC');
    for (const t of [GHP, GHO, GHU, GHR]) expect(text).not.toContain(t);
    expect(lines.problems).toHaveLength(3);
    expect(revocationComment('submitted', 'GitHub', at, '202 accepted')).toContain('**Revoked:**');
    expect(revocationComment('refused', 'GitHub', at, '422 Validation Failed')).toContain('does not submit it again');
  });

  it('scheduleRerun queues a rerun of the commit after the reset, one per commit', async () => {
    const queued: unknown[] = [];
    const schedule = scheduleRerun({ enqueue: async (j) => (queued.push(j), 1) });
    await schedule({ installation: 7, repo: { owner: 'Acme', repo: 'API' }, headSha: HEAD, pullRequests: [12], at: new Date('2026-12-05T08:00:00Z') });
    await schedule({ installation: undefined, repo: { owner: 'Acme', repo: 'API' }, headSha: HEAD, pullRequests: [], at: new Date() });
    expect(queued).toEqual([
      expect.objectContaining({
        queue: 'judge',
        groupKey: 'acme/api',
        dedupeKey: `revocation:acme/api@${HEAD}`,
        payload: expect.objectContaining({ kind: 'rerun', event: 'revocation', installation: 7, headSha: HEAD, pullRequests: [12] }),
      }),
    ]);
  });
});

describe('the server against the loopback stand-in (GitHub Enterprise Server URL: sent with the installation token)', () => {
  const SECRET = randomBytes(32).toString('hex');
  const logs: string[] = [];
  let standIn: StandIn;
  let app: RunningServer;

  beforeAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    standIn = await startStandIn();
    standIn.github.file(REPO, POLICY, ON);
    app = await startServer({
      env: {
        APP_ID: '1',
        PRIVATE_KEY: privateKey(),
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: standIn.host,
        GHE_PROTOCOL: 'http',
        HOST: '127.0.0.1',
        PORT: '0',
        NODE_ENV: 'production',
        TOKENWARDEN_SWEEP_SCHEDULE: 'off',
        TOKENWARDEN_DATA_DIR: await freshDataDir(),
      },
      github: { writeIntervalMs: 0, contentIntervalMs: 0, retryBaseMs: 1 },
      log: memoryLogger(logs),
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await standIn?.close();
  }, 60_000);

  async function deliver(event: string, payload: unknown): Promise<void> {
    nock.enableNetConnect();
    const body = JSON.stringify(payload);
    const sig = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    const res = await fetch(`${app.url}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': randomUUID(), 'x-hub-signature-256': sig },
      body,
    });
    expect(res.status).toBe(202);
    expect(await app.idle(30_000)).toBe(true);
  }
  const revokes = () => standIn.exchanges.filter((e) => e.method === 'POST' && e.path === '/credentials/revoke');
  const summaryOf = (head: string): string =>
    [...standIn.github.checkRuns.values()]
      .filter((r) => r.head_sha === head)
      .flatMap((r) => r.updates.map((u) => String(u.output?.summary ?? '')))
      .at(-1) ?? '';

  it('submits only the checksum-verified tokens, once, across redeliveries; a 422 is refused and not sent again; the value only in the revoke body', async () => {
    const head7 = sha('stand-in-7');
    standIn.github.pull(REPO, { number: 7, headSha: head7, files: [{ filename: 'src/config.ts', patch: patchAdding(...ALL.map((t, i) => `export const k${i} = "${t}";`)) }] });
    await deliver('pull_request', pullRequestEvent('opened', { number: 7, headSha: head7, changedFiles: 1 }));
    expect(revokes()).toHaveLength(1);
    expect(revokes()[0]).toMatchObject({ installation: 'installation:4242', url: '/api/v3/credentials/revoke', status: 202 });
    expect([...JSON.parse(revokes()[0]!.body).credentials].sort()).toEqual([...REVOCABLE].sort());
    expect(summaryOf(head7)).toContain('**Revoked:** 5 leaked GitHub tokens');

    await deliver('pull_request', pullRequestEvent('synchronize', { number: 7, headSha: head7, changedFiles: 1 }));
    expect(revokes()).toHaveLength(1);
    expect(summaryOf(head7)).toContain('**Revoked earlier:** 5 GitHub tokens');

    // A 422: refused, reported, not retried blindly.
    const head8 = sha('stand-in-8');
    const fresh = githubToken('gho', 'stand-in-422');
    standIn.github.fail('POST', /^\/credentials\/revoke$/, { status: 422, body: { message: 'Validation Failed', errors: [{ message: `${fresh} is not valid` }] } });
    standIn.github.pull(REPO, { number: 8, headSha: head8, files: [{ filename: 'src/b.ts', patch: patchAdding(`t = "${fresh}"`) }] });
    await deliver('pull_request', pullRequestEvent('opened', { number: 8, headSha: head8, changedFiles: 1 }));
    expect(revokes()).toHaveLength(2);
    expect(revokes()[1]!.status).toBe(422);
    expect(summaryOf(head8)).toContain('GitHub refused to revoke 1 token');
    await deliver('pull_request', pullRequestEvent('synchronize', { number: 8, headSha: head8, changedFiles: 1 }));
    expect(revokes()).toHaveLength(2);

    const outcomes: string[] = [];
    let all = '';
    for (let after = 0; ;) {
      const page = await app.store.audit.page(after, 500);
      if (!page.length) break;
      for (const r of page) {
        all += JSON.stringify(r);
        if (r.kind === 'revocation') outcomes.push(String((r.body as { outcome?: unknown }).outcome));
      }
      after = page.at(-1)!.seq;
    }
    expect(outcomes.sort()).toEqual(['refused', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted']);
    const elsewhere = [...standIn.exchanges.filter((e) => e.path !== '/credentials/revoke').map((e) => `${e.method} ${e.url} ${e.body}`), ...logs, all, JSON.stringify(standIn.github.issues)].join(
      '\n',
    );
    for (const t of [...ALL, fresh]) expect(elsewhere).not.toContain(t);
  }, 120_000);
});
