/**
 * `tokenwarden org scan ORG`: every repository's default branch of an org, over the GitHub API
 * (src/org/). Text to stdout, the JSON report with --out; resumable with --state.
 */
import { resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { parseCommandArgs, oneOf, todayFrom, usageError } from './args.js';
import { HELP } from './help.js';
import { CliError, EXIT, type Io } from './io.js';
import { createOrgClient, DEFAULT_API_URL } from '../org/client.js';
import { runOrgScan, UnknownRepos, type OrgScanEvent } from '../org/run.js';
import { renderOrgText } from '../org/render.js';
import { StateMismatch } from '../org/state.js';
import { status } from '../app/github/api.js';
import { describeError } from '../app/errors.js';
import type { OrgReport } from '../org/types.js';

/** Exit code of a run that did not reach every repository. */
export const EXIT_INCOMPLETE = 3;

/** Hooks for tests: interrupt a run, shrink waits. */
export interface OrgCommandHooks {
  signal?: AbortSignal;
  hardSignal?: AbortSignal;
  /** Milliseconds per second of retry-after (default 1000; TOKENWARDEN_RETRY_BASE_MS too). */
  retryBaseMs?: number;
  onEvent?: (e: OrgScanEvent) => void;
}

const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

export async function orgCommand(argv: string[], io: Io, hooks: OrgCommandHooks = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    (sub === undefined ? io.stderr : io.stdout).write(HELP.org);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (sub !== 'scan') throw usageError('org', `unknown org command '${sub}' (there is: scan)`);
  const { values: v, positionals } = parseCommandArgs('org', rest, {
    token: { type: 'string' },
    'api-url': { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    repos: { type: 'string', multiple: true },
    state: { type: 'string' },
    'include-archived': { type: 'boolean' },
    'include-forks': { type: 'boolean' },
    concurrency: { type: 'string' },
    today: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    io.stdout.write(HELP.org);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usageError('org', positionals.length ? 'org scan takes one ORG' : 'org scan needs the ORG to scan');
  const org = positionals[0]!;
  if (!ORG.test(org)) throw usageError('org', `'${org}' is not an organisation or user name`);
  const format = oneOf('org', 'format', v.format, ['text', 'json'] as const, 'text');
  const today = todayFrom('org', v.today, io.now());
  const token = v.token ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new CliError('no token', 'pass --token TOKEN, or set GITHUB_TOKEN (a token that can read the repositories: contents and metadata read)');
  const apiUrl = (v['api-url'] ?? io.env.GITHUB_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl)) throw usageError('org', `--api-url must be an http(s) URL (got '${apiUrl}')`);
  const only = v.repos
    ? v.repos
        .flatMap((x) => x.split(','))
        .map((x) => x.trim())
        .filter(Boolean)
    : null;
  for (const n of only ?? []) if (!REPO.test(n)) throw usageError('org', `--repos: '${n}' is not a repository name`);
  const concurrency = v.concurrency === undefined ? 2 : Number(v.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw usageError('org', '--concurrency must be a whole number from 1 to 16');
  const envBase = Number(io.env.TOKENWARDEN_RETRY_BASE_MS);
  const retryBaseMs = hooks.retryBaseMs ?? (Number.isFinite(envBase) && envBase >= 0 && io.env.TOKENWARDEN_RETRY_BASE_MS?.trim() ? envBase : 1000);

  let waits = 0;
  const say = (line: string): void => {
    if (v.verbose) io.stderr.write(`${line}\n`);
  };
  const gh = createOrgClient({
    token,
    apiUrl,
    retryBaseMs,
    onRateLimit: (e) => {
      waits++;
      say(`rate limited (${e.kind}): waiting ${e.retryAfterSeconds}s before ${e.url}`);
    },
  });

  // Ctrl-C: once, finish what is in hand; twice, stop now.
  const soft = new AbortController();
  const hard = new AbortController();
  const link = (from: AbortSignal | undefined, to: AbortController): void => {
    if (!from) return;
    if (from.aborted) to.abort();
    else from.addEventListener('abort', () => to.abort(), { once: true });
  };
  link(hooks.signal, soft);
  link(hooks.hardSignal, hard);
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts === 1) {
      io.stderr.write('tokenwarden: interrupted: finishing the repositories in hand (Ctrl-C again to stop now)\n');
      soft.abort();
    } else hard.abort();
  };
  const isProcess = io.stderr === process.stderr;
  if (isProcess) process.on('SIGINT', onSigint);

  let report: OrgReport;
  try {
    report = await runOrgScan({
      org,
      gh,
      apiUrl,
      today,
      includeArchived: !!v['include-archived'],
      includeForks: !!v['include-forks'],
      only,
      ...(v.state ? { statePath: resolve(io.cwd, v.state) } : {}),
      repoConcurrency: concurrency,
      signal: soft.signal,
      hardSignal: hard.signal,
      onEvent: (e) => {
        hooks.onEvent?.(e);
        if (e.type === 'listed') say(`${org}: ${e.listed} repositories, ${e.selected} selected, ${e.resumed} done by an earlier run, ${e.todo} to scan`);
        if (e.type === 'repo-done') say(`[${e.done}/${e.of}] ${e.result.repository}: ${e.result.verdict} (${e.result.findings.length} findings, ${e.result.ms} ms)`);
        if (e.type === 'repo-failed') say(`[${e.done}/${e.of}] ${e.failed.repository}: failed: ${e.failed.error}`);
      },
    });
  } catch (e) {
    if (e instanceof StateMismatch) throw new CliError(e.message, 'pass another --state FILE (or delete this one to start over)');
    if (e instanceof UnknownRepos) throw new CliError(e.message, `name repositories of ${org} in --repos`);
    const s = status(e);
    if (s === 401) throw new CliError(`GitHub refused the token (401) at ${apiUrl}`, 'pass a valid token (--token or GITHUB_TOKEN)');
    if (s === 404) throw new CliError(`no organisation or user '${org}' at ${apiUrl} (404)`, 'check the name, and that the token can see it');
    if (s === 403)
      throw new CliError(`GitHub refused to list ${org}'s repositories (403): ${describeError(e)}`, 'use a token with read access to the org (and SSO authorised, if the org enforces it)');
    throw e;
  } finally {
    if (isProcess) process.off('SIGINT', onSigint);
  }
  if (v.out) await writeFile(resolve(io.cwd, v.out), `${JSON.stringify(report, null, 2)}\n`);
  io.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderOrgText(report));
  if (waits) say(`${waits} rate-limit wait(s)`);
  if (!report.complete) return EXIT_INCOMPLETE;
  return report.summary.verdicts.fail > 0 ? EXIT.findings : EXIT.ok;
}
