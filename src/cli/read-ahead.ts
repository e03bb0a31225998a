/**
 * Reading a tree's files on another thread while this one scans (a single-threaded scan's file-system
 * calls cost ~13 % of its time on many small files). The thread (read-worker.ts) reads in listing
 * order with the same reader as this thread, so what each file comes to is the same: only where the
 * system calls run changes. If the thread cannot start or dies, the files it has not delivered are
 * read here, so no file is lost.
 */
import { Worker } from 'node:worker_threads';
import type { BytesResult } from './read-bytes.js';
import { readBytesSync } from './read-bytes.js';

export interface ReadAheadInit {
  root: string;
  paths: string[];
  /** The thread reads paths[from…]; this thread reads the first ones itself while it starts. */
  from: number;
  maxBytes: number;
  /**
   * Int32 [0]: KiB this thread has released (scanned); the reader waits when too far ahead, and sets
   * [1] while it waits (so a release wakes it only then: a wake is a system call).
   */
  control: SharedArrayBuffer;
  limitKiB: number;
}

/** One file of a batch: its bytes at [offset, offset + length) of the batch's buffer, or what else it came to. */
export type ReadItem = { i: number; offset: number; length: number } | { i: number; result: Exclude<BytesResult, { bytes: Uint8Array }> };

export interface ReadBatch {
  items: ReadItem[];
  buffer: ArrayBuffer;
}

export class ReadAhead {
  private readonly worker: Worker | undefined;
  private readonly released: Int32Array;
  private readonly ready = new Map<number, BytesResult>();
  /** KiB of each batch still holding unscanned files, by the index of its last file. */
  private readonly batchEnds: Array<{ last: number; kib: number }> = [];
  private waiting: (() => void) | undefined;
  private failed = false;

  constructor(
    private readonly root: string,
    private readonly paths: string[],
    private readonly maxBytes: number,
    from: number,
    workerUrl: URL,
    limitKiB = 8 * 1024,
  ) {
    const control = new SharedArrayBuffer(8);
    this.released = new Int32Array(control);
    const init: ReadAheadInit = { root, paths, from, maxBytes, control, limitKiB };
    try {
      this.worker = new Worker(workerUrl, { workerData: init });
    } catch {
      this.failed = true;
      return;
    }
    this.worker.on('message', (b: ReadBatch) => this.receive(b));
    // Whatever it has not delivered is read here (take); an error is not the scan's failure.
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
  }

  private receive(b: ReadBatch): void {
    const bytes = new Uint8Array(b.buffer);
    let last = -1;
    for (const it of b.items) {
      this.ready.set(it.i, 'result' in it ? it.result : { bytes: bytes.subarray(it.offset, it.offset + it.length) });
      last = it.i;
    }
    this.batchEnds.push({ last, kib: Math.ceil(b.buffer.byteLength / 1024) });
    this.wake();
  }

  private fail(): void {
    this.failed = true;
    this.wake();
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  /** File `i`'s bytes (indexes taken in increasing order), read by the thread or, failing that, here. */
  async take(i: number): Promise<BytesResult> {
    for (;;) {
      if (this.ready.has(i)) {
        const r = this.ready.get(i)!;
        this.ready.delete(i);
        this.release(i);
        return r;
      }
      if (this.failed) return readBytesSync(this.root, this.paths[i]!, this.maxBytes);
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** A batch whose last file was taken is released: the reader may go on. */
  private release(i: number): void {
    while (this.batchEnds.length && this.batchEnds[0]!.last <= i) {
      Atomics.add(this.released, 0, this.batchEnds.shift()!.kib);
      if (Atomics.load(this.released, 1) === 1) Atomics.notify(this.released, 0);
    }
  }

  /** Stop the thread (after the last file, or when the scan stops early). */
  async close(): Promise<void> {
    this.failed = true;
    await this.worker?.terminate();
  }
}
