/**
 * `tokenwarden org scan ORG`, as a function: list the org's repositories, select them (archived and
 * forks left out unless asked for), scan each default branch (src/org/scan-repo.ts) a few at a time,
 * record each one done in the state (src/org/state.ts) as it finishes, and build the report from the
 * state — so a resumed run's report holds the earlier run's repositories too, each scanned once.
 *
 * Interruption: `signal` stops taking repositories and lets those in hand finish (Ctrl-C once);
 * `hardSignal` stops them too (Ctrl-C twice) — they are not recorded, and the next run scans them.
 */
import { allRules } from '../engine/registry.js';
import type { Rule } from '../engine/rule.js';
import { isoDay } from '../engine/inventory/index.js';
import { readTextFile } from '../app/github/api.js';
import type { GitHubClient } from '../app/github/octokit.js';
import { mapLimit } from '../app/limit.js';
import { describeError } from '../app/errors.js';
import { ORG_POLICY_REPO, POLICY_PATH } from '../app/pipeline/policy-source.js';
import { scrubText } from '../report/scrub.js';
import { toolVersion } from '../cli/version.js';
import { listOrgRepos, selectRepos } from './repos.js';
import { scanRepository } from './scan-repo.js';
import { OrgState } from './state.js';
import { REPORT_KIND, REPORT_VERSION, type FailedRepo, type OrgReport, type OrgSummary, type RepoResult, type SkippedRepo } from './types.js';

export interface OrgScanOptions {
  org: string;
  gh: GitHubClient;
  /** As given (`--api-url`), for the report and the state's identity. */
  apiUrl: string;
  today: Date;
  rules?: readonly Rule[];
  includeArchived?: boolean;
  includeForks?: boolean;
  /** `--repos a,b`. */
  only?: readonly string[] | null;
  /** `--state FILE`. */
  statePath?: string;
  /** Repositories scanned at once (default 2) and blob downloads in flight per repository (default 8). */
  repoConcurrency?: number;
  blobConcurrency?: number;
  /** Read a repository of many files as one archive of its commit (default true); false: a request per file. */
  archive?: boolean;
  /** Stop taking repositories; those in hand finish and are recorded. */
  signal?: AbortSignal;
  /** Stop everything now; repositories in hand are not recorded. */
  hardSignal?: AbortSignal;
  onEvent?: (e: OrgScanEvent) => void;
}

export type OrgScanEvent =
  | { type: 'listed'; listed: number; selected: number; skipped: number; resumed: number; todo: number }
  | { type: 'repo-done'; result: RepoResult; done: number; of: number }
  | { type: 'repo-failed'; failed: FailedRepo; done: number; of: number };

export class UnknownRepos extends Error {
  override name = 'UnknownRepos';
  constructor(
    readonly names: string[],
    org: string,
  ) {
    super(`not in ${org}: ${names.join(', ')}`);
  }
}

export async function runOrgScan(o: OrgScanOptions): Promise<OrgReport> {
  const startedAt = new Date().toISOString();
  const rules = o.rules ?? allRules;
  const today = isoDay(o.today);
  const state = await OrgState.open(o.statePath, { org: o.org, apiUrl: o.apiUrl, today, startedAt });
  const all = await listOrgRepos(o.gh, o.org);
  const options = { includeArchived: !!o.includeArchived, includeForks: !!o.includeForks, repos: o.only ? [...o.only] : null };
  const { selected, skipped, unknown } = selectRepos(all, { includeArchived: options.includeArchived, includeForks: options.includeForks, only: o.only ?? null });
  if (unknown.length) throw new UnknownRepos(unknown, o.org);
  const todo = selected.filter((r) => !state.has(r.fullName));
  o.onEvent?.({ type: 'listed', listed: all.length, selected: selected.length, skipped: skipped.length, resumed: selected.length - todo.length, todo: todo.length });

  // The org policy, read once: every repository's policy is merged with it.
  const orgPolicy = todo.length ? await readTextFile(o.gh, { owner: o.org, repo: ORG_POLICY_REPO }, POLICY_PATH) : undefined;
  const failed: FailedRepo[] = [];
  let done = selected.length - todo.length;
  await mapLimit(todo, Math.max(1, o.repoConcurrency ?? 2), async (repo) => {
    if (o.signal?.aborted || o.hardSignal?.aborted) return;
    try {
      const result = await scanRepository(o.gh, repo, {
        rules,
        today: o.today,
        orgPolicy,
        concurrency: Math.max(1, o.blobConcurrency ?? 8),
        ...(o.archive === false ? { archive: false } : {}),
        ...(o.hardSignal ? { signal: o.hardSignal } : {}),
      });
      if (o.hardSignal?.aborted) return;
      await state.done(result);
      o.onEvent?.({ type: 'repo-done', result, done: ++done, of: selected.length });
    } catch (e) {
      if (o.hardSignal?.aborted) return;
      const f: FailedRepo = { repository: repo.fullName, error: scrubText(describeError(e)) };
      failed.push(f);
      await state.failed(f);
      o.onEvent?.({ type: 'repo-failed', failed: f, done, of: selected.length });
    }
  });
  await state.save();
  return buildReport(
    o,
    startedAt,
    today,
    options,
    all.length,
    selected.map((r) => r.fullName),
    skipped,
    failed,
    state,
  );
}

function buildReport(
  o: OrgScanOptions,
  startedAt: string,
  today: string,
  options: OrgReport['options'],
  listed: number,
  selected: string[],
  skipped: SkippedRepo[],
  failed: FailedRepo[],
  state: OrgState,
): OrgReport {
  const repositories = selected.map((n) => state.get(n)).filter((r): r is RepoResult => !!r);
  const resumed = Math.min(state.resumed, repositories.length);
  const summary: OrgSummary = {
    listed,
    selected: selected.length,
    scanned: repositories.length,
    resumed,
    failed: failed.length,
    pending: selected.length - repositories.length - failed.length,
    skipped: skipped.length,
    verdicts: { pass: 0, warn: 0, fail: 0 },
    findings: { total: 0, fail: 0, warn: 0, byFamily: {}, bySeverity: {} },
    notJudged: 0,
    credentials: { total: 0, byStatus: {} },
  };
  const bump = (m: Record<string, number>, k: string): void => {
    m[k] = (m[k] ?? 0) + 1;
  };
  for (const r of repositories) {
    summary.verdicts[r.verdict]++;
    for (const f of r.findings) {
      summary.findings.total++;
      if (f.level === 'fail') summary.findings.fail++;
      if (f.level === 'warn') summary.findings.warn++;
      bump(summary.findings.byFamily, f.family);
      bump(summary.findings.bySeverity, f.severity);
    }
    summary.notJudged += r.notJudged.length;
    for (const c of r.credentials) {
      summary.credentials.total++;
      bump(summary.credentials.byStatus, c.status);
    }
  }
  return {
    kind: REPORT_KIND,
    version: REPORT_VERSION,
    org: o.org,
    apiUrl: o.apiUrl,
    tool: toolVersion(),
    today,
    startedAt: state.data.startedAt ?? startedAt,
    finishedAt: new Date().toISOString(),
    complete: repositories.length === selected.length,
    options,
    summary,
    repositories,
    skipped,
    failed,
  };
}
