/**
 * The real server as `npm start` runs it — `node <build>/src/server.js` configured by environment
 * variables only — in a child process whose stdout and stderr are kept, so a test can read the very log
 * lines an operator would ship. The build is a plain transpilation of `src/` (type checking is
 * `tsc`'s job) under node_modules/.cache, shared by test files (test/helpers/transpiled.ts), never `dist/`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transpiled } from '../../helpers/transpiled.js';
import { seedDataDir } from './data-dir.js';

/** src/ transpiled (ESM, as tsconfig.build.json emits it), shared by the test files of one source state. */
export function buildServer(): string {
  return transpiled('tokenwarden-server', [{ path: 'src', recursive: true }]);
}

/** Builds are shared and pruned by test/helpers/transpiled.ts; nothing to remove per test file. */
export function removeBuild(_dir: string): void {}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every line the process wrote to stdout and stderr. */
  output: string[];
  /** The JSON log lines (LOG_FORMAT=json), parsed. */
  records(): Array<Record<string, unknown>>;
  waitFor(test: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Send a signal (default SIGTERM) and wait for the exit; SIGKILL after `killAfterMs` (a hung server). */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

export async function spawnServer(buildDir: string, env: Record<string, string>): Promise<ServerProcess> {
  // A scratch working directory: a developer's .env in the checkout must not leak into the test.
  const cwd = mkdtempSync(join(tmpdir(), 'tokenwarden-cwd-'));
  // The store: unless the test names one, the default (`./.tokenwarden` in that directory), seeded with a
  // migrated database so that the server does not spend seconds in initdb; gone with the directory.
  if (!env.TOKENWARDEN_DATA_DIR && !env.DATABASE_URL) await seedDataDir(join(cwd, '.tokenwarden'));
  const child = spawn(process.execPath, [join(buildDir, 'src', 'server.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TOKENWARDEN_SWEEP_SCHEDULE: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const listeners = new Set<() => void>();
  const collect = (stream: NodeJS.ReadableStream): void => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      output.push(...lines);
      for (const l of listeners) l();
    });
    stream.on('end', () => {
      if (rest) output.push(rest);
      for (const l of listeners) l();
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  void exited.then(() => rmSync(cwd, { recursive: true, force: true }));

  const waitFor = (test: (line: string) => boolean, timeoutMs = 15_000): Promise<string> =>
    new Promise((resolvePromise, reject) => {
      const check = (): boolean => {
        const hit = output.find(test);
        if (hit === undefined) return false;
        listeners.delete(onData);
        clearTimeout(timer);
        resolvePromise(hit);
        return true;
      };
      const onData = (): void => void check();
      const timer = setTimeout(() => {
        listeners.delete(onData);
        reject(new Error(`server output never matched; last lines:\n${output.slice(-20).join('\n')}`));
      }, timeoutMs);
      listeners.add(onData);
      void exited.then(() => {
        if (!check()) {
          listeners.delete(onData);
          clearTimeout(timer);
          reject(new Error(`server exited; output:\n${output.slice(-30).join('\n')}`));
        }
      });
      check();
    });

  // A server that never says it listens is not left running behind the failed test.
  // A loaded machine takes seconds to load the modules and open the store: generous, it is not a figure.
  const listening = await waitFor((l) => l.includes('Token Warden listening'), 60_000).catch((e: unknown) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw e;
  });
  const { port, host } = JSON.parse(listening) as { port: number; host: string };
  const records = (): Array<Record<string, unknown>> =>
    output.flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return {
    child,
    url: `http://${host}:${port}`,
    output,
    records,
    waitFor,
    stop: async (signal = 'SIGTERM', killAfterMs = 10_000) => {
      const t0 = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      const r = await exited;
      clearTimeout(timer);
      return { ...r, ms: Date.now() - t0 };
    },
  };
}

export const sign = (body: string, secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export interface Delivery {
  status: number;
  text: string;
}

/** POST a webhook the way GitHub does. */
export async function deliver(url: string, secret: string, event: string, payload: unknown, id: string = randomUUID()): Promise<Delivery> {
  const body = JSON.stringify(payload);
  const res = await fetch(`${url}/api/github/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': id, 'x-hub-signature-256': sign(body, secret) },
    body,
    // A server stuck in a loop must fail the test, not hang the suite.
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, text: await res.text() };
}
