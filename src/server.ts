/**
 * `npm start`: the App as an HTTP server. Probot's standard environment (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, WEBHOOK_PATH, PORT, HOST, LOG_LEVEL, GHE_HOST / GHE_PROTOCOL),
 * the store (TOKENWARDEN_DATA_DIR for the embedded database, or DATABASE_URL), Token Warden's knobs
 * (TOKENWARDEN_*, see .env.example), and:
 *
 *   webhook ─ src/app/webhooks/webhook-route.ts: refuse before reading, verify on the bytes ─ src/app/jobs/intake.ts:
 *             record the delivery + enqueue its job in ONE store transaction ─ 202 (a redelivery: 200)
 *   jobs    ─ src/app/jobs/runner.ts: TOKENWARDEN_WORKERS at once, one per repository across the fleet,
 *             leases, retries ─ src/app/jobs/handlers.ts → evaluate → check run, issues
 *   recovery ─ src/app/jobs/recovery.ts: at start and every minute, check runs left in progress (a crash)
 *             are finished by judging the change again
 *
 * `/healthz` says the process is up; `/readyz` that the store answers, with the queue's depth. Probot's own
 * webhook middleware is not used: it re-reads and re-verifies the body and logs it when that fails.
 *
 * On SIGTERM it stops accepting deliveries and taking jobs, lets the jobs in hand finish for part of the
 * grace period and hands the rest back to the queue, completes the check runs still in progress with an
 * explanation, closes the store, and exits: within the grace period plus SHUTDOWN_EXIT_MARGIN_MS whatever
 * happens. It also runs the rotation sweep on its schedule (TOKENWARDEN_SWEEP_SCHEDULE, default daily at
 * 06:00 UTC) and, with TOKENWARDEN_SWEEP_TOKEN set, on `POST /api/sweep` (see src/app/sweep/).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { existsSync, realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createProbot, type Logger } from 'probot';
import { appOptionsFromEnv, createTokenWarden, type TokenWarden } from './index.js';
import { clientEnvProblems, clientOptionsFromEnv, createOctokitClass, type GitHubClient, type GitHubClientOptions } from './app/github/octokit.js';
import { OpenRuns } from './app/effects/check-run-publisher.js';
import { errorFields } from './app/errors.js';
import { WebhookRoute, type RouteLimits } from './app/webhooks/webhook-route.js';
import { IssueDesk } from './app/effects/remediation.js';
import { Revoker, scheduleRerun } from './app/effects/revocation.js';
import { StoreIntake } from './app/jobs/intake.js';
import { JobRunner } from './app/jobs/runner.js';
import { RunRecovery } from './app/jobs/recovery.js';
import { AuditCheckpoints, checkpointSettings } from './app/effects/audit.js';
import { readiness } from './app/jobs/readiness.js';
import { jobEnvProblems, jobSettingsFromEnv, type JobSettings } from './app/jobs/settings.js';
import { openStore, storeOptionsFromEnv, type Store } from './store/index.js';
import { Sweeper, type SweepOptions } from './app/sweep/index.js';
import { describeSchedule, parseSchedule, SCHEDULE_ENV, SweepScheduler, type SweepSchedule } from './app/sweep/schedule.js';
import { bearerMatches, SWEEP_PATH, sweepEnvProblems, TOKEN_ENV } from './app/sweep/trigger.js';
import { REPORT_PATH, reportEnvProblems, reportRoute, reportToken } from './report/evidence/route.js';
import { exitOnStartupProblems } from './app/startup-check.js';
import { startWebhookProxy } from './app/webhook-proxy.js';

export const DEFAULT_WEBHOOK_PATH = '/api/github/webhooks';
const PLACEHOLDER_SECRETS = new Set(['development', 'changeme', 'change-me', 'secret', 'webhook-secret', 'your-webhook-secret', 'test']);
const MIN_PRODUCTION_SECRET = 20;
/** How long a shutdown waits for evaluations in flight before completing their check runs as interrupted. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 8000;
/** A process still stopping this long after its grace period is made to exit (see `isMain` below). */
export const SHUTDOWN_EXIT_MARGIN_MS = 1000;
const MB = 1024 * 1024;

