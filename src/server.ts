/**
 * `npm start`: the App as an HTTP server. Probot's standard environment (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, WEBHOOK_PATH, PORT, HOST, LOG_LEVEL, GHE_HOST / GHE_PROTOCOL),
 * Token Warden's pacing and retry knobs (TOKENWARDEN_*, see .env.example), the webhook route with
 * redeliveries answered once, and `/healthz` for load balancers and container probes. On SIGTERM it
 * stops accepting deliveries, lets evaluations in flight finish for a grace period, and completes the
 * check runs still in progress with an explanation. It also runs the rotation sweep on its schedule
 * (TOKENWARDEN_SWEEP_SCHEDULE, default daily at 06:00 UTC) and, with TOKENWARDEN_SWEEP_TOKEN set, on
 * `POST /api/sweep` (see src/app/sweep/).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { existsSync, realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, createProbot, type ApplicationFunction, type Logger } from 'probot';
import app from './index.js';
import { clientEnvProblems, clientOptionsFromEnv, createOctokitClass, type GitHubClientOptions } from './app/octokit.js';
import { CheckRunPublisher } from './app/check-run-publisher.js';
import { DeliveryLedger, signatureMatches } from './app/deliveries.js';
import { Sweeper, type SweepOptions } from './app/sweep/index.js';
import { describeSchedule, parseSchedule, SCHEDULE_ENV, SweepScheduler, type SweepSchedule } from './app/sweep/schedule.js';
import { bearerMatches, SWEEP_PATH, sweepEnvProblems, TOKEN_ENV } from './app/sweep/trigger.js';

export const DEFAULT_WEBHOOK_PATH = '/api/github/webhooks';
const PLACEHOLDER_SECRETS = new Set(['development', 'changeme', 'change-me', 'secret', 'webhook-secret', 'your-webhook-secret', 'test']);
const MIN_PRODUCTION_SECRET = 20;
/** How long a shutdown waits for evaluations in flight before completing their check runs as interrupted. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 8000;
/** GitHub caps webhook payloads at 25 MB. */
const MAX_PAYLOAD_BYTES = 26 * 1024 * 1024;

