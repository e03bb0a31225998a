import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, renameSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addedLinesSource, parsePatch, parseUnifiedDiff, unquotePath } from '../../src/engine/diff.js';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import { githubToken } from '../helpers/tokens.js';

const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('parseUnifiedDiff', () => {
  it('reads a modified file with -U3 context and several hunks', () => {
    const diff = lines(
      'diff --git a/src/app.ts b/src/app.ts',
      'index 83db48f..bf269f4 100644',
      '--- a/src/app.ts',
      '+++ b/src/app.ts',
      '@@ -1,4 +1,5 @@',
      " import { x } from './x.js';",
      '+import { y } from "./y.js";',
      ' ',
      ' export function main() {',
      '   return x();',
      '@@ -20,3 +21,3 @@ export function other() {',
      '   const a = 1;',
      '-  const b = 2;',
      '+  const b = 3;',
      '   return a + b;',
    );
    const [f] = parseUnifiedDiff(diff);
    expect(f).toMatchObject({ oldPath: 'src/app.ts', newPath: 'src/app.ts', status: 'modified', binary: false });
    expect(f!.added).toEqual([
      { line: 2, text: 'import { y } from "./y.js";' },
      { line: 22, text: '  const b = 3;' },
    ]);
  });

  it('reads -U0 output: pure additions, pure deletions, omitted counts', () => {
    const diff = lines(
      'diff --git a/config/app.yml b/config/app.yml',
      'index 1111111..2222222 100644',
      '--- a/config/app.yml',
      '+++ b/config/app.yml',
      '@@ -3,0 +4,2 @@ server:',
      '+  port: 8080',
      '+  host: 0.0.0.0',
      '@@ -10 +11,0 @@ db:',
      '-  pool: 5',
      '@@ -15 +15 @@ db:',
      '-  user: old',
      '+  user: new',
    );
    const [f] = parseUnifiedDiff(diff);
    expect(f!.added).toEqual([
      { line: 4, text: '  port: 8080' },
      { line: 5, text: '  host: 0.0.0.0' },
      { line: 15, text: '  user: new' },
    ]);
  });

  it('handles new, deleted, renamed, copied, mode-only and binary files in one diff', () => {
    const diff = lines(
      'diff --git a/.env.example b/.env.example',
      'new file mode 100644',
      'index 0000000..3b18e51',
      '--- /dev/null',
      '+++ b/.env.example',
      '@@ -0,0 +1,2 @@',
      '+API_URL=https://example.test',
      '+API_KEY=',
      'diff --git a/old.txt b/old.txt',
      'deleted file mode 100644',
      'index 3b18e51..0000000',
      '--- a/old.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-hello',
      'diff --git a/lib/util.js b/src/util.js',
      'similarity index 90%',
      'rename from lib/util.js',
      'rename to src/util.js',
      'index 1234567..89abcde 100644',
      '--- a/lib/util.js',
      '+++ b/src/util.js',
      '@@ -7,0 +8 @@ module.exports = {',
      "+  added: 'yes',",
      'diff --git a/docs/a.md b/docs/b.md',
      'similarity index 100%',
      'rename from docs/a.md',
      'rename to docs/b.md',
      'diff --git a/tpl.txt b/tpl-copy.txt',
      'similarity index 100%',
      'copy from tpl.txt',
      'copy to tpl-copy.txt',
      'diff --git a/run.sh b/run.sh',
      'old mode 100644',
      'new mode 100755',
      'diff --git a/img/logo.png b/img/logo.png',
      'index e69de29..0f3a1b2 100644',
      'Binary files a/img/logo.png and b/img/logo.png differ',
      'diff --git a/keys/store.p12 b/keys/store.p12',
      'new file mode 100644',
      'index 0000000..a1b2c3d',
      'GIT binary patch',
      'literal 12',
      'TcmZQzU|?uqU}j)o00IC301E&B',
      '',
      'literal 0',
      'HcmV?d00001',
      '',
    );
    const files = parseUnifiedDiff(diff);
    expect(files.map((f) => [f.oldPath, f.newPath, f.status, f.binary, f.added.length])).toEqual([
      [null, '.env.example', 'added', false, 2],
      ['old.txt', null, 'deleted', false, 0],
      ['lib/util.js', 'src/util.js', 'renamed', false, 1],
      ['docs/a.md', 'docs/b.md', 'renamed', false, 0],
      ['tpl.txt', 'tpl-copy.txt', 'copied', false, 0],
      ['run.sh', 'run.sh', 'modified', false, 0],
      ['img/logo.png', 'img/logo.png', 'modified', true, 0],
      [null, 'keys/store.p12', 'added', true, 0],
    ]);
    expect(files[2]!.added).toEqual([{ line: 8, text: "  added: 'yes'," }]);
  });

  it('ignores "\\ No newline at end of file" and keeps counting after it', () => {
    const diff = lines(
      'diff --git a/VERSION b/VERSION',
      '--- a/VERSION',
      '+++ b/VERSION',
      '@@ -1 +1,2 @@',
      '-1.0.0',
      '\\ No newline at end of file',
      '+1.0.1',
      '+# bumped',
      '\\ No newline at end of file',
      'diff --git a/next.txt b/next.txt',
      '--- a/next.txt',
      '+++ b/next.txt',
      '@@ -2,0 +3 @@',
      '+after',
    );
    const files = parseUnifiedDiff(diff);
    expect(files.map((f) => f.newPath)).toEqual(['VERSION', 'next.txt']);
    expect(files[0]!.added).toEqual([
      { line: 1, text: '1.0.1' },
      { line: 2, text: '# bumped' },
    ]);
    expect(files[1]!.added).toEqual([{ line: 3, text: 'after' }]);
  });

  it('does not mistake a removed "-- x" line or an added "++ x" line for file headers', () => {
    const diff = lines('diff --git a/schema.sql b/schema.sql', '--- a/schema.sql', '+++ b/schema.sql', '@@ -1,2 +1,2 @@', '--- old comment', '+++ new comment', ' SELECT 1;');
    const [f, ...rest] = parseUnifiedDiff(diff);
    expect(rest).toHaveLength(0);
    expect(f!.newPath).toBe('schema.sql');
    expect(f!.added).toEqual([{ line: 1, text: '++ new comment' }]);
  });

  it('unquotes C-quoted paths with spaces, escapes and UTF-8 octal bytes', () => {
    const diff = lines(
      'diff --git "a/docs/caf\\303\\251 notes.md" "b/docs/caf\\303\\251 notes.md"',
      'index 1111111..2222222 100644',
      '--- "a/docs/caf\\303\\251 notes.md"',
      '+++ "b/docs/caf\\303\\251 notes.md"',
      '@@ -0,0 +1 @@',
      '+bonjour',
      'diff --git a/has space.txt b/has space.txt',
      'new file mode 100644',
      'index 0000000..e69de29',
      'diff --git "a/tab\\there" "b/tab\\there"',
      'deleted file mode 100644',
      'index e69de29..0000000',
      'diff --git a/plain.txt "b/quo\\"te.txt"',
      'similarity index 100%',
      'rename from plain.txt',
      'rename to "quo\\"te.txt"',
    );
    const files = parseUnifiedDiff(diff);
    expect(files.map((f) => [f.oldPath, f.newPath])).toEqual([
      ['docs/café notes.md', 'docs/café notes.md'],
      [null, 'has space.txt'],
      ['tab\there', null],
      ['plain.txt', 'quo"te.txt'],
    ]);
    expect(unquotePath('"\\360\\237\\224\\221 key"')).toBe('🔑 key');
    expect(unquotePath('no-quotes')).toBe('no-quotes');
  });

  it('handles CRLF: a CRLF diff and a CRLF file inside an LF diff', () => {
    const lf = lines('diff --git a/win.ini b/win.ini', '--- a/win.ini', '+++ b/win.ini', '@@ -1 +1,2 @@', ' [core]\r', '+name = x\r');
    const crlf = lf.replace(/\r?\n/g, '\r\n');
    for (const d of [lf, crlf]) {
      const [f] = parseUnifiedDiff(d);
      expect(f!.newPath).toBe('win.ini');
      expect(f!.added).toEqual([{ line: 2, text: 'name = x' }]);
    }
  });

  it('reads plain `diff -ru` output with timestamps', () => {
    const diff = lines(
      'diff -ru a/etc/app.conf b/etc/app.conf',
      '--- a/etc/app.conf\t2024-03-01 10:00:00.000000000 +0100',
      '+++ b/etc/app.conf\t2024-03-02 11:00:00.000000000 +0100',
      '@@ -1,2 +1,3 @@',
      ' [main]',
      '+debug = false',
      ' level = 2',
      'Only in b/etc: extra.conf',
      '--- notes.txt\t2024-03-01',
      '+++ notes.txt\t2024-03-02',
      '@@ -0,0 +1 @@',
      '+hello',
    );
    const files = parseUnifiedDiff(diff);
    expect(files.map((f) => [f.newPath, f.added])).toEqual([
      ['etc/app.conf', [{ line: 2, text: 'debug = false' }]],
      ['notes.txt', [{ line: 1, text: 'hello' }]],
    ]);
  });

  it('returns nothing for an empty diff', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
  });
});

