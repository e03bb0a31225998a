/**
 * Local development: with WEBHOOK_PROXY_URL set (a smee.io channel, as `probot run` registration writes
 * to .env), forward the deliveries it receives to this server, as `probot run` does. smee-client is not
 * a dependency (v5 needs Node ^20.18 and pulls undici): it is used when installed
 * (`npm install --no-save smee-client@5`), else fetched on demand through npx the way Probot fetches it.
 * Never used when NODE_ENV is production: a proxy there would receive GitHub's events from a third party.
 */
import type { Logger } from 'probot';

interface SmeeClientLike {
  start(): Promise<{ close(): void }> | { close(): void };
}
type SmeeCtor = new (opts: { source: string; target: string; logger: Pick<Logger, 'info' | 'error'> }) => SmeeClientLike;

/** Module names held in variables: neither is a dependency, so the type checker must not look for them. */
const SMEE = 'smee-client';
const NPX_IMPORT = 'npx-import-light';

async function loadSmee(): Promise<SmeeCtor | undefined> {
  try {
    return ((await import(SMEE)) as { SmeeClient: SmeeCtor }).SmeeClient;
  } catch {
    // not installed: ask npx, as Probot does
  }
  try {
    const { npxImport } = (await import(NPX_IMPORT)) as { npxImport: (name: string, opts: object) => Promise<{ SmeeClient: SmeeCtor }> };
    return (await npxImport('smee-client@5.0.0', { onlyPackageRunner: true })).SmeeClient;
  } catch {
    return undefined;
  }
}

export interface ProxyTarget {
  /** The server's base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Start forwarding WEBHOOK_PROXY_URL to the running server's webhook path; resolves to a stop function. */
export async function startWebhookProxy(running: ProxyTarget, env: NodeJS.ProcessEnv = process.env, load: () => Promise<SmeeCtor | undefined> = loadSmee): Promise<(() => void) | undefined> {
  const source = env.WEBHOOK_PROXY_URL?.trim();
  if (!source) return undefined;
  if (env.NODE_ENV === 'production') {
    running.log.warn({ source }, "WEBHOOK_PROXY_URL is ignored in production: point the App's webhook URL at this server");
    return undefined;
  }
  const target = `${running.url.replace(/\/$/, '')}${env.WEBHOOK_PATH || '/api/github/webhooks'}`;
  const SmeeClient = await load();
  if (!SmeeClient) {
    running.log.warn({ source }, 'WEBHOOK_PROXY_URL is set but smee-client could not be loaded: run `npm install --no-save smee-client@5` to receive webhooks through the proxy');
    return undefined;
  }
  const events = await new SmeeClient({ source, target, logger: running.log }).start();
  running.log.info({ source, target }, 'forwarding webhooks from WEBHOOK_PROXY_URL (local development)');
  return () => events.close();
}
