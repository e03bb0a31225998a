import { describe, expect, it } from 'vitest';
import { githubToken } from '../helpers/tokens.js';
import { historyArgs } from '../../src/cli/history.js';
import { tempDir, tempRepo, tw, write } from './harness.js';

const gone = githubToken('ghp', 'cli-history-gone');
const kept = githubToken('ghp', 'cli-history-kept');

interface HistoryFinding {
  path: string;
  startLine: number;
  ruleId: string;
  history: { commit: string; date: string; author: string; path: string; paths: string[]; commits: number; presentAtHead: boolean } | null;
}

/**
 * c1 base · c2 adds a token to config.env · c3 deletes the file · c4, c5, c6 unrelated: the token was
 * added and deleted three commits before HEAD. c7 adds another token that stays, then renames its file.
 */
function leakyRepo() {
  const repo = tempRepo();
  const commit = (msg: string, date: string): string => {
    repo.git('add', '-A');
    repo.git('-c', `user.name=Dev ${msg}`, 'commit', '-q', '--allow-empty', '-m', msg, `--date=${date}`);
    return repo.git('rev-parse', 'HEAD').trim();
  };
  write(repo.dir, { 'README.md': '# demo\n' });
  commit('c1', '2026-01-01T10:00:00Z');
  write(repo.dir, { 'config.env': `PORT=8080\nGITHUB_TOKEN=${gone}\n` });
  const added = commit('c2', '2026-01-02T10:00:00Z');
  repo.git('rm', '-q', 'config.env');
  commit('c3', '2026-01-03T10:00:00Z');
  for (const n of [4, 5, 6]) {
    write(repo.dir, { 'README.md': `# demo\n${'more\n'.repeat(n)}` });
    commit(`c${n}`, `2026-01-0${n}T10:00:00Z`);
  }
  return { repo, added, commit };
}

