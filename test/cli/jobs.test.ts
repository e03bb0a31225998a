/**
 * `--jobs N`: the bundled CLI (dist/cli.js, built here into node_modules/.cache) spreads a tree over
 * worker threads; its output must be byte-for-byte that of one thread, and that of the in-process CLI,
 * in every format: findings, cross-file rules (workflow ↔ inventory), Terraform (the HCL parser loaded
 * lazily in each worker), skipped and left-out files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusSource } from '../../bench/corpus.js';
import { githubToken } from '../helpers/tokens.js';
import { TODAY, tempDir, tw, write } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'node_modules', '.cache', 'tokenwarden-test', 'cli.js');

beforeAll(() => {
  mkdirSync(join(CLI, '..'), { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), '--outfile', CLI], { stdio: 'pipe' });
}, 120_000);

function sources(): CorpusSource[] {
  const out: CorpusSource[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && statSync(p).size < 60_000) {
        const text = readFileSync(p, 'utf8');
        out.push({ path: relative(ROOT, p), text, bytes: Buffer.byteLength(text) });
      }
    }
  };
  walk(join(ROOT, 'src', 'engine', 'rules', 'scopes'));
  walk(join(ROOT, 'src', 'report'));
  return out;
}

/** ~500 files: real code with fake secrets planted, structural files, and files to skip or leave out. */
function tree(): string {
  const dir = tempDir();
  const corpus = buildCorpus(sources(), 3_600_000, 5, 7);
  for (const f of corpus.files) write(dir, { [f.path]: f.text });
  write(dir, {
    '.github/workflows/release.yml': 'on: push\npermissions: write-all\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.NPM_TOKEN }} ${{ secrets.DEPLOY_KEY }}\n',
    '.github/token-inventory.yml': 'version: 1\ncredentials:\n  - name: NPM_TOKEN\n    owner: "@acme/release"\n    rotation_days: 90\n    last_rotated: 2025-01-01\n',
    'infra/main.tf':
      'resource "aws_iam_policy" "admin" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]\n  })\n}\nresource "aws_kms_key" "k" {\n  description = "no rotation"\n}\n',
    'vendor/lib.js': `const t = "${githubToken('ghp', 'vendored')}";\n`,
    'package-lock.json': '{}\n',
    'bin/blob.bin': new Uint8Array([0, 1, 2, 3, 0, 0, 7]),
    'big/large.txt': 'x'.repeat(3 * 1024 * 1024),
    '.gitignore': 'ignored-dir/\n',
    '.github/tokenwarden.yml': 'settings:\n  max_file_size: 1MB\n',
    'ignored-dir/a.js': `const t = "${githubToken('ghp', 'ignored')}";\n`,
  });
  symlinkSync('infra/main.tf', join(dir, 'link.tf'));
  return dir;
}

function cli(dir: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--today', TODAY, '--no-color', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('scan --jobs', () => {
  it('gives byte-identical output for any --jobs and the default, in every format, and the same as the in-process CLI', async () => {
    const dir = tree();
    const inProcess = await tw(['scan', '.', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(inProcess.stdout);
    // The tree is what the test says it is: secrets found, cross-file and Terraform rules ran, files skipped.
    expect(report.findings.length).toBeGreaterThan(50);
    const rules = new Set(report.findings.map((f: { ruleId: string }) => f.ruleId));
    expect([...rules].some((r) => String(r).startsWith('rotation/'))).toBe(true);
    expect(report.findings.some((f: { path: string }) => f.path === 'infra/main.tf')).toBe(true);
    expect(report.skipped.map((s: { reason: string }) => s.reason).sort()).toEqual(['binary', 'too-large']);
    expect(report.stats.files).toBeGreaterThan(400); // the default goes parallel from 400 files (on more than two cores)

    // 2 and 3 workers: an even and an uneven split, each more than one batch; and the default.
    for (const format of ['json', 'sarif', 'text']) {
      const one = cli(dir, ['--format', format, '--jobs', '1']);
      expect(one.code, one.stderr).toBe(1);
      if (format === 'json') expect(one.stdout).toBe(inProcess.stdout);
      for (const jobs of format === 'json' ? ['2', '3', 'default'] : ['3']) {
        const many = cli(dir, ['--format', format, ...(jobs === 'default' ? [] : ['--jobs', jobs])]);
        expect(many.code, many.stderr).toBe(1);
        expect(many.stdout, `--format ${format} --jobs ${jobs}`).toBe(one.stdout);
      }
    }
  }, 240_000);
});

describe('the bundled CLI', () => {
  it('reports a broken policy exactly as the in-process CLI does (its schemas are compiled at build time)', async () => {
    const dir = tempDir();
    write(dir, {
      'a.txt': 'nothing here\n',
      '.github/tokenwarden.yml': 'rules:\n  secrets/github-token: loud\nsettings:\n  max_file_sise: 1MB\nexceptions:\n  - fingerprint: xyz\n    expires: 2026-13-01\n',
    });
    const inProcess = await tw(['scan', '.'], { cwd: dir });
    const bundled = cli(dir, []);
    expect(bundled.code).toBe(2);
    expect(bundled.stderr + bundled.stdout).toBe(inProcess.stderr + inProcess.stdout);
    for (const said of ['"loud"', 'max_file_sise', 'max_file_size', 'fingerprint', '2026-13-01', 'tokenwarden.yml:2:']) expect(bundled.stderr + bundled.stdout).toContain(said);
  }, 60_000);

  it('reports broken rule options exactly as the in-process CLI does (checked from the rules, not the compiled schema)', async () => {
    const dir = tempDir();
    write(dir, {
      'a.txt': 'nothing here\n',
      '.github/tokenwarden.yml':
        'rules:\n  scopes/k8s-rbac-wildcard:\n    options:\n      alowRoles: ["system:*"]\n  secrets/github-token:\n    options: { maxDays: 90 }\n  rotation/credential-expiring:\n    options:\n      warnDays: soon\n',
    });
    const inProcess = await tw(['scan', '.'], { cwd: dir });
    const bundled = cli(dir, []);
    expect(bundled.code).toBe(2);
    expect(bundled.stderr + bundled.stdout).toBe(inProcess.stderr + inProcess.stdout);
    for (const said of [
      'tokenwarden.yml:4:7: Unknown option `alowRoles` for rule `scopes/k8s-rbac-wildcard`.',
      'Did you mean `allowRoles`?',
      'tokenwarden.yml:6:5: Rule `secrets/github-token` takes no options; remove `options`.',
      'tokenwarden.yml:9:17: `rules.rotation/credential-expiring.options.warnDays` must be a whole number of at least 0, not "soon".',
    ])
      expect(bundled.stderr + bundled.stdout).toContain(said);
  }, 60_000);

  it('resolves every built-in pack exactly as the in-process CLI does (the packs are parsed at build time)', async () => {
    for (const pack of ['default', 'sox', 'finra', 'ffiec', 'pci-dss', 'soc2']) {
      const dir = tempDir();
      write(dir, { 'a.txt': 'nothing here\n', '.github/tokenwarden.yml': `extends: ${pack}\n` });
      const inProcess = await tw(['scan', '.', '--format', 'json'], { cwd: dir });
      const bundled = cli(dir, ['--format', 'json']);
      expect(bundled.stderr, pack).toBe(inProcess.stderr);
      expect(bundled.stdout, pack).toBe(inProcess.stdout);
      expect((JSON.parse(bundled.stdout) as { policy: { sources: string[] } }).policy.sources).toContain(`built-in:${pack}`);
    }
  }, 60_000);

  it('--version answers without loading the engine', () => {
    const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
