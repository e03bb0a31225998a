import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { githubToken } from '../helpers/tokens.js';
import { tempDir, tempRepo, tw, write } from './harness.js';
import { RevisionFiles, showAtRevision } from '../../src/cli/git.js';

const old = githubToken('ghp', 'cli-git-old');
const added = githubToken('ghp', 'cli-git-new');

interface JsonFinding {
  path: string;
  startLine: number;
  startColumn: number;
  level: string;
}
const findings = (stdout: string): string[] => JSON.parse(stdout).findings.map((f: JsonFinding) => `${f.path}:${f.startLine}:${f.startColumn}:${f.level}`);

/** A repo whose first commit already holds a token (not the change's fault) and a second commit that adds one. */
function repoWithChange() {
  const repo = tempRepo();
  write(repo.dir, {
    'config/app.yml': `name: demo\nlegacy_token: ${old}\nport: 8080\n`,
    'notes.md': '# notes\n',
  });
  repo.commit('base');
  write(repo.dir, {
    'config/app.yml': `name: demo\nlegacy_token: ${old}\nport: 8080\nretries: 3\nnew_token: ${added}\n`,
    'moved/notes.md': '# notes\n',
    'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
  });
  repo.git('rm', '-q', 'notes.md');
  repo.commit('change');
  return repo;
}

describe('tokenwarden scan --diff', () => {
  it('reports only lines added in the range, at their real line numbers', async () => {
    const repo = repoWithChange();
    const r = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual(['config/app.yml:5:12:fail']);
    const report = JSON.parse(r.stdout);
    expect(report.skipped).toEqual([{ path: 'logo.png', reason: 'binary', detail: 'binary change: its content is not in the diff' }]);
    expect(r.stdout).not.toContain(added);
    expect(r.stdout).not.toContain(old);
  });

  it('accepts BASE...HEAD (merge base), an empty HEAD, and PATH filters', async () => {
    const repo = repoWithChange();
    const mb = await tw(['scan', '--diff', 'HEAD~1...HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(findings(mb.stdout)).toEqual(['config/app.yml:5:12:fail']);
    const open = await tw(['scan', '--diff', 'HEAD~1..', '--format', 'json'], { cwd: repo.dir });
    expect(findings(open.stdout)).toEqual(['config/app.yml:5:12:fail']);
    const filtered = await tw(['scan', 'moved', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(filtered.code).toBe(0);
    expect(findings(filtered.stdout)).toEqual([]);
    // Run from a subdirectory: paths stay relative to the repository top.
    const sub = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: join(repo.dir, 'config') });
    expect(findings(sub.stdout)).toEqual(['config/app.yml:5:12:fail']);
  });

  it('a clean range passes', async () => {
    const repo = repoWithChange();
    write(repo.dir, { 'README.md': 'hello\n' });
    repo.commit('docs');
    const r = await tw(['scan', '--diff', 'HEAD~1..HEAD'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS: no findings in 1 file$/m);
  });

  it('reads the policy from BASE, so the change cannot switch its own check off', async () => {
    const repo = tempRepo();
    write(repo.dir, { '.github/tokenwarden.yml': 'families:\n  secrets: fail\n', 'a.txt': 'a\n' });
    repo.commit('base');
    write(repo.dir, { '.github/tokenwarden.yml': 'families:\n  secrets: "off"\n', 'a.txt': `a\ntoken: ${added}\n` });
    repo.commit('sneaky');
    const r = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).policy.sources).toContain('HEAD~1:.github/tokenwarden.yml');
    expect(findings(r.stdout)).toEqual(['a.txt:2:8:fail']);
    // The working-tree scan uses the working tree's policy.
    expect((await tw(['scan'], { cwd: repo.dir })).code).toBe(0);
  });

  it('explains an unknown revision and a malformed range (exit 2)', async () => {
    const repo = repoWithChange();
    const unknown = await tw(['scan', '--diff', 'origin/nope..HEAD'], { cwd: repo.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown revision 'origin/nope'");
    expect(unknown.stderr).toContain('git fetch');
    const malformed = await tw(['scan', '--diff', 'HEAD'], { cwd: repo.dir });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('BASE..HEAD');
    const option = await tw(['scan', '--diff', '--output=x..HEAD'], { cwd: repo.dir });
    expect(option.code).toBe(2);
  });

  it('outside a git repository says so (exit 2)', async () => {
    const dir = tempDir();
    for (const argv of [
      ['scan', '--diff', 'main..HEAD'],
      ['scan', '--staged'],
    ]) {
      const r = await tw(argv, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/needs a git repository/);
      expect(r.stderr).toContain('fix:');
    }
  });
});

describe('tokenwarden scan --staged', () => {
  it('scans only what is staged, for a pre-commit hook', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'app.ts': 'export const a = 1;\n' });
    repo.commit('base');
    write(repo.dir, { 'app.ts': `export const a = 1;\nexport const t = "${added}";\n` });
    // Not staged yet: nothing to report.
    const before = await tw(['scan', '--staged'], { cwd: repo.dir });
    expect(before.code).toBe(0);
    repo.git('add', 'app.ts');
    const after = await tw(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(after.code).toBe(1);
    expect(findings(after.stdout)).toEqual(['app.ts:2:19:fail']);
    expect(after.stdout).not.toContain(added);
  });

  it('works before the first commit', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'first.env': `TOKEN=${added}\n` });
    repo.git('add', '.');
    const r = await tw(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual(['first.env:1:7:fail']);
  });
});

