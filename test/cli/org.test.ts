/**
 * `tokenwarden org scan` against a loopback GitHub API with 50 repositories, secondary-rate-limit
 * answers (403 + retry-after, 429 + retry-after) and an interruption in the middle: every repository is
 * scanned exactly once across the interrupted run and the resumed one, and the report is complete.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../src/engine/init.js';
import { orgCommand, EXIT_INCOMPLETE } from '../../src/cli/org.js';
import type { Io } from '../../src/cli/io.js';
import type { OrgReport } from '../../src/org/types.js';
import { fakeGithubToken, startOrgStandIn, type OrgStandIn, type StandRepo } from '../org/helpers/org-stand-in.js';

const ORG = 'acme';
const TODAY = '2026-06-15';

/** The API token the CLI authenticates with (assembled: it is not a secret, and must not look like one). */
const API_TOKEN = ['test', 'api', 'token'].join('-');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function org(argv: string[], cwd: string, hooks: Parameters<typeof orgCommand>[2] = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    env: { GITHUB_TOKEN: API_TOKEN },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    now: () => new Date(`${TODAY}T12:00:00Z`),
  };
  const code = await orgCommand(argv, io, { retryBaseMs: 1, ...hooks });
  return { code, stdout, stderr };
}

const inventory = `credentials:
  - name: NPM_TOKEN
    kind: api-key
    provider: npm
    owner: "@alice"
    scopes: [publish]
    rotation_days: 90
    last_rotated: 2026-01-02
    expires: 2026-12-31
    used_in: [.github/workflows/release.yml]
`;
const workflow = `on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
`;

/** 50 repositories: plain ones, leaks, an inventory, a binary, a huge file, an empty one, archived and forks. */
function fiftyRepos(): { repos: StandRepo[]; leaks: Map<string, string> } {
  const repos: StandRepo[] = [{ name: '.github', files: { '.github/tokenwarden.yml': 'extends: default\nsettings:\n  max_file_size: 64KB\n' } }];
  const leaks = new Map<string, string>();
  for (let i = 1; i < 50; i++) {
    const name = `svc-${String(i).padStart(2, '0')}`;
    const files: Record<string, string | Uint8Array> = { 'README.md': `# ${name}\n`, 'src/index.js': `export const n = ${i};\n` };
    if (i % 7 === 0) {
      const t = fakeGithubToken();
      leaks.set(`${ORG}/${name}`, t);
      files['config/deploy.env'] = `GITHUB_TOKEN=${t}\n`;
    }
    if (i === 3) {
      files['.github/token-inventory.yml'] = inventory;
      files['.github/workflows/release.yml'] = workflow;
    }
    if (i === 4) files['assets/logo.png'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]);
    if (i === 5) files['data/dump.sql'] = 'x'.repeat(70 * 1024);
    repos.push({ name, files: i === 6 ? {} : files, ...(i === 10 || i === 11 ? { archived: true } : {}), ...(i === 12 || i === 13 ? { fork: true } : {}) });
  }
  return { repos, leaks };
}

let dir: string;
let api: OrgStandIn | undefined;

