/**
 * A Probot instance running Token Warden against `FakeGitHub` through nock (nock 14 intercepts fetch).
 * Every request the App sends is also recorded at the fetch level, so a test can prove that no raw
 * secret left the process, whatever the route.
 */
import { randomUUID } from 'node:crypto';
import nock from 'nock';
import { Probot } from 'probot';
import { createApp, type AppOptions } from '../../../src/index.js';
import { createOctokitClass, type GitHubClientOptions } from '../../../src/app/github/octokit.js';
import { FakeGitHub } from './fake-github.js';
import { memoryLogger, privateKey } from './keys.js';

export { memoryLogger, privateKey };

export const TODAY = new Date('2026-06-15T12:00:00Z');

export interface Sent {
  method: string;
  url: string;
  body: string;
}

export function interceptWithNock(fake: FakeGitHub): void {
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
    nock(fake.baseUrl)
      .persist()
      .intercept(() => true, method)
      .reply((uri, body) => {
        const r = fake.handle(method, uri, body);
        return [r.status, r.body === undefined ? '' : JSON.stringify(r.body), { 'content-type': 'application/json; charset=utf-8', ...r.headers }];
      });
  }
}

export interface Harness {
  probot: Probot;
  github: FakeGitHub;
  sent: Sent[];
  logs: string[];
  receive(name: string, payload: unknown, id?: string): Promise<void>;
}

export async function setup(opts: AppOptions & { github?: GitHubClientOptions } = {}): Promise<Harness> {
  nock.cleanAll();
  nock.disableNetConnect();
  const github = new FakeGitHub();
  interceptWithNock(github);
  const sent: Sent[] = [];
  const logs: string[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    sent.push({ method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? init.body : '' });
    return fetch(input, init);
  };
  const { github: clientOptions, ...appOptions } = opts;
  const probot = new Probot({
    appId: 1,
    privateKey: privateKey(),
    log: memoryLogger(logs),
    Octokit: createOctokitClass({ writeIntervalMs: 0, contentIntervalMs: 0, retryBaseMs: 1, ...clientOptions }),
    request: { fetch: recordingFetch },
  });
  await probot.load(createApp({ now: () => TODAY, ...appOptions }));
  return {
    probot,
    github,
    sent,
    logs,
    receive: (name, payload, id = randomUUID()) => probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]),
  };
}

/** Everything the App sent and logged, as one string to search for leaks. */
export const transcript = (h: Harness): string => [...h.sent.map((s) => `${s.method} ${s.url} ${s.body}`), ...h.logs].join('\n');

/** A GitHub PR-file `patch` that adds `lines` to a new file. */
export const patchAdding = (...lines: string[]): string => `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`;
