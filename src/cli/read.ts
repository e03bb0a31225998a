/** Reading one file to scan (read-bytes.ts) and decoding it (decodeFile). */
import { decodeFile } from '../engine/decode.js';
import type { Skipped } from '../engine/decode.js';
import type { SourceFile } from '../engine/scan.js';
import type { Exclusion } from './walk.js';
import { readBytesSync, type BytesResult } from './read-bytes.js';

export { readBytesSync, type BytesResult } from './read-bytes.js';

export type ReadResult = { file: SourceFile; bytes: number } | { skipped: Skipped } | { excluded: Exclusion } | null;

/** Read and decode `root/rel`; `null` for what is gone (deleted since it was listed). */
export function readSourceSync(root: string, rel: string, maxBytes: number): ReadResult {
  return decodeRead(rel, readBytesSync(root, rel, maxBytes), maxBytes);
}

/** What a read came to, decoded: the same for bytes read here or by the read-ahead thread (read-ahead.ts). */
export function decodeRead(rel: string, r: BytesResult, maxBytes: number): ReadResult {
  if (!r || !('bytes' in r)) return r;
  const d = decodeFile(rel, r.bytes, maxBytes);
  return d.ok ? { file: { path: rel, text: d.text }, bytes: r.bytes.length } : { skipped: d.skipped };
}
