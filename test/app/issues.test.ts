import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { githubToken } from '../helpers/tokens.js';
import { redact } from '../../src/engine/redact.js';
import { checkRunEvent, pullRequestEvent, pushEvent, sha } from '../fixtures/webhooks/index.js';
import { patchAdding, setup, transcript } from './helpers/harness.js';
import { allRules } from '../../src/engine/registry.js';
import type { Rule } from '../../src/engine/rule.js';
import { IssueDesk } from '../../src/app/effects/remediation.js';
import { openStore, type Store } from '../../src/store/index.js';
import { namespaced } from './helpers/store.js';

const REPO = 'acme/api';
const HEAD = sha('head');
const POLICY = '.github/tokenwarden.yml';

afterEach(() => {
  nock.cleanAll();
});

const issueWrites = (h: Awaited<ReturnType<typeof setup>>) => h.github.writes.filter((w) => w.includes('/issues'));

/**
 * Every scenario runs twice: with the desk's own memory (no store), and with the store's issue index,
 * claims and locks (an in-memory PGlite, one namespace per test).
 */
let store: Store | undefined;
afterAll(async () => {
  await store?.close();
});

for (const durable of [false, true]) {
  const mode = durable ? 'with a store' : 'without a store';
  const start = (opts: Parameters<typeof setup>[0] = {}) => setup({ ...opts, desk: durable ? new IssueDesk(namespaced(store!)) : new IssueDesk() });
  const openTheStore = (): void => {
    if (durable) beforeAll(async () => void (store ??= await openStore({ backend: 'pglite', dataDir: null })), 60_000);
  };

  describe(`remediation issues, ${mode}`, () => {
    openTheStore();
    it('opens one issue per leaked secret, with revoke steps, labels and the author; a redelivery opens none', async () => {
      const h = await start();
      const token = githubToken('ghp', 'issue-once');
      h.github.pull(REPO, {
        number: 12,
        headSha: HEAD,
        files: [
          { filename: 'src/a.ts', patch: patchAdding(`const t = "${token}";`) },
          { filename: 'src/b.ts', patch: patchAdding('// copy', `const t = "${token}";`) },
        ],
      });
      const event = pullRequestEvent('opened', { number: 12, headSha: HEAD, author: 'alice', changedFiles: 2 });
      await h.receive('pull_request', event, 'delivery-1');
      await h.receive('pull_request', event, 'delivery-1'); // GitHub redelivers with the same id

      expect(issueWrites(h)).toEqual(['POST /repos/acme/api/issues']);
      const [issue] = h.github.issues;
      expect(issue).toMatchObject({
        title: '[Token Warden] Revoke and rotate the leaked GitHub token (src/a.ts)',
        labels: ['tokenwarden', 'family:secrets', 'severity:critical'],
        assignees: ['alice'],
      });
      expect(issue!.body).toMatch(/^<!-- tokenwarden:fingerprint=[0-9a-f]{16} -->$/m);
      expect(issue!.body).toMatch(/^<!-- tokenwarden:secret=[0-9a-f]{16} -->$/m);
      expect(issue!.body).toContain('### Revoke and rotate (GitHub)');
      expect(issue!.body).toContain('https://github.com/settings/tokens');
      expect(issue!.body).toContain('- [ ] Revoked the credential at GitHub');
      expect(issue!.body).toContain('**Also:** [`src/b.ts:2`');
      expect(issue!.body).toContain(`\`${token.slice(0, 4)}********…(40)\``);
      expect(issue!.comments).toEqual([]);
      // Both runs link the one issue.
      for (const id of [1, 2]) expect(h.github.checkRuns.get(id)!.updates[0].output.summary).toContain('[acme/api#1]');
      expect(transcript(h)).not.toContain(token);
    });

    it('never writes or logs a token held in a file name: summary, annotations and issue name the file redacted', async () => {
      const h = await start();
      const inName = githubToken('ghp', 'in-a-file-name');
      const inFile = githubToken('ghp', 'in-that-file');
      const path = `config/${inName}.txt`;
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: path, patch: patchAdding(`t="${inFile}"`) }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD, author: 'alice', changedFiles: 1 }));

      // Reading the file from GitHub names it, of course; nothing the App writes or logs does.
      const written = h.sent
        .filter((s) => s.method !== 'GET')
        .map((s) => `${s.method} ${s.url} ${s.body}`)
        .join('\n');
      for (const text of [written, h.logs.join('\n')]) {
        expect(text).not.toContain(inName);
        expect(text).not.toContain(inFile);
      }
      const shown = `config/${redact(inName)}.txt`;
      const done = h.github.checkRuns.get(1)!.updates[0];
      expect(done.conclusion).toBe('failure');
      expect(done.output.summary).toContain('A file name holds a secret.');
      expect(done.output.summary).toContain(shown);
      expect(done.output.annotations).toEqual([expect.objectContaining({ path: shown, start_line: 1 })]);
      expect(h.github.issues[0]!.title).toBe(`[Token Warden] Revoke and rotate the leaked GitHub token (${shown})`);
      expect(h.github.issues[0]!.body).toContain(`\`${shown}:1\``);
    });

    it('opens one issue for two concurrent events, even when the issue list lags behind', async () => {
      const h = await start();
      const token = githubToken('ghp', 'concurrent');
      h.github.staleIssueList = []; // the list never shows the fresh issue
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'src/a.ts', patch: patchAdding(`t="${token}"`) }] });
      await Promise.all([
        h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD })),
        h.receive('pull_request', pullRequestEvent('synchronize', { number: 12, headSha: HEAD })),
      ]);
      expect(issueWrites(h)).toEqual(['POST /repos/acme/api/issues']);
      expect(h.github.writes.filter((w) => w.endsWith('/check-runs'))).toHaveLength(2);
    });

    it('comments, once, when the same secret shows up in another pull request', async () => {
      const h = await start();
      const token = githubToken('ghp', 'again');
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'src/a.ts', patch: patchAdding(`t="${token}"`) }] });
      h.github.pull(REPO, { number: 13, headSha: sha('other'), files: [{ filename: 'deploy/env.sh', patch: patchAdding(`export T=${token}`) }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
      const second = pullRequestEvent('opened', { number: 13, headSha: sha('other'), author: 'bob' });
      await h.receive('pull_request', second);
      await h.receive('pull_request', second);

      expect(issueWrites(h)).toEqual(['POST /repos/acme/api/issues', 'POST /repos/acme/api/issues/1/comments']);
      const [issue] = h.github.issues;
      expect(issue!.comments).toHaveLength(1);
      expect(issue!.comments[0]).toContain('Seen again: [`deploy/env.sh:1`');
      expect(issue!.comments[0]).toContain('pull request #13 by @bob');
      expect(transcript(h)).not.toContain(token);
    });

    it('routes issues to a central security repository when the policy says so', async () => {
      const h = await start();
      const token = githubToken('ghp', 'central');
      h.github.file('acme/.github', POLICY, 'issues:\n  repository: acme/security\n');
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'src/a.ts', patch: patchAdding(`t="${token}"`) }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
      expect(issueWrites(h)).toEqual(['POST /repos/acme/security/issues']);
      expect(h.github.requests.some((r) => r.method === 'GET' && r.path === '/repos/acme/security/issues' && r.query.get('labels') === 'tokenwarden' && r.query.get('state') === 'all')).toBe(true);
      expect(h.github.issues[0]!.title).toBe('[Token Warden] Revoke and rotate the leaked GitHub token (acme/api: src/a.ts)');
      expect(h.github.checkRuns.get(1)!.updates[0].output.summary).toContain('[acme/security#1](https://github.com/acme/security/issues/1)');
    });

    it('opens the issues from the check run button when the policy does not open them itself', async () => {
      const h = await start();
      const token = githubToken('ghp', 'button');
      h.github.file(REPO, POLICY, 'issues:\n  secrets: false\n', 'main');
      h.github.pull(REPO, { number: 12, headSha: HEAD, author: 'carol', files: [{ filename: 'src/a.ts', patch: patchAdding(`t="${token}"`) }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD, author: 'carol' }));
      expect(issueWrites(h)).toEqual([]);
      expect(h.github.checkRuns.get(1)!.updates[0].actions).toEqual([expect.objectContaining({ identifier: 'open_issues' })]);

      await h.receive('check_run', checkRunEvent('requested_action', { headSha: HEAD, prs: [12] }));
      expect(issueWrites(h)).toEqual(['POST /repos/acme/api/issues']);
      expect(h.github.issues[0]!.assignees).toEqual(['carol']);
      const rerun = h.github.checkRuns.get(2)!.updates[0];
      expect(rerun.actions).toEqual([]);
      expect(rerun.output.summary).toContain('[acme/api#1]');
    });

    it('opens at most maxIssuesPerRun issues per run and says how many wait', async () => {
      const h = await start({ limits: { maxIssuesPerRun: 3 } });
      const tokens = Array.from({ length: 5 }, (_, i) => githubToken('ghp', `cap-${i}`));
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'a.txt', patch: patchAdding(...tokens.map((t) => `t=${t}`)) }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
      expect(h.github.issues).toHaveLength(3);
      const done = h.github.checkRuns.get(1)!.updates[0];
      expect(done.output.summary).toContain('2 more remediation issues were not opened in this run');
      expect(done.actions).toEqual([expect.objectContaining({ identifier: 'open_issues' })]);
      await h.receive('check_run', checkRunEvent('requested_action', { headSha: HEAD, prs: [12] }));
      expect(h.github.issues).toHaveLength(5);
    });

    it('still opens the issue when the author cannot be assigned', async () => {
      const h = await start();
      const token = githubToken('ghp', 'unassignable');
      h.github.fail('POST', /\/repos\/acme\/api\/issues$/, { status: 422, body: { message: 'Validation Failed', errors: [{ field: 'assignees', code: 'invalid' }] } }, 1);
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'src/a.ts', patch: patchAdding(`t="${token}"`) }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD, author: 'outsider' }));
      const posts = h.github.bodiesOf('POST', /\/issues$/);
      expect(posts.map((b) => b.assignees)).toEqual([['outsider'], []]);
      expect(h.github.issues).toHaveLength(1);
    });

    it('keeps the issues it opened when another one fails', async () => {
      const h = await start();
      const [t1, t2] = [githubToken('ghp', 'partial-1'), githubToken('ghp', 'partial-2')];
      h.github.fail('POST', /\/repos\/acme\/api\/issues$/, { status: 403, body: { message: 'Resource not accessible by integration' } }, 1);
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'a.txt', patch: patchAdding(`a=${t1}`, `b=${t2}`) }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
      expect(h.github.issues).toHaveLength(1);
      const summary: string = h.github.checkRuns.get(1)!.updates[0].output.summary;
      expect(summary).toContain('1 remediation issue write(s) failed in acme/api: GitHub answered 403 to POST /repos/acme/api/issues');
      expect(summary).toContain('[acme/api#1]');
    });

    it('reports, without failing the run, when issues cannot be opened', async () => {
      const h = await start();
      const token = githubToken('ghp', 'issues-down');
      h.github.fail('GET', /\/repos\/acme\/api\/issues$/, { status: 410, body: { message: 'Issues are disabled for this repo' } }, 1);
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: 'src/a.ts', patch: patchAdding(`t="${token}"`) }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
      const done = h.github.checkRuns.get(1)!.updates[0];
      expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(done.output.summary).toContain('Remediation issues could not be opened in acme/api: GitHub answered 410 to GET /repos/acme/api/issues');
      expect(done.actions).toEqual([expect.objectContaining({ identifier: 'open_issues' })]);
    });
  });

  /** A stand-in scope rule, so this test does not depend on the real scope rules' wording. */
  const writeAll: Rule = {
    meta: {
      id: 'scopes/test-write-all',
      family: 'scopes',
      severity: 'high',
      confidence: 'high',
      description: 'Workflow token with write-all permissions',
      controls: ['NIST-800-53-AC-6'],
      remediation: 'Grant the job only the permissions it needs.',
    },
    keywords: ['write-all'],
    scope: 'line',
    check(file) {
      return file.segments.flatMap((seg) => {
        const i = seg.text.indexOf('write-all');
        return i < 0 ? [] : [{ start: seg.offset + i, end: seg.offset + i + 9, construct: 'permissions:write-all', message: 'The workflow token can write everything.' }];
      });
    },
  };

  describe(`scope issues, ${mode}`, () => {
    openTheStore();
    it('opens a scope issue from the default branch when the policy asks, and closes it once the branch is fixed', async () => {
      const h = await start({ rules: [...allRules.filter((r) => r.meta.family === 'secrets'), writeAll] });
      const [a, b, c] = [sha('a'), sha('b'), sha('c')];
      const wf = '.github/workflows/ci.yml';
      h.github.file('acme/.github', POLICY, 'issues:\n  scopes: true\n');
      h.github.compares.set(`${REPO}:${a}...${b}`, { files: [{ filename: wf, patch: patchAdding('on: push', 'permissions: write-all') }] });
      h.github.compares.set(`${REPO}:${b}...${c}`, { files: [{ filename: wf, patch: '@@ -1,2 +1,2 @@\n on: push\n-permissions: write-all\n+permissions: read-all' }] });
      h.github.file(REPO, wf, 'on: push\npermissions: write-all\n', b);
      h.github.file(REPO, wf, 'on: push\npermissions: read-all\n', c);

      await h.receive('push', pushEvent({ before: a, after: b, pusher: 'dave' }));
      expect(issueWrites(h)).toEqual(['POST /repos/acme/api/issues']);
      expect(h.github.issues[0]).toMatchObject({ labels: ['tokenwarden', 'family:scopes', 'severity:high'], assignees: ['dave'], state: 'open' });

      await h.receive('push', pushEvent({ before: b, after: c }));
      expect(issueWrites(h)).toEqual(['POST /repos/acme/api/issues', 'POST /repos/acme/api/issues/1/comments', 'PATCH /repos/acme/api/issues/1']);
      expect(h.github.issues[0]!.state).toBe('closed');
      expect(h.github.issues[0]!.comments[0]).toContain('no longer has this finding');
    });

    it('leaves the scope issue open while the default branch still has the finding, and opens none from a pull request', async () => {
      const h = await start({ rules: [...allRules.filter((r) => r.meta.family === 'secrets'), writeAll] });
      const [a, b, c] = [sha('a'), sha('b'), sha('c')];
      const wf = '.github/workflows/ci.yml';
      h.github.file('acme/.github', POLICY, 'issues:\n  scopes: true\n');
      h.github.pull(REPO, { number: 12, headSha: HEAD, files: [{ filename: wf, patch: patchAdding('permissions: write-all') }] });
      await h.receive('pull_request', pullRequestEvent('opened', { number: 12, headSha: HEAD }));
      expect(issueWrites(h)).toEqual([]);

      h.github.compares.set(`${REPO}:${a}...${b}`, { files: [{ filename: wf, patch: patchAdding('permissions: write-all') }] });
      h.github.compares.set(`${REPO}:${b}...${c}`, { files: [{ filename: wf, patch: '@@ -1,1 +1,2 @@\n+# a comment\n permissions: write-all' }] });
      h.github.file(REPO, wf, 'permissions: write-all\n', b);
      h.github.file(REPO, wf, '# a comment\npermissions: write-all\n', c);
      await h.receive('push', pushEvent({ before: a, after: b }));
      await h.receive('push', pushEvent({ before: b, after: c }));
      expect(issueWrites(h)).toEqual(['POST /repos/acme/api/issues']);
      expect(h.github.issues[0]!.state).toBe('open');
    });
  });
}
