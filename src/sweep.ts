/**
 * `npm run sweep` (`node dist/src/sweep.js`): one rotation sweep over every installation, then exit —
 * for a cron job or a Kubernetes CronJob when the server's own schedule is off
 * (`TOKENWARDEN_SWEEP_SCHEDULE=off`). Same environment as the server (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, GHE_HOST, LOG_*, TOKENWARDEN_* pacing knobs); no webhook secret needed.
 *
 *   node dist/src/sweep.js [--dry-run] [--repo owner/name]...
 *
 * Exit code: 0 when every repository was swept, 1 when some failed (the log says which), 2 for a
 * configuration or usage error. Running it while the server (or another job) sweeps is safe: each
 * repository's reminders are written under a lease.
 */
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createProbot } from 'probot';
import { clientEnvProblems, clientOptionsFromEnv, createOctokitClass, type GitHubClientOptions } from './app/github/octokit.js';
import { runSweep, type SweepOptions, type SweepSummary } from './app/sweep/index.js';

export interface SweepArgs {
  dryRun: boolean;
  repositories: string[];
}

export function parseSweepArgs(argv: readonly string[]): SweepArgs | { error: string } {
  const out: SweepArgs = { dryRun: false, repositories: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--repo' || a.startsWith('--repo=')) {
      const v = a === '--repo' ? argv[++i] : a.slice('--repo='.length);
      if (!v || !/^[^/\s]+\/[^/\s]+$/.test(v)) return { error: `--repo needs owner/name, got ${v ?? 'nothing'}` };
      out.repositories.push(v);
    } else if (a === '--help' || a === '-h') return { error: 'usage: tokenwarden-sweep [--dry-run] [--repo owner/name]...' };
    else return { error: `unknown argument ${a}; usage: tokenwarden-sweep [--dry-run] [--repo owner/name]...` };
  }
  return out;
}

export function sweepJobProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (!/^\d+$/.test(env.APP_ID ?? '')) problems.push('APP_ID is not set (the numeric App ID from the App settings page).');
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) problems.push('PRIVATE_KEY or PRIVATE_KEY_PATH is not set (the App private key, PEM).');
  problems.push(...clientEnvProblems(env));
  return problems;
}

/** One sweep with the App configured by `env`. */
export async function sweepOnce(env: NodeJS.ProcessEnv, args: SweepArgs, extra: { github?: GitHubClientOptions } & Pick<SweepOptions, 'now'> = {}): Promise<SweepSummary> {
  const e = { ...env };
  if (!e.LOG_FORMAT) e.LOG_FORMAT = e.NODE_ENV === 'production' ? 'json' : 'pretty';
  if (!e.LOG_LEVEL) e.LOG_LEVEL = 'info';
  const probot = createProbot({ env: e, overrides: { Octokit: createOctokitClass({ ...clientOptionsFromEnv(e), ...extra.github }) } });
  const app = await probot.auth();
  return runSweep({
    auth: (id) => (id === undefined ? Promise.resolve(app) : probot.auth(id)),
    log: probot.log,
    dryRun: args.dryRun,
    ...(args.repositories.length ? { repositories: args.repositories } : {}),
    ...(extra.now ? { now: extra.now } : {}),
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
  if (existsSync('.env')) process.loadEnvFile('.env');
  const args = parseSweepArgs(process.argv.slice(2));
  if ('error' in args && /^usage:/.test(args.error) && process.argv.some((a) => a === '--help' || a === '-h')) {
    console.log(args.error);
    process.exit(0);
  }
  const problems = 'error' in args ? [args.error] : sweepJobProblems(process.env);
  if (problems.length) {
    console.error(`Token Warden sweep will not run:\n- ${problems.join('\n- ')}`);
    process.exit(2);
  }
  sweepOnce(process.env, args as SweepArgs).then(
    (s) => {
      if (s.planned.length) for (const p of s.planned) console.log(`would ${p.kind} ${p.home}${p.issue ? `#${p.issue}` : ''} ${p.key}${p.title ? `: ${p.title}` : ''}`);
      process.exit(s.failed.length ? 1 : 0);
    },
    (e: unknown) => {
      console.error(`Token Warden sweep failed: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
