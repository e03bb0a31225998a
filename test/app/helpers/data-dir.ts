/**
 * Embedded-store data directories for servers under test. A new PGlite directory runs `initdb` in
 * WebAssembly: 4–11 s on this project's machine, too slow for every spawned server. So one directory is
 * initialised and migrated once (per migration set, cached under node_modules/.cache) and each server gets
 * a copy of it: opening a copy takes about a second.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS, openStore } from '../../../src/store/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

let template: Promise<string> | undefined;

/** A migrated, closed PGlite data directory to copy (made once, then reused across runs). */
export function templateDataDir(): Promise<string> {
  return (template ??= (async () => {
    const key = createHash('sha256')
      .update(MIGRATIONS.map((m) => `${m.version}:${m.name}:${m.sql}`).join('\n'))
      .digest('hex')
      .slice(0, 12);
    const cache = join(ROOT, 'node_modules', '.cache');
    const dir = join(cache, `tokenwarden-pglite-template-${key}`);
    if (existsSync(join(dir, 'pglite', 'PG_VERSION'))) return dir;
    mkdirSync(cache, { recursive: true });
    const making = mkdtempSync(join(cache, 'tokenwarden-pglite-making-'));
    const store = await openStore({ backend: 'pglite', dataDir: making });
    await store.close();
    rmSync(join(making, 'store.lock'), { force: true });
    try {
      renameSync(making, dir);
    } catch {
      // Another test file made it at the same time: use theirs.
      rmSync(making, { recursive: true, force: true });
    }
    return dir;
  })());
}

/** Copy the template's database into `dir` (made if missing); returns `dir`. */
export async function seedDataDir(dir: string): Promise<string> {
  const from = await templateDataDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  cpSync(join(from, 'pglite'), join(dir, 'pglite'), { recursive: true });
  return dir;
}

const PREFIX = 'tokenwarden-data-';
let swept = false;

/** Remove the data directories of test processes that are gone (test workers are not always let exit). */
function sweepStale(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^tokenwarden-data-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
      continue; // still running
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPERM') continue;
    }
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** A new temporary data directory holding a migrated database (named after this process: swept once it is gone). */
export function freshDataDir(): Promise<string> {
  if (!swept) {
    swept = true;
    sweepStale();
  }
  return seedDataDir(mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`)));
}
