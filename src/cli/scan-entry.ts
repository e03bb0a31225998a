/** One listed file: read, decoded and scanned (by the main thread or a `--jobs` worker). */
import type { Scanner, ScannerPart, SourceFile } from '../engine/scan.js';
import { initHcl } from '../engine/parse/hcl.js';
import type { Exclusion, FileEntry } from './walk.js';
import { readSourceSync, type ReadResult } from './read.js';

/** A rule bug must cost one file, listed as not scanned, not the whole run. */
export function scanSafely(scanner: Scanner, file: SourceFile, named = false): boolean {
  try {
    scanner.scanFile(file, named);
    return true;
  } catch (e) {
    scanner.skip({ path: file.path, reason: 'error', detail: `internal error while scanning: ${(e as Error).message}` });
    return false;
  }
}

/** Terraform: the only files whose rules need the WebAssembly HCL parser (loaded on the first one). */
export const needsHcl = (path: string): boolean => /\.tf$/i.test(path);

/** What one file came to: `bytes` scanned (or -1), and, from a worker, the scanner's part to absorb. */
export interface EntryResult {
  bytes: number;
  excluded?: Exclusion;
  part?: ScannerPart;
}

/** Read and scan one listed file into `scanner`; `drain`: hand its part back (a worker). */
export async function scanEntry(scanner: Scanner, root: string, e: FileEntry, maxBytes: number, drain: boolean): Promise<EntryResult> {
  return scanRead(scanner, e, readSourceSync(root, e.path, maxBytes), drain);
}

/** Scan what reading a listed file came to (read here or by the read-ahead thread). */
export async function scanRead(scanner: Scanner, e: FileEntry, r: ReadResult, drain: boolean): Promise<EntryResult> {
  let bytes = -1;
  if (!r) return { bytes };
  if ('excluded' in r) return { bytes, excluded: r.excluded };
  if ('skipped' in r) scanner.skip(r.skipped);
  else {
    if (needsHcl(e.path)) await initHcl();
    if (scanSafely(scanner, r.file, e.named)) bytes = r.bytes;
  }
  return drain ? { bytes, part: scanner.drain() } : { bytes };
}
