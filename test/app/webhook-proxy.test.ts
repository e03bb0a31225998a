import { describe, expect, it } from 'vitest';
import { startWebhookProxy } from '../../src/app/webhook-proxy.js';
import { memoryLogger } from './helpers/keys.js';

const logs: string[] = [];
const log = memoryLogger(logs);

describe('WEBHOOK_PROXY_URL for local development (as probot run)', () => {
  it('forwards the channel to the webhook path, and stops', async () => {
    const made: Array<{ source: string; target: string }> = [];
    let closed = false;
    class FakeSmee {
      constructor(o: { source: string; target: string }) {
        made.push({ source: o.source, target: o.target });
      }
      start() {
        return { close: () => (closed = true) };
      }
    }
    const stop = await startWebhookProxy({ url: 'http://127.0.0.1:3000', log }, { WEBHOOK_PROXY_URL: 'https://smee.io/abc' }, async () => FakeSmee);
    expect(made).toEqual([{ source: 'https://smee.io/abc', target: 'http://127.0.0.1:3000/api/github/webhooks' }]);
    stop!();
    expect(closed).toBe(true);
    await startWebhookProxy({ url: 'http://127.0.0.1:3000/', log }, { WEBHOOK_PROXY_URL: 'https://smee.io/abc', WEBHOOK_PATH: '/hooks' }, async () => FakeSmee);
    expect(made[1]!.target).toBe('http://127.0.0.1:3000/hooks');
  });

  it('does nothing without the variable, refuses in production, and says how to install smee-client when it is missing', async () => {
    expect(await startWebhookProxy({ url: 'http://x', log }, {}, async () => undefined)).toBeUndefined();
    logs.length = 0;
    expect(await startWebhookProxy({ url: 'http://x', log }, { WEBHOOK_PROXY_URL: 'https://smee.io/a', NODE_ENV: 'production' }, async () => undefined)).toBeUndefined();
    expect(logs[0]).toContain('ignored in production');
    expect(await startWebhookProxy({ url: 'http://x', log }, { WEBHOOK_PROXY_URL: 'https://smee.io/a' }, async () => undefined)).toBeUndefined();
    expect(logs[1]).toContain('npm install --no-save smee-client@5');
  });
});
