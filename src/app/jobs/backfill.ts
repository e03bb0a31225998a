/**
 * Installed → the default branches scanned once, so that the first report is complete without waiting
 * for pull requests (tracker #11, item 4).
 *
 * `installation.created` (with the repositories it was given) and `installation_repositories.added`
 * become ONE `plan` job (describeInstallation): the delivery is recorded with it in one transaction,
 * as every delivery is, so a redelivery is a duplicate and is not planned twice. The plan enqueues one
 * `scan` job per repository in the store's queue (group: the repository, so a backfill never runs beside
 * an evaluation of the same repository; dedupe key: installation + repository, so a plan retried after a
 * crash does not queue one twice) and spaces them `backfillSpacingMs` apart, so that an installation on
 * hundreds of repositories does not hold every worker while pull requests wait. A restart resumes the
 * jobs not done (they are rows in the store).
 *
 * A scan job judges the default branch's whole tree at its head — the policy from that commit (org
 * `.github` + the repository's), every file in the sandbox, as a push creating the branch would — opens
 * remediation issues as a push to the default branch would (the IssueDesk: exactly once per secret),
 * and appends one audit record (`installation.backfill`). No check run: there is no pull request. With
 * the policy's `backfill.history`, the branch's history is read too (./backfill-history.ts): a secret
 * deleted from the tree opens the same kind of issue — once per secret, with the tree's — saying where it
 * was first committed and that it is a leak until revoked; the record has a `history` part. Before
 * judging, it looks for its own audit record (same delivery, installation and repository): a job that
 * crashed after recording, or was queued again by a retried plan, does not scan again.
 */
