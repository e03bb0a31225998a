import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdLease, KeyedMutex, LeaseLocks, LockTimeout, ProcessLocks } from '../../src/app/effects/locks.js';
import { openStore, type Store } from '../../src/store/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('locks in this process', () => {
  it('KeyedMutex / ProcessLocks: one holder per key, in arrival order; other keys alongside', async () => {
    const locks = new ProcessLocks();
    const log: string[] = [];
    const hold = (key: string, name: string) =>
      locks.run(key, async () => {
        log.push(`in ${name}`);
        await sleep(20);
        log.push(`out ${name}`);
      });
    await Promise.all([hold('a', 'a1'), hold('a', 'a2'), hold('b', 'b1')]);
    expect(log.indexOf('out a1')).toBeLessThan(log.indexOf('in a2'));
    expect(log.indexOf('in b1')).toBeLessThan(log.indexOf('out a1'));
    expect(await new KeyedMutex().run('k', async () => 7)).toBe(7);
  });
});

describe('locks across instances (store.leases)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ backend: 'pglite', dataDir: null });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('two LeaseLocks on one store ("two instances") never hold one key at once', async () => {
    const a = new LeaseLocks(store.leases, { prefix: 't1:', owner: 'instance-a' });
    const b = new LeaseLocks(store.leases, { prefix: 't1:', owner: 'instance-b' });
    let inside = 0;
    let most = 0;
    const hold = (l: LeaseLocks) =>
      l.run('acme/api', async () => {
        most = Math.max(most, ++inside);
        await sleep(30);
        inside--;
      });
    await Promise.all([hold(a), hold(b), hold(a), hold(b)]);
    expect(most).toBe(1);
    expect(await store.leases.get('t1:acme/api')).toBeUndefined(); // released at the end
  });

  it('a holder that died blocks only until its lease runs out; then the next one takes it', async () => {
    await store.leases.acquire('t2:acme/api', 'dead-instance', 150);
    const locks = new LeaseLocks(store.leases, { prefix: 't2:', owner: 'live-instance' });
    const t0 = Date.now();
    await locks.run('acme/api', async () => undefined);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
  });

  it('renews the lease while it is held, past its time to live', async () => {
    const locks = new LeaseLocks(store.leases, { prefix: 't3:', owner: 'instance-a', ttlMs: 400 });
    const other = new LeaseLocks(store.leases, { prefix: 't3:', owner: 'instance-b', waitMs: 100 });
    await locks.run('k', async (signal) => {
      await sleep(1300); // more than three times the lease (renewed every 133 ms)
      expect(signal.aborted).toBe(false);
      expect((await store.leases.get('t3:k'))!.owner).toBe('instance-a');
      await expect(other.run('k', async () => 'never')).rejects.toBeInstanceOf(LockTimeout);
    });
    await expect(other.run('k', async () => 'now')).resolves.toBe('now');
  });

  it('tells the holder when its lease was lost (taken after it ran out)', async () => {
    // A pause longer than the lease (a stalled event loop, say): someone else took it over meanwhile.
    const short = (await holdLease(store.leases, 't5:k', 'slow', 60))!;
    await store.leases.release('t5:k', 'slow');
    await store.leases.acquire('t5:k', 'other', 60_000);
    await sleep(60);
    expect(short.signal.aborted).toBe(true);
    await short.release();
    expect((await store.leases.get('t5:k'))!.owner).toBe('other'); // not released by the one that lost it
  });
});