describe('parsePatch (GitHub PR files API)', () => {
  it('reads hunks without file headers, including a trailing no-newline marker', () => {
    // Shape of `files[].patch` from GET /repos/{o}/{r}/pulls/{n}/files.
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' name: ci',
      '+permissions: write-all',
      ' on: [push]',
      ' jobs:',
      '@@ -12,2 +13,3 @@ jobs:',
      '       - uses: actions/checkout@v4',
      '-      - run: npm test',
      '+      - run: npm ci',
      '+      - run: npm test',
      '\\ No newline at end of file',
    ].join('\n');
    expect(parsePatch(patch)).toEqual([
      { line: 2, text: 'permissions: write-all' },
      { line: 14, text: '      - run: npm ci' },
      { line: 15, text: '      - run: npm test' },
    ]);
    expect(parsePatch('')).toEqual([]);
  });
});

describe('addedLinesSource', () => {
  it('lets the scanner report a secret on an added line at its real line number', () => {
    const token = githubToken();
    const added = parsePatch(['@@ -40,2 +40,3 @@', ' a: 1', `+token: ${token}`, ' b: 2'].join('\n'));
    const src = addedLinesSource('config.yml', added);
    expect(src).toEqual({ path: 'config.yml', text: `token: ${token}`, lineNumbers: [41] });
    const result = scanFiles([src], { policy: basePolicy(), rules: allRules, today: new Date('2026-01-01') });
    expect(result.findings.map((f) => [f.ruleId, f.startLine, f.startColumn])).toEqual([['secrets/github-token', 41, 8]]);
    expect(JSON.stringify(result)).not.toContain(token);
  });
});

