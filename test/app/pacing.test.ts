import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { createsContent, InstallationPacer, isWrite } from '../../src/app/github/pacing.js';
import { openStore, type Store } from '../../src/store/index.js';
import { setup } from './helpers/harness.js';

afterEach(() => {
  nock.cleanAll();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('InstallationPacer', () => {
  it('runs the writes of one installation one at a time, spaced, and other installations alongside', async () => {
    const pacer = new InstallationPacer({ writeIntervalMs: 60, contentIntervalMs: 60 });
    const log: string[] = [];
    const t0 = Date.now();
    const job = (name: string) => async () => {
      log.push(`start ${name} ${Date.now() - t0}`);
      await sleep(20);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([pacer.run('installation:1', false, job('a1')), pacer.run('installation:1', false, job('a2')), pacer.run('installation:2', false, job('b1'))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    const starts = Object.fromEntries(log.filter((l) => l.startsWith('start')).map((l) => [l.split(' ')[1], Number(l.split(' ')[2])]));
    // a2 starts only after a1 ended (serial) plus the gap; b1 does not wait for installation 1.
    expect(log.indexOf('end a1')).toBeLessThan(log.findIndex((l) => l.startsWith('start a2')));
    expect(starts.a2! - starts.a1!).toBeGreaterThanOrEqual(20 + 55);
    expect(starts.b1).toBeLessThan(30);
  });

  it('keeps going after a failed write', async () => {
    const pacer = new InstallationPacer({ writeIntervalMs: 0, contentIntervalMs: 0 });
    await expect(pacer.run('k', false, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pacer.run('k', false, async () => 'ok')).resolves.toBe('ok');
  });

  it('classifies requests', () => {
    expect(isWrite('GET', '/repos/{owner}/{repo}/issues')).toBe(false);
    expect(isWrite('POST', '/app/installations/{installation_id}/access_tokens')).toBe(false);
    expect(isWrite('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}')).toBe(true);
    expect(createsContent('POST', '/repos/{owner}/{repo}/issues')).toBe(true);
    expect(createsContent('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(true);
    expect(createsContent('POST', '/repos/{owner}/{repo}/check-runs')).toBe(false);
  });
});

describe("the App's Octokit", () => {
  it('paces writes per installation, not across the whole process', async () => {
    const h = await setup({ github: { writeIntervalMs: 150, contentIntervalMs: 150 } });
    const [one, two] = await Promise.all([h.probot.auth(1), h.probot.auth(2)]);
    // Warm up: the first request of each installation fetches its token.
    await Promise.all([one.request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'one' }), two.request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'two' })]);
    const body = { name: 'x', head_sha: 'a'.repeat(40) };
    const t0 = Date.now();
    await Promise.all([
      one.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'one', ...body }),
      one.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'one', ...body }),
      two.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'two', ...body }),
    ]);
    const at = (repo: string) => h.github.requests.filter((r) => r.path === `/repos/acme/${repo}/check-runs`).map((r) => r.at - t0);
    const [first, second] = at('one');
    expect(second! - first!).toBeGreaterThanOrEqual(140);
    expect(at('two')[0]!).toBeLessThan(100);
  });
});

