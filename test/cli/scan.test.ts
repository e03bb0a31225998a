import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { githubToken } from '../helpers/tokens.js';
import { tempDir, tempRepo, tw, write } from './harness.js';

const token = githubToken('ghp', 'cli-scan');
const leaky = (t = token): string => `// settings\nconst api = "https://api.github.com";\nconst auth = "${t}";\n`;

/** No output of any format may carry the raw secret. */
const clean = (...outputs: string[]): void => {
  for (const o of outputs) expect(o).not.toContain(token);
};

describe('tokenwarden scan: directories', () => {
  it('passes a clean tree with exit 0', async () => {
    const dir = tempDir();
    write(dir, { 'README.md': '# hello\n', 'src/a.ts': 'export const a = 1;\n' });
    const r = await tw(['scan', '--today', '2026-06-15'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Scanned 2 files');
    expect(r.stdout).toMatch(/^PASS: no findings in 2 files$/m);
    expect(r.stderr).toBe('');
  });

  it('scans files named outside the current directory (no work tree): paths relative to the folder holding them', async () => {
    const here = tempDir();
    const there = tempDir();
    write(there, { 'etc/app.conf': leaky(), 'etc/other.conf': 'x = 1\n' });
    const r = await tw(['scan', join(there, 'etc/app.conf'), join(there, 'etc/other.conf'), '--format', 'json'], { cwd: here });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { stats: { files: number }; findings: Array<{ path: string }> };
    expect(report.stats.files).toBe(2);
    expect(report.findings.map((f) => f.path)).toEqual(['app.conf']);
  });

  it('fails (exit 1) on a committed token and reports path:line:col, severity, rule, excerpt, redacted', async () => {
    const dir = tempDir();
    write(dir, { 'src/config/app.ts': leaky() });
    const r = await tw(['scan'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^src\/config\/app\.ts:3:15 {2}critical {2}secrets\/github-token {2}GitHub token/m);
    expect(r.stdout).toContain('const auth = "ghp_');
    expect(r.stdout).toContain('How to fix');
    expect(r.stdout).toMatch(/Findings: 1 \(critical 1; secrets 1\)/);
    expect(r.stdout).toMatch(/^FAIL: 1 finding at level fail$/m);
    clean(r.stdout, r.stderr);
  });

  it('writes json and sarif that carry fingerprints but never the secret', async () => {
    const dir = tempDir();
    write(dir, { 'app.env': `GITHUB_TOKEN=${token}\n` });
    const json = await tw(['scan', '--format', 'json'], { cwd: dir });
    const sarif = await tw(['scan', '--format=sarif'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(sarif.code).toBe(1);
    clean(json.stdout, sarif.stdout);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ version: 1, tool: { name: 'tokenwarden' }, verdict: 'fail' });
    expect(report.findings[0]).toMatchObject({ ruleId: 'secrets/github-token', path: 'app.env', startLine: 1, level: 'fail' });
    expect(report.findings[0].fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].partialFingerprints['tokenwarden/v1']).toBe(report.findings[0].fingerprint);
  });

  it('--output writes the report to a file and prints the verdict on stderr', async () => {
    const dir = tempDir();
    write(dir, { 'a.txt': leaky() });
    const r = await tw(['scan', '--format', 'sarif', '--output', 'out.sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote sarif report to out\.sarif: FAIL/);
    const text = readFileSync(join(dir, 'out.sarif'), 'utf8');
    expect(JSON.parse(text).runs[0].results).toHaveLength(1);
    clean(text);
  });

  it('lists binary and too-large files as not scanned instead of crashing, and reads Latin-1 text', async () => {
    const dir = tempDir();
    write(dir, {
      '.github/tokenwarden.yml': 'settings:\n  max_file_size: 2KB\n  incomplete_scan: warn\n',
      'logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
      'dump.sql': 'x'.repeat(4096),
      'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'ok.txt': 'fine\n',
    });
    const r = await tw(['scan', '--no-color'], { cwd: dir });
    expect(r.code).toBe(0); // the policy chose incomplete_scan: warn
    expect(r.stdout).toContain('Not scanned (2)');
    expect(r.stdout).toMatch(/^ {2}dump\.sql {2}too-large: 4096 bytes > limit 2048 \(settings\.max_file_size\)$/m);
    expect(r.stdout).toMatch(/^ {2}logo\.png {2}binary$/m);
    expect(r.stdout).toMatch(/^WARN: no findings in 3 files; 2 files not scanned \(1 could hold text: incomplete scan counts as warn\)$/m);

    const json = JSON.parse((await tw(['scan', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.verdict).toBe('warn');
    expect(json.skipped.map((s: { path: string; reason: string }) => `${s.path}:${s.reason}`)).toEqual(['dump.sql:too-large', 'logo.png:binary']);
  });

  it('an incomplete scan fails by default', async () => {
    const dir = tempDir();
    write(dir, { '.github/tokenwarden.yaml': 'settings:\n  max_file_size: 1KB\n', 'notes.txt': 'x'.repeat(2048) });
    const r = await tw(['scan'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL: no findings in 1 file; 1 file not scanned \(1 could hold text: incomplete scan counts as fail\)$/m);
  });

  it('skips .git, node_modules and .gitignore-d files outside a git work tree', async () => {
    const dir = tempDir();
    write(dir, {
      '.gitignore': 'secrets.local\nbuild/\n',
      'pkg/.gitignore': '*.tmp\n',
      'secrets.local': leaky(),
      'build/out.js': leaky(),
      'pkg/x.tmp': leaky(),
      'node_modules/lib/index.js': leaky(),
      '.git/config': leaky(),
      'pkg/kept.js': leaky(),
    });
    const r = await tw(['scan', '--format', 'json'], { cwd: dir });
    const paths = JSON.parse(r.stdout).findings.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['pkg/kept.js']);
  });

  it('inside a git work tree uses git ls-files (tracked + untracked, not ignored) and reports repo-relative paths', async () => {
    const repo = tempRepo();
    write(repo.dir, { '.gitignore': '*.log\n', 'src/tracked.ts': leaky(), 'debug.log': leaky(), 'node_modules/x/i.js': leaky() });
    repo.commit('base');
    write(repo.dir, { 'src/untracked.ts': leaky() });
    const fromSub = await tw(['scan', '.', '--format', 'json'], { cwd: join(repo.dir, 'src') });
    const paths = JSON.parse(fromSub.stdout).findings.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['src/tracked.ts', 'src/untracked.ts']);
    // A file named explicitly is scanned even though git ignores it.
    const explicit = await tw(['scan', 'debug.log', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(explicit.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['debug.log']);
  });

  it('honours the policy ignore globs and rule levels', async () => {
    const dir = tempDir();
    write(dir, {
      '.github/tokenwarden.yml': 'ignore:\n  - "fixtures/**"\nrules:\n  secrets/github-token: warn\n',
      'fixtures/sample.txt': leaky(),
      'src/app.ts': leaky(),
    });
    const r = await tw(['scan', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('warn');
    expect(report.findings.map((f: { path: string; level: string }) => `${f.path}:${f.level}`)).toEqual(['src/app.ts:warn']);
  });
});

describe('tokenwarden scan: colour and quiet', () => {
  it('colours only a TTY without NO_COLOR and without --no-color', async () => {
    const dir = tempDir();
    write(dir, { 'a.txt': leaky() });
    const esc = '\x1b[';
    expect((await tw(['scan'], { cwd: dir, tty: true })).stdout).toContain(esc);
    expect((await tw(['scan'], { cwd: dir, tty: false })).stdout).not.toContain(esc);
    expect((await tw(['scan'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await tw(['scan', '--no-color'], { cwd: dir, tty: true })).stdout).not.toContain(esc);
  });

  it('--quiet prints nothing when clean, and findings plus the verdict otherwise', async () => {
    const dir = tempDir();
    write(dir, { 'a.txt': 'nothing here\n' });
    expect(await tw(['scan', '--quiet'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    write(dir, { 'b.txt': leaky() });
    const r = await tw(['scan', '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('b.txt:3:15');
    expect(r.stdout).not.toContain('Scanned');
    expect(r.stdout).toMatch(/FAIL: 1 finding at level fail\n$/);
  });
});

describe('tokenwarden scan: configuration', () => {
  it('a broken config exits 2 with file:line:col and a fix, and scans nothing', async () => {
    const dir = tempDir();
    write(dir, { '.github/tokenwarden.yml': 'settings:\n  min_confidence: sometimes\n', 'a.txt': leaky() });
    const r = await tw(['scan'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\.github\/tokenwarden\.yml:2:\d+: /m);
    expect(r.stderr).toMatch(/^ {2}fix: /m);
    expect(r.stderr).toContain('nothing was scanned');
  });

  it('points --config errors at the file as given, relative to the working directory', async () => {
    const dir = tempDir();
    write(dir, { 'policy/tw.yml': 'rules:\n  secrets/github-tokn: warn\n' });
    const r = await tw(['scan', '--config', 'policy/tw.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^policy\/tw\.yml:2:3: .*secrets\/github-tokn/m);
    expect(r.stderr).toContain('secrets/github-token');
  });

  it('a missing --config file exits 2 with a fix', async () => {
    const dir = tempDir();
    const r = await tw(['scan', '--config', 'nope.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read --config nope.yml');
    expect(r.stderr).toContain('fix:');
  });
});

describe('tokenwarden: usage', () => {
  it('an unknown flag exits 2 with the usage line and where to get help', async () => {
    const r = await tw(['scan', '--frobnicate'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
    expect(r.stderr).toContain('Usage: tokenwarden scan [PATH...]');
    expect(r.stderr).toContain('tokenwarden scan --help');
  });

  it('rejects bad values and combinations with exit 2', async () => {
    const dir = tempDir();
    for (const argv of [['scan', '--format', 'xml'], ['scan', '--diff', 'a..b', '--staged'], ['scan', '--today', '15/06/2026'], ['scan', 'missing-dir'], ['nonsense'], []]) {
      const r = await tw(argv, { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.length, argv.join(' ')).toBeGreaterThan(0);
    }
  });

  it('prints help per command and the version', async () => {
    const dir = tempDir();
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(await tw(['--version'], { cwd: dir })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await tw(['--help'], { cwd: dir })).stdout).toContain('tokenwarden scan [PATH...]');
    for (const cmd of ['scan', 'baseline', 'rules']) {
      for (const argv of [
        [cmd, '--help'],
        [cmd, '-h'],
        ['help', cmd],
      ]) {
        const r = await tw(argv, { cwd: dir });
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^Usage: tokenwarden ${cmd}`));
      }
    }
  });

  it('rules lists every rule with id, severity, confidence and description', async () => {
    const r = await tw(['rules'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID +SEVERITY +CONFIDENCE +DESCRIPTION$/m);
    expect(r.stdout).toMatch(/^secrets\/github-token +critical +high +GitHub token/m);
    const json = JSON.parse((await tw(['rules', '--format', 'json'], { cwd: tempDir() })).stdout);
    expect(json.find((x: { id: string }) => x.id === 'secrets/github-token')).toMatchObject({ severity: 'critical', family: 'secrets' });
  });
});