beforeAll(async () => {
  await initEngine();
});
afterEach(async () => {
  await api?.close();
  api = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const fresh = (): string => (dir = mkdtempSync(join(tmpdir(), 'tw-org-')));

describe('tokenwarden org scan', () => {
  it('scans 50 repositories through rate limits, is interrupted, resumes from --state: each once, the report complete', async () => {
    const cwd = fresh();
    const { repos, leaks } = fiftyRepos();
    api = await startOrgStandIn(ORG, repos, { token: API_TOKEN });
    api.rateLimitEvery(9, 2);

    // First run: Ctrl-C (the soft interrupt) once 20 repositories are done.
    const stop = new AbortController();
    const first = await org(['scan', ORG, '--api-url', api.url, '--state', 'state.json', '--out', 'partial.json', '--concurrency', '3'], cwd, {
      signal: stop.signal,
      onEvent: (e) => {
        if (e.type === 'repo-done' && e.done >= 20) stop.abort();
      },
    });
    expect(first.code).toBe(EXIT_INCOMPLETE);
    const partial = JSON.parse(readFileSync(join(cwd, 'partial.json'), 'utf8')) as OrgReport;
    expect(partial.complete).toBe(false);
    expect(partial.summary.scanned).toBeGreaterThanOrEqual(20);
    expect(partial.summary.scanned).toBeLessThan(46);
    expect(first.stdout).toMatch(/Incomplete: run the same command again/);

    // Second run, same state: the rest.
    const second = await org(['scan', ORG, '--api-url', api.url, '--state', 'state.json', '--out', 'report.json'], cwd);
    expect(api.limited).toBeGreaterThan(10);
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as OrgReport;
    expect(report.complete).toBe(true);
    expect(report.failed).toEqual([]);
    expect(report.summary).toMatchObject({ listed: 50, selected: 46, scanned: 46, failed: 0, pending: 0, skipped: 4, resumed: partial.summary.scanned });
    expect(report.skipped.map((s) => `${s.repository}:${s.reason}`).sort()).toEqual(['acme/svc-10:archived', 'acme/svc-11:archived', 'acme/svc-12:fork', 'acme/svc-13:fork']);
    // Exactly once: every non-empty selected repository's tree was read once, over both runs.
    const trees = api.treeFetches();
    const expected = report.repositories
      .filter((r) => r.status !== 'empty')
      .map((r) => r.repository)
      .sort();
    expect([...trees.keys()].sort()).toEqual(expected);
    expect([...trees.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(report.repositories.map((r) => r.repository)).size).toBe(46);

    // Leaks: found, redacted, with fingerprints; never the value.
    const text = readFileSync(join(cwd, 'report.json'), 'utf8') + second.stdout;
    for (const [repo, token] of leaks) {
      expect(text).not.toContain(token);
      const r = report.repositories.find((x) => x.repository === repo)!;
      expect(r.verdict).toBe('fail');
      expect(r.findings.some((f) => f.family === 'secrets' && /^[0-9a-f]{16}$/.test(f.fingerprint) && f.redacted?.includes('*'))).toBe(true);
    }
    expect(second.code).toBe(1);
    // The org policy applies (max_file_size 64KB): the huge file is listed, not downloaded; the binary listed.
    const svc5 = report.repositories.find((r) => r.repository === 'acme/svc-05')!;
    expect(svc5.notJudged).toEqual([expect.objectContaining({ path: 'data/dump.sql', reason: 'too-large' })]);
    expect(svc5.policy?.sources.join(' ')).toContain('acme/.github');
    const dump = repos.find((r) => r.name === 'svc-05')!.files['data/dump.sql']!;
    expect(api.requests.filter((q) => q.endsWith(`/git/blobs/${createHash('sha1').update(dump).digest('hex')}`))).toEqual([]);
    expect(report.repositories.find((r) => r.repository === 'acme/svc-04')!.notJudged).toEqual([expect.objectContaining({ path: 'assets/logo.png', reason: 'binary' })]);
    expect(report.repositories.find((r) => r.repository === 'acme/svc-06')!.status).toBe('empty');
    // The inventory's credentials, judged on --today.
    const svc3 = report.repositories.find((r) => r.repository === 'acme/svc-03')!;
    expect(svc3.inventory).toBe('.github/token-inventory.yml');
    expect(svc3.credentials).toEqual([expect.objectContaining({ name: 'NPM_TOKEN', status: 'overdue', dueDate: '2026-04-02', owner: '@alice', usedBy: ['.github/workflows/release.yml'] })]);
    expect(report.summary.credentials.total).toBe(1);
    expect(second.stdout).toMatch(/46 repositories scanned of 46 selected \(50 listed; 4 skipped; \d+ from the state of an earlier run\)/);
  }, 60_000);

  it('a hard stop (crash) in the middle: the repositories done are not scanned again; those in hand are', async () => {
    const cwd = fresh();
    const { repos } = fiftyRepos();
    api = await startOrgStandIn(ORG, repos, { token: API_TOKEN });
    api.rateLimitEvery(13, 1);
    const hard = new AbortController();
    let doneFirst: string[] = [];
    const first = await org(['scan', ORG, '--api-url', api.url, '--state', 'state.json', '--concurrency', '4'], cwd, {
      hardSignal: hard.signal,
      onEvent: (e) => {
        if (e.type === 'repo-done') doneFirst.push(e.result.repository);
        if (e.type === 'repo-done' && e.done >= 25) hard.abort();
      },
    });
    expect(first.code).toBe(EXIT_INCOMPLETE);
    const state = JSON.parse(readFileSync(join(cwd, 'state.json'), 'utf8')) as { done: Record<string, unknown> };
    doneFirst = doneFirst.slice(0, Object.keys(state.done).length);
    const treesAfterFirst = api.treeFetches();

    const second = await org(['scan', ORG, '--api-url', api.url, '--state', 'state.json', '--format', 'json'], cwd);
    const report = JSON.parse(second.stdout) as OrgReport;
    expect(report.complete).toBe(true);
    expect(report.summary.scanned).toBe(46);
    expect(new Set(report.repositories.map((r) => r.repository)).size).toBe(46);
    const trees = api.treeFetches();
    // Recorded as done in the first run: not read again.
    for (const name of Object.keys(state.done)) {
      const full = report.repositories.find((r) => r.repository.toLowerCase() === name)!;
      if (full.status !== 'empty') expect(trees.get(full.repository)).toBe(treesAfterFirst.get(full.repository));
    }
    // At most the repositories in hand at the stop (concurrency 4) were read twice.
    expect([...trees.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(4);
  }, 60_000);

  it('--repos, archived and forks on request, and the usage errors', async () => {
    const cwd = fresh();
    const { repos } = fiftyRepos();
    api = await startOrgStandIn(ORG, repos, { token: API_TOKEN });
    const some = await org(['scan', ORG, '--api-url', api.url, '--repos', 'svc-01,svc-10', '--format', 'json'], cwd);
    const r = JSON.parse(some.stdout) as OrgReport;
    expect(r.repositories.map((x) => x.repository)).toEqual(['acme/svc-01', 'acme/svc-10']);
    expect(some.code).toBe(0);
    const all = await org(['scan', ORG, '--api-url', api.url, '--include-archived', '--include-forks', '--format', 'json', '--concurrency', '4'], cwd);
    expect((JSON.parse(all.stdout) as OrgReport).summary.scanned).toBe(50);

    await expect(org(['scan', ORG, '--api-url', api.url, '--repos', 'nope'], cwd)).rejects.toThrow(/not in acme: nope/);
    await expect(org(['scan'], cwd)).rejects.toThrow(/needs the ORG/);
    await expect(org(['scan', 'other', '--api-url', api.url], cwd)).rejects.toThrow(/no organisation or user 'other'/);
    // A state of another org is refused, not mixed in.
    await org(['scan', ORG, '--api-url', api.url, '--repos', 'svc-01', '--state', 's.json'], cwd);
    await expect(org(['scan', 'acme2', '--api-url', api.url, '--state', 's.json'], cwd)).rejects.toThrow(/holds a scan of acme/);
  }, 60_000);
});
