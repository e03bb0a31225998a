/**
 * `tokenwarden org scan` as a real process killed with SIGKILL in the middle of a run, then started
 * again with the same --state: the repositories recorded before the kill are not read again, every
 * repository is in the final report exactly once, and at most the ones in hand at the kill were read
 * twice. (The CLI runs from `src/` transpiled once, shared with the server tests: vite-node transformed
 * it again in each process, seconds of CPU per start.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrgReport } from '../../src/org/types.js';
import { fakeGithubToken, startOrgStandIn, type OrgStandIn, type StandRepo } from './helpers/org-stand-in.js';
import { buildServer } from '../app/helpers/server-process.js';

const API_TOKEN = ['kill', 'test', 'token'].join('-');

function cli(args: string[], cwd: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [join(buildServer(), 'src/cli/main.js'), ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_TOKEN: API_TOKEN, TOKENWARDEN_RETRY_BASE_MS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((r) => child.on('exit', (code, signal) => r({ code, signal, stderr })));
  return { child, done };
}

const doneIn = (path: string): number => {
  if (!existsSync(path)) return 0;
  try {
    return Object.keys((JSON.parse(readFileSync(path, 'utf8')) as { done: object }).done).length;
  } catch {
    return 0;
  }
};

describe('org scan killed and resumed', () => {
  let api: OrgStandIn | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('kill -9 in the middle, then the same command: each repository once in the report, none done read again', async () => {
    const repos: StandRepo[] = Array.from({ length: 30 }, (_, i) => ({
      name: `r${String(i).padStart(2, '0')}`,
      files: { 'README.md': `# ${i}\n`, 'app.env': i % 5 === 0 ? `TOKEN=${fakeGithubToken()}\n` : `N=${i}\n` },
    }));
    api = await startOrgStandIn('acme', repos, { token: API_TOKEN });
    api.rateLimitEvery(11, 1);
    // Slow enough that the kill lands in the middle.
    api.before = () => new Promise((r) => setTimeout(r, 15));
    dir = mkdtempSync(join(tmpdir(), 'tw-org-kill-'));
    const state = join(dir, 'state.json');
    const args = ['org', 'scan', 'acme', '--api-url', api.url, '--state', 'state.json', '--out', 'report.json', '--concurrency', '2'];

    const first = cli(args, dir);
    for (const end = Date.now() + 60_000; doneIn(state) < 10 && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const recorded = JSON.parse(readFileSync(state, 'utf8')) as { done: Record<string, unknown> };
    const doneFirst = Object.keys(recorded.done);
    expect(doneFirst.length).toBeGreaterThanOrEqual(10);
    expect(doneFirst.length).toBeLessThan(30);
    const treesAtKill = api.treeFetches();

    const second = cli(args, dir);
    const ended = await second.done;
    expect(ended.stderr).toBe('');
    expect(ended.code).toBe(1); // leaks found; complete
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as OrgReport;
    expect(report.complete).toBe(true);
    expect(report.summary).toMatchObject({ selected: 30, scanned: 30, resumed: doneFirst.length, failed: 0, pending: 0 });
    expect(new Set(report.repositories.map((r) => r.repository)).size).toBe(30);
    const trees = api.treeFetches();
    for (const name of doneFirst) expect(trees.get(name)).toBe(treesAtKill.get(name));
    expect([...trees.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(2);
    expect(report.summary.verdicts.fail).toBe(6);
  }, 120_000);
});
