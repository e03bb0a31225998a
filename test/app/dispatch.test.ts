/**
 * The App inside Probot (src/app/webhooks/dispatch.ts, no store): events are described as jobs would be — no
 * title, no body — and judged at once; a failure is one scrubbed log line, and Probot, which logs the whole
 * payload when a handler throws, never sees it. The logger here serialises an error the way pino does
 * (its own enumerable properties too), so a leak shows when it happens.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Probot, type Logger } from 'probot';
import { probotApp } from '../../src/app/webhooks/dispatch.js';
import { RetryQueue } from '../../src/app/github/retry.js';
import type { JobPayload } from '../../src/app/jobs/payload.js';
import { githubToken } from '../helpers/tokens.js';
import { checkRunEvent, pullRequestEvent } from '../fixtures/webhooks/index.js';
import { privateKey } from './helpers/keys.js';

function pinoLike(lines: string[]): Logger {
  const serialise = (args: unknown[]): string => JSON.stringify(args, (_k, v: unknown) => (v instanceof Error ? { ...v, name: v.name, message: v.message, stack: v.stack } : v));
  const log: Record<string, unknown> = { level: 'trace' };
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) log[level] = (...args: unknown[]) => void lines.push(`${level} ${serialise(args)}`);
  log.child = () => log;
  return log as unknown as Logger;
}

const title = (): string => `Rotate ${githubToken('ghp', 'dispatch-title')}`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withTitle = (ev: Record<string, any>) => {
  ev.pull_request.title = title();
  ev.pull_request.body = title();
  return ev;
};

describe('the App inside Probot', () => {
  it('(control) Probot alone logs the whole payload at error level when a handler fails', async () => {
    const lines: string[] = [];
    const probot = new Probot({ appId: 1, privateKey: privateKey(), log: pinoLike(lines) });
    await probot.load((app) => {
      app.on('pull_request.opened', async () => {
        throw new Error('boom');
      });
    });
    await expect(probot.webhooks.receive({ id: randomUUID(), name: 'pull_request', payload: withTitle(pullRequestEvent('opened')) } as never)).rejects.toThrow('boom');
    expect(lines.filter((l) => l.startsWith('error')).join('\n')).toContain(githubToken('ghp', 'dispatch-title'));
  });

  it('hands the App a compact description of the event (no title, no body) and logs its failure in one scrubbed line; Probot logs nothing', async () => {
    const lines: string[] = [];
    const probot = new Probot({ appId: 1, privateKey: privateKey(), log: pinoLike(lines) });
    const seen: JobPayload[] = [];
    await probot.load(
      probotApp(
        {
          run: async (p) => {
            seen.push(p);
            throw new Error(`could not judge "${title()}"`);
          },
        },
        new RetryQueue(),
      ),
    );
    const id = randomUUID();
    await expect(probot.webhooks.receive({ id, name: 'pull_request', payload: withTitle(pullRequestEvent('opened', { number: 7 })) } as never)).resolves.toBeUndefined();
    expect(seen).toEqual([expect.objectContaining({ kind: 'pull_request', event: 'pull_request', action: 'opened', delivery: id, installation: 4242, pr: expect.objectContaining({ number: 7 }) })]);
    expect(JSON.stringify(seen)).not.toContain('Rotate');
    const errors = lines.filter((l) => l.startsWith('error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('webhook handler failed');
    expect(lines.join('\n')).not.toContain(githubToken('ghp', 'dispatch-title'));
  });

  it('leaves events the App does not act on alone, and runs a "judge again at" from memory', async () => {
    const probot = new Probot({ appId: 1, privateKey: privateKey(), log: pinoLike([]) });
    const runs: Array<{ kind: string; attempt: number | undefined }> = [];
    await probot.load(
      probotApp(
        {
          run: async (p, ctx) => {
            runs.push({ kind: p.kind, attempt: ctx.scope?.attempt });
            return runs.length === 1 ? { retryAt: new Date(Date.now() + 20) } : {};
          },
        },
        new RetryQueue(),
      ),
    );
    await probot.receive({ id: randomUUID(), name: 'check_run', payload: checkRunEvent('rerequested', { name: 'Some other check' }) } as never);
    await probot.receive({ id: randomUUID(), name: 'pull_request', payload: { ...pullRequestEvent('opened'), action: 'closed' } } as never);
    expect(runs).toEqual([]);
    await probot.receive({ id: randomUUID(), name: 'pull_request', payload: pullRequestEvent('synchronize') } as never);
    for (let i = 0; i < 100 && runs.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(runs).toEqual([
      { kind: 'pull_request', attempt: 0 },
      { kind: 'pull_request', attempt: 1 },
    ]);
  });
});
