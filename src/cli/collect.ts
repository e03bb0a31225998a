/** Feeding the scanner: every file of a tree, or only the lines a diff adds. */
import type { Scanner, SourceFile } from '../engine/scan.js';
import { addedLinesSource, parseUnifiedDiff } from '../engine/diff.js';
import { listFiles, readSource, type ScanTargets } from './files.js';
import type { Progress } from './progress.js';

/** A rule bug must cost one file, listed as not scanned, not the whole run. */
function scanSafely(scanner: Scanner, file: SourceFile): boolean {
  try {
    scanner.scanFile(file);
    return true;
  } catch (e) {
    scanner.skip({ path: file.path, reason: 'error', detail: `internal error while scanning: ${(e as Error).message}` });
    return false;
  }
}

/** Reads in flight at once: enough to hide file-system latency, few enough to bound memory. */
const CONCURRENCY = 16;

export async function scanTree(scanner: Scanner, targets: ScanTargets, maxBytes: number, progress: Progress): Promise<void> {
  // Ignored paths are dropped before reading: a huge ignored file is neither read nor listed as skipped.
  const paths = (await listFiles(targets)).filter((p) => !scanner.isIgnored(p));
  for (let i = 0; i < paths.length; i += CONCURRENCY) {
    const batch = await Promise.all(paths.slice(i, i + CONCURRENCY).map((p) => readSource(targets.root, p, maxBytes)));
    for (const r of batch) {
      if (!r) continue;
      if ('skipped' in r) scanner.skip(r.skipped);
      else if (scanSafely(scanner, r.file)) progress.tick(r.bytes);
    }
  }
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
