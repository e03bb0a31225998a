/**
 * `--jobs N`: a tree scan spread over N threads — N − 1 workers and this one. The main thread lists the
 * files, hands them out in small batches (each worker keeps two in flight, so none waits on the main
 * thread), scans batches itself while the workers start and between their messages, and absorbs each
 * file's part (findings, skips, counts) into the reporting scanner in file order, whatever order they
 * come back in: the result, cross-file checks included (they run here after the last file), is the
 * same as one thread's, byte for byte.
 *
 * Workers run this very module file: the bundled CLI (dist/cli.js, whose entry starts the worker when
 * it is not the main thread) or tsc's dist/src/cli/parallel.js (below). The App's sandbox pool
 * (src/sandbox/pool.ts) adds what the App needs and the CLI does not: heap caps, per-file deadlines,
 * fairness between installations; here a worker that fails fails the run, as the in-thread scan would.
 */
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Scanner } from '../engine/scan.js';
import { allRules } from '../engine/registry.js';
import { scanEntry, type EntryResult } from './scan-entry.js';
import { startScanWorker } from './scan-worker.js';
import type { Exclusion, FileEntry } from './walk.js';
import type { Progress } from './progress.js';

export interface WorkerInit {
  kind: 'tokenwarden-scan';
  root: string;
  maxBytes: number;
  policy: ResolvedPolicy;
  /** ISO date-time. */
  today: string;
}

export type ToWorker = { batch: number; items: Array<FileEntry & { i: number }> };
export type FromWorker = { type: 'ready' } | { type: 'done'; batch: number; results: Array<{ i: number; r: EntryResult }> } | { type: 'failed'; message: string };

const BATCH = 32;

if (!isMainThread && (workerData as WorkerInit | undefined)?.kind === 'tokenwarden-scan' && !import.meta.url.endsWith('/cli.js')) {
  startScanWorker();
}

export async function scanInWorkers(scanner: Scanner, entries: FileEntry[], init: Omit<WorkerInit, 'kind'>, jobs: number, progress: Progress): Promise<Exclusion[]> {
  const results = new Array<EntryResult | undefined>(entries.length);
  const batches: Array<Array<FileEntry & { i: number }>> = [];
  for (let i = 0; i < entries.length; i += BATCH) batches.push(entries.slice(i, i + BATCH).map((e, j) => ({ ...e, i: i + j })));
  let nextBatch = 0;
  let pending = batches.length;
  // Parts are absorbed as soon as every earlier file's part is in: memory stays bounded by what is
  // in flight, not by the tree.
  let absorbed = 0;
  const excluded: Exclusion[] = [];
  const absorbReady = (): void => {
    while (absorbed < entries.length && results[absorbed] !== undefined) {
      const r = results[absorbed]!;
      if (r.part) scanner.absorb(r.part);
      if (r.excluded) excluded.push(r.excluded);
      results[absorbed] = undefined;
      absorbed++;
    }
  };
  const workers: Worker[] = [];
  let failure: Error | undefined;
  try {
    const done = new Promise<void>((resolve, reject) => {
      if (!pending) return resolve();
      const data: WorkerInit = { kind: 'tokenwarden-scan', ...init };
      for (let w = 0; w < jobs - 1; w++) {
        const worker = new Worker(new URL(import.meta.url), { workerData: data });
        workers.push(worker);
        const give = (): void => {
          if (nextBatch < batches.length) worker.postMessage({ batch: nextBatch, items: batches[nextBatch++]! } satisfies ToWorker);
        };
        worker.on('message', (m: FromWorker) => {
          if (m.type === 'ready') {
            give();
            give();
          } else if (m.type === 'done') {
            for (const { i, r } of m.results) {
              results[i] = r;
              if (r.bytes >= 0) progress.tick(r.bytes);
            }
            absorbReady();
            give();
            if (--pending === 0) resolve();
          } else reject(new Error(`a scan worker failed: ${m.message}`));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (pending > 0) reject(new Error(`a scan worker exited (code ${code}) before the scan was done`));
        });
      }
    });
    done.catch((e: Error) => (failure = e));
    // This thread takes a batch whenever one is left, then lets the workers' messages in.
    const local = new Scanner({ policy: init.policy, rules: allRules, today: new Date(init.today) });
    while (nextBatch < batches.length && !failure) {
      const batch = batches[nextBatch++]!;
      for (const e of batch) {
        const r = await scanEntry(local, init.root, e, init.maxBytes, true);
        results[e.i] = r;
        if (r.bytes >= 0) progress.tick(r.bytes);
      }
      absorbReady();
      if (--pending === 0) break;
      await yieldToEvents();
    }
    if (pending > 0) await done;
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  absorbReady();
  return excluded;
}
