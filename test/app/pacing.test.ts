import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { createsContent, InstallationPacer, isWrite } from '../../src/app/pacing.js';
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
    expect(starts.b1!).toBeLessThan(30);
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

describe('the App\'s Octokit', () => {
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
