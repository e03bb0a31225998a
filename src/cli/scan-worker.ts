/**
 * A `--jobs` worker thread: reads and scans the files the main thread hands it, in batches, with a
 * scanner of its own built from the same policy and rules, and hands back each file's part (findings,
 * skips, counts) for the main thread to absorb in file order (src/cli/parallel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Scanner } from '../engine/scan.js';
import { allRules } from '../engine/registry.js';
import { scanEntry, type EntryResult } from './scan-entry.js';
import type { WorkerInit, ToWorker, FromWorker } from './parallel.js';

let started = false;

/**
 * Serve the main thread, in a worker started by scanInWorkers (src/cli/parallel.ts). Once: the
 * bundle's entry and parallel.ts may both call it.
 */
export function startScanWorker(): void {
  if (started) return;
  started = true;
  const init = workerData as WorkerInit;
  const port = parentPort!;
  const scanner = new Scanner({ policy: init.policy, rules: allRules, today: new Date(init.today) });
  const post = (m: FromWorker): void => port.postMessage(m);

  port.on('message', (m: ToWorker) => {
    void (async () => {
      try {
        const results: Array<{ i: number; r: EntryResult }> = [];
        for (const e of m.items) results.push({ i: e.i, r: await scanEntry(scanner, init.root, e, init.maxBytes, true) });
        post({ type: 'done', batch: m.batch, results });
      } catch (e) {
        post({ type: 'failed', message: (e as Error)?.stack ?? String(e) });
      }
    })();
  });
  post({ type: 'ready' });
}
