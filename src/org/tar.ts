/**
 * A streaming reader of the tar.gz archives GitHub serves for a commit (`GET /repos/{o}/{r}/tarball/{ref}`,
 * made by `git archive`): ustar headers, pax extended headers (long paths), GNU long names. Entries the
 * caller does not want are skipped without being held in memory; wanted ones are handed over whole.
 * The first path component (`owner-repo-sha/`) is removed.
 */

export interface TarEntry {
  /** Path inside the repository. */
  path: string;
  /** Regular file (everything else — directories, links — is `other`). */
  file: boolean;
  size: number;
}

export class TarError extends Error {
  override name = 'TarError';
}

class ByteReader {
  private chunks: Uint8Array[] = [];
  private have = 0;
  private done = false;
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.have < n && !this.done) {
      const { done, value } = await this.reader.read();
      if (done) this.done = true;
      else if (value.length) {
        this.chunks.push(value);
        this.have += value.length;
      }
    }
    return this.have >= n;
  }

  /** Exactly `n` bytes, or null at the end of the stream. */
  async read(n: number): Promise<Uint8Array | null> {
    if (!(await this.fill(n))) return null;
    const out = new Uint8Array(n);
    let off = 0;
    while (off < n) {
      const c = this.chunks[0]!;
      const take = Math.min(c.length, n - off);
      out.set(c.subarray(0, take), off);
      off += take;
      if (take === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(take);
    }
    this.have -= n;
    return out;
  }

  /** Discard `n` bytes without keeping them. */
  async skip(n: number): Promise<boolean> {
    let left = n;
    while (left > 0) {
      if (!this.chunks.length && !(await this.fill(1))) return false;
      const c = this.chunks[0]!;
      const take = Math.min(c.length, left);
      if (take === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(take);
      this.have -= take;
      left -= take;
    }
    return true;
  }

  cancel(): Promise<void> {
    return this.reader.cancel().catch(() => undefined);
  }
}

const text = (b: Uint8Array, start: number, len: number): string => {
  const s = b.subarray(start, start + len);
  const end = s.indexOf(0);
  return Buffer.from(end === -1 ? s : s.subarray(0, end)).toString('utf8');
};

function number(b: Uint8Array, start: number, len: number): number {
  // Base-256 (GNU) for sizes over 8 GB: the high bit of the first byte is set.
  if (b[start]! & 0x80) {
    let n = b[start]! & 0x7f;
    for (let i = 1; i < len; i++) n = n * 256 + b[start + i]!;
    return n;
  }
  const s = text(b, start, len).trim();
  if (!/^[0-7]*$/.test(s)) throw new TarError(`bad number in a tar header: ${JSON.stringify(s)}`);
  return s ? parseInt(s, 8) : 0;
}

const checksumOk = (h: Uint8Array): boolean => {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === number(h, 148, 8);
};

function paxPath(data: Uint8Array): string | undefined {
  const s = Buffer.from(data).toString('utf8');
  let path: string | undefined;
  for (let i = 0; i < s.length;) {
    const sp = s.indexOf(' ', i);
    if (sp === -1) break;
    const len = Number(s.slice(i, sp));
    if (!Number.isInteger(len) || len <= 0) break;
    const rec = s.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq !== -1 && rec.slice(0, eq) === 'path') path = rec.slice(eq + 1);
    i += len;
  }
  return path;
}

const stripTop = (p: string): string => p.replace(/^[^/]*\//, '');

/**
 * Read a gzip-compressed tar stream. `want(entry)` decides whether a regular file's bytes are read (up
 * to its size) and handed to `onFile`; the rest is skipped as it streams by.
 */
export async function readTarGz(
  body: ReadableStream<Uint8Array>,
  want: (e: TarEntry) => boolean,
  onFile: (path: string, bytes: Uint8Array) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const gunzip = new DecompressionStream('gzip') as unknown as { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };
  const r = new ByteReader(body.pipeThrough(gunzip).getReader() as ReadableStreamDefaultReader<Uint8Array>);
  let longName: string | undefined;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('interrupted');
      const h = await r.read(512);
      if (!h) return; // a stream that ends without the two zero blocks: git archive writes them, but be lenient
      if (h.every((x) => x === 0)) return;
      if (!checksumOk(h)) throw new TarError('a tar header does not check out (not a tar archive, or cut short)');
      const size = number(h, 124, 12);
      const type = String.fromCharCode(h[156]!);
      const padded = Math.ceil(size / 512) * 512;
      if (type === 'x' || type === 'L') {
        const data = await r.read(padded);
        if (!data) throw new TarError('the archive ends inside a header');
        longName = type === 'x' ? paxPath(data.subarray(0, size)) : text(data, 0, size);
        continue;
      }
      if (type === 'g') {
        if (!(await r.skip(padded))) throw new TarError('the archive ends inside a header');
        continue;
      }
      const magic = text(h, 257, 6);
      const prefix = magic.startsWith('ustar') ? text(h, 345, 155) : '';
      const raw = longName ?? (prefix ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100));
      longName = undefined;
      const entry: TarEntry = { path: stripTop(raw), file: type === '0' || type === '\0', size };
      if (entry.file && entry.path && want(entry)) {
        const data = await r.read(padded);
        if (!data) throw new TarError(`the archive ends inside ${entry.path}`);
        await onFile(entry.path, data.subarray(0, size));
      } else if (!(await r.skip(padded))) throw new TarError('the archive ends inside an entry');
    }
  } finally {
    await r.cancel();
  }
}
