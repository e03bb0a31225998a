/** Feeding the scanner: every file of a tree, or only the lines a diff adds. */
// parallel.ts is imported statically: a dynamic import made esbuild wrap every module of the bundle
// in a lazily compiled function (src/cli/bundle-main.ts).
import { cpus } from 'node:os';
import type { Scanner, ScannerOptions } from '../engine/scan.js';
import { addedLinesSource, parseUnifiedDiff } from '../engine/diff.js';
import { initHcl } from '../engine/parse/hcl.js';
import { needsHcl, scanRead, scanSafely } from './scan-entry.js';
import { ReadAhead } from './read-ahead.js';
import { decodeRead, readSourceSync } from './read.js';
import { scanInWorkers } from './parallel.js';
import { allRules } from '../engine/registry.js';
import type { ScanTargets } from './files.js';
import { listTargets, type Listing } from './walk.js';
import type { Progress } from './progress.js';

export interface TreeOptions {
  /** The scanner's options: workers build theirs from the same policy. */
  opts: ScannerOptions;
  /** Worker threads; default: the cores, 1 for a small tree. */
  jobs?: number;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** A read-ahead thread for this many files or more; the first READ_AHEAD_FROM are read here meanwhile. */
export const READ_AHEAD_MIN_FILES = 256;
const READ_AHEAD_FROM = 128;

/** Below this many files a worker's start-up costs more than it saves. */
export const PARALLEL_MIN_FILES = 400;
/** On two cores, below this many files: measured there, 522 files took 0.55 s on two threads, 0.46 s on one. */
export const PARALLEL_MIN_FILES_TWO_CORES = 1000;

/**
 * The default `--jobs` for `files` files: the cores, one thread on one core. On two, a second thread
 * pays only for a larger tree: a worker costs ~0.2 s to start (compiling the bundle and the rule set,
 * warming the JIT again), and the main thread's own garbage collector and compiler threads use part of
 * the second core. Measured there by interleaved runs (means, the launcher's tier-up flags on, see
 * scripts/bundle.mjs): 24 MB of small files took 1.66 s on two threads and 1.84 s on one, 6 MB (1,564
 * files) 0.77 s and 0.82 s.
 */
export function defaultJobs(files: number): number {
  const set = process.env.TOKENWARDEN_JOBS && Number(process.env.TOKENWARDEN_JOBS);
  if (set) return set;
  const cores = cpus().length || 1;
  if (files < PARALLEL_MIN_FILES || cores === 1) return 1;
  return cores === 2 && files < PARALLEL_MIN_FILES_TWO_CORES ? 1 : cores;
}

/**
 * Scan the files of a tree (listed by walk.ts), on `jobs` worker threads or in this one: the same
 * result either way, byte for byte. Returns what was left out on purpose, by reason.
 */
export async function scanTree(scanner: Scanner, targets: ScanTargets, maxBytes: number, progress: Progress, tree?: TreeOptions): Promise<Listing> {
  // Ignored paths are dropped before reading: a huge ignored file is neither read nor listed as skipped.
  const listing = await listTargets(targets, { fileGlob: (p) => scanner.ignoreGlobFor(p), dirGlob: (d) => scanner.ignoreGlobForDir(d) });
  for (const s of listing.skipped) scanner.skip(s);
  const entries = listing.files;
  const wanted = tree?.jobs ?? defaultJobs(entries.length);
  const jobs = Math.max(1, Math.min(wanted, Math.ceil(entries.length / 64)));
  // Workers run the registry's rules: a scanner with other rules (tests) stays in this thread, and so
  // does a scan run from the TypeScript sources (vitest), where there is no JavaScript file to start.
  if (jobs > 1 && tree && tree.opts.rules === allRules && !FROM_SOURCE) {
    // Cross-file checks run here, after the last file: they may read a Terraform module.
    if (entries.some((e) => needsHcl(e.path))) await initHcl();
    const excluded = await scanInWorkers(scanner, entries, { root: targets.root, maxBytes, policy: tree.opts.policy, today: tree.opts.today.toISOString() }, jobs, progress);
    listing.excluded.push(...excluded);
  } else {
    // Many files: their system calls run on a read-ahead thread while this one scans (read-ahead.ts);
    // this thread reads the first ones itself while that thread starts. Not on two cores or fewer, where
    // this thread's garbage collector and compiler threads already take the second core: measured there
    // (8 runs each, medians), 24 MB of small files took 1.25 s with it and 1.20 s without, 64 MB of mixed
    // sizes 2.65 s and 2.43 s.
    const ahead =
      entries.length >= READ_AHEAD_MIN_FILES && !FROM_SOURCE && cpus().length > 2
        ? new ReadAhead(
            targets.root,
            entries.map((e) => e.path),
            maxBytes,
            READ_AHEAD_FROM,
            new URL('./read-worker.js', import.meta.url),
          )
        : undefined;
    try {
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        const read = ahead && i >= READ_AHEAD_FROM ? decodeRead(e.path, await ahead.take(i), maxBytes) : readSourceSync(targets.root, e.path, maxBytes);
        const r = await scanRead(scanner, e, read, false);
        if (r.excluded) listing.excluded.push(r.excluded);
        else if (r.bytes >= 0) progress.tick(r.bytes);
      }
    } finally {
      await ahead?.close();
    }
  }
  return listing;
}

/** `route`: which scanner gets a file's added lines (the secrets-only one for files judged whole). */
export function scanDiff(scanner: Scanner, diff: string, maxBytes: number, progress: Progress, route: (path: string) => Scanner = () => scanner): void {
  for (const f of parseUnifiedDiff(diff)) {
    const path = f.newPath;
    if (path === null || scanner.isIgnored(path)) continue;
    if (f.binary) {
      scanner.skip({ path, reason: 'binary', detail: 'binary change: its content is not in the diff' });
      continue;
    }
    if (f.added.length === 0) continue;
    const source = addedLinesSource(path, f.added);
    if (source.text.length > maxBytes) {
      scanner.skip({ path, reason: 'too-large', detail: `added lines exceed ${maxBytes} bytes` });
      continue;
    }
    if (scanSafely(route(path), source)) progress.tick(source.text.length);
  }
}
