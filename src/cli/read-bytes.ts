/**
 * Reading one file to scan, in as few system calls as possible: open (not following a symbolic link),
 * one read into a buffer reused for every file, close. Only a file that fills the buffer costs a
 * `fstat` (for its size, and the size limit decided before the rest is read) and more reads.
 * Synchronous on purpose: the CLI's main thread or a `--jobs` worker has nothing else to do meanwhile,
 * and a synchronous read of a small file is several times cheaper than a round trip through libuv's
 * thread pool.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import type { Skipped } from '../engine/decode.js';
import type { Exclusion } from './walk.js';

/** A file's bytes, not decoded yet (a view into a buffer the next read reuses: copy or decode it first). */
export type BytesResult = { bytes: Uint8Array } | { skipped: Skipped } | { excluded: Exclusion } | null;

/** O_NOFOLLOW where the platform has it (not on Windows: there, lstat first). O_NONBLOCK: a FIFO must not hang the scan. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const FLAGS = constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;
let buffer: Buffer | undefined;

const SYMLINK: Omit<Exclusion, 'path'> = { reason: 'symlink', detail: 'symbolic links are not followed: scan the file they point to' };

/** Read `root/rel` without decoding it; `null` for what is gone (deleted since it was listed). */
export function readBytesSync(root: string, rel: string, maxBytes: number): BytesResult {
  const abs = `${root}/${rel}`;
  let fd: number;
  try {
    if (!NOFOLLOW && lstatSync(abs).isSymbolicLink()) return { excluded: { path: rel, ...SYMLINK } };
    fd = openSync(abs, FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP') return { excluded: { path: rel, ...SYMLINK } };
    return { skipped: { path: rel, reason: 'unreadable', detail: code ?? String(e) } };
  }
  try {
    const buf = (buffer ??= Buffer.allocUnsafe(CHUNK));
    let n: number;
    try {
      n = readSync(fd, buf, 0, CHUNK, 0);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A directory (a submodule listed by git) or a pipe with no writer.
      if (code === 'EISDIR' || code === 'EAGAIN') return { excluded: { path: rel, reason: 'not-a-file', detail: code === 'EISDIR' ? 'a folder (a git submodule?): scan it by naming it' : 'a pipe' } };
      throw e;
    }
    let bytes: Buffer;
    if (n < CHUNK) {
      bytes = buf.subarray(0, n);
    } else {
      // Decide "too large" before reading the rest: a multi-GB file must not be loaded to be skipped.
      const size = fstatSync(fd).size;
      if (size > maxBytes) return { skipped: { path: rel, reason: 'too-large', detail: `${size} bytes > limit ${maxBytes} (settings.max_file_size)` } };
      const whole = Buffer.allocUnsafe(Math.max(size, CHUNK));
      buf.copy(whole, 0, 0, n);
      let total = n;
      for (;;) {
        if (total === whole.length) break;
        const r = readSync(fd, whole, total, whole.length - total, total);
        if (r === 0) break;
        total += r;
      }
      bytes = whole.subarray(0, total);
    }
    return { bytes };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { skipped: { path: rel, reason: 'unreadable', detail: code ?? String(e) } };
  } finally {
    closeSync(fd);
  }
}