/** The webhook route's limits (src/app/webhooks/webhook-route.ts) as environment variables. */
const ROUTE_KNOBS = {
  TOKENWARDEN_WEBHOOK_MAX_PENDING: { min: 1, unit: 'requests' },
  TOKENWARDEN_WEBHOOK_BUFFER_MB: { min: 25, unit: "megabytes (at least GitHub's 25 MB payload cap)" },
  TOKENWARDEN_WEBHOOK_READ_TIMEOUT_MS: { min: 1, unit: 'milliseconds' },
} as const;

/** A whole-number variable, or undefined when unset or blank. */
const wholeNumber = (env: NodeJS.ProcessEnv, name: string): number | undefined => (env[name]?.trim() ? Number(env[name].trim()) : undefined);

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
  for (const [name, { min, unit }] of Object.entries(ROUTE_KNOBS)) {
    const v = env[name];
    if (v?.trim() && !(/^\d+$/.test(v.trim()) && Number(v) >= min)) problems.push(`${name} "${v}" is not a whole number of ${unit}${min > 1 ? ` of at least ${min}` : ''}.`);
  }
  problems.push(...sweepEnvProblems(env));
  problems.push(...reportEnvProblems(env));
  problems.push(...jobEnvProblems(env));
  try {
    storeOptionsFromEnv(env);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

/** The webhook route's limits from the environment (checked by `environmentProblems`). */
export function routeLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<RouteLimits> {
  const maxPending = wholeNumber(env, 'TOKENWARDEN_WEBHOOK_MAX_PENDING');
  const bufferMb = wholeNumber(env, 'TOKENWARDEN_WEBHOOK_BUFFER_MB');
  const readTimeoutMs = wholeNumber(env, 'TOKENWARDEN_WEBHOOK_READ_TIMEOUT_MS');
  return {
    ...(maxPending !== undefined ? { maxPending } : {}),
    ...(bufferMb !== undefined ? { bufferBytes: bufferMb * MB } : {}),
    ...(readTimeoutMs !== undefined ? { readTimeoutMs } : {}),
  };
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** What judges a job (default: Token Warden itself, configured from the environment, on the store). */
  app?: Pick<TokenWarden, 'run'> & Partial<Pick<TokenWarden, 'openRuns'>>;
  /** An open store to run on (closed by `close()`); default: `openStore(env)`. */
  store?: Store;
  github?: GitHubClientOptions;
  log?: Logger;
  /** The rotation sweep's clock and concurrency (tests pin "today"). */
  sweep?: Pick<SweepOptions, 'now' | 'concurrency'>;
  /** The webhook route's limits; the environment's TOKENWARDEN_WEBHOOK_* win over the defaults, these over both. */
  limits?: Partial<RouteLimits>;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** The rotation sweep this server schedules and triggers. */
  sweeper: Sweeper;
  store: Store;
  /** The workers taking jobs from the store. */
  runner: JobRunner;
  /** Finishes check runs left in progress. */
  recovery: RunRecovery;
  settings: JobSettings;
  /** TOKENWARDEN_SHUTDOWN_GRACE_MS: `close()` returns within about this long. */
  graceMs: number;
  log: Logger;
  /** True once no job is ready or running (in this process or another) and none is in hand here; false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean>;
  /**
   * Stop accepting (new connections refused, requests on kept-alive ones answered 503) and taking jobs,
   * let the jobs in hand finish for part of the grace period and hand the rest back to the queue,
   * complete the check runs still open as interrupted, close the store and every connection. Idempotent.
   */
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)).unref());

