/**
 * The App's durable path as a user meets it, per store back end: the real server (`npm start`'s
 * src/server.ts, a child process), a loopback GitHub stand-in, and a burst of 200 signed pull-request
 * webhooks over 10 installations. Printed, not asserted (the e2e suite asserts the behaviour):
 *
 *   acknowledgement p50/p99/max (client: connect to answer), time from webhook to completed check run
 *   p50/p95, jobs (pull requests judged) per second, the server's peak memory (VmHWM);
 *   and one 3,000-file pull request (30 pages of files, GitHub's cap), webhook to completed check run,
 *   with the server's CPU time and the API requests it made.
 *
 * Back ends: embedded PGlite always; PostgreSQL when TOKENWARDEN_BENCH_DATABASE_URL (or, under
 * .ci/postgres.sh, TOKENWARDEN_TEST_DATABASE_URL) names a server it may create databases on.
 * Run: `npm run bench:app` (part of `npm run bench`). Override the burst: TOKENWARDEN_BENCH_BURST=N.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildServer, removeBuild, spawnServer, type ServerProcess } from '../../test/app/helpers/server-process.js';
import { startStandIn, type StandIn } from '../../test/app/helpers/stand-in.js';
import { templateDataDir } from '../../test/app/helpers/data-dir.js';
import { postgresHarness } from '../../test/store/helpers/harness.js';
import { burst, makeBurst, outcome, percentile, serverEnv, settled, timeToCompletion, type BurstPr } from '../../test/e2e/helpers/durable.js';
import { pullRequestEvent, repository, sha } from '../../test/fixtures/webhooks/index.js';
import { patchAdding } from '../../test/app/helpers/harness.js';
import { githubToken } from '../../test/helpers/tokens.js';
import { randomUUID } from 'node:crypto';

const COUNT = Number(process.env.TOKENWARDEN_BENCH_BURST ?? 200);
if (!process.env.TOKENWARDEN_TEST_DATABASE_URL && process.env.TOKENWARDEN_BENCH_DATABASE_URL) process.env.TOKENWARDEN_TEST_DATABASE_URL = process.env.TOKENWARDEN_BENCH_DATABASE_URL;

let standIn: StandIn;
let build: string;
const rows: string[] = [];

beforeAll(async () => {
  standIn = await startStandIn({ latencyMs: 2 });
  build = buildServer();
  await templateDataDir();
}, 120_000);

afterAll(async () => {
  await standIn?.close();
  if (build) removeBuild(build);
  console.log(['', `App, ${COUNT}-webhook burst over 10 installations (real server, loopback GitHub stand-in, 2 ms latency):`, ...rows, ''].join('\n'));
}, 30_000);

/** Peak resident memory of a child process (Linux /proc), in MiB. */
function peakMiB(s: ServerProcess): string {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.child.pid}/status`, 'utf8'));
    return m ? `${(Number(m[1]) / 1024).toFixed(0)} MiB` : 'n/a';
  } catch {
    return 'n/a';
  }
}

async function measure(label: string, env: Record<string, string>): Promise<void> {
  const server = await spawnServer(build, serverEnv(standIn, env));
  try {
    const prs = makeBurst(standIn, `bench-${label}`, COUNT);
    const t0 = Date.now();
    const acks = await burst(prs, () => server.url);
    await settled(standIn, prs, 300_000);
    const seconds = (Date.now() - t0) / 1000;
    const o = outcome(standIn, prs);
    const ack = acks.map((a) => a.ms);
    const ttc = timeToCompletion(standIn, acks);
    const ok = o.missing.length + o.inProgress.length + o.wrong.length === 0 ? 'all judged right' : `PROBLEMS ${JSON.stringify(o)}`;
    const ms = (n: number): string => `${Math.round(n)} ms`;
    rows.push(
      `  ${label.padEnd(10)} ack p50 ${ms(percentile(ack, 50))}, p99 ${ms(percentile(ack, 99))}, max ${ms(Math.max(...ack))} · ` +
        `to completed run p50 ${ms(percentile(ttc, 50))}, p95 ${ms(percentile(ttc, 95))} · ${(COUNT / seconds).toFixed(1)} jobs/s · peak ${peakMiB(server)} · ${ok}`,
    );
  } finally {
    await server.stop('SIGTERM', 10_000);
  }
}

/** CPU seconds (user + system) a child process has used so far (Linux /proc). */
function cpuSeconds(s: ServerProcess): number {
  const f = readFileSync(`/proc/${s.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** A pull request of `count` files (ordinary TypeScript), one of them leaking a token near the end. */
function bigPr(standIn: StandIn, count: number): BurstPr {
  const [owner, name] = ['bench-huge', 'monorepo'];
  const head = sha(`huge-${count}`);
  const token = githubToken('ghp', `huge-${count}`);
  const files = Array.from({ length: count }, (_, i) => ({
    filename: `packages/p${i % 40}/src/m${i}.ts`,
    patch: patchAdding(`import { log } from '../log.js';`, `export function f${i}(x: number): number {`, `  log('f${i}', x);`, `  return x * ${i};`, '}'),
  }));
  files[count - 50] = { filename: 'packages/p30/.env.production', patch: patchAdding('NODE_ENV=production', `GITHUB_TOKEN=${token}`) };
  standIn.github.pull(`${owner}/${name}`, { number: 1, headSha: head, files, changedFiles: files.length });
  const ev = pullRequestEvent('opened', { number: 1, headSha: head, changedFiles: files.length });
  const r = repository(owner, name);
  ev.repository = r;
  ev.pull_request.head.repo = r;
  ev.pull_request.base.repo = r;
  ev.installation = { id: 4242 };
  return { id: randomUUID(), repo: `${owner}/${name}`, installation: 4242, number: 1, head, token, body: JSON.stringify(ev) };
}

describe('App: one 3,000-file pull request', () => {
  it('embedded PGlite', async () => {
    const server = await spawnServer(build, serverEnv(standIn, {}));
    try {
      const pr = bigPr(standIn, 3000);
      const cpu0 = cpuSeconds(server);
      const from = standIn.exchanges.length;
      const acks = await burst([pr], () => server.url);
      await settled(standIn, [pr], 300_000);
      const [ms] = timeToCompletion(standIn, acks);
      const o = outcome(standIn, [pr]);
      const calls = standIn.exchanges.slice(from).filter((e) => !e.path.startsWith('/app/')).length;
      rows.push(
        `  3,000-file PR: webhook to completed run ${Math.round(ms ?? NaN)} ms · server CPU ${(cpuSeconds(server) - cpu0).toFixed(2)} s · ${calls} API requests · peak ${peakMiB(server)} · ` +
          (o.missing.length + o.inProgress.length + o.wrong.length === 0 ? 'judged right' : `PROBLEMS ${JSON.stringify(o)}`),
      );
    } finally {
      await server.stop('SIGTERM', 10_000);
    }
  }, 600_000);
});

describe('App: durable burst per back end', () => {
  it('embedded PGlite', async () => {
    await measure('PGlite', {});
  }, 600_000);

  const pg = postgresHarness();
  it('PostgreSQL', async () => {
    if (pg.skip) {
      rows.push(`  PostgreSQL skipped: ${pg.skip} (set TOKENWARDEN_BENCH_DATABASE_URL, or run under .ci/postgres.sh)`);
      return;
    }
    const db = await pg.fresh();
    if (db.backend !== 'postgres') throw new Error('not a PostgreSQL harness');
    try {
      await measure('PostgreSQL', { DATABASE_URL: db.connectionString, TOKENWARDEN_DB_POOL_SIZE: '5' });
    } finally {
      await pg.teardown();
    }
  }, 600_000);
});
