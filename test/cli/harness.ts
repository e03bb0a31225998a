/** Run the CLI in-process against temp directories. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';

export const TODAY = '2026-06-15';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
}

export async function tw(argv: string[], opts: RunOptions): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: opts.cwd,
    env: opts.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    now: () => new Date(`${TODAY}T12:00:00Z`),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh temp directory (real path: git reports real paths), removed after the test. */
export function tempDir(): string {
  const d = realpathSync(mkdtempSync(join(tmpdir(), 'tw-cli-')));
  made.push(d);
  return d;
}

export function write(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

export function gitIn(dir: string) {
  return (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

export function tempRepo(): { dir: string; git: (...args: string[]) => string; commit: (msg: string) => void } {
  const dir = tempDir();
  const git = gitIn(dir);
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Token Warden Test');
  git('config', 'user.email', 'test@example.test');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    commit: (msg) => {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', msg);
    },
  };
}
