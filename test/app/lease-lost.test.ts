/**
 * An evaluation whose job went to another worker (the job's lease was lost: a long GC pause, a network
 * partition from the store) stops at once: no issue, no completion, no audit record of its own — the new
 * holder adopts the check run and judges the change. A stop of the worker is different: the drain
 * completes its runs as interrupted (test/app/server.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { githubToken } from '../helpers/tokens.js';
import { pullRequestEvent, sha } from '../fixtures/webhooks/index.js';
import { patchAdding, setup, TODAY } from './helpers/harness.js';
import { createTokenWarden } from '../../src/index.js';
import { describeEvent, isIgnored } from '../../src/app/jobs/payload.js';
import { LeaseLost } from '../../src/jobs/worker.js';
import type { GitHubClient } from '../../src/app/github/octokit.js';

const REPO = 'acme/api';

afterEach(() => {
  nock.cleanAll();
});

async function judgeWithLease(loseAt: (method: string, path: string) => boolean) {
  const h = await setup();
  const head = sha('lease-lost');
  h.github.pull(REPO, { number: 41, headSha: head, files: [{ filename: 'src/config.ts', status: 'added', patch: patchAdding(`const t = "${githubToken('ghp', 'lease-lost')}";`) }] });
  const lease = new AbortController();
  const handle = h.github.handle.bind(h.github);
  h.github.handle = (method, url, body) => {
    if (loseAt(method, new URL(url, h.github.baseUrl).pathname)) lease.abort(new LeaseLost('job 1: lease lost'));
    return handle(method, url, body);
  };
  const described = describeEvent('pull_request', pullRequestEvent('opened', { number: 41, headSha: head }), 'delivery-lease');
  if (isIgnored(described)) throw new Error(described.ignored);
  const app = createTokenWarden({ now: () => TODAY });
  const octokit = (await h.probot.auth(4242)) as unknown as GitHubClient;
  const logs: string[] = [];
  const log = { info: () => undefined, warn: (_o: object, m: string) => void logs.push(m), error: (_o: object, m: string) => void logs.push(m) };
  const outcome = await app.run(described.payload, { octokit, log, scope: { superseded: lease.signal } });
  return { h, outcome, logs, app };
}

describe('an evaluation whose job was taken over', () => {
  it('stops at once when the lease is lost mid-evaluation: no issue, no completion, not left for the drain', async () => {
    const { h, outcome, logs, app } = await judgeWithLease((m, p) => m === 'GET' && p.endsWith('/files'));
    expect(outcome).toEqual({});
    expect(logs).toContain('evaluation abandoned: its job was taken over by another worker');
    expect(h.github.writes).toEqual(['POST /repos/acme/api/check-runs']);
    expect(h.github.checkRuns.get(1)!.updates).toEqual([]);
    // The new holder completes it; this App's shutdown must not interrupt it.
    expect(app.openRuns.count).toBe(0);
  });

  it('judges to the end while the lease holds', async () => {
    const { h, outcome } = await judgeWithLease(() => false);
    expect(outcome).toEqual({});
    expect(h.github.checkRuns.get(1)!.updates[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(h.github.writes).toContain('POST /repos/acme/api/issues');
  });
});