describe('against real git output', () => {
  it('parses what `git diff -U0 --find-renames` prints for a rename, an edit, a deletion and a binary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-diff-'));
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    try {
      git('init', '-q');
      git('config', 'user.name', 'Test');
      git('config', 'user.email', 'test@example.test');
      const body = Array.from({ length: 30 }, (_, i) => `line ${i + 1} of a file long enough to be detected as a rename`).join('\n') + '\n';
      writeFileSync(join(dir, 'moved.txt'), body);
      writeFileSync(join(dir, 'gone.txt'), 'bye\n');
      writeFileSync(join(dir, 'edit me.txt'), 'a\nb\nc\n');
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      renameSync(join(dir, 'moved.txt'), join(dir, 'renamed.txt'));
      writeFileSync(join(dir, 'renamed.txt'), body.replace('line 10 of', 'line ten of'));
      unlinkSync(join(dir, 'gone.txt'));
      writeFileSync(join(dir, 'edit me.txt'), 'a\nB\nc\nd');
      writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3, 0, 255]));
      git('add', '-A');
      git('commit', '-q', '-m', 'change');
      const out = git('diff', '--no-color', '--no-ext-diff', '-U0', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/', 'HEAD~1..HEAD');
      const files = parseUnifiedDiff(out);
      const byPath = new Map(files.map((f) => [f.newPath ?? `deleted:${f.oldPath}`, f]));
      expect(byPath.get('blob.bin')).toMatchObject({ status: 'added', binary: true });
      expect(byPath.get('deleted:gone.txt')).toMatchObject({ status: 'deleted', added: [] });
      expect(byPath.get('edit me.txt')!.added).toEqual([
        { line: 2, text: 'B' },
        { line: 4, text: 'd' },
      ]);
      expect(byPath.get('renamed.txt')).toMatchObject({
        oldPath: 'moved.txt',
        status: 'renamed',
        added: [{ line: 10, text: 'line ten of a file long enough to be detected as a rename' }],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
