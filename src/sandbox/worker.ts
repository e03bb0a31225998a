/**
 * A sandbox worker thread: loads the engine once, then runs one task at a time for the pool
 * (src/sandbox/pool.ts). Its heap is capped by the pool's `resourceLimits`; a task that overruns its
 * deadline gets the thread terminated, so nothing here needs to be interruptible.
 */
import { parentPort } from 'node:worker_threads';
import { initEngine } from '../engine/init.js';
import { allRules } from '../engine/registry.js';
import { makeTasks, type TaskName } from './tasks.js';

export interface TaskMessage {
  id: number;
  task: TaskName;
  input: unknown;
}

export type WorkerMessage =
  { type: 'ready' } | { type: 'progress'; id: number; label: string; bytes: number } | { type: 'done'; id: number; value: unknown } | { type: 'failed'; id: number; name: string; message: string };

const port = parentPort!;
const tasks = makeTasks(allRules);
const post = (m: WorkerMessage): void => port.postMessage(m);

await initEngine();
port.on('message', (m: TaskMessage) => {
  try {
    const fn = tasks[m.task] as (input: unknown, progress: (label: string, bytes: number) => void) => unknown;
    const value = fn(m.input, (label, bytes) => post({ type: 'progress', id: m.id, label, bytes }));
    post({ type: 'done', id: m.id, value });
  } catch (e) {
    // Only the class and our own first line: a message may quote scanned content (the pool scrubs it too).
    const err = e as Error;
    post({
      type: 'failed',
      id: m.id,
      name: err?.name ?? 'Error',
      message: String(err?.message ?? e)
        .split('\n')[0]!
        .slice(0, 300),
    });
  }
});
post({ type: 'ready' });
