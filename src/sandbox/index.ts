/**
 * Where untrusted content is parsed and judged. `WorkerSandbox` (the default wherever the compiled
 * worker exists, i.e. `npm start` from a build) runs each task in a worker thread with memory and time
 * limits; `InlineSandbox` runs the same task functions in-process — for tests run from TypeScript
 * sources and for callers with their own rule objects, which cannot cross a thread boundary.
 */
import type { Rule } from '../engine/rule.js';
import { allRules } from '../engine/registry.js';
import { DEFAULT_POOL, SandboxFailure, WorkerPool, workerAvailable, type PoolOptions } from './pool.js';
import { makeTasks, type TaskName, type Tasks } from './tasks.js';

export { SandboxFailure, DEFAULT_POOL, type PoolOptions };
export type { Tasks, TaskName };

type Input<K extends TaskName> = Parameters<Tasks[K]>[0];
type Output<K extends TaskName> = ReturnType<Tasks[K]>;

export interface Sandbox {
  readonly kind: 'worker' | 'inline';
  /** Run `task` for `key` (an installation): fails with `SandboxFailure` naming the file it was on. */
  run<K extends TaskName>(key: string, task: K, input: Input<K>): Promise<Output<K>>;
  close(): Promise<void>;
}

export class InlineSandbox implements Sandbox {
  readonly kind = 'inline';
  private readonly tasks: Tasks;
  constructor(rules: readonly Rule[] = allRules) {
    this.tasks = makeTasks(rules);
  }

  async run<K extends TaskName>(_key: string, task: K, input: Input<K>): Promise<Output<K>> {
    // Yield first, as a worker hop would: callers must not depend on a synchronous answer.
    await new Promise((r) => setImmediate(r));
    let label: string | undefined;
    try {
      const fn = this.tasks[task] as unknown as (i: Input<K>, p: (l: string) => void) => Output<K>;
      return fn(input, (l) => (label = l));
    } catch (e) {
      const name = (e as Error)?.name ?? 'Error';
      throw new SandboxFailure(name === 'RangeError' ? 'memory' : 'error', label, name === 'RangeError' ? 'exceeds the nesting (stack) limit' : `an internal error (${name})`);
    }
  }

  async close(): Promise<void> {}
}

export class WorkerSandbox implements Sandbox {
  readonly kind = 'worker';
  readonly pool: WorkerPool;
  constructor(opts: Partial<PoolOptions> = {}) {
    this.pool = new WorkerPool({ ...DEFAULT_POOL, ...opts });
  }
  run<K extends TaskName>(key: string, task: K, input: Input<K>): Promise<Output<K>> {
    return this.pool.run<Output<K>>(key, task, input);
  }
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Sandbox knobs in the environment (.env.example). */
export const SANDBOX_ENV = {
  TOKENWARDEN_SANDBOX_WORKERS: 'size',
  TOKENWARDEN_SANDBOX_WORKERS_PER_INSTALLATION: 'perKey',
  TOKENWARDEN_SANDBOX_MEMORY_MB: 'memoryMb',
  TOKENWARDEN_SANDBOX_FILE_TIMEOUT_MS: 'fileTimeoutMs',
  TOKENWARDEN_SANDBOX_TASK_TIMEOUT_MS: 'taskTimeoutMs',
} as const satisfies Record<string, keyof PoolOptions>;

export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<PoolOptions> {
  const out: Partial<PoolOptions> = {};
  for (const [name, key] of Object.entries(SANDBOX_ENV)) {
    const v = env[name]?.trim();
    if (v && /^\d+$/.test(v) && Number(v) > 0) out[key] = Number(v);
  }
  return out;
}

export function sandboxEnvProblems(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(SANDBOX_ENV)
    .filter((n) => env[n] !== undefined && env[n].trim() !== '' && !(/^\d+$/.test(env[n].trim()) && Number(env[n]) > 0))
    .map((n) => `${n} "${env[n]}" is not a positive whole number (see .env.example).`);
}

/**
 * The worker sandbox when the compiled worker is there and the rules are the registry's; otherwise
 * inline (say so: an operator should know the box is not on).
 */
export function createSandbox(opts: { rules?: readonly Rule[]; pool?: Partial<PoolOptions>; mode?: 'worker' | 'inline' } = {}): Sandbox {
  const custom = opts.rules !== undefined && opts.rules !== allRules;
  const mode = opts.mode ?? (!custom && workerAvailable() ? 'worker' : 'inline');
  return mode === 'worker' ? new WorkerSandbox(opts.pool) : new InlineSandbox(opts.rules ?? allRules);
}
