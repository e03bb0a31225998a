import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, sha } from '../fixtures/webhooks/index.js';
import { patchAdding, setup, transcript } from './helpers/harness.js';

const REPO = 'acme/api';
const HEAD = sha('head');
const POLICY = '.github/tokenwarden.yml';

afterEach(() => {
  nock.cleanAll();
});

const policyReads = (h: Awaited<ReturnType<typeof setup>>) =>
  h.github.requests.filter((r) => r.path.endsWith(`/contents/${POLICY}`)).map((r) => `${r.path.split('/contents/')[0]}?ref=${r.query.get('ref') ?? '(default branch)'}`);

describe('policy', () => {
  it('reads the repository policy from the base branch and the org policy from acme/.github, never from the head', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'base-ref');
    h.github.file(REPO, POLICY, 'rules:\n  secrets/github-token: warn\nissues:\n  secrets: false\n', 'release/1.x');
    h.github.file(REPO, POLICY, 'families:\n  secrets: off\n', 'feature');
    h.github.file(REPO, POLICY, 'families:\n  secrets: off\n', HEAD);
    h.github.pull(REPO, { number: 12, headSha: HEAD, baseRef: 'release/1.x', files: [{ filename: 'a.txt', patch: patchAdding(`t=${token}`) }] });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD, baseRef: 'release/1.x' }));

    expect(policyReads(h).sort()).toEqual(['/repos/acme/.github?ref=(default branch)', '/repos/acme/api?ref=release/1.x']);
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('neutral');
    expect(done.output.summary).toContain('Read from `release/1.x`: `built-in:default` → `.github/tokenwarden.yml`');
  });

  it('honours an org lock: a repository cannot switch secrets off', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'lock');
    h.github.file('acme/.github', POLICY, 'lock: [secrets]\nissues:\n  secrets: false\n');
    h.github.file(REPO, POLICY, 'families:\n  secrets: off\nrules:\n  secrets/github-token: off\n', 'main');
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'a.txt', patch: patchAdding(`t=${token}`) }] });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));

    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('failure');
    expect(done.output.annotations).toHaveLength(1);
    const summary: string = done.output.summary;
    expect(summary).toContain('`built-in:default` → `acme/.github:.github/tokenwarden.yml` → `.github/tokenwarden.yml`');
    expect(summary).toMatch(/`\.github\/tokenwarden\.yml:2:\d+` Family `secrets` is locked by/);
    expect(summary).toMatch(/Rule `secrets\/github-token` is locked by/);
    expect(transcript(h)).not.toContain(token);
  });

  it('fails with the file, line and fix when the base policy does not load', async () => {
    const h = await setup();
    h.github.file(REPO, POLICY, 'extends: default\nrules:\n  secrets/github-tokn: warn\n', 'main');
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'a.txt', patch: patchAdding('x') }] });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));

    expect(h.github.writes).toEqual(['POST /repos/acme/api/check-runs', 'PATCH /repos/acme/api/check-runs/1']);
    // Nothing is judged without a policy: the files are not even listed.
    expect(h.github.requests.some((r) => r.path.endsWith('/files'))).toBe(false);
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Policy error in .github/tokenwarden.yml line 3' } });
    expect(done.output.summary).toContain('**`.github/tokenwarden.yml:3:3`** Unknown rule `secrets/github-tokn`.');
    expect(done.output.summary).toContain('**Fix:** Did you mean `secrets/github-token`?');
    expect(done.output.annotations).toEqual([
      expect.objectContaining({ path: POLICY, start_line: 3, end_line: 3, annotation_level: 'failure', message: expect.stringContaining('Fix: Did you mean') }),
    ]);
  });

  it('says when the pull request repairs a broken base policy (still judged by the base)', async () => {
    const h = await setup();
    h.github.file(REPO, POLICY, 'rules:\n  secrets/github-tokn: warn\n', 'main');
    h.github.file(REPO, POLICY, 'rules:\n  secrets/github-token: warn\n', HEAD);
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('failure');
    expect(done.output.summary).toContain('the proposed policy loads: merging it repairs the check');
  });

  it('redacts a token pasted into the policy where a fingerprint belongs', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'pasted');
    h.github.file(REPO, POLICY, `exceptions:\n  - fingerprint: "${token}"\n    justification: it is only a test token\n    approved_by: alice\n    expires: 2026-07-01\n`, 'main');
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('failure');
    expect(done.output.summary).toContain('is not a finding fingerprint');
    expect(done.output.summary).toContain(`${token.slice(0, 4)}********`);
    expect(transcript(h)).not.toContain(token);
  });

  it('quotes an org policy error without annotating a file this repository does not have', async () => {
    const h = await setup();
    h.github.file('acme/.github', POLICY, 'settings:\n  incomplete_scan: sometimes\n');
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('failure');
    expect(done.output.summary).toContain('`acme/.github:.github/tokenwarden.yml:2:20`');
    expect(done.output.annotations).toEqual([]);
  });

  it('judges a pull request that switches the policy off by the base policy, and previews the change', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'self-disable');
    const proposed = 'families:\n  secrets: off\nissues:\n  secrets: false\n';
    h.github.file(REPO, POLICY, 'issues:\n  secrets: false\n', 'main');
    h.github.blob('policy-new', proposed);
    h.github.pull(REPO, {
      number: 12,
      headSha: HEAD,
      files: [
        { filename: POLICY, status: 'modified', sha: 'policy-new', patch: '@@ -1,2 +1,4 @@\n+families:\n+  secrets: off\n issues:\n   secrets: false' },
        { filename: 'src/a.ts', patch: patchAdding(`const t = "${token}";`) },
      ],
    });
    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD, changedFiles: 2 }));

    expect(policyReads(h)).toContain('/repos/acme/api?ref=main');
    expect(policyReads(h).some((r) => r.includes(HEAD) || r.includes('feature'))).toBe(false);
    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('failure');
    const summary: string = done.output.summary;
    expect(summary).toContain('### Policy change in `.github/tokenwarden.yml`');
    expect(summary).toContain('judged by the policy on the base branch');
    expect(summary).toContain('`families.secrets`: fail → off');
    expect(summary).toContain('1 fail, 0 warn under the base policy → 0 fail, 0 warn under the proposed one');
    expect(transcript(h)).not.toContain(token);
  });

  it('annotates errors of a proposed policy on its lines and fails the check', async () => {
    const h = await setup();
    h.github.blob('policy-bad', 'settings:\n  incomplete_scan: sometimes\n');
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: POLICY, status: 'added', sha: 'policy-bad', patch: patchAdding('settings:', '  incomplete_scan: sometimes') }] });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));

    const done = h.github.checkRuns.get(1)!.updates[0];
    expect(done.conclusion).toBe('failure');
    expect(done.output.annotations).toEqual([expect.objectContaining({ path: POLICY, start_line: 2, annotation_level: 'failure', message: expect.stringContaining('"sometimes" is not allowed') })]);
    expect(done.output.summary).toContain('The proposed policy does not load');
  });
});
