/** `scanned N files, M MB` on stderr: only on a terminal, and only once a scan has run a while. */
import type { OutStream } from './io.js';
import { formatBytes } from '../report/summary.js';

const AFTER_MS = 1500;
const EVERY_MS = 200;

export class Progress {
  private files = 0;
  private bytes = 0;
  private shown = false;
  private last = 0;
  private readonly started: number;

  constructor(
    private readonly out: OutStream,
    private readonly enabled: boolean,
    private readonly clock: () => number = Date.now,
  ) {
    this.started = clock();
  }

  tick(bytes: number): void {
    this.files++;
    this.bytes += bytes;
    if (!this.enabled) return;
    const now = this.clock();
    if (now - this.started < AFTER_MS || now - this.last < EVERY_MS) return;
    this.last = now;
    this.shown = true;
    this.out.write(`\rscanned ${this.files} files, ${formatBytes(this.bytes)}\x1b[K`);
  }

  done(): void {
    if (this.shown) this.out.write('\r\x1b[K');
  }
}
