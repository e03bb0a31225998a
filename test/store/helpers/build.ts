/**
 * The store as plain JavaScript for child processes (a store opened and closed, or killed with SIGKILL
 * mid-job): src/store and src/jobs transpiled, no type checking, into a private directory under
 * node_modules/.cache so that `pg` and PGlite resolve from the project. Only these two folders are built,
 * so work in progress elsewhere in src/ cannot break these tests.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function buildStore(): string {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'tokenwarden-store-'));
  for (const folder of ['src/store', 'src/jobs']) {
    for (const name of readdirSync(join(ROOT, folder))) {
      if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
      const file = join(ROOT, folder, name);
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      const dest = join(out, relative(ROOT, file).replace(/\.ts$/, '.js'));
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, outputText);
    }
  }
  return out;
}

export function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

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
