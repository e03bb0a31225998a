/**
 * The read-ahead thread (read-ahead.ts): reads the listed files in order with the same synchronous
 * reader the main thread uses (read-bytes.ts) and posts them in batches, each one transferred buffer.
 * Its system calls (open, read, close: ~30 µs a file on a VM) run on another core while the main thread
 * scans. It runs ahead by at most `limitKiB` not yet released by the main thread (shared counter), so a
 * huge tree is never held in memory whole. A file of its own (dist/read-worker.js): nothing but node:fs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readBytesSync } from './read-bytes.js';
import type { ReadAheadInit, ReadBatch, ReadItem } from './read-ahead.js';

const init = workerData as ReadAheadInit;
const released = new Int32Array(init.control);
const port = parentPort!;

/** A batch is posted at this many bytes or files (the first ones sooner: the main thread is waiting). */
const BATCH_BYTES = 512 * 1024;
const BATCH_FILES = 128;

let sentKiB = 0;
let items: ReadItem[] = [];
let chunks: Uint8Array[] = [];
let size = 0;

const post = (): void => {
  const buffer = new ArrayBuffer(size);
  const view = new Uint8Array(buffer);
  let at = 0;
  for (const c of chunks) {
    view.set(c, at);
    at += c.length;
  }
  const batch: ReadBatch = { items, buffer };
  port.postMessage(batch, [buffer]);
  sentKiB += Math.ceil(size / 1024);
  items = [];
  chunks = [];
  size = 0;
  // Wait while the main thread holds more than the limit unscanned.
  for (;;) {
    const seen = Atomics.load(released, 0);
    if (sentKiB - seen <= init.limitKiB) break;
    Atomics.store(released, 1, 1);
    // Looked at again after saying so: a release in between is not missed (and the wait is bounded).
    if (Atomics.load(released, 0) === seen) Atomics.wait(released, 0, seen, 100);
    Atomics.store(released, 1, 0);
  }
};

for (let i = init.from; i < init.paths.length; i++) {
  const r = readBytesSync(init.root, init.paths[i]!, init.maxBytes);
  if (r && 'bytes' in r) {
    items.push({ i, offset: size, length: r.bytes.length });
    chunks.push(new Uint8Array(r.bytes)); // a copy: the reader reuses its buffer (Buffer#slice would not copy)
    size += r.bytes.length;
  } else items.push({ i, result: r });
  const first = i - init.from < 16;
  if (first || size >= BATCH_BYTES || items.length >= BATCH_FILES) post();
}
if (items.length) post();
