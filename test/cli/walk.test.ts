/**
 * What a tree scan reads and what it leaves out (#12 item 1, no false all-clear): a path the user names
 * is scanned whatever the globs say, everything left out is counted and listed by reason, and a scan
 * that read nothing says so and does not pass.
 */
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubToken } from '../helpers/tokens.js';
import { tempDir, tempRepo, tw, write } from './harness.js';

const token = (seed: string): string => `const t = "${githubToken('ghp', seed)}";\n`;

describe('paths named on the command line', () => {
  it('a file the default policy ignores (vendor/**) is scanned when named', async () => {
    const dir = tempDir();
    write(dir, { 'vendor/lib/a.js': token('vendored'), 'src/ok.js': 'x = 1\n' });
    const named = await tw(['scan', 'vendor/lib/a.js', '--format', 'json'], { cwd: dir });
    expect(named.code).toBe(1);
    const report = JSON.parse(named.stdout);
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual(['vendor/lib/a.js']);
    // Scanning the folder above it: the glob applies, and the text report says so with the glob.
    const whole = await tw(['scan', '.', '--no-color'], { cwd: dir });
    expect(whole.code).toBe(0);
    expect(whole.stdout).toMatch(/Left out on purpose \(1 ignored by policy \(a folder\)\)/);
    expect(whole.stdout).toContain('the policy\'s ignore glob "**/vendor/**"');
    expect(whole.stdout).toContain('    vendor/');
  });

  it('a named file inside node_modules is scanned; the folder itself is listed when not named', async () => {
    const dir = tempDir();
    write(dir, { 'node_modules/pkg/index.js': token('nm'), 'app.js': 'x = 1\n' });
    const named = await tw(['scan', 'node_modules/pkg/index.js', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(named.stdout).findings).toHaveLength(1);
    const whole = await tw(['scan', '.', '--no-color'], { cwd: dir });
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain('1 skipped folder');
    expect(whole.stdout).toContain('    node_modules/');
  });

  it('in a git work tree: a git-ignored folder is listed, and scanned when named', async () => {
    const repo = tempRepo();
    write(repo.dir, { '.gitignore': 'build/\n*.log\n', 'build/out.js': token('built'), 'debug.log': token('logged'), 'src/a.js': 'x = 1\n' });
    repo.commit('init');
    const whole = await tw(['scan', '.', '--no-color'], { cwd: repo.dir });
    expect(whole.code).toBe(0);
    expect(whole.stdout).toMatch(/2 git-ignored \(1 folder\)/);
    expect(whole.stdout).toContain('    build/');
    expect(whole.stdout).toContain('    debug.log');
    const named = await tw(['scan', 'build', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(named.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['build/out.js']);
    const namedFile = await tw(['scan', 'debug.log', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(namedFile.stdout).findings).toHaveLength(1);
  });

  it('outside git: .gitignore files are honoured and what they drop is listed', async () => {
    const dir = tempDir();
    write(dir, { '.gitignore': 'secret.txt\ntmp/\n', 'secret.txt': token('gi'), 'tmp/x.js': token('gi2'), 'sub/.gitignore': '*.bak\n', 'sub/a.bak': token('gi3'), 'sub/a.js': 'x\n' });
    const r = await tw(['scan', '.', '--no-color'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 git-ignored \(1 folder\)/);
    for (const p of ['secret.txt', 'tmp/', 'sub/a.bak']) expect(r.stdout).toContain(`    ${p}`);
    expect(r.stdout).toMatch(/Scanned 3 files/); // .gitignore, sub/.gitignore, sub/a.js
  });

  it('symbolic links are not followed, and are listed', async () => {
    const dir = tempDir();
    write(dir, { 'real/a.js': token('link') });
    symlinkSync(join(dir, 'real', 'a.js'), join(dir, 'link.js'));
    const r = await tw(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['real/a.js']);
    const text = await tw(['scan', '.', '--no-color'], { cwd: dir });
    expect(text.stdout).toContain('1 symlink');
    expect(text.stdout).toContain('    link.js');
  });

  it('a symbolic link git tracks is listed, not read', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'a.js': 'x = 1\n' });
    symlinkSync('a.js', join(repo.dir, 'alias.js'));
    repo.commit('init');
    const r = await tw(['scan', '.', '--no-color'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 symlink');
    expect(r.stdout).toMatch(/Scanned 1 file /);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable folder is listed as not scanned (and fails closed)', async () => {
    const dir = tempDir();
    write(dir, { 'locked/a.js': token('locked'), 'ok.js': 'x\n' });
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      const r = await tw(['scan', '.', '--format', 'json'], { cwd: dir });
      const report = JSON.parse(r.stdout);
      expect(report.skipped).toEqual([expect.objectContaining({ path: 'locked', reason: 'unreadable' })]);
      expect(r.code).toBe(1);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});

describe('a scan that read nothing', () => {
  it('of an empty folder: NOTHING SCANNED, exit 2, never PASS', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const r = await tw(['scan', 'empty'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('NOTHING SCANNED');
    expect(r.stderr).not.toContain('PASS');
  });

  it('where the policy ignores everything: names the glob', async () => {
    const dir = tempDir();
    write(dir, { 'vendor/a.js': token('all-ignored'), 'vendor/b.js': 'x\n' });
    const r = await tw(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('NOTHING SCANNED');
    expect(r.stderr).toContain('"**/vendor/**"');
  });

  it('a diff with no added lines is not "nothing scanned" (a pre-commit hook with nothing staged passes)', async () => {
    const repo = tempRepo();
    write(repo.dir, { 'a.js': 'x\n' });
    repo.commit('init');
    const r = await tw(['scan', '--staged'], { cwd: repo.dir });
    expect(r.code).toBe(0);
  });
});

describe('--jobs', () => {
  it('rejects what is not a positive number', async () => {
    const dir = tempDir();
    write(dir, { 'a.js': 'x\n' });
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const r = await tw(['scan', '.', '--jobs', bad], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs');
    }
  });
});

describe('JSON and SARIF list what was left out too', () => {
  it('each left-out file or folder, its reason and the glob or rule that decided it; a token in a left-out name is redacted', async () => {
    const { dir } = tempRepo();
    const tokenName = githubToken('ghp', 'in-a-name');
    write(dir, {
      'vendor/lib/a.js': token('vendored'),
      'src/ok.js': 'x = 1\n',
      '.gitignore': 'build/\n',
      'build/out.js': 'x = 2\n',
      [`vendor/${tokenName}.txt`]: 'x\n',
    });
    const json = JSON.parse((await tw(['scan', '.', '--format', 'json'], { cwd: dir })).stdout);
    // In a work tree git lists the files: a folder git ignores is one entry, policy globs apply per file.
    expect(json.leftOut).toEqual([
      { path: 'build', folder: true, reason: 'git-ignored', detail: expect.any(String) },
      { path: expect.stringMatching(/^vendor\/ghp_\*+…\(40\)\.txt$/), folder: false, reason: 'policy-ignore', detail: '**/vendor/**' },
      { path: 'vendor/lib/a.js', folder: false, reason: 'policy-ignore', detail: '**/vendor/**' },
    ]);
    expect(JSON.stringify(json)).not.toContain(tokenName);
    const sarif = JSON.parse((await tw(['scan', '.', '--format', 'sarif'], { cwd: dir })).stdout);
    expect(sarif.runs[0].properties.leftOut).toEqual(json.leftOut);
    // Named files are not left out; nothing is listed then.
    const named = JSON.parse((await tw(['scan', 'src/ok.js', '--format', 'json'], { cwd: dir })).stdout);
    expect(named.leftOut ?? []).toEqual([]);
    // A file left out one by one (a git-ignored file, not a folder) whose name holds a token: redacted.
    write(dir, { '.gitignore': `build/\n${tokenName}.env\n`, [`${tokenName}.env`]: 'x\n' });
    const again = (await tw(['scan', '.', '--format', 'json'], { cwd: dir })).stdout;
    expect(again).not.toContain(tokenName);
    expect(JSON.parse(again).leftOut.some((e: { path: string; reason: string }) => e.reason === 'git-ignored' && e.path.endsWith('.env'))).toBe(true);
  });
});

describe('a token in a file name', () => {
  it('is a finding in a tree scan and in a --diff that adds the file, never printed whole', async () => {
    const tokenName = githubToken('ghp', 'named-file');
    const repo = tempRepo();
    write(repo.dir, { 'src/ok.js': 'x = 1\n' });
    repo.commit('base');
    write(repo.dir, { [`config/${tokenName}.json`]: '{}\n' });
    const tree = await tw(['scan', '.', '--format', 'json'], { cwd: repo.dir });
    expect(tree.code).toBe(1);
    const findings = JSON.parse(tree.stdout).findings as Array<{ ruleId: string; path: string; message: string; startLine: number }>;
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'secrets/github-token', startLine: 1, message: expect.stringContaining('file name') })]);
    expect(tree.stdout).not.toContain(tokenName);
    repo.commit('adds the file');
    const diff = await tw(['scan', '--diff', 'HEAD~1..HEAD', '--no-color'], { cwd: repo.dir });
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('file name');
    expect(diff.stdout).not.toContain(tokenName);
    // A change that does not add the name does not report it again.
    write(repo.dir, { 'src/ok.js': 'x = 2\n' });
    repo.commit('unrelated');
    expect((await tw(['scan', '--diff', 'HEAD~1..HEAD'], { cwd: repo.dir })).code).toBe(0);
  });
});
