/**
 * The durable-state suite's rig: a burst of pull requests over several installations, registered with the
 * loopback GitHub stand-in; signed deliveries with their acknowledgement times; and what the stand-in
 * holds afterwards — check runs per head (in progress or completed, with their conclusions), issues per
 * leaked secret, and the time from each webhook to its completed check run.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { githubToken } from '../../helpers/tokens.js';
import { pullRequestEvent, repository, sha } from '../../fixtures/webhooks/index.js';
import { patchAdding } from '../../app/helpers/harness.js';
import { privateKey } from '../../app/helpers/keys.js';
import { hmac, rawRequest } from '../../app/helpers/http.js';
import type { ServerProcess } from '../../app/helpers/server-process.js';
import type { StandIn } from '../../app/helpers/stand-in.js';

export const SECRET = randomBytes(32).toString('hex');

/** The server's environment: production logging, the stand-in as GitHub, short pacing and retries. */
export function serverEnv(standIn: StandIn, extra: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ID: '1',
    PRIVATE_KEY: privateKey(),
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: standIn.host,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    TOKENWARDEN_WRITE_INTERVAL_MS: '2',
    TOKENWARDEN_CONTENT_INTERVAL_MS: '2',
    TOKENWARDEN_RETRY_BASE_MS: '1',
    TOKENWARDEN_SWEEP_SCHEDULE: 'off',
    ...extra,
  };
}

export interface BurstPr {
  id: string;
  repo: string;
  installation: number;
  number: number;
  head: string;
  /** The token the PR adds, when it leaks one. */
  token?: string;
  body: string;
}

/**
 * `count` pull requests over `installations` installations (two repositories each), every fourth leaking a
 * token of its own; each registered with the stand-in, its webhook body signed-ready.
 */
export function makeBurst(standIn: StandIn, tag: string, count = 200, installations = 10): BurstPr[] {
  const prs: BurstPr[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % installations;
    const owner = `org${k}-${tag}`;
    const name = `svc${(Math.floor(i / installations) % 2) + 1}`;
    const repo = `${owner}/${name}`;
    const number = Math.floor(i / (installations * 2)) + 1;
    const head = sha(`${tag}-${i}`);
    const leaks = i % 4 === 3;
    const token = leaks ? githubToken('ghp', `${tag}-${i}`) : undefined;
    const files = [
      { filename: `src/handlers/h${i}.ts`, patch: patchAdding(`export function handle${i}(req: Request): Response {`, '  return new Response(null, { status: 204 });', '}') },
      { filename: 'docs/CHANGELOG.md', patch: patchAdding(`- handler ${i}`) },
      ...(token ? [{ filename: 'config/ci.env', patch: patchAdding(`GH_TOKEN=${token}`) }] : []),
    ];
    standIn.github.pull(repo, { number, headSha: head, files, changedFiles: files.length });
    const ev = pullRequestEvent('opened', { number, headSha: head, changedFiles: files.length });
    const r = repository(owner, name);
    ev.repository = r;
    ev.pull_request.head.repo = r;
    ev.pull_request.base.repo = r;
    ev.installation = { id: 1000 + k };
    prs.push({ id: randomUUID(), repo, installation: 1000 + k, number, head, ...(token ? { token } : {}), body: JSON.stringify(ev) });
  }
  return prs;
}

export interface Ack {
  pr: BurstPr;
  status: number;
  text: string;
  /** When the request was sent, and how long its answer took. */
  sentAt: number;
  ms: number;
}

/** POST one delivery the way GitHub does (one connection each). */
export async function deliver(url: string, pr: BurstPr): Promise<Ack> {
  const sentAt = Date.now();
  const res = await rawRequest(url, {
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': pr.id, 'x-hub-signature-256': hmac(pr.body, SECRET) },
    body: pr.body,
    timeoutMs: 30_000,
  });
  return { pr, status: res.status, text: res.text, sentAt, ms: res.ms };
}

const CLIENT = join(dirname(fileURLToPath(import.meta.url)), 'burst-client.mjs');

/**
 * Every delivery at once (to `pick(pr)`'s server), sent by a process of its own, as GitHub's would be: the
 * test process is busy being GitHub's API for the server, and would delay the very answers it times.
 */
