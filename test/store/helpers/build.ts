/**
 * The store as plain JavaScript for child processes (a store opened and closed, or killed with SIGKILL
 * mid-job): src/store and src/jobs transpiled, no type checking, into a private directory under
 * node_modules/.cache so that `pg` and PGlite resolve from the project. Only these two folders are built,
 * so work in progress elsewhere in src/ cannot break these tests.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transpiled } from '../../helpers/transpiled.js';

export function buildStore(): string {
  return transpiled('tokenwarden-store', [
    { path: 'src/store', recursive: false },
    { path: 'src/jobs', recursive: false },
  ]);
}

/** Builds are shared and pruned by test/helpers/transpiled.ts; nothing to remove per test file. */
export function removeBuild(_dir: string): void {}

export interface Child {
  pid: number;
  lines: string[];
  /** Resolves with the first line matching `test`. */
  waitFor(test: (line: string) => boolean, timeoutMs: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  kill(signal: NodeJS.Signals): void;
}

/** Run an ES module `source` (it may import './src/store/index.js') in the build directory. */
export function runChild(buildDir: string, source: string, args: string[] = []): Child {
  const script = join(buildDir, `child-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, source);
  const started = Date.now();
  const child = spawn(process.execPath, [script, ...args], { cwd: buildDir, stdio: ['ignore', 'pipe', 'pipe'] });
  // The build directory is shared: the script goes once its process is gone.
  child.once('exit', () => rmSync(script, { force: true }));
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    for (const w of waiters) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((r) =>
    child.on('exit', (code, signal) => {
      for (const w of waiters) w();
      r({ code, signal, ms: Date.now() - started });
    }),
  );
  return {
    pid: child.pid!,
    lines,
    exited,
    kill: (s) => child.kill(s),
    waitFor: (test, timeoutMs) =>
      new Promise((resolveLine, reject) => {
        const check = (): void => {
          const hit = lines.find(test);
          if (hit !== undefined) {
            waiters.delete(check);
            clearTimeout(t);
            resolveLine(hit);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(check);
            clearTimeout(t);
            reject(new Error(`child exited (${child.exitCode ?? child.signalCode}) before the line; it printed:\n${lines.join('\n')}`));
          }
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such line within ${timeoutMs} ms; the child printed:\n${lines.join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
