/**
 * What the App writes to the audit trail as it judges (src/app/effects/audit.ts): one evaluation
 * record per judged change, a policy change on the default branch, the failure to load a policy — on a
 * real embedded store, never with a secret value, in one verifiable chain.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, pushEvent, sha } from '../fixtures/webhooks/index.js';
import { patchAdding, setup } from './helpers/harness.js';
import { openStore, type Store } from '../../src/store/index.js';
import { verifyChain } from '../../src/audit/chain.js';
import type { AuditRecord } from '../../src/store/types.js';

const REPO = 'acme/api';
const POLICY = '.github/tokenwarden.yml';

let store: Store;
beforeAll(async () => {
  store = await openStore({ backend: 'pglite', dataDir: null });
}, 60_000);
afterAll(async () => {
  await store?.close();
});
afterEach(() => {
  nock.cleanAll();
});

async function records(): Promise<AuditRecord[]> {
  return store.audit.page(0, 1000);
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = (r: AuditRecord): Record<string, any> => r.body as Record<string, any>;

describe('the audit trail the App writes', () => {
  it('a pull request with a leak: one evaluation record with the finding by fingerprint, the verdict, the check run and the issue', async () => {
    const h = await setup({ audit: store });
    const token = githubToken('ghp', 'audit-trail-pr');
    const head = sha('audit-pr');
    h.github.pull(REPO, { number: 31, headSha: head, files: [{ filename: 'src/config.ts', status: 'added', patch: patchAdding('export const a = 1;', `const token = "${token}";`) }] });
    const before = (await records()).length;
    await h.receive('pull_request', pullRequestEvent('opened', { number: 31, headSha: head }));

    const mine = (await records()).slice(before);
    expect(mine.map((r) => r.kind)).toEqual(['evaluation']);
    const b = body(mine[0]!);
    expect(b).toMatchObject({ event: 'pull_request.opened', repository: REPO, pullRequest: 31, headSha: head, verdict: 'fail', checkRun: 1 });
    expect(b.policy.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(b.findings).toEqual([expect.objectContaining({ rule: 'secrets/github-token', disposition: 'reported', path: 'src/config.ts', line: 2 })]);
    expect(b.findings[0].fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(b.issues).toEqual([expect.objectContaining({ repository: REPO, number: 1, fingerprint: b.findings[0].fingerprint })]);
    expect(JSON.stringify(mine)).not.toContain(token);
    expect((await verifyChain(store)).ok).toBe(true);
  });

  it('a base policy that does not load: the evaluation is recorded as failed, with the reason and no policy', async () => {
    const h = await setup({ audit: store });
    const head = sha('audit-broken');
    h.github.file(REPO, POLICY, 'extends: default\nrules:\n  secrets/github-tokn: warn\n', 'main');
    h.github.pull(REPO, { number: 32, headSha: head, files: [{ filename: 'a.txt', patch: patchAdding('x') }] });
    const before = (await records()).length;
    await h.receive('pull_request', pullRequestEvent('opened', { number: 32, headSha: head }));

    const mine = (await records()).slice(before);
    expect(mine.map((r) => r.kind)).toEqual(['evaluation']);
    expect(body(mine[0]!)).toMatchObject({ verdict: 'fail', policy: null, findings: [], error: expect.stringContaining('policy does not load') });
  });

  it('a push that changes the policy on the default branch: the evaluation and a policy-change record with both digests', async () => {
    const h = await setup({ audit: store });
    const [before, after] = [sha('audit-p0'), sha('audit-p1')];
    h.github.file(REPO, POLICY, 'extends: default\n', before);
    const proposed = 'extends: default\nrules:\n  secrets/generic-password: fail\n';
    h.github.compares.set(`${REPO}:${before}...${after}`, {
      files: [{ filename: POLICY, status: 'modified', sha: 'blob-audit-policy', patch: patchAdding('extends: default', 'rules:', '  secrets/generic-password: fail') }],
    });
    h.github.blob('blob-audit-policy', proposed);
    const n = (await records()).length;
    await h.receive('push', pushEvent({ before, after, pusher: 'erin' }));

    const mine = (await records()).slice(n);
    expect(mine.map((r) => r.kind)).toEqual(['evaluation', 'policy-change']);
    const change = body(mine[1]!);
    expect(change).toMatchObject({ repository: REPO, ref: 'refs/heads/main', commit: after, files: [POLICY], errors: 0, actor: 'erin' });
    expect(change.before.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(change.after.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(change.after.digest).not.toBe(change.before.digest);
    expect((await verifyChain(store)).ok).toBe(true);
  });
});
