/**
 * The bundle's entry (scripts/bundle.mjs → dist/cli-main.js; dist/cli.js is its launcher, which answers
 * `--version` without it). Imports are static on purpose: esbuild then places every module's code at
 * the top level of one file, compiled in one pass (and kept in Node's compile cache on Node ≥ 22.1).
 * Dynamic imports, as in main.ts, made it wrap each of the ~440 modules in a lazily called function,
 * compiled separately at first use: about 30 ms of every start.
 */
import { isMainThread } from 'node:worker_threads';
import { run } from './run.js';
import { processIo } from './io.js';
import { startScanWorker } from './scan-worker.js';

if (isMainThread) process.exitCode = await run(process.argv.slice(2), processIo());
// A `--jobs` worker started from this very file (the bundle is one file).
else startScanWorker();
