/**
 * In-memory stores start from a migrated snapshot (TOKENWARDEN_PGLITE_SNAPSHOT, made once per run by
 * test/global-setup.ts): the same empty, fully migrated database as `initdb` + migrations, for a third
 * of the CPU. A snapshot that cannot be loaded is not fatal: the store starts fresh and migrates.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../cli/harness.js';

const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function memoryStore(snapshot: string | undefined): Promise<Store> {
  const before = process.env.TOKENWARDEN_PGLITE_SNAPSHOT;
  if (snapshot === undefined) delete process.env.TOKENWARDEN_PGLITE_SNAPSHOT;
  else process.env.TOKENWARDEN_PGLITE_SNAPSHOT = snapshot;
  try {
    const s = await openStore({ backend: 'pglite', dataDir: null });
    opened.push(s);
    return s;
  } finally {
    if (before === undefined) delete process.env.TOKENWARDEN_PGLITE_SNAPSHOT;
    else process.env.TOKENWARDEN_PGLITE_SNAPSHOT = before;
  }
}

describe('in-memory store snapshot', () => {
  it('is set up for every test process', () => {
    expect(process.env.TOKENWARDEN_PGLITE_SNAPSHOT).toMatch(/\.memory\.tar$/);
  });

  it('gives an empty database at the latest migration, as a fresh one does (a missing snapshot file: the store starts fresh)', async () => {
    const fromSnapshot = await (await memoryStore(process.env.TOKENWARDEN_PGLITE_SNAPSHOT)).status();
    const fresh = await (await memoryStore(join(tempDir(), 'missing.tar'))).status();
    expect(fromSnapshot).toEqual(fresh);
    expect(fromSnapshot.schemaVersion).toBe(LATEST_VERSION);
    expect(fromSnapshot.queue).toEqual(fresh.queue);
  }, 60_000);

  it('a snapshot that does not load is ignored: the store starts fresh and migrates', async () => {
    const bad = join(tempDir(), 'not-a-snapshot.tar');
    writeFileSync(bad, 'not a tarball');
    const s = await memoryStore(bad);
    expect((await s.status()).schemaVersion).toBe(LATEST_VERSION);
  }, 60_000);
});
