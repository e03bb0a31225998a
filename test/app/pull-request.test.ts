import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, sha } from '../fixtures/webhooks/index.js';
import { patchAdding, setup, transcript, type Harness } from './helpers/harness.js';
import { allRules } from '../../src/engine/registry.js';
import type { Rule } from '../../src/engine/rule.js';

const REPO = 'acme/api';
const HEAD = sha('head');

const expectNoLeak = (h: Harness, ...secrets: string[]): void => {
  const all = transcript(h);
  for (const s of secrets) expect(all.includes(s), 'a raw secret left the process').toBe(false);
};

const completion = (h: Harness, id = 1) => h.github.checkRuns.get(id)!.updates[0];

afterEach(() => {
  nock.cleanAll();
});

describe('pull requests', () => {
  it('creates the check run in progress at once, then completes it with a failure, annotations and a redacted summary', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'pr-basic');
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'src/config.ts', status: 'added', patch: patchAdding('export const a = 1;', `const token = "${token}";`) }] });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));

    expect(h.github.unknown).toEqual([]);
    // The check run is the first thing written, before the policy or the files are read.
    const firstWrite = h.github.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/check-runs'));
    const firstRead = h.github.requests.findIndex((r) => r.method === 'GET');
    expect(firstWrite).toBeLessThan(firstRead);
    expect(h.github.writes).toEqual(['POST /repos/acme/api/check-runs', 'POST /repos/acme/api/issues', 'PATCH /repos/acme/api/check-runs/1']);
    const [created] = h.github.bodiesOf('POST', /check-runs$/);
    expect(created).toMatchObject({ name: 'Token Warden', head_sha: HEAD, status: 'in_progress' });
    const done = completion(h);
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(done.output.annotations).toEqual([
      expect.objectContaining({ path: 'src/config.ts', start_line: 2, end_line: 2, start_column: 16, annotation_level: 'failure', title: 'secrets/github-token (critical)' }),
    ]);
    const summary: string = done.output.summary;
    expect(summary).toMatch(/^## ❌ Failed: 1 finding must be fixed/);
    expect(summary).toContain('| secrets | 1 | 1 |');
    expect(summary).toContain(`\`${token.slice(0, 4)}********…(40)\``);
    expect(summary).toContain('PCI-DSS-8.6.2');
    expect(summary).toContain('[acme/api#1](https://github.com/acme/api/issues/1)');
    expect(summary).toMatch(/Policy hash `[0-9a-f]{64}`/);
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expectNoLeak(h, token);
  });

  it('passes a clean pull request', async () => {
    const h = await setup();
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'README.md', patch: patchAdding('# Hello') }] });
    await h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD }));
    expect(h.github.writes).toEqual(['POST /repos/acme/api/check-runs', 'PATCH /repos/acme/api/check-runs/1']);
    expect(completion(h)).toMatchObject({ conclusion: 'success', output: { title: 'No findings in 1 file', annotations: [] }, actions: [] });
  });

  it('is neutral, with warning annotations, when every finding is at warn', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'warn-only');
    h.github.file(REPO, '.github/tokenwarden.yml', 'rules:\n  secrets/github-token: warn\nissues:\n  secrets: false\n', 'main');
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'a.txt', patch: patchAdding(`x=${token}`) }] });
    await h.receive('pull_request', pullRequestEvent('reopened', { number: 12, headSha: HEAD }));
    const done = completion(h);
    expect(done.conclusion).toBe('neutral');
    expect(done.output.annotations.map((a: { annotation_level: string }) => a.annotation_level)).toEqual(['warning']);
    // Issues are off by policy: the button offers them instead.
    expect(done.actions).toEqual([{ label: 'Open issues', description: 'Open remediation issues for secrets', identifier: 'open_issues' }]);
    expectNoLeak(h, token);
  });

  it('sends 120 annotations in 3 requests of at most 50, completing the run with the first', async () => {
    const h = await setup();
    const tokens = Array.from({ length: 120 }, (_, i) => githubToken('ghp', `many-${i}`));
    h.github.file(REPO, '.github/tokenwarden.yml', 'issues:\n  secrets: false\n', 'main');
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'tokens.txt', status: 'added', patch: patchAdding(...tokens.map((t, i) => `token_${i}=${t}`)) }] });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));

    expect(h.github.writes).toEqual(['POST /repos/acme/api/check-runs', ...Array(3).fill('PATCH /repos/acme/api/check-runs/1')]);
    const updates = h.github.checkRuns.get(1)!.updates;
    expect(updates.map((u) => u.output.annotations.length)).toEqual([50, 50, 20]);
    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(updates[1].status).toBeUndefined();
    expect(updates[2].output.annotations.at(-1)).toMatchObject({ path: 'tokens.txt', start_line: 120 });
    expectNoLeak(h, ...tokens);
  });

  it('keeps the summary within 65,535 characters and says how many findings it left out', async () => {
    const h = await setup();
    const tokens = Array.from({ length: 800 }, (_, i) => githubToken('ghp', `huge-${i}`));
    h.github.file(REPO, '.github/tokenwarden.yml', 'issues:\n  secrets: false\n', 'main');
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: `${'deep/'.repeat(20)}tokens.txt`, status: 'added', patch: patchAdding(...tokens.map((t) => `t=${t}`)) }] });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
    const summary: string = completion(h).output.summary;
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(summary).toMatch(/… and \d+ more findings not shown here/);
    expect(summary).toContain('### Policy');
    expectNoLeak(h, ...tokens);
  });

  it('pages through a 3000-file pull request and lists what GitHub would not list', async () => {
    const h = await setup();
    const files = Array.from({ length: 3000 }, (_, i) => ({ filename: `f/${i}.txt`, patch: patchAdding(`line ${i}`) }));
    h.github.pull(REPO, { number: 12, headSha: HEAD, files, changedFiles: 3005 });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD, changedFiles: 3005 }));

    const pages = h.github.requests.filter((r) => r.path === '/repos/acme/api/pulls/12/files');
    expect(pages).toHaveLength(30);
    expect(pages.map((r) => r.query.get('per_page'))).toEqual(Array(30).fill('100'));
    expect(pages.map((r) => Number(r.query.get('page') ?? 1))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const done = completion(h);
    // Files GitHub would not list were not judged: whatever the policy says, that is not a pass.
    expect(done.conclusion).toBe('failure');
    expect(done.output.summary).toContain('3000 files scanned');
    expect(done.output.summary).toContain('(5 files beyond the first 3000)');
  });

  it('fetches the blob where GitHub omits the patch, and lists what it cannot scan', async () => {
    const h = await setup();
    const token = githubToken('ghp', 'blob');
    const hidden = githubToken('ghp', 'in-a-png');
    h.github.blob('blob-env', `A=1\nTOKEN=${token}\n`).blob('blob-new', `first\nsecond ${githubToken('gho', 'new')}\n`);
    // A file named .png holding a NUL byte and a token: read anyway, its printable text scanned.
    h.github.blob('blob-png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0a, ...new TextEncoder().encode(`tEXt ${hidden}\n`)]));
    h.github.blob('blob-bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0x0a]));
    h.github.pull(REPO, {
      number: 12,
      headSha: HEAD,
      files: [
        { filename: 'config/app.env', status: 'modified', sha: 'blob-env', changes: 4000 },
        { filename: 'new/huge.txt', status: 'added', sha: 'blob-new', changes: 9000 },
        { filename: 'assets/logo.png', status: 'added', sha: 'blob-png' },
        { filename: 'assets/icon.png', status: 'added', sha: 'blob-bin' },
        { filename: 'data/gone.txt', status: 'modified', sha: 'blob-missing', changes: 5 },
        { filename: 'old.txt', status: 'removed', changes: 3 },
      ],
    });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD, changedFiles: 5 }));

    expect(
      h.github.requests
        .filter((r) => r.path.includes('/git/blobs/'))
        .map((r) => r.path.split('/').pop())
        .sort(),
    ).toEqual(['blob-bin', 'blob-env', 'blob-missing', 'blob-new', 'blob-png']);
    const done = completion(h);
    expect(done.output.annotations.map((a: { path: string; start_line: number }) => `${a.path}:${a.start_line}`)).toEqual(['assets/logo.png:2', 'config/app.env:2', 'new/huge.txt:2']);
    const summary: string = done.output.summary;
    expect(summary).toContain('### Scanned whole (1)');
    expect(summary).toContain('`config/app.env`');
    expect(summary).not.toContain('`assets/icon.png`');
    expect(summary).toContain('`data/gone.txt`: patch-missing (could not fetch the blob (404))');
    expect(done.conclusion).toBe('failure');
    expectNoLeak(h, token, hidden);
  });

  it('completes the check run with an explanation when listing the files fails with a 500', async () => {
    const h = await setup();
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [] });
    h.github.fail('GET', /\/pulls\/12\/files$/, { status: 500, body: { message: 'Server Error' } }, 99);
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));

    // Octokit retried server errors three times before giving up.
    expect(h.github.requests.filter((r) => r.path.endsWith('/pulls/12/files'))).toHaveLength(4);
    expect(h.github.writes).toEqual(['POST /repos/acme/api/check-runs', 'PATCH /repos/acme/api/check-runs/1']);
    const done = completion(h);
    expect(done.status).toBe('completed');
    // Not judged is never a pass, whatever incomplete_scan says; a GitHub outage is tried again later.
    expect(done.conclusion).toBe('failure');
    expect(done.output.title).toBe('Token Warden could not complete: GitHub answered 500 to GET /repos/acme/api/pulls/12/files');
    expect(done.output.summary).toMatch(/Not judged yet.*will judge the change again at \d\d:\d\d UTC/);
  });

  it('fails, rather than passes, an errored run when the policy says incomplete scans fail', async () => {
    const h = await setup();
    h.github.file(REPO, '.github/tokenwarden.yml', 'settings:\n  incomplete_scan: fail\n', 'main');
    h.github.fail('GET', /\/pulls\/12\/files$/, { status: 502, body: { message: 'Bad Gateway' } }, 99);
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
    expect(completion(h)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it("keeps an internal error's message, which may quote content, out of the check run and scrubs it in the log", async () => {
    const token = githubToken('ghp', 'thrown');
    const crashing: Rule = {
      meta: { id: 'secrets/test-crash', family: 'secrets', severity: 'high', confidence: 'high', description: 'crash', controls: [], remediation: '' },
      keywords: ['ghp_'],
      scope: 'line',
      check(file) {
        throw new Error(`cannot parse ${file.segments[0]?.text}`);
      },
    };
    const h = await setup({ rules: [...allRules, crashing] });
    h.github.pull(REPO, {
      number: 12,
      headSha: HEAD,
      files: [
        { filename: 'a.txt', patch: patchAdding(`t=${token}`) },
        { filename: 'b.txt', patch: patchAdding('clean') },
      ],
    });
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
    const done = completion(h);
    // The crash costs the file it happened on: listed as not judged, the check fails, and the other
    // file is still judged. Its message (which quotes content) stays out, its token scrubbed.
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(done.output.summary).toContain('`a.txt`: error (internal error in secrets/test-crash (Error))');
    expect(done.output.summary).toContain('2 files scanned');
    expect(done.output.annotations).toEqual([expect.objectContaining({ path: 'a.txt', title: expect.stringContaining('secrets/github-token') })]);
    expectNoLeak(h, token);
  });

  it('retries a secondary rate limit (403 with retry-after)', async () => {
    const h = await setup();
    h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'README.md', patch: patchAdding('hi') }] });
    h.github.fail(
      'PATCH',
      /\/check-runs\/1$/,
      { status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers: { 'retry-after': '2' } },
      1,
    );
    await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
    expect(h.github.writes).toEqual(['POST /repos/acme/api/check-runs', 'PATCH /repos/acme/api/check-runs/1', 'PATCH /repos/acme/api/check-runs/1']);
    expect(completion(h)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(h.logs.some((l) => l.includes('secondary rate limit') && l.includes('"retryAfter":2'))).toBe(true);
  });
});