describe('tokenwarden scan --history', () => {
  it('finds a secret added and deleted three commits ago, with its first commit, date and path, and says it is still a leak', async () => {
    const { repo, added } = leakyRepo();
    // The working tree is clean: a plain scan passes.
    expect((await tw(['scan'], { cwd: repo.dir })).code).toBe(0);

    const json = await tw(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(json.code).toBe(1);
    expect(json.stdout).not.toContain(gone);
    const report = JSON.parse(json.stdout);
    const f = report.findings as HistoryFinding[];
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: 'config.env', startLine: 2, ruleId: 'secrets/github-token' });
    expect(f[0]!.history).toMatchObject({ commit: added, author: 'Dev c2', path: 'config.env', commits: 1, presentAtHead: false });
    expect(f[0]!.history!.date.slice(0, 10)).toBe('2026-01-02');
    expect(report.history).toEqual({ range: 'HEAD', commits: 6 });

    const text = await tw(['scan', '--history', '--no-color'], { cwd: repo.dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`first added in commit ${added.slice(0, 12)} (2026-01-02, Dev c2) at config.env`);
    expect(text.stdout).toContain('no longer at HEAD, but still in the history: a leak until it is revoked');
    expect(text.stdout).toMatch(/^History: 6 commits \(HEAD\)/m);
    expect(text.stdout).not.toContain(gone);

    const sarif = JSON.parse((await tw(['scan', '--history', '--format', 'sarif'], { cwd: repo.dir })).stdout);
    const result = sarif.runs[0].results[0];
    expect(result.message.text).toContain('still in the history: a leak until it is revoked');
    expect(result.properties.history).toMatchObject({ commit: added, presentAtHead: false });
  });

  it('reports a secret once, at its first commit, and knows it is still present at HEAD after a rename', async () => {
    const { repo, commit } = leakyRepo();
    write(repo.dir, { 'src/a.ts': `export const t = "${kept}";\n` });
    const first = commit('c7', '2026-02-01T10:00:00Z');
    repo.git('mv', 'src/a.ts', 'src/b.ts');
    commit('c8', '2026-02-02T10:00:00Z');
    write(repo.dir, { 'src/c.ts': `// copy\nexport const u = "${kept}";\n` });
    commit('c9', '2026-02-03T10:00:00Z');
    const r = await tw(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    const f = (JSON.parse(r.stdout).findings as HistoryFinding[]).find((x) => x.history?.commit === first)!;
    expect(f.path).toBe('src/a.ts');
    expect(f.history).toMatchObject({ path: 'src/a.ts', paths: ['src/a.ts', 'src/b.ts', 'src/c.ts'], commits: 3, presentAtHead: true });
    expect(JSON.parse(r.stdout).findings).toHaveLength(2);
  });

  it('takes a range, PATH filters, and --history=REV', async () => {
    const { repo } = leakyRepo();
    const recent = await tw(['scan', '--history', 'HEAD~3..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(recent.code).toBe(0);
    expect(JSON.parse(recent.stdout).history).toEqual({ range: 'HEAD~3..HEAD', commits: 3 });
    const older = await tw(['scan', '--history=HEAD~3', '--format', 'json'], { cwd: repo.dir });
    expect(older.code).toBe(1);
    const filtered = await tw(['scan', 'README.md', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(filtered.code).toBe(0);
  });

  it('honours the baseline and inline suppressions', async () => {
    const { repo } = leakyRepo();
    const first = JSON.parse((await tw(['scan', '--history', '--format', 'json'], { cwd: repo.dir })).stdout).findings[0];
    write(repo.dir, {
      '.tokenwarden-baseline.json': JSON.stringify({ version: 1, created: '2026-06-15', tool: 'x', findings: { [first.fingerprint]: { ruleId: first.ruleId, path: first.path, excerpt: '' } } }),
    });
    const r = await tw(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts.baselined).toBe(1);
  });

  it('names the problem: not a repository, an unknown revision, a shallow clone, combined with --diff', async () => {
    const plain = await tw(['scan', '--history'], { cwd: tempDir() });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/--history needs a git repository/);
    const { repo } = leakyRepo();
    const unknown = await tw(['scan', '--history', 'nope..HEAD'], { cwd: repo.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown revision 'nope' in --history");
    const both = await tw(['scan', '--history', '--diff', 'HEAD~1..HEAD'], { cwd: repo.dir });
    expect(both.code).toBe(2);
    const shallow = tempDir();
    repo.git('clone', '-q', '--depth=1', `file://${repo.dir}`, shallow);
    const cut = await tw(['scan', '--history'], { cwd: shallow });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('shallow clone');
    expect(cut.stderr).toContain('git fetch --unshallow');
  });

  it('historyArgs: --history takes an optional range', () => {
    expect(historyArgs(['--history'])).toEqual(['--history']);
    expect(historyArgs(['--history', 'a..b', 'src'])).toEqual(['--history', '--history-range', 'a..b', 'src']);
    expect(historyArgs(['--history', 'src'])).toEqual(['--history', 'src']);
    expect(historyArgs(['--history=v1'])).toEqual(['--history', '--history-range', 'v1']);
    expect(historyArgs(['--', '--history=v1'])).toEqual(['--', '--history=v1']);
  });
});

describe('tokenwarden scan --diff EMPTY..HEAD', () => {
  it('accepts the empty tree as a base: every line at HEAD is added', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'a.env': `T=${kept}\n` });
    repo.commit('one');
    for (const base of ['EMPTY', '4b825dc642cb6eb9a060e54bf8d69288fbee4904']) {
      const r = await tw(['scan', '--diff', `${base}..HEAD`, '--format', 'json'], { cwd: repo.dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).findings.map((f: HistoryFinding) => `${f.path}:${f.startLine}`)).toEqual(['a.env:1']);
    }
    const mb = await tw(['scan', '--diff', 'EMPTY...HEAD'], { cwd: repo.dir });
    expect(mb.code).toBe(2);
  });
});
