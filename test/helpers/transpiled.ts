/**
 * `src/` (or some of its folders) as plain JavaScript for child processes — the server as `npm start`
 * runs it, the store killed mid-job — under node_modules/.cache so that packages resolve from the
 * project. No type checking (that is `tsc`'s job); esbuild transpiles file by file, as tsc would emit.
 *
 * Built once per content: the directory is named by a hash of the sources, so every test file (each
 * in its own process) reuses the first one's build instead of transpiling 500 files again (~5 s of CPU
 * each time). A build is written to a temporary directory and renamed into place, so concurrent test
 * files never see half a build; builds of older sources are pruned after a while.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, 'node_modules', '.cache');
/** A build of other sources is removed once it is this old (a run still using it is long done). */
const STALE_MS = 30 * 60_000;

function sources(dir: string, recursive: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? (recursive ? sources(join(dir, e.name), true) : []) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))
    .sort();
}

/** The build directory (its files at `<dir>/src/...`, mirroring the repository) of `folders` under src/. */
export function transpiled(prefix: string, folders: Array<{ path: string; recursive: boolean }>): string {
  const files = folders.flatMap((f) => sources(join(ROOT, f.path), f.recursive));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(f)).update('\0');
  const out = join(CACHE, `${prefix}-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(out, '.built'))) return out;
  mkdirSync(CACHE, { recursive: true });
  const tmp = mkdtempSync(join(CACHE, `${prefix}-tmp-`));
  buildSync({ entryPoints: files, outdir: join(tmp, 'src'), outbase: join(ROOT, 'src'), format: 'esm', platform: 'node', target: 'node20', bundle: false, logLevel: 'error' });
  mkdirSync(join(tmp, '.built'));
  try {
    renameSync(tmp, out);
  } catch {
    // Another test file built the same sources first: use theirs.
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(prefix, out);
  return out;
}

function prune(prefix: string, keep: string): void {
  for (const name of readdirSync(CACHE)) {
    const p = join(CACHE, name);
    if (!name.startsWith(`${prefix}-`) || p === keep) continue;
    try {
      if (Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}
