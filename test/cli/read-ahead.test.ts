/**
 * The read-ahead thread (src/cli/read-ahead.ts): what every file comes to must be exactly what this
 * thread's own reader gives (bytes, skips, exclusions, files gone), in order, whatever the flow-control
 * limit; if the thread cannot start, the files are read here and nothing is lost.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/cli/read-ahead.js';
import { readBytesSync, type BytesResult } from '../../src/cli/read-bytes.js';
import { tempDir } from './harness.js';

let workerUrl: URL;

beforeAll(() => {
  // The worker as the bundle ships it (a file of its own), built from the sources under test.
  const out = join(tempDir(), 'read-worker.js');
  buildSync({ entryPoints: [join(import.meta.dirname, '..', '..', 'src', 'cli', 'read-worker.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  workerUrl = pathToFileURL(out);
});

const MAX = 200_000;

/** 400 files of every kind the reader tells apart. */
function tree(): { root: string; paths: string[] } {
  const root = tempDir();
  const paths: string[] = [];
  const add = (rel: string, content: string | Uint8Array): void => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
    paths.push(rel);
  };
  for (let i = 0; i < 400; i++) {
    const kind = i % 10;
    if (kind === 0) add(`d${i % 7}/empty-${i}.txt`, '');
    else if (kind === 1)
      add(`d${i % 7}/big-${i}.txt`, `${i}:`.repeat(40_000)); // > one 64 KiB read
    else if (kind === 2)
      add(`d${i % 7}/huge-${i}.txt`, 'y'.repeat(MAX + 1)); // over the size limit
    else if (kind === 3) add(`d${i % 7}/bin-${i}.bin`, new Uint8Array([0, 1, 2, i & 255, 0, 9]));
    else if (kind === 4) add(`d${i % 7}/utf-${i}.md`, `ünïcödé ${i} ✓\n`.repeat(i));
    else add(`d${i % 7}/f-${i}.js`, `const v${i} = "${'x'.repeat(i)}";\n`);
  }
  symlinkSync('d0/f-5.js', join(root, 'link.js'));
  paths.push('link.js');
  mkdirSync(join(root, 'a-folder'));
  paths.push('a-folder'); // a git submodule is listed like a file
  execFileSync('mkfifo', [join(root, 'pipe')]);
  paths.push('pipe');
  paths.push('gone.txt'); // listed, then deleted
  return { root, paths };
}

/** A comparable form: the bytes copied out (a view into a reused buffer otherwise). */
const plain = (r: BytesResult): unknown => (r && 'bytes' in r ? { bytes: Buffer.from(r.bytes).toString('base64') } : r);

async function readAll(ra: ReadAhead, root: string, paths: string[], from: number): Promise<unknown[]> {
  const out: unknown[] = [];
  try {
    for (let i = 0; i < paths.length; i++) out.push(plain(i < from ? readBytesSync(root, paths[i]!, MAX) : await ra.take(i)));
  } finally {
    await ra.close();
  }
  return out;
}

describe('ReadAhead', () => {
  it('gives every file exactly what the reader of this thread gives, in order', async () => {
    const { root, paths } = tree();
    const want = paths.map((p) => plain(readBytesSync(root, p, MAX)));
    const kinds = new Set(want.map((w) => (w === null ? 'gone' : Object.keys(w as object)[0])));
    expect([...kinds].sort()).toEqual(['bytes', 'excluded', 'gone', 'skipped']);
    expect(await readAll(new ReadAhead(root, paths, MAX, 16, workerUrl), root, paths, 16)).toEqual(want);
  });

  it('runs at most the limit ahead of the scan and still delivers everything', async () => {
    const { root, paths } = tree();
    const want = paths.map((p) => plain(readBytesSync(root, p, MAX)));
    // 1 KiB: the reader waits for a release after every batch.
    expect(await readAll(new ReadAhead(root, paths, MAX, 0, workerUrl, 1), root, paths, 0)).toEqual(want);
  });

  it('reads here what a thread that cannot start does not deliver', async () => {
    const { root, paths } = tree();
    const want = paths.map((p) => plain(readBytesSync(root, p, MAX)));
    const missing = pathToFileURL(join(tempDir(), 'no-such-worker.js'));
    expect(await readAll(new ReadAhead(root, paths, MAX, 0, missing), root, paths, 0)).toEqual(want);
    rmSync(root, { recursive: true, force: true });
  });

  it('stops its thread when the scan stops early', async () => {
    const { root, paths } = tree();
    const ra = new ReadAhead(root, paths, MAX, 0, workerUrl, 1);
    await ra.take(0);
    const t0 = Date.now();
    await ra.close();
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
