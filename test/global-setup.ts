/**
 * Once per test run, before any test file: a migrated in-memory database snapshot for the store
 * (TOKENWARDEN_PGLITE_SNAPSHOT, src/store/pglite.ts). Every in-memory store a test opens then starts
 * from it instead of running `initdb` in WebAssembly — about 2 s of CPU saved per store, and the suite
 * opens dozens. Made from the migrated template data directory (cached under node_modules/.cache per
 * migration set), so it is rebuilt only when the migrations change.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { templateDataDir } from './app/helpers/data-dir.js';

export default async function setup(): Promise<void> {
  if (process.env.TOKENWARDEN_PGLITE_SNAPSHOT) return;
  const template = await templateDataDir();
  const snapshot = join(template, '..', `${basename(template)}.memory.tar`);
  if (!existsSync(snapshot)) {
    const copy = mkdtempSync(join(template, '..', 'tokenwarden-pglite-snapshot-'));
    try {
      cpSync(join(template, 'pglite'), join(copy, 'pglite'), { recursive: true });
      const pg = new PGlite(join(copy, 'pglite'));
      await pg.waitReady;
      const dump = await pg.dumpDataDir('none');
      await pg.close();
      const tmp = `${snapshot}.${process.pid}`;
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      renameSync(tmp, snapshot);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  process.env.TOKENWARDEN_PGLITE_SNAPSHOT = snapshot;
}