/**
 * How the grace period is shared at shutdown. Handlers in flight may finish first (`handlersMs`), so
 * that one about to start its check run gets to; then the check-run drain gets what remains but
 * `closeMs`, at least `drainMs`: it waits for the runs still open for half of it and completes the rest
 * as interrupted in the other half (one GitHub write each, serialised per installation, so it needs the
 * larger share); `closeMs` is for closing the connections and exiting.
 */
export function shutdownBudget(graceMs: number): { handlersMs: number; drainMs: number; closeMs: number } {
  const closeMs = Math.min(250, Math.floor(graceMs / 10));
  const drainMs = Math.min(6000, Math.floor((graceMs * 3) / 4));
  return { handlersMs: Math.max(0, graceMs - drainMs - closeMs), drainMs, closeMs };
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
  const graceMs = wholeNumber(env, 'TOKENWARDEN_SHUTDOWN_GRACE_MS') ?? DEFAULT_SHUTDOWN_GRACE_MS;
  const settings = jobSettingsFromEnv(env);
  const store = opts.store ?? (await openStore(env));
  try {
    // Writes are paced per installation by the store's write slots: the whole fleet keeps one pace.
    let pacingErrors = 0;
    const Octokit = createOctokitClass({
      ...github,
      pacer: store.pacing,
      onPacingError: (e) => {
        if (pacingErrors++ % 100 === 0) probot.log.warn({ err: errorFields(e), times: pacingErrors }, "write pacing: the store could not be asked; this write went on this process's pace");
      },
    });
    const probot = createProbot({ env, overrides: { Octokit, ...(opts.log ? { log: opts.log } : {}) } });
    // Probot sets itself up (its logger among it) asynchronously; loading no app waits for that. The App's
    // handlers are not Probot event handlers: they run from the job queue.
    await probot.load(() => undefined, {
      cwd: process.cwd(),
      addHandler: () => {
        throw new Error('Token Warden serves no routes for apps (addHandler)');
      },
    });
    return await serveOn({ opts, env, probot, store, github, graceMs, settings, webhookPath });
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}

interface Setup {
  opts: StartOptions;
  env: NodeJS.ProcessEnv;
  probot: ReturnType<typeof createProbot>;
  store: Store;
  github: GitHubClientOptions;
  graceMs: number;
  settings: JobSettings;
  webhookPath: string;
}

async function serveOn({ opts, env, probot, store, github, graceMs, settings, webhookPath }: Setup): Promise<RunningServer> {
  const log = probot.log;
  log.info({ backend: store.backend, schemaVersion: store.migration.version, migrated: store.migration.applied, instance: store.instanceId }, 'store open');
  const auth = (installation: number): Promise<GitHubClient> => probot.auth(installation) as unknown as Promise<GitHubClient>;
  const app =
    opts.app ??
    createTokenWarden({
      ...appOptionsFromEnv(env),
      // A dead worker's hold on an issue (a claim to create it, the issue repository's lock) runs out as
      // its jobs' leases do: TOKENWARDEN_JOB_LEASE_MS (the desk's own defaults at the default lease).
      desk: new IssueDesk(store, { claimMs: settings.leaseMs, lockMs: Math.min(30_000, settings.leaseMs) }),
      runs: { checkRuns: store.checkRuns, owner: store.instanceId },
      audit: store,
      // Installation backfills put one job per repository in the queue (src/app/jobs/backfill.ts).
      queue: store.jobs,
      // Leaked GitHub tokens, where the policy asks: submitted once across the fleet (the store's ledger and budget).
      revocation: new Revoker({ ledger: store.revocations, owner: `${store.instanceId}:revoke`, schedule: scheduleRerun(store.jobs) }),
    });
  const openRuns = app.openRuns ?? new OpenRuns();
  const route = new WebhookRoute({
    path: webhookPath,
    secret: env.WEBHOOK_SECRET ?? '',
    log,
    intake: new StoreIntake(store.deliveries),
    limits: { ...routeLimitsFromEnv(env), ...opts.limits },
  });
  const runner = new JobRunner({
    queue: store.jobs,
    owner: store.instanceId,
    app,
    auth,
    log,
    concurrency: settings.workers,
    leaseMs: settings.leaseMs,
    pollMs: settings.pollMs,
    backoffBaseMs: 5 * (github.retryBaseMs ?? 1000),
    intake: route,
  });
  const recovery = new RunRecovery({ store, auth, log, staleMs: settings.staleRunMs, everyMs: settings.recoveryIntervalMs });
  const checkpoints = new AuditCheckpoints(store, log, checkpointSettings(env));
  // The sweep's per-repository lease lives in the store, shared by every instance.
  const sweeper = new Sweeper({ auth: (id) => probot.auth(id), log, store, audit: store, ...opts.sweep });
  const schedule = parseSchedule(env[SCHEDULE_ENV]) as SweepSchedule;
  const scheduler = new SweepScheduler(schedule, () => sweeper.run() ?? Promise.resolve(log.info({}, 'rotation sweep already running: this turn skipped')), log);
  const sweepToken = env[TOKEN_ENV]?.trim() ?? '';
  // GET /api/report (the evidence report), behind TOKENWARDEN_REPORT_TOKEN, else the sweep's token.
  const evidenceToken = reportToken(env);
  const serveReport = evidenceToken ? reportRoute({ store, token: evidenceToken, log }) : undefined;

  const serve = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void => {
    if (route.serve(req, res, expectsContinue)) return;
    if (expectsContinue) res.writeContinue();
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      // 503 while stopping, so that a load balancer sends no more deliveries here.
      const [code, body] = route.draining ? [503, '{"status":"stopping"}\n'] : [200, '{"status":"ok"}\n'];
      res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path === '/readyz' && (req.method === 'GET' || req.method === 'HEAD')) {
      req.resume();
      void readiness(store, { draining: route.draining, workers: { active: runner.active, concurrency: settings.workers } }).then((r) => {
        if (r.error !== undefined) log.warn({ err: errorFields(r.error) }, 'readiness: the store did not answer');
        res.writeHead(r.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : `${JSON.stringify(r.body)}\n`);
      });
      return;
    }
    if (path === SWEEP_PATH && req.method === 'POST' && sweepToken) {
      triggerSweep(req, res);
      return;
    }
    if (path === REPORT_PATH && (req.method === 'GET' || req.method === 'HEAD') && serveReport) {
      serveReport(req, res);
      return;
    }
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}\n');
  };
  const server = createServer((req, res) => serve(req, res, false));
  // `Expect: 100-continue`: a refused request is answered before the client sends its body.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => serve(req, res, true));

  /** `POST /api/sweep`: start a sweep now (202), or say one is running (409). */
  const triggerSweep = (req: IncomingMessage, res: ServerResponse): void => {
    req.resume();
    const reply = (code: number, body: object): void => void res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
    if (!bearerMatches(req.headers.authorization, sweepToken)) return reply(401, { error: 'unauthorized' });
    const repositories = new URL(req.url ?? '/', 'http://localhost').searchParams.getAll('repo');
    const run = sweeper.run(repositories.length ? { repositories } : {});
    if (!run) return reply(409, { status: 'running' });
    run.catch((e: unknown) => log.error({ err: { message: (e as Error).message } }, 'triggered rotation sweep failed'));
    log.info({ repositories }, 'rotation sweep triggered over HTTP');
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
  runner.start();
  recovery.start();
  checkpoints.start();
  log.info({ host: addr.address, port: addr.port, webhookPath, backend: store.backend, workers: settings.workers }, 'Token Warden listening');
  scheduler.start();
  log.info({ schedule: describeSchedule(schedule), next: scheduler.next?.toISOString(), trigger: sweepToken ? SWEEP_PATH : undefined }, 'rotation sweep scheduled');

  const shutdown = async (): Promise<void> => {
    const deadline = Date.now() + graceMs;
    const budget = shutdownBudget(graceMs);
    route.draining = true;
    route.summarize();
    scheduler.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A sweep stops after the repository in hand (the next run picks up where it left off).
    const sweeping = sweeper.stop(graceMs - budget.closeMs);
    const recovering = recovery.stop(budget.handlersMs);
    // Jobs in hand may finish until the grace is nearly over; those still running then go back to the
    // queue (the next start, or another instance, takes them).
    const stopping = runner.stop(Math.max(0, deadline - budget.closeMs - Date.now())).catch((e: unknown) => {
      log.error({ err: errorFields(e) }, 'stopping the workers failed');
      return { finished: 0, handedBack: 0 };
    });
    await Promise.race([stopping, sleep(budget.handlersMs)]);
    // Check runs still open are completed as interrupted, with the time that remains; a job whose run was
    // interrupted is put back in the queue when its handler returns.
    const drainMs = Math.max(0, deadline - Date.now() - budget.closeMs);
    const interrupted = await Promise.race([openRuns.drain(drainMs), sleep(drainMs + budget.closeMs).then(() => -1)]);
    if (interrupted < 0) log.warn({ graceMs }, 'the check-run drain overran its share of the grace period');
    if (interrupted > 0) log.warn({ interrupted, graceMs }, 'stopped with evaluations in flight: their check runs were completed as interrupted');
    const stopped = await stopping;
    if (stopped.handedBack) log.warn({ handedBack: stopped.handedBack, graceMs }, 'stopped with jobs in hand: they were handed back to the queue');
    await Promise.race([Promise.all([sweeping, recovering]), sleep(deadline - budget.closeMs - Date.now())]);
    // What the drain and the deliveries being recorded still write, then the store closes (an open PGlite
    // keeps the process alive).
    const storeDeadline = deadline - Math.floor(budget.closeMs / 2);
    await Promise.all([openRuns.flush(storeDeadline - Date.now()), route.settled(storeDeadline - Date.now())]);
    await Promise.race([checkpoints.stop(), sleep(storeDeadline - Date.now())]);
    await Promise.race([store.close().catch((e: unknown) => log.error({ err: errorFields(e) }, 'closing the store failed')), sleep(storeDeadline - Date.now())]);
    server.closeAllConnections();
    await Promise.race([closed, sleep(deadline - Date.now())]);
  };
  const idle = async (timeoutMs: number): Promise<boolean> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const q = await store.jobs.stats();
      if (q.ready === 0 && q.running === 0 && runner.active === 0) return true;
      if (Date.now() > end) return false;
      await sleep(20);
    }
  };
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${shownHost}:${addr.port}`,
    sweeper,
    store,
    runner,
    recovery,
    settings,
    graceMs,
    log,
    idle,
    close: () => (closing ??= shutdown()),
  };
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
  exitOnStartupProblems(environmentProblems(process.env)); // APP_ID and the key named precisely, before Probot's errors
  startServer().then(
    (running) => {
      startWebhookProxy(running).catch((e: unknown) => running.log.warn({ err: errorFields(e) }, 'WEBHOOK_PROXY_URL: the proxy did not start'));
      const stop = (signal: NodeJS.Signals): void => {
        // The orchestrator kills us soon after its own grace period: exit on time whatever close() waits for.
        const limit = running.graceMs + SHUTDOWN_EXIT_MARGIN_MS;
        setTimeout(() => {
          running.log.error({ signal, limitMs: limit }, 'shutdown overran its grace period: exiting now');
          process.exit(1);
        }, limit).unref();
        running.close().then(
          () => process.exit(0),
          (e: unknown) => {
            running.log.error({ err: errorFields(e) }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      // Once: a second signal of the same kind gets Node's default, an immediate exit.
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (e: unknown) => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
