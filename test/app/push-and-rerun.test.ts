import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { githubToken } from '../helpers/tokens.js';
import { checkRunEvent, checkSuiteEvent, pushEvent, sha } from '../fixtures/webhooks/index.js';
import { patchAdding, setup, transcript } from './helpers/harness.js';

const REPO = 'acme/api';
const ZERO = '0'.repeat(40);

afterEach(() => {
  nock.cleanAll();
});

describe('pushes to the default branch', () => {
  it('scans the pushed range through the compare API and reports on the head commit', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'push');
    const [before, after] = [sha('before'), sha('after')];
    h.github.compares.set(`${REPO}:${before}...${after}`, { files: [{ filename: 'scripts/deploy.sh', patch: patchAdding('#!/bin/sh', `export GH_TOKEN=${token}`) }] });
    await h.receive('push', pushEvent({ before, after, pusher: 'erin' }));

    expect(h.github.requests.some((r) => r.path === `/repos/acme/api/compare/${before}...${after}`)).toBe(true);
    // The policy that judges a push is the one the branch had before it.
    expect(h.github.requests.find((r) => r.path === '/repos/acme/api/contents/.github/tokenwarden.yml')!.query.get('ref')).toBe(before);
    expect(h.github.checkRuns.get(1)!.head_sha).toBe(after);
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('failure');
    expect(done.output.summary).toContain('scanned in push to `main`');
    expect(done.output.annotations).toEqual([expect.objectContaining({ path: 'scripts/deploy.sh', start_line: 2 })]);
    expect(h.github.issues[0]!.assignees).toEqual(['erin']);
    expect(transcript(h)).not.toContain(token);
  });

  it('scans the whole tree when the push creates the branch', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'new-branch');
    const after = sha('first');
    h.github.trees.set(`${REPO}:${after}`, [
      { path: 'README.md', sha: 'blob-readme' },
      { path: 'config/secrets.env', sha: 'blob-secrets' },
    ]);
    h.github.blob('blob-readme', '# hi\n').blob('blob-secrets', `X=1\nTOKEN=${token}\n`);
    await h.receive('push', pushEvent({ before: ZERO, after, created: true }));

    expect(h.github.requests.some((r) => r.path.includes('/compare/'))).toBe(false);
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.output.annotations).toEqual([expect.objectContaining({ path: 'config/secrets.env', start_line: 2 })]);
    expect(done.output.summary).toContain('created by this push');
    // The branch is new: the policy comes from its own head.
    expect(h.github.requests.find((r) => r.path === '/repos/acme/api/contents/.github/tokenwarden.yml')!.query.get('ref')).toBe(after);
  });

  it('falls back to the head tree when a force push left the old head unreachable', async () => {
    const h = await setup();
    const [before, after] = [sha('lost'), sha('forced')];
    h.github.trees.set(`${REPO}:${after}`, [{ path: 'a.txt', sha: 'blob-a' }]);
    h.github.blob('blob-a', 'nothing here\n');
    await h.receive('push', pushEvent({ before, after, forced: true }));
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('success');
    expect(done.output.summary).toContain('is gone after a force push');
  });

  it('ignores pushes to other branches, tags and deletions', async () => {
    const h = await setup();
    await h.receive('push', pushEvent({ ref: 'refs/heads/feature' }));
    await h.receive('push', pushEvent({ ref: 'refs/tags/v1.0.0' }));
    await h.receive('push', pushEvent({ after: ZERO, deleted: true }));
    expect(h.github.requests.filter((r) => !r.path.startsWith('/app/'))).toEqual([]);
  });
});

describe('re-runs', () => {
  it('re-evaluates the pull request on check_run.rerequested with a new check run', async () => {
    const h = await setup();
    const head = sha('head');
    h.github.pull(REPO, { number: 12, headSha: head, files: [{ filename: 'a.txt', patch: patchAdding('fine') }] });
    await h.receive('check_run', checkRunEvent('rerequested', { headSha: head, prs: [12] }));
    expect(h.github.requests.some((r) => r.path === '/repos/acme/api/pulls/12')).toBe(true);
    expect(h.github.writes).toEqual(['POST /repos/acme/api/check-runs', 'PATCH /repos/acme/api/check-runs/1']);
    expect(h.github.checkRuns.get(1)).toMatchObject({ head_sha: head, name: 'Token Warden' });
    expect(h.github.checkRuns.get(1)!.updates[0].conclusion).toBe('success');
  });

  it("ignores re-runs of other apps' check runs", async () => {
    const h = await setup();
    await h.receive('check_run', checkRunEvent('rerequested', { name: 'CI' }));
    expect(h.github.writes).toEqual([]);
  });

  it('finds a fork pull request the payload leaves out, on check_suite.rerequested', async () => {
    const h = await setup();
    const head = sha('fork');
    h.github.pull(REPO, { number: 21, headSha: head, files: [{ filename: 'a.txt', patch: patchAdding('fine') }] });
    h.github.commitPulls.set(`${REPO}:${head}`, [21]);
    await h.receive('check_suite', checkSuiteEvent({ headSha: head, prs: [] }));
    expect(h.github.requests.some((r) => r.path === `/repos/acme/api/commits/${head}/pulls`)).toBe(true);
    expect(h.github.requests.some((r) => r.path === '/repos/acme/api/pulls/21/files')).toBe(true);
    expect(h.github.checkRuns.get(1)!.updates[0].conclusion).toBe('success');
  });

  it('re-evaluates a default-branch push from its check suite', async () => {
    const h = await setup();
    const [before, after] = [sha('b0'), sha('b1')];
    h.github.compares.set(`${REPO}:${before}...${after}`, { files: [{ filename: 'a.txt', patch: patchAdding('fine') }] });
    await h.receive('check_suite', checkSuiteEvent({ headSha: after, prs: [], headBranch: 'main', before }));
    expect(h.github.requests.some((r) => r.path === `/repos/acme/api/compare/${before}...${after}`)).toBe(true);
    expect(h.github.checkRuns.get(1)).toMatchObject({ head_sha: after });
  });

  it('completes a re-run it cannot place with an explanation', async () => {
    const h = await setup();
    await h.receive('check_suite', checkSuiteEvent({ headSha: sha('orphan'), prs: [], headBranch: 'old-branch' }));
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(done.output.title).toMatch(/^Token Warden could not complete: commit \w{7} is neither/);
  });
});
