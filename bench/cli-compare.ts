/**
 * Side by side as a user runs them: both command-line tools, as child processes, over the same files
 * written to a temporary directory (process start-up, file discovery, reading and reporting included).
 * `npm run bench -- --compare-cli` (after `--compare-secretlint`, which compares the engines in-process).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from './corpus.js';

export interface CliComparison {
  files: number;
  mb: number;
  tokenwarden: { seconds: number; exit: number | null };
  secretlint: { seconds: number; exit: number | null } | { error: string };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function timed(cmd: string, args: string[], cwd: string): { seconds: number; exit: number | null; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { seconds: (performance.now() - t0) / 1000, exit: r.status, stderr: r.stderr ?? String(r.error ?? '') };
}

export function compareClis(corpus: Corpus): CliComparison {
  const dir = mkdtempSync(join(tmpdir(), 'tw-cli-compare-'));
  try {
    for (const f of corpus.files) {
      const p = join(dir, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.text);
    }
    writeFileSync(join(dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const tw = timed(process.execPath, [join(root, 'dist', 'cli.js'), 'scan', dir, '--format', 'json', '--output', join(dir, '..', `${dir.split('/').pop()}-tw.json`)], dir);
    const bin = join(root, 'node_modules', '.bin', 'secretlint');
    const sl = timed(bin, ['**/*', '--format', 'json', '--output', join(dir, '..', `${dir.split('/').pop()}-sl.json`)], dir);
    const mb = corpus.bytes / 1e6;
    return {
      files: corpus.files.length,
      mb,
      tokenwarden: { seconds: tw.seconds, exit: tw.exit },
      secretlint: sl.exit === null && sl.stderr ? { error: sl.stderr.slice(0, 200) } : { seconds: sl.seconds, exit: sl.exit },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