/** Reasons not to start. A webhook secret anyone can guess lets anyone forge events. */
export function environmentProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const secret = env.WEBHOOK_SECRET ?? '';
  const production = env.NODE_ENV === 'production';
  if (!secret.trim()) problems.push('WEBHOOK_SECRET is not set: GitHub signs every delivery with it, and unsigned events must be refused.');
  else if (PLACEHOLDER_SECRETS.has(secret.trim().toLowerCase())) problems.push(`WEBHOOK_SECRET is the placeholder "${secret}": set the random secret you gave GitHub when registering the App.`);
  else if (production && secret.length < MIN_PRODUCTION_SECRET) problems.push(`WEBHOOK_SECRET is shorter than ${MIN_PRODUCTION_SECRET} characters; generate one with \`openssl rand -hex 32\`.`);
  if (!/^\d+$/.test(env.APP_ID ?? '')) problems.push('APP_ID is not set (the numeric App ID from the App settings page).');
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) problems.push('PRIVATE_KEY or PRIVATE_KEY_PATH is not set (the App private key, PEM).');
  const port = env.PORT;
  if (port !== undefined && port !== '' && !(Number(port) >= 0 && Number(port) < 65536)) problems.push(`PORT "${port}" is not a port number.`);
  problems.push(...clientEnvProblems(env));
  const grace = env.TOKENWARDEN_SHUTDOWN_GRACE_MS;
  if (grace !== undefined && grace.trim() !== '' && !/^\d+$/.test(grace.trim())) problems.push(`TOKENWARDEN_SHUTDOWN_GRACE_MS "${grace}" is not a whole number of milliseconds.`);
  problems.push(...sweepEnvProblems(env));
  return problems;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  app?: ApplicationFunction;
  github?: GitHubClientOptions;
  log?: Logger;
  /** The rotation sweep's clock and concurrency (tests pin "today"). */
  sweep?: Pick<SweepOptions, 'now' | 'concurrency'>;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** The rotation sweep this server schedules and triggers. */
  sweeper: Sweeper;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const env = { ...(opts.env ?? process.env) };
  const problems = environmentProblems(env);
  if (problems.length) throw new Error(`Token Warden will not start:\n- ${problems.join('\n- ')}`);
  // Structured (JSON) logs in production unless asked otherwise, as `probot run` does.
  if (!env.LOG_FORMAT) env.LOG_FORMAT = env.NODE_ENV === 'production' ? 'json' : 'pretty';
  if (!env.LOG_LEVEL) env.LOG_LEVEL = 'info';
  const webhookPath = env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH;
  env.WEBHOOK_PATH = webhookPath;

  const github = { ...clientOptionsFromEnv(env), ...opts.github };
  const graceMs = env.TOKENWARDEN_SHUTDOWN_GRACE_MS?.trim() ? Number(env.TOKENWARDEN_SHUTDOWN_GRACE_MS) : DEFAULT_SHUTDOWN_GRACE_MS;
  const probot = createProbot({ env, overrides: { Octokit: createOctokitClass(github), ...(opts.log ? { log: opts.log } : {}) } });
  const webhooks = await createNodeMiddleware(opts.app ?? app, { probot, webhooksPath: webhookPath });
  const deliveries = new DeliveryLedger();
  const secret = env.WEBHOOK_SECRET ?? '';
  const sweeper = new Sweeper({ auth: (id) => probot.auth(id), log: probot.log, ...opts.sweep });
  const schedule = parseSchedule(env[SCHEDULE_ENV]) as SweepSchedule;
  const scheduler = new SweepScheduler(schedule, () => sweeper.run() ?? Promise.resolve(probot.log.info({}, 'rotation sweep already running: this turn skipped')), probot.log);
  const sweepToken = env[TOKEN_ENV]?.trim() ?? '';

  /**
   * A signed redelivery of a delivery handled (or being handled) here is answered at once and not judged
   * again. Anything else goes on to Probot, which verifies the signature itself.
   */
  const answeredAsDuplicate = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const id = req.headers['x-github-delivery'];
    if (typeof id !== 'string' || !id) return false;
    const raw = await readBody(req);
    if (raw === undefined) {
      res.writeHead(413, { 'content-type': 'application/json' }).end('{"error":"payload too large"}\n');
      return true;
    }
    // Probot's middleware reads a string body instead of the (now consumed) stream.
    (req as { body?: unknown }).body = raw.toString('utf8');
    const signature = req.headers['x-hub-signature-256'];
    if (!signatureMatches(secret, raw, typeof signature === 'string' ? signature : undefined)) return false;
    if (!deliveries.claim(id)) {
      probot.log.info({ delivery: id, event: req.headers['x-github-event'], state: deliveries.state(id) }, 'redelivery of a delivery already handled: ignored');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('duplicate delivery: already handled\n');
      return true;
    }
    // 2xx (202 = still processing) counts as handled; a failure lets a redelivery try again.
    res.once('close', () => deliveries.settle(id, res.writableFinished && res.statusCode < 300));
    return false;
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : '{"status":"ok"}\n');
      return;
    }
    if (path === SWEEP_PATH && req.method === 'POST' && sweepToken) {
      triggerSweep(req, res);
      return;
    }
    const handle = async (): Promise<void> => {
      if (req.method === 'POST' && path === webhookPath && (await answeredAsDuplicate(req, res))) return;
      await webhooks(req, res, () => {
        if (!res.headersSent) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}\n');
      });
    };
    handle().catch((e: unknown) => {
      probot.log.error({ err: { message: (e as Error).message } }, 'webhook handler failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  /** `POST /api/sweep`: start a sweep now (202), or say one is running (409). */
  const triggerSweep = (req: IncomingMessage, res: ServerResponse): void => {
    req.resume();
    const reply = (code: number, body: object): void => void res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
    if (!bearerMatches(req.headers.authorization, sweepToken)) return reply(401, { error: 'unauthorized' });
    const repositories = new URL(req.url ?? '/', 'http://localhost').searchParams.getAll('repo');
    const run = sweeper.run(repositories.length ? { repositories } : {});
    if (!run) return reply(409, { status: 'running' });
    run.catch((e: unknown) => probot.log.error({ err: { message: (e as Error).message } }, 'triggered rotation sweep failed'));
    probot.log.info({ repositories }, 'rotation sweep triggered over HTTP');
    reply(202, { status: 'started' });
  };

  // 0.0.0.0 by default: in a container the probe and the ingress do not come from localhost.
  const host = env.HOST || '0.0.0.0';
  const port = env.PORT ? Number(env.PORT) : 3000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  probot.log.info({ host: addr.address, port: addr.port, webhookPath }, 'Token Warden listening');
  scheduler.start();
  probot.log.info({ schedule: describeSchedule(schedule), next: scheduler.next?.toISOString(), trigger: sweepToken ? SWEEP_PATH : undefined }, 'rotation sweep scheduled');
  return {
    server,
    url: `http://${shownHost}:${addr.port}`,
    sweeper,
    close: async () => {
      // Stop accepting; let evaluations in flight finish; complete what is left; cut the connections
      // still waiting on them (GitHub records those deliveries as failed, and a redelivery redoes them).
      // A sweep stops after the repository in hand (the next run picks up where it left off).
      scheduler.stop();
      const closed = new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      const [interrupted] = await Promise.all([CheckRunPublisher.drain(graceMs), sweeper.stop(graceMs)]);
      if (interrupted) probot.log.warn({ interrupted, graceMs }, 'stopped with evaluations in flight: their check runs were completed as interrupted');
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The request body, or undefined beyond GitHub's payload cap. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_PAYLOAD_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const isMain = (): boolean => {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
};

if (isMain()) {
  // A local `.env` (as `probot run` writes it after registering the App); the real environment wins.
  if (existsSync('.env')) process.loadEnvFile('.env');
  startServer().then(
    (running) => {
      const stop = (): void => {
        running.close().finally(() => process.exit(0));
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (e: unknown) => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
