import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { githubToken } from '../helpers/tokens.js';
import { tempRepo, tw, write } from '../cli/harness.js';

/**
 * pre-commit itself is not installable here (no PyPI), so the manifest is checked against the rules of
 * pre-commit's own schema (pre_commit/clientlib.py, MANIFEST_HOOK_DICT, v3.2+) and the entry is run
 * the way pre-commit runs it: in the repository being committed to, with no file names.
 */
const HOOK_KEYS = new Set([
  'id',
  'name',
  'entry',
  'language',
  'alias',
  'files',
  'exclude',
  'types',
  'types_or',
  'exclude_types',
  'additional_dependencies',
  'args',
  'always_run',
  'fail_fast',
  'pass_filenames',
  'description',
  'language_version',
  'log_file',
  'require_serial',
  'stages',
  'verbose',
  'minimum_pre_commit_version',
]);
const STAGES = new Set(['commit-msg', 'post-checkout', 'post-commit', 'post-merge', 'post-rewrite', 'pre-commit', 'pre-merge-commit', 'pre-push', 'pre-rebase', 'prepare-commit-msg', 'manual']);
const LANGUAGES = new Set([
  'conda',
  'coursier',
  'dart',
  'docker',
  'docker_image',
  'dotnet',
  'fail',
  'golang',
  'haskell',
  'lua',
  'node',
  'perl',
  'pygrep',
  'python',
  'r',
  'ruby',
  'rust',
  'swift',
  'script',
  'system',
  'unsupported',
  'unsupported_script',
]);

const hooks = parse(readFileSync(new URL('../../.pre-commit-hooks.yaml', import.meta.url), 'utf8')) as Array<Record<string, unknown>>;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('.pre-commit-hooks.yaml', () => {
  it("follows pre-commit's manifest schema", () => {
    expect(Array.isArray(hooks)).toBe(true);
    for (const h of hooks) {
      for (const key of ['id', 'name', 'entry', 'language']) expect(typeof h[key], key).toBe('string');
      for (const key of Object.keys(h)) expect(HOOK_KEYS.has(key), `unknown key ${key}`).toBe(true);
      expect(LANGUAGES.has(h.language as string)).toBe(true);
      for (const s of (h.stages as string[] | undefined) ?? []) expect(STAGES.has(s), s).toBe(true);
      for (const b of ['always_run', 'pass_filenames', 'require_serial', 'verbose', 'fail_fast']) if (b in h) expect(typeof h[b]).toBe('boolean');
    }
    expect(new Set(hooks.map((h) => h.id)).size).toBe(hooks.length);
  });

  it('the entry is the package bin, which pre-commit installs with npm (language: node)', () => {
    const hook = hooks.find((h) => h.id === 'tokenwarden')!;
    expect(hook.language).toBe('node');
    const [bin] = (hook.entry as string).split(' ');
    expect(Object.keys(pkg.bin)).toContain(bin);
    // pre-commit runs `npm pack` on this repository: prepack builds the bin into the tarball.
    expect(pkg.scripts.prepack).toBeTruthy();
  });

  it('the entry fails a commit that adds a secret and is silent on a clean one', async () => {
    const hook = hooks.find((h) => h.id === 'tokenwarden')!;
    const argv = (hook.entry as string).split(' ').slice(1);
    const repo = tempRepo();
    write(repo.dir, { 'a.ts': 'export const a = 1;\n' });
    repo.git('add', '.');
    const clean = await tw(argv, { cwd: repo.dir });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
    const token = githubToken('ghp', 'pre-commit-hook');
    write(repo.dir, { 'a.ts': `export const a = 1;\nexport const t = "${token}";\n` });
    repo.git('add', '.');
    const dirty = await tw(argv, { cwd: repo.dir });
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toMatch(/^a\.ts:2:19 {2}critical {2}secrets\/github-token {2}GitHub token staged for commit/m);
    expect(dirty.stdout).not.toContain(token);
  });
});