describe('git diagnostics', () => {
  it('says what a git failure is, with the fix', async () => {
    const { explainGitFailure } = await import('../../src/cli/git.js');
    const dubious = explainGitFailure(
      {
        code: 128,
        stdout: Buffer.alloc(0),
        stderr: "fatal: detected dubious ownership in repository at '/src/repo'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /src/repo",
      },
      'git rev-parse',
      '/src/repo/sub',
    );
    expect(dubious.kind).toBe('dubious-ownership');
    expect(dubious.message).toContain('dubious ownership');
    expect(dubious.fix).toContain('git config --global --add safe.directory /src/repo');
    expect(explainGitFailure(null, 'git diff', '/x')).toMatchObject({ kind: 'git-missing', message: 'git is not installed (or not on PATH)' });
    expect(explainGitFailure({ code: 128, stdout: Buffer.alloc(0), stderr: 'fatal: not a git repository (or any of the parent directories): .git' }, 'git diff', '/x').kind).toBe('not-a-repository');
    expect(explainGitFailure({ code: 128, stdout: Buffer.alloc(0), stderr: "fatal: bad revision 'nope'" }, 'git log', '/x').kind).toBe('unknown-revision');
  });

  // Needs root (to give the repository to another user); skipped elsewhere.
  it.skipIf(process.getuid?.() !== 0)('a repository owned by another user: "dubious ownership" and the safe.directory fix', async () => {
    const repo = repoWithChange();
    execFileSync('chown', ['-R', '65534', repo.dir]);
    try {
      const r = await tw(['scan', '--diff', 'HEAD~1..HEAD'], { cwd: repo.dir, env: {} });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('dubious ownership');
      expect(r.stderr).toContain(`git config --global --add safe.directory ${repo.dir}`);
      expect(r.stderr).not.toContain('not inside');
    } finally {
      execFileSync('chown', ['-R', String(process.getuid!()), repo.dir]);
    }
  });

  it('git missing is not "not inside a git repository"', async () => {
    const repo = repoWithChange();
    const saved = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      const r = await tw(['scan', '--staged'], { cwd: repo.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--staged needs git: git is not installed');
      expect(r.stderr).not.toContain('not inside');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('an unknown revision in a shallow clone says so and how to fetch the history', async () => {
    const repo = repoWithChange();
    const shallow = tempDir();
    repo.git('clone', '-q', '--depth=1', `file://${repo.dir}`, shallow);
    const r = await tw(['scan', '--diff', 'HEAD~1..HEAD'], { cwd: shallow });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown revision 'HEAD~1' in --diff (this is a shallow clone");
    expect(r.stderr).toContain('git fetch --unshallow');
  });

  it('--staged findings say staged, never committed', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'a.env': `T=${added}\n` });
    repo.git('add', '.');
    const r = await tw(['scan', '--staged', '--no-color'], { cwd: repo.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('staged for commit');
    expect(r.stdout).not.toMatch(/committed to/);
    expect(JSON.parse((await tw(['scan', '--staged', '--format', 'json'], { cwd: repo.dir })).stdout).findings[0].message).not.toContain('committed');
  });
});

describe('RevisionFiles (one git cat-file --batch for a change)', () => {
  it('reads what `git show` reads, pipelined and in order: large and binary files, the index, missing paths, folders, odd names', async () => {
    const repo = tempRepo();
    const big = `${'abcdefghij'.repeat(30_000)}\n`; // 300 KB: several pipe chunks
    const binary = new Uint8Array([0, 1, 2, 255, 10, 10, 0]);
    write(repo.dir, { 'big.txt': big, 'bin.dat': binary, 'dir/a.yml': 'a: 1\n', '1:odd name.txt': 'colon\n', 'empty.txt': '' });
    repo.commit('one');
    write(repo.dir, { 'dir/a.yml': 'a: 2\n' });
    repo.git('add', 'dir/a.yml');
    const files = new RevisionFiles(repo.dir);
    try {
      const asks: Array<[string | null, string]> = [
        ['HEAD', 'big.txt'],
        ['HEAD', 'dir/a.yml'],
        [null, 'dir/a.yml'],
        ['HEAD', 'missing.txt'],
        ['HEAD', 'dir'],
        ['HEAD', '1:odd name.txt'],
        [null, '1:odd name.txt'],
        ['HEAD', 'empty.txt'],
        ['HEAD', 'bin.dat'],
        ['no-such-rev', 'big.txt'],
      ];
      const got = await Promise.all(asks.map(([rev, path]) => files.read(rev, path)));
      expect(got).toEqual([big, 'a: 1\n', 'a: 2\n', null, null, 'colon\n', 'colon\n', '', Buffer.from(binary).toString('utf8'), null]);
      // The same text as `git show`, one process per file.
      expect(await showAtRevision(repo.dir, 'HEAD', 'big.txt')).toBe(got[0]);
      expect(await showAtRevision(repo.dir, 'HEAD', 'bin.dat')).toBe(got[8]);
      // After a failure (an unknown revision) the process still answers.
      expect(await files.read('HEAD', 'dir/a.yml')).toBe('a: 1\n');
    } finally {
      files.close();
    }
  });
});
