/**
 * Probot must not log a payload when a handler fails: @octokit/webhooks attaches the event to the error
 * and Probot's default error handler logs it at error level. The logger here serialises an error the way
 * pino does (its own enumerable properties too), so the leak shows when it happens.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Probot, type Logger } from 'probot';
import { EventDispatch } from '../../src/app/dispatch.js';
import { githubToken } from '../helpers/tokens.js';
import { privateKey } from './helpers/keys.js';

function pinoLike(lines: string[]): Logger {
  const serialise = (args: unknown[]): string =>
    JSON.stringify(args, (_k, v: unknown) => (v instanceof Error ? { ...v, name: v.name, message: v.message, stack: v.stack } : v));
  const log: Record<string, unknown> = { level: 'trace' };
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) log[level] = (...args: unknown[]) => void lines.push(`${level} ${serialise(args)}`);
  log.child = () => log;
  return log as unknown as Logger;
}

const title = (): string => `Rotate ${githubToken('ghp', 'dispatch-title')}`;
const payload = () => ({ action: 'opened', pull_request: { number: 1, title: title(), body: title() } });

describe('dispatching a verified event to the App', () => {
  it('(control) Probot alone logs the whole payload at error level when a handler fails', async () => {
    const lines: string[] = [];
    const probot = new Probot({ appId: 1, privateKey: privateKey(), log: pinoLike(lines) });
    await probot.load((app) => {
      app.on('pull_request.opened', async () => {
        throw new Error('boom');
      });
    });
    await expect(probot.webhooks.receive({ id: randomUUID(), name: 'pull_request', payload: payload() } as never)).rejects.toThrow('boom');
    expect(lines.filter((l) => l.startsWith('error')).join('\n')).toContain(githubToken('ghp', 'dispatch-title'));
  });

  it('hands the payload to the handlers and their first error to the caller; Probot logs nothing', async () => {
    const lines: string[] = [];
    const probot = new Probot({ appId: 1, privateKey: privateKey(), log: pinoLike(lines) });
    const dispatch = new EventDispatch(probot);
    const seen: string[] = [];
    await probot.load((app) => {
      app.on('pull_request.opened', async (c) => {
        seen.push(c.payload.pull_request.title);
        throw new Error('first');
      });
      app.on('pull_request', async () => {
        throw new Error('second');
      });
      app.onAny(async (c) => void seen.push(`any ${c.name}`));
    });
    const id = randomUUID();
    await expect(dispatch.dispatch(id, 'pull_request', payload())).rejects.toThrow('first');
    expect(seen).toEqual([title(), 'any pull_request']);
    expect(lines.filter((l) => !l.startsWith('debug') && !l.startsWith('trace'))).toEqual([]);
    expect(lines.join('\n')).not.toContain(githubToken('ghp', 'dispatch-title'));
    // The same delivery id again (a redelivery after a failure) starts clean.
    const ok = new Probot({ appId: 1, privateKey: privateKey(), log: pinoLike(lines) });
    const quiet = new EventDispatch(ok);
    await ok.load((app) => app.on('pull_request', async () => undefined));
    await expect(quiet.dispatch(id, 'pull_request', payload())).resolves.toBeUndefined();
  });

  it('an event whose error still reaches Probot (its own transform failing) carries no enumerable payload', async () => {
    const lines: string[] = [];
    const probot = new Probot({ appId: 1, privateKey: privateKey(), log: pinoLike(lines) });
    const dispatch = new EventDispatch(probot);
    // Registered straight on @octokit/webhooks, bypassing the guard, as a stand-in for any error path
    // inside Probot that attaches the event to an error and logs it.
    await probot.load(() => undefined);
    probot.webhooks.on('pull_request', async () => {
      throw new Error('unguarded');
    });
    await expect(dispatch.dispatch(randomUUID(), 'pull_request', payload())).rejects.toThrow('unguarded');
    const errors = lines.filter((l) => l.startsWith('error')).join('\n');
    expect(errors).toContain('unguarded');
    expect(errors).toContain('"name":"pull_request"');
    expect(errors).not.toContain(githubToken('ghp', 'dispatch-title'));
  });
});