import { RULE_IDS } from '../../engine/inventory/policy.js';
import type { Finding } from '../../engine/finding.js';
import { metaLookup } from '../effects/issue-step.js';
import { mergeResults } from '../../engine/structural.js';
import { ignoredBy, type ScanResult } from '../../engine/scan.js';
import { DEFAULT_BACKFILL_POLICY, DEFAULT_ISSUE_POLICY } from '../../engine/policy/types.js';
import { explainVerdict } from '../../report/verdict.js';
import { issueKey, type Occurrence } from '../../report/issue.js';
import { fileNameFindings } from '../../report/scrub.js';
import { fromScanResult, recordEvaluation, type AuditStore, type IssueWritten } from '../../audit/index.js';
import type { HistoryInput } from '../../audit/types.js';
import { secretKey, type Sighting } from '../../change/history.js';
import { readHistory } from './backfill-history.js';
import type { JobQueue } from '../../store/types.js';
import { describeError, errorFields } from '../errors.js';
import { fullName, getRepository, parseFullName, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import { retryDelayMs } from '../github/retry.js';
import { withBudget } from '../pipeline/budget.js';
import { boxedPolicy, boxedScan, type Box } from '../pipeline/boxed.js';
import type { AppDeps, EvaluationOutcome } from '../pipeline/evaluate.js';
import { layersOf, readPolicySources } from '../pipeline/policy-source.js';
import { gatherSources } from '../pipeline/sources.js';
import { ARCHIVE_MAX_SKIPPED_BYTES, ARCHIVE_MIN_FILES, headOf, readArchive } from '../../org/scan-repo.js';
import { decodeFile, type Skipped } from '../../engine/decode.js';
import type { SourceFile } from '../../engine/scan.js';
import { listTree, type ChangedFile } from '../github/api.js';
import type { HandlerContext } from './handlers.js';
import { JUDGE_QUEUE, type BackfillJob, type DescribedEvent, type Ignored, type JobPayload } from './payload.js';

/** The audit record's event. */
export const BACKFILL_EVENT = 'installation.backfill';
/** Default spacing of the scan jobs of one plan (TOKENWARDEN_BACKFILL_SPACING_MS). */
export const DEFAULT_BACKFILL_SPACING_MS = 2_000;
/** Repository names carried in a plan job, at most (characters): the rest are listed from GitHub. */
const MAX_NAMES_CHARS = 40_000;

/** What a backfill needs beyond an evaluation's dependencies: the queue to put its scan jobs in. */
export interface BackfillDeps {
  /** None (the App in process, `createApp`): the plan scans its repositories itself, one after another. */
  queue?: Pick<JobQueue, 'enqueue'>;
  /** Milliseconds between the scan jobs of one plan (default 2000). */
  backfillSpacingMs?: number;
}

// ── the event → the plan job ─────────────────────────────────────────────────────────────────────────

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const NAME = /^[A-Za-z0-9._-]{1,100}$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** `installation.created` / `installation_repositories.added` → the plan job, or why none. */
export function describeInstallation(event: string, b: Obj, delivery?: string): DescribedEvent | Ignored {
  const action = typeof b.action === 'string' ? b.action : undefined;
  if (event === 'installation' && action !== 'created') return { ignored: `installation.${action ?? '(none)'} is not acted on` };
  if (event === 'installation_repositories' && action !== 'added') return { ignored: `installation_repositories.${action ?? '(none)'} is not acted on` };
  const inst = obj(b.installation);
  const installation = typeof inst?.id === 'number' && Number.isSafeInteger(inst.id) && inst.id > 0 ? inst.id : undefined;
  if (installation === undefined) return { ignored: 'no installation in the payload' };
  const account = obj(inst?.account)?.login;
  if (typeof account !== 'string' || !LOGIN.test(account)) return { ignored: 'no account in the payload' };
  const list = event === 'installation' ? b.repositories : b.repositories_added;
  const names: string[] = [];
  let chars = 0;
  let listAll = false;
  for (const r of Array.isArray(list) ? list : []) {
    const full = obj(r)?.full_name;
    const name = obj(r)?.name;
    if (typeof name !== 'string' || !NAME.test(name)) continue;
    // Another account's repository cannot be in this installation's payload; skip rather than trust it.
    if (typeof full === 'string' && full.toLowerCase() !== `${account}/${name}`.toLowerCase()) continue;
    if ((chars += name.length + 3) > MAX_NAMES_CHARS) {
      listAll = true;
      break;
    }
    names.push(name);
  }
  // "All repositories" with a list GitHub left out: list them from the API.
  if (!names.length && !listAll && event === 'installation' && b.repository_selection === 'all') listAll = true;
  if (!names.length && !listAll) return { ignored: 'no repositories in the payload' };
  const repository = { owner: account, name: '.github' };
  const payload: BackfillJob = {
    v: 1,
    ...(delivery ? { delivery } : {}),
    event,
    action: action!,
    installation,
    repository,
    kind: 'backfill',
    backfill: { stage: 'plan', repositories: names, ...(listAll ? { listAll: true } : {}) },
  };
  return { payload, installation, repository: `${account}/.github`, groupKey: `backfill:${installation}` };
}

// ── the plan job → one scan job per repository ───────────────────────────────────────────────────────

/** The repositories the installation can see (for "all repositories" and lists too long for a job). */
async function installationRepos(gh: GitHubClient, account: string): Promise<string[]> {
  const repos = (await gh.paginate('GET /installation/repositories', { per_page: 100 })) as unknown as Array<{ name?: string; owner?: { login?: string } }>;
  return repos.filter((r) => typeof r.name === 'string' && r.owner?.login?.toLowerCase() === account.toLowerCase()).map((r) => r.name!);
}

export const backfillDedupeKey = (installation: number, repository: string): string => `backfill:${installation}:${repository.toLowerCase()}`;

async function plan(deps: AppDeps & BackfillDeps, ctx: HandlerContext, p: BackfillJob & { backfill: { stage: 'plan' } }): Promise<EvaluationOutcome> {
  const account = p.repository.owner;
  const names = new Set(p.backfill.repositories);
  if (p.backfill.listAll) for (const n of await installationRepos(ctx.octokit, account)) names.add(n);
  const jobs: BackfillJob[] = [...names].map((name) => ({ ...p, repository: { owner: account, name }, backfill: { stage: 'scan' } }));
  ctx.log.info({ installation: p.installation, account, repositories: jobs.length, queued: !!deps.queue }, 'installation backfill planned');
  if (!deps.queue) {
    // In process (no store): one after another, here.
    for (const job of jobs) {
      const out = await scan(deps, ctx, job);
      if (out.retryAt) ctx.log.warn({ repository: fullName({ owner: account, repo: job.repository.name }), reason: out.reason }, 'backfill not judged; not retried in process');
    }
    return {};
  }
  const spacing = Math.max(0, deps.backfillSpacingMs ?? DEFAULT_BACKFILL_SPACING_MS);
  const now = Date.now();
  let i = 0;
  for (const job of jobs) {
    const full = `${account}/${job.repository.name}`;
    await deps.queue.enqueue<JobPayload>({
      queue: JUDGE_QUEUE,
      payload: job,
      groupKey: full.toLowerCase(),
      dedupeKey: backfillDedupeKey(p.installation, full),
      runAt: new Date(now + spacing * i++),
    });
  }
  return {};
}

// ── a scan job: the default branch judged, issues opened, one audit record ────────────────────────────

/** Whether this delivery's backfill of `repository` is in the audit trail already (then: not again). */
export async function alreadyBackfilled(audit: AuditStore, repository: string, installation: number, delivery: string | undefined): Promise<boolean> {
  for (let after = 0; ;) {
    const page = await audit.audit.find({ repository, kinds: ['evaluation'] }, after, 200);
    for (const r of page) {
      const b = r.body;
      if (b.event === BACKFILL_EVENT && b.installation === installation && (b.delivery ?? null) === (delivery ?? null)) return true;
    }
    if (page.length < 200) return false;
    after = page[page.length - 1]!.seq;
  }
}

/** Due dates and undeclared credentials are the rotation sweep's reminders, not remediation issues. */
const SWEEP_RULES: ReadonlySet<string> = new Set([RULE_IDS.missing, RULE_IDS.overdue, RULE_IDS.expiring]);

/** As a push to the default branch: secrets per `issues.secrets`, scopes and rotation per their switch. */
function wantsIssue(f: Finding, issues: { secrets: boolean; scopes: boolean; rotation: boolean }): boolean {
  if (f.family === 'secrets') return issues.secrets;
  if (SWEEP_RULES.has(f.ruleId)) return false;
  return issues[f.family];
}

const encodePath = (p: string): string =>
  p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

async function scan(deps: AppDeps & BackfillDeps, ctx: HandlerContext, p: BackfillJob): Promise<EvaluationOutcome> {
  const repo: RepoRef = { owner: p.repository.owner, repo: p.repository.name };
  const repository = fullName(repo);
  const where = { repository, installation: p.installation, delivery: p.delivery };
  if (deps.audit && (await alreadyBackfilled(deps.audit, repository, p.installation, p.delivery))) {
    ctx.log.info(where, 'backfill recorded already: not scanned again');
    return {};
  }
  const attempt = ctx.scope?.attempt ?? 0;
  const started = Date.now();
  try {
    await withBudget(deps.budgetMs, 'the backfill', () => judgeBranch(deps, ctx, p, repo));
    return {};
  } catch (e) {
    const delay = retryDelayMs(e, attempt, deps.retryBaseMs);
    if (delay !== undefined) {
      const retryAt = new Date(Date.now() + delay);
      ctx.log.warn({ ...where, attempt: attempt + 1, retryAt: retryAt.toISOString(), err: errorFields(e) }, 'backfill not judged yet: retry scheduled');
      return { retryAt, reason: `backfill not judged yet: ${describeError(e)}` };
    }
    throw e;
  } finally {
    ctx.log.info({ ...where, ms: Date.now() - started }, 'backfill finished');
  }
}

async function judgeBranch(deps: AppDeps & BackfillDeps, ctx: HandlerContext, p: BackfillJob, repo: RepoRef): Promise<void> {
  const gh = ctx.octokit;
  const log = ctx.log;
  const repository = fullName(repo);
  const info = await getRepository(gh, repo);
  const branch = info.defaultBranch;
  const head = await headOf(gh, repo, branch);
  if (!head) {
    log.info({ repository, branch }, 'backfill: the default branch has no commit; nothing to judge');
    return;
  }
  const today = deps.now();
  const box: Box = { sandbox: deps.sandbox, key: `installation:${p.installation}`, today };
  const audit = async (
    input: Omit<Parameters<typeof recordEvaluation>[1], 'event' | 'deliveryId' | 'installation' | 'repository' | 'headSha' | 'commit' | 'ref' | 'checkRunId' | 'key'>,
  ): Promise<void> => {
    if (!deps.audit) return;
    try {
      await recordEvaluation(deps.audit, {
        event: BACKFILL_EVENT,
        deliveryId: p.delivery ?? null,
        installation: p.installation,
        repository,
        commit: head,
        ref: `refs/heads/${branch}`,
        headSha: head,
        checkRunId: null,
        key: `backfill:${p.delivery ?? 'none'}:${p.installation}:${repository.toLowerCase()}`,
        ...input,
      });
    } catch (e) {
      log.error({ err: errorFields(e), repository, sha: head }, 'audit record of the backfill could not be written');
    }
  };

  const sources = await readPolicySources(gh, repo, head);
  const resolved = await boxedPolicy(
    box,
    layersOf(sources),
    deps.rules.map((r) => r.meta.id),
  );
  if (!resolved.ok) {
    log.warn({ repository, ref: head, errors: resolved.errors.length }, 'backfill: the policy does not load');
    await audit({ policy: null, findings: [], verdict: 'fail', conclusion: 'failure', error: `the policy does not load (${resolved.errors.length} error(s) at ${branch})` });
    return;
  }
  const policy = resolved.policy;
  // The whole tree at the head, as a push that creates the branch is judged: one archive of the commit
  // when there are many files (a request per file would spend the installation's rate limit), blobs
  // for the rest and for small repositories.
  const isIgnored = ignoredBy(policy);
  const { texts, skipped, files, complete } = await readTree(deps, log, gh, repo, head, policy.settings.maxFileBytes, isIgnored);
  let result: ScanResult = await boxedScan(box, { policy, files: texts.map((source) => ({ source, secretsOnly: false })), skipped });
  const named = files.map((f) => f.path).filter((x) => !isIgnored(x));
  if (named.length) result = mergeResults(result, fileNameFindings(named, { policy, rules: deps.rules, today }));

  // The history, where the policy asks: secrets deleted from the tree are leaks until revoked.
  const backfill = { ...DEFAULT_BACKFILL_POLICY, ...policy.backfill };
  let history: HistoryInput | undefined;
  const fromHistory = new Map<Finding, { sighting: Sighting; unknown: boolean }>();
  if (backfill.history) {
    const read = await readHistory({
      gh,
      log,
      repo,
      branch,
      head,
      policy,
      box,
      maxCommits: backfill.maxCommits,
      concurrency: deps.limits.concurrency,
      reserveMs: Math.min(60_000, deps.budgetMs / 4),
    });
    // At the head: the tree's secrets; a file there that was not judged leaves its secrets' presence unknown.
    const atHead = new Set([...result.findings, ...result.excepted.map((e) => e.finding)].map(secretKey));
    const judged = new Set(texts.map((t) => t.path));
    for (const s of result.skipped) judged.delete(s.path);
    const listed = new Set(files.map((f) => f.path));
    const unknownAtHead = (s: Sighting): boolean => s.paths.some((path) => (listed.has(path) ? !judged.has(path) : !complete));
    const onlyInHistory = (f: Finding): boolean => !atHead.has(secretKey(f));
    for (const s of read.sightings) if (onlyInHistory(s.finding)) fromHistory.set(s.finding, { sighting: s, unknown: unknownAtHead(s) });
    // Secrets still in the tree are the tree's findings (one issue each); the others join them.
    result = mergeResults(result, {
      ...read.result,
      findings: read.result.findings.filter(onlyInHistory),
      excepted: read.result.excepted.filter((e) => onlyInHistory(e.finding)),
      expired: read.result.expired.filter((e) => onlyInHistory(e.finding)),
    });
    history = {
      branch,
      maxCommits: backfill.maxCommits,
      listed: read.listed,
      read: read.read,
      beyondLimit: read.beyondLimit,
      notRead: read.notRead,
      findings: read.sightings.map((s) => {
        const f = s.finding;
        const only = fromHistory.get(f);
        return {
          fingerprint: f.fingerprint,
          ruleId: f.ruleId,
          path: f.path,
          line: f.startLine,
          ...(f.redacted !== undefined ? { redacted: f.redacted } : {}),
          commit: s.commit.id,
          date: s.commit.date,
          ...(s.removedIn ? { deletedIn: s.removedIn.id } : {}),
          atHead: !only ? 'present' : only.unknown ? 'unknown' : 'deleted',
          commits: s.commits,
        };
      }),
    };
  }

  const issuePolicy = { ...DEFAULT_ISSUE_POLICY, ...policy.issues };
  const home = issuePolicy.repository ? parseFullName(issuePolicy.repository) : repo;
  const wanted = result.findings.filter((f) => wantsIssue(f, issuePolicy));
  const issues: IssueWritten[] = [];
  let problem: string | undefined;
  if (wanted.length) {
    const htmlUrl = info.htmlUrl;
    const occurrenceOf = (f: Finding): Occurrence => {
      const h = fromHistory.get(f);
      // Found only in history: the place is the first commit that added it.
      const sha = h ? h.sighting.commit.id : head;
      return {
        repository,
        path: f.path,
        line: f.startLine,
        sha,
        context: h ? `history of the default branch \`${branch}\` (scanned when the App was installed)` : `default branch \`${branch}\` (scanned when the App was installed)`,
        contextKey: h ? `history:${branch}` : `push:${branch}`,
        ...(htmlUrl ? { url: `${htmlUrl}/blob/${sha}/${encodePath(f.path)}#L${f.startLine}` } : {}),
        ...(h
          ? {
              history: {
                branch,
                date: h.sighting.commit.date,
                head,
                ...(h.sighting.removedIn && !h.unknown ? { deletedIn: h.sighting.removedIn.id } : {}),
                ...(h.unknown ? { headUnknown: true } : {}),
              },
            }
          : {}),
      };
    };
    try {
      const res = await deps.desk.sync(gh, log, {
        home,
        repository,
        findings: wanted,
        occurrenceOf,
        ruleMeta: metaLookup(deps.rules),
        maxCreates: deps.limits.maxIssuesPerRun,
      });
      for (const f of result.findings) {
        const link = res.links.get(issueKey(f, repository));
        if (link) issues.push({ repository: link.repository, number: link.number, action: 'linked', fingerprint: f.fingerprint });
      }
      if (res.failed) problem = `${res.failed} remediation issue write(s) failed: ${describeError(res.firstError)}`;
      if (res.deferred) log.warn({ repository, deferred: res.deferred }, 'backfill: more remediation issues than one run opens; the next push opens the rest');
    } catch (e) {
      log.warn({ err: errorFields(e), repository }, 'backfill: remediation issues failed');
      problem = `remediation issues could not be opened: ${describeError(e)}`;
    }
  }
  const detail = explainVerdict(result, policy);
  log.info(
    {
      repository,
      sha: head,
      verdict: detail.verdict,
      findings: result.findings.length,
      skipped: result.skipped.length,
      files: result.stats.files,
      issues: issues.length,
      ...(history ? { history: { listed: history.listed, read: history.read, notRead: history.notRead?.commits ?? null, findings: history.findings.length, onlyInHistory: fromHistory.size } } : {}),
      fingerprints: result.findings.slice(0, 50).map((f) => f.fingerprint),
    },
    'backfill evaluated',
  );
  const scanned = fromScanResult(result);
  await audit({
    policy: { hash: policy.hash, sources: policy.sources },
    ...scanned,
    verdict: detail.verdict,
    conclusion: detail.verdict === 'fail' ? 'failure' : detail.verdict === 'warn' ? 'neutral' : 'success',
    issues,
    ...(problem ? { error: problem } : {}),
    ...(history ? { history } : {}),
  });
}

/** The files of the tree at `head` to judge (binary ones read as their printable text, as a push's are). */
async function readTree(
  deps: AppDeps,
  log: HandlerContext['log'],
  gh: GitHubClient,
  repo: RepoRef,
  head: string,
  max: number,
  isIgnored: (path: string) => boolean,
): Promise<{ texts: SourceFile[]; skipped: Skipped[]; files: ChangedFile[]; complete: boolean }> {
  const tree = await listTree(gh, repo, head);
  const limit = deps.limits.maxTreeFiles;
  const files: ChangedFile[] = tree.files.slice(0, limit).map((f) => ({ path: f.path, status: 'added', sha: f.sha, changes: 0 }));
  const sizes = new Map(tree.files.map((f) => [f.path, f.size]));
  const sources: SourceFile[] = [];
  const skipped: Skipped[] = [];
  const beyond = tree.files.length - files.length;
  if (beyond > 0) skipped.push({ path: `(${beyond} more files)`, reason: 'unreadable', detail: `a backfill judges up to ${limit} files; scan the rest with the CLI` });
  if (tree.truncated) skipped.push({ path: '(tree truncated)', reason: 'unreadable', detail: 'GitHub truncated the tree listing of this commit' });
  // Every file of the head's tree listed and considered (a path not listed is then not at the head).
  const complete = beyond <= 0 && !tree.truncated;
  const wanted = files.filter((f) => !isIgnored(f.path));
  if (wanted.length >= ARCHIVE_MIN_FILES) {
    const oversized = wanted.reduce((n, f) => n + ((sizes.get(f.path) ?? 0) > max ? sizes.get(f.path)! : 0), 0);
    if (oversized <= ARCHIVE_MAX_SKIPPED_BYTES) {
      const want = new Set(wanted.map((f) => f.path));
      const got = new Set<string>();
      try {
        await readArchive(
          gh,
          repo,
          head,
          (e) => want.has(e.path) && !got.has(e.path) && e.size <= max,
          (path, bytes) => {
            got.add(path);
            const d = decodeFile(path, bytes, max, { binary: 'strings' });
            if (!d.ok) skipped.push(d.skipped);
            else if (d.text) sources.push({ path, text: d.text });
          },
        );
      } catch (e) {
        log.warn({ err: errorFields(e), repository: fullName(repo) }, 'backfill: the archive could not be read; fetching blobs');
      }
      const rest = wanted.filter((f) => !got.has(f.path));
      const gathered = await gatherSources(gh, repo, rest, { isIgnored, maxFileBytes: max, concurrency: deps.limits.concurrency });
      return { texts: [...sources, ...gathered.sources], skipped: [...skipped, ...gathered.skipped], files, complete };
    }
  }
  const gathered = await gatherSources(gh, repo, wanted, { isIgnored, maxFileBytes: max, concurrency: deps.limits.concurrency });
  return { texts: gathered.sources, skipped: [...skipped, ...gathered.skipped], files, complete };
}

/** The handler of a backfill job (plan or scan). */
export function onBackfill(deps: AppDeps, ctx: HandlerContext, p: BackfillJob): Promise<EvaluationOutcome> {
  const d = deps as AppDeps & BackfillDeps;
  return p.backfill.stage === 'plan' ? plan(d, ctx, p as BackfillJob & { backfill: { stage: 'plan' } }) : scan(d, ctx, p);
}