export async function burst(prs: BurstPr[], pick: (pr: BurstPr, i: number) => string): Promise<Ack[]> {
  const child = spawn(process.execPath, [CLIENT], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  child.stdin.end(JSON.stringify({ secret: SECRET, deliveries: prs.map((pr, i) => ({ url: pick(pr, i), id: pr.id, body: pr.body })) }));
  const code = await exited;
  if (code !== 0) throw new Error(`the burst client exited with ${code}`);
  const results = JSON.parse(out) as Array<{ id: string; status: number; text: string; sentAt: number; ms: number }>;
  const byId = new Map(prs.map((pr) => [pr.id, pr]));
  return results.map((r) => ({ pr: byId.get(r.id)!, status: r.status, text: r.text, sentAt: r.sentAt, ms: r.ms }));
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

type Run = { head_sha: string; updates: Array<{ status?: string; conclusion?: string }>; created: { external_id?: string } };

export const runsFor = (standIn: StandIn, head: string): Array<Run & { id: number }> =>
  [...standIn.github.checkRuns.entries()].filter(([, r]) => r.head_sha === head).map(([id, r]) => ({ id, ...(r as Run) }));
const completed = (r: Run): Array<{ conclusion?: string }> => r.updates.filter((u) => u.status === 'completed');

export interface Outcome {
  /** Heads without a check run. */
  missing: string[];
  /** Runs never completed. */
  inProgress: number[];
  /** Heads with more than one run (after a crash: a run completed but its job not). */
  extraRuns: string[];
  /** Heads whose last run's conclusion is not the expected one. */
  wrong: string[];
  /** Runs completed more than once. */
  recompleted: number[];
  /** Leaked secrets without an issue, and secrets with more than one. */
  issuesMissing: string[];
  issuesDuplicated: string[];
}

/** What the stand-in holds for a burst. */
export function outcome(standIn: StandIn, prs: BurstPr[]): Outcome {
  const o: Outcome = { missing: [], inProgress: [], extraRuns: [], wrong: [], recompleted: [], issuesMissing: [], issuesDuplicated: [] };
  for (const pr of prs) {
    const runs = runsFor(standIn, pr.head);
    if (!runs.length) {
      o.missing.push(pr.head);
      continue;
    }
    if (runs.length > 1) o.extraRuns.push(pr.head);
    for (const r of runs) {
      const done = completed(r);
      if (!done.length) o.inProgress.push(r.id);
      if (done.length > 1) o.recompleted.push(r.id);
    }
    const last = completed(runs[runs.length - 1]!).at(-1);
    if (last && last.conclusion !== (pr.token ? 'failure' : 'success')) o.wrong.push(`${pr.head}: ${last.conclusion}`);
  }
  const byRepo = new Map<string, BurstPr[]>();
  for (const pr of prs) if (pr.token) byRepo.set(pr.repo, [...(byRepo.get(pr.repo) ?? []), pr]);
  for (const [repo, leaking] of byRepo) {
    // One issue per leaked secret: each PR leaks a token of its own (an issue per secret hash).
    const issues = standIn.github.issues.filter((i) => i.repo === repo);
    if (issues.length < leaking.length) o.issuesMissing.push(`${repo}: ${issues.length} issues for ${leaking.length} secrets`);
    if (issues.length > leaking.length) o.issuesDuplicated.push(`${repo}: ${issues.length} issues for ${leaking.length} secrets`);
  }
  return o;
}

/** Wait until every PR has a check run and every run of theirs is completed. */
export async function settled(standIn: StandIn, prs: BurstPr[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = prs.filter((pr) => {
      const runs = runsFor(standIn, pr.head);
      return !runs.length || runs.some((r) => !completed(r).length);
    });
    if (!pending.length) return;
    if (Date.now() > deadline) throw new Error(`${pending.length} of ${prs.length} pull requests never completed, e.g. ${pending[0]!.repo}#${pending[0]!.number}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Completed runs among the burst's heads. */
export const completedCount = (standIn: StandIn, prs: BurstPr[]): number => prs.filter((pr) => runsFor(standIn, pr.head).some((r) => completed(r).length)).length;

/** Milliseconds from each webhook's acknowledgement to the end of its first completing PATCH. */
export function timeToCompletion(standIn: StandIn, acks: Ack[]): number[] {
  const headOfRun = new Map([...standIn.github.checkRuns.entries()].map(([id, r]) => [id, r.head_sha]));
  const doneAt = new Map<string, number>();
  for (const e of standIn.exchanges) {
    const m = e.method === 'PATCH' ? e.path.match(/\/check-runs\/(\d+)$/) : null;
    if (!m || !e.body.includes('"status":"completed"') || e.end === undefined) continue;
    const head = headOfRun.get(Number(m[1]));
    if (head && !doneAt.has(head)) doneAt.set(head, e.end);
  }
  return acks.flatMap((a) => (doneAt.has(a.pr.head) ? [doneAt.get(a.pr.head)! - (a.sentAt + a.ms)] : []));
}

/** The server's /readyz body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readyz(s: ServerProcess): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${s.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Wait until the store of `s` has no job ready, scheduled or running and no check run open. */
export async function drained(s: ServerProcess, timeoutMs: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await readyz(s);
    const q = r.body.queue ?? {};
    if (r.status === 200 && q.ready === 0 && q.running === 0 && q.scheduled === 0 && r.body.openCheckRuns === 0) return r.body;
    if (Date.now() > deadline) throw new Error(`the store never drained: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