describe('write pacing across the fleet (store.pacing)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ backend: 'pglite', dataDir: null });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  // Slots are `interval` apart on the database's clock; a write starts when its answer arrives plus the
  // wait, so on a loaded machine two starts can come closer than the interval by the difference in the
  // two claims' latencies. The checks allow for that, and use intervals large against it.
  it('two pacers on one store ("two instances") space the writes of one installation across both', async () => {
    const interval = 300;
    const opts = { writeIntervalMs: interval, contentIntervalMs: interval };
    const [a, b] = [new InstallationPacer(opts, { slots: store.pacing }), new InstallationPacer(opts, { slots: store.pacing })];
    expect(a.shared).toBe(true);
    const starts: Array<[string, number]> = [];
    const t0 = Date.now();
    const job = (name: string) => async () => {
      starts.push([name, Date.now() - t0]);
      await sleep(5);
    };
    // Installation 7 on both instances at once; installation 8 alongside, not held up by 7.
    await Promise.all([
      a.run('installation:7', false, job('a1')),
      b.run('installation:7', false, job('b1')),
      a.run('installation:7', false, job('a2')),
      b.run('installation:7', false, job('b2')),
      b.run('installation:8', false, job('other')),
    ]);
    const seven = starts
      .filter(([n]) => n !== 'other')
      .map(([, t]) => t)
      .sort((x, y) => x - y);
    expect(seven).toHaveLength(4);
    // Four writes of one installation from two processes' pacers: one slot each, an interval apart.
    for (let i = 1; i < seven.length; i++) expect(seven[i]! - seven[i - 1]!).toBeGreaterThanOrEqual(interval / 2);
    // Three intervals from first to last, less what one claim's answer may lag another's on a loaded
    // machine (CI with parallel test files saw 80 ms): unpaced, the four would start together (below).
    expect(seven[3]! - seven[0]!).toBeGreaterThanOrEqual(3 * interval - interval / 2);
    expect(starts.find(([n]) => n === 'other')![1]).toBeLessThan(seven[2]!);
    // Without the store, the same two pacers would each go at once.
    const [c, d] = [new InstallationPacer(opts), new InstallationPacer(opts)];
    const t1 = Date.now();
    const lone: number[] = [];
    await Promise.all([c.run('installation:9', false, async () => void lone.push(Date.now() - t1)), d.run('installation:9', false, async () => void lone.push(Date.now() - t1))]);
    expect(Math.abs(lone[0]! - lone[1]!)).toBeLessThan(interval / 2);
  });

  it('issues and comments also take a slot in the content lane, spaced by the content interval', async () => {
    const opts = { writeIntervalMs: 20, contentIntervalMs: 300 };
    const [a, b] = [new InstallationPacer(opts, { slots: store.pacing }), new InstallationPacer(opts, { slots: store.pacing })];
    const at: number[] = [];
    const t0 = Date.now();
    await Promise.all([a.run('installation:11', true, async () => void at.push(Date.now() - t0)), b.run('installation:11', true, async () => void at.push(Date.now() - t0))]);
    at.sort((x, y) => x - y);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(200);
  });

  it("an urgent write (a shutdown completing check runs) does not queue behind the fleet's slots", async () => {
    const opts = { writeIntervalMs: 1000, contentIntervalMs: 1000 };
    const pacer = new InstallationPacer(opts, { slots: store.pacing });
    // Another instance has taken the next slots of installation 12.
    for (let i = 0; i < 3; i++) await store.pacing.claimWriteSlot(12, 1000, 'write');
    const t0 = Date.now();
    await pacer.run('installation:12', false, async () => undefined, true);
    expect(Date.now() - t0).toBeLessThan(200);
  });

  it("a write goes on this process's pace when the store cannot be asked", async () => {
    const errors: unknown[] = [];
    const broken = { claimWriteSlot: () => Promise.reject(new Error('database down')) };
    const pacer = new InstallationPacer({ writeIntervalMs: 10, contentIntervalMs: 10 }, { slots: broken, onError: (e) => errors.push(e) });
    await expect(pacer.run('installation:13', false, async () => 'ok')).resolves.toBe('ok');
    expect(errors).toHaveLength(1);
  });

  it("the App's Octokit with `pacer: store.pacing` waits for a slot another instance took", async () => {
    const h = await setup({ github: { writeIntervalMs: 300, contentIntervalMs: 300, pacer: store.pacing } });
    const gh = await h.probot.auth(21);
    await gh.request('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'one' }); // fetch the token first
    // The other instance claims installation 21's next write slot.
    expect(await store.pacing.claimWriteSlot(21, 300, 'write')).toBe(0);
    const t0 = Date.now();
    await gh.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'one', name: 'x', head_sha: 'a'.repeat(40) });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });
});
