/**
 * One evaluation: check run in progress → policy from the base → changed files → scan → remediation
 * issues → completed check run. Whatever fails after the check run exists completes it with an
 * explanation; nothing here leaves a run in progress.
 */
import { RULE_IDS } from '../../engine/inventory/policy.js';
import type { Finding } from '../../engine/finding.js';
import type { Rule, RuleMeta } from '../../engine/rule.js';
import { ignoredBy, type ScanResult, type SourceFile } from '../../engine/scan.js';
import { decodeFile } from '../../engine/decode.js';
import type { PolicyError } from '../../engine/policy/load.js';
import { DEFAULT_ISSUE_POLICY, type ResolvedPolicy } from '../../engine/policy/types.js';
import {
  conclusionOf,
  findingAnnotation,
  policyErrorAnnotation,
  renderConfigError,
  renderSummary,
  type CheckAnnotation,
  type IssueLink,
  type PolicyChangeView,
} from '../../report/check-run.js';
import { issueKey, type Occurrence } from '../../report/issue.js';
import { explainVerdict } from '../../report/verdict.js';
import { fileNameFindings } from '../../report/scrub.js';
import { pullRequestChanges, pushChanges, ZERO_SHA, type ChangeSet } from './changes.js';
import { CheckRunPublisher, OPEN_ISSUES_ACTION, type OpenRuns, type RunJob, type RunLedger } from '../effects/check-run-publisher.js';
import { describeError, errorFields, SafeError } from '../errors.js';
import { BlobTooLarge, fullName, getBlob, parseFullName, readTextFile, type ChangedFile, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import { describePolicyDiff } from './policy-diff.js';
import { isRepoPolicySource, layersOf, POLICY_PATH, readPolicySources, withProposed, type PolicySources } from './policy-source.js';
import type { IssueDesk } from '../effects/remediation.js';
import { gatherSources } from './sources.js';
import { MAX_STRUCTURAL_FILES, mergeResults, scanStructural, structuralApplies } from './structural.js';
import { authorOf, contextKeyOf, subjectOf, type Target } from './target.js';
import { boxedFindings, boxedPolicy, boxedScan, boxedStructural, type Box } from './boxed.js';
import { outsideBudget, withBudget } from './budget.js';
import { retryDelayMs } from '../github/retry.js';
import type { Sandbox } from '../../sandbox/index.js';
import { revokeLeaked } from '../effects/revocation.js';
import type { AuditStore, IssueWritten } from '../../audit/types.js';
import { auditEvaluation, auditPolicyChange, type Origin } from '../effects/audit.js';

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Limits {
  /** Annotations beyond this are left to the summary (each 50 costs one request). */
  maxAnnotations: number;
  /** Files scanned when a push creates the default branch. */
  maxTreeFiles: number;
  /** Blob downloads in flight per evaluation. */
  concurrency: number;
  /** Remediation issues opened per evaluation (each is paced; GitHub caps content creation). */
  maxIssuesPerRun: number;
}

export interface AppDeps {
  rules: readonly Rule[];
  now(): Date;
  desk: IssueDesk;
  limits: Limits;
  /** Where untrusted content is parsed and judged (worker threads with limits, or in-process). */
  sandbox: Sandbox;
  /**
   * Where the check runs this process starts are recorded, so that one left in progress by a crash is
   * found and finished (the store's open check runs); none in-process only (tests, `probot run`).
   */
  runs?: RunLedger;
  /** Time one evaluation may spend, GitHub calls included, before it is completed as not judged yet. */
  budgetMs: number;
  /** The check runs this App has open: a shutdown drains them (`OpenRuns.drain`). */
  openRuns: OpenRuns;
  /** Milliseconds per second of GitHub's `retry-after` when scheduling a retry (TOKENWARDEN_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** The audit trail (the store's hash chain): one record per evaluation; none without a store. */
  audit?: AuditStore;
}

/** The policy file itself is read up to this size (a policy is a few KB). */
const MAX_POLICY_BYTES = 1024 * 1024;

/** `policy`: issues as the policy asks. `all-secrets`: also every secret finding (the check-run button). */
export type IssueMode = 'policy' | 'all-secrets';

/** The job an evaluation runs in: how often it was put back already, and which (a retry adopts its run). */
export interface RunScope {
  /** Scheduled retries so far (0 the first time): `retryDelayMs` backs off by it. */
  attempt?: number;
  job?: RunJob;
  /** The event and delivery that asked for this evaluation, for the audit trail. */
  origin?: Origin;
}

/**
 * What became of an evaluation: judged (or completed with the reason it could not be), or "not judged
 * yet, judge again at `retryAt`" — the caller puts its job back in the queue for then (durable: it
 * survives a restart). `retryAt` is also set, to now, when a shutdown interrupted the run.
 */
export interface EvaluationOutcome {
  retryAt?: Date;
  reason?: string;
}

/** Start the check run of `target`, recorded in the ledger (adopting one an earlier attempt of the job left open). */
export function startRun(gh: GitHubClient, log: Logger, deps: AppDeps, target: Target, scope: RunScope = {}): Promise<CheckRunPublisher> {
  const record = deps.runs && target.installation !== undefined ? { ledger: deps.runs, installation: target.installation, ...(scope.job ? { job: scope.job } : {}) } : undefined;
  return CheckRunPublisher.start(gh, target.repo, target.headSha, log, deps.now, deps.openRuns, record);
}

export async function evaluate(gh: GitHubClient, log: Logger, deps: AppDeps, target: Target, mode: IssueMode = 'policy', scope: RunScope = {}): Promise<EvaluationOutcome> {
  const started = Date.now();
  const attempt = scope.attempt ?? 0;
  const where = { repository: fullName(target.repo), sha: target.headSha, pr: target.pr?.number };
  /** A cause worth trying again (rate limit, outage, time): when, if at all. */
  const retryAtFor = (e: unknown): Date | undefined => {
    const delay = retryDelayMs(e, attempt, deps.retryBaseMs);
    if (delay === undefined) return undefined;
    const at = new Date(Date.now() + delay);
    log.warn({ ...where, attempt: attempt + 1, retryAt: at.toISOString() }, 'evaluation not judged yet: retry scheduled');
    return at;
  };
  let run: CheckRunPublisher;
  try {
    run = await startRun(gh, log, deps, target, scope);
  } catch (e) {
    // No run to finish: what matters is that the change is judged later, not silently never.
    log.error({ err: errorFields(e), ...where }, 'could not start the check run');
    const retryAt = retryAtFor(e);
    if (!retryAt) throw e;
    return { retryAt, reason: 'the check run could not be started' };
  }
  let outcome: EvaluationOutcome = {};
  try {
    await withBudget(deps.budgetMs, 'the evaluation', () => judge(gh, log, deps, target, mode, run, scope.origin));
  } catch (e) {
    log.error({ err: errorFields(e), ...where, checkRunId: run.id }, 'evaluation failed');
    // Whatever could not be judged is never a pass, whatever `incomplete_scan` says.
    const retryAt = run.done ? undefined : retryAtFor(e);
    if (retryAt) outcome = { retryAt, reason: 'not judged yet' };
    if (!run.done) await outsideBudget(() => run.abort(e, retryAt));
    // A retry will judge it and be recorded then; the last word, nothing judged, is recorded now.
    if (!retryAt) {
      await outsideBudget(() =>
        auditEvaluation(deps.audit, log, target, scope.origin, { policy: null, verdict: 'fail', conclusion: 'failure', checkRunId: run.id, error: describeError(e) }),
      );
    }
  } finally {
    run.release();
    log.info({ ...where, checkRunId: run.id, ms: Date.now() - started }, 'evaluation finished');
  }
  // A shutdown completed the run as interrupted: nothing was judged, so the job goes back to the queue.
  if (run.interrupted && !outcome.retryAt) outcome = { retryAt: new Date(), reason: 'interrupted by a shutdown' };
  return outcome;
}

const metaLookup = (rules: readonly Rule[]) => {
  const byId = new Map(rules.map((r) => [r.meta.id, r.meta]));
  return (id: string): RuleMeta | undefined => byId.get(id);
};

/** URL path of a file; parentheses too, so the URL cannot end a Markdown link early. */
const encodePath = (p: string): string =>
  p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

async function judge(
  gh: GitHubClient,
  log: Logger,
  deps: AppDeps,
  target: Target,
  mode: IssueMode,
  run: CheckRunPublisher,
  origin: Origin | undefined,
): Promise<void> {
  const { repo } = target;
  const today = deps.now();
  const known = deps.rules.map((r) => r.meta.id);
  const ruleMeta = metaLookup(deps.rules);
  const box: Box = { sandbox: deps.sandbox, key: target.installation !== undefined ? `installation:${target.installation}` : `owner:${repo.owner}`, today };

  const sources = await readPolicySources(gh, repo, target.policyRef);
  const resolved = await boxedPolicy(box, layersOf(sources), known);
  if (!resolved.ok) {
    const annotations = resolved.errors.filter((e) => isRepoPolicySource(e.source, repo)).map((e) => policyErrorAnnotation(e, POLICY_PATH));
    log.warn({ repository: fullName(repo), ref: target.policyRef, errors: resolved.errors.length }, 'policy does not load');
    const output = renderConfigError(resolved.errors, target.policyRef);
    const repair = await proposedRepair(gh, deps, box, target, sources).catch(() => undefined);
    if (repair) output.summary += `\n${repair}\n`;
    await run.complete('failure', output, annotations);
    await auditEvaluation(deps.audit, log, target, origin, {
      policy: null,
      verdict: 'fail',
      conclusion: 'failure',
      checkRunId: run.id,
      error: `the policy does not load (${resolved.errors.length} error(s) at ${target.policyRef})`,
    });
    return;
  }
  const policy = resolved.policy;

  const changes: ChangeSet = target.pr
    ? await pullRequestChanges(gh, repo, target.pr.number, target.pr.changedFiles)
    : await pushChanges(gh, repo, target.push!, deps.limits.maxTreeFiles);

  const isIgnored = ignoredBy(policy);
  const gathered = await gatherSources(gh, repo, changes.files, {
    isIgnored,
    maxFileBytes: policy.settings.maxFileBytes,
    concurrency: deps.limits.concurrency,
  });
  // Files a structural rule applies to are judged whole, head against base; their added lines go to
  // the secrets rules only. Files GitHub sent no patch for were fetched whole already.
  const candidates = changes.files.filter(
    (f) => f.status !== 'removed' && f.patch !== undefined && f.sha !== undefined && !isIgnored(f.path) && structuralApplies(deps.rules, f.path),
  );
  const structuralFiles = candidates.slice(0, MAX_STRUCTURAL_FILES);
  if (candidates.length > structuralFiles.length) {
    changes.notes.push(`Structural (scope and rotation) rules judged the first ${MAX_STRUCTURAL_FILES} of ${candidates.length} such files whole; the rest only by their added lines.`);
  }
  const structuralPaths = new Set(structuralFiles.map((f) => f.path));
  const structural = structuralFiles.length
    ? await scanStructural({
        gh,
        repo,
        headSha: target.headSha,
        baseRef: baseRefOf(target),
        files: structuralFiles,
        judge: (head, base) => boxedStructural(box, policy, head, base),
        maxFileBytes: policy.settings.maxFileBytes,
        concurrency: deps.limits.concurrency,
      })
    : undefined;
  if (structural) log.info({ repository: fullName(repo), files: structuralFiles.length, requests: structural.requests }, 'structural files read whole at head and base');
  // Even past the budget, what was read is judged: a file that could not be fetched in time is listed
  // as not judged, and a leak in another file is still reported.
  let result = await boxedScan(box, {
    policy,
    files: gathered.sources.map((source) => ({ source, secretsOnly: structuralPaths.has(source.path) })),
    skipped: [...changes.unlisted, ...gathered.skipped, ...(structural?.skipped ?? [])],
  });
  if (structural) {
    result = mergeResults(result, structural.result);
    changes.notes.push(...structural.notes);
  }
  // A token in a file name is published like file content: the names this change adds count too.
  const named = changes.files.filter((f) => f.status === 'added' || f.status === 'renamed' || f.status === 'copied').map((f) => f.path);
  if (named.length) result = mergeResults(result, fileNameFindings(named.filter((p) => !isIgnored(p)), { policy, rules: deps.rules, today }));

  const policyFile = changes.files.find((f) => f.path === POLICY_PATH || (f.previousPath === POLICY_PATH && f.status === 'renamed'));
  const reviewed = policyFile ? await reviewPolicyChange(gh, deps, box, target, sources, policy, policyFile, gathered.sources, result) : undefined;
  const policyChange = reviewed?.view;

  const lineUrl = target.htmlUrl ? (path: string, line: number) => `${target.htmlUrl}/blob/${target.headSha}/${encodePath(path)}#L${line}` : undefined;
  const problems: string[] = [];
  const links = new Map<string, IssueLink>();
  const repository = fullName(repo);
  const issuePolicy = { ...DEFAULT_ISSUE_POLICY, ...policy.issues };
  const home = issuePolicy.repository ? parseFullName(issuePolicy.repository) : repo;

  const wanted = result.findings.filter((f) => wantsIssue(f, issuePolicy, target, mode));
  if (wanted.length) {
    const occurrenceOf = (f: Finding): Occurrence => ({
      repository,
      path: f.path,
      line: f.startLine,
      sha: target.headSha,
      context: subjectOf(target),
      contextKey: contextKeyOf(target),
      ...(authorOf(target) ? { author: authorOf(target)! } : {}),
      ...(lineUrl ? { url: lineUrl(f.path, f.startLine) } : {}),
    });
    try {
      const author = authorOf(target);
      const res = await deps.desk.sync(gh, log, { home, repository, findings: wanted, occurrenceOf, ruleMeta, maxCreates: deps.limits.maxIssuesPerRun, ...(author ? { assignee: author } : {}) });
      for (const [k, v] of res.links) links.set(k, v);
      if (res.failed) problems.push(`${res.failed} remediation issue write(s) failed in ${fullName(home)}: ${describeError(res.firstError)}.`);
      if (res.deferred) problems.push(`${res.deferred} more remediation issues were not opened in this run (at most ${deps.limits.maxIssuesPerRun} per run); re-run the check to open the next ones.`);
    } catch (e) {
      log.warn({ err: errorFields(e), repository, home: fullName(home) }, 'remediation issues failed');
      problems.push(`Remediation issues could not be opened in ${fullName(home)}: ${describeError(e)}.`);
    }
  }
  // Opt-in (policy `secrets.revoke`): leaked GitHub tokens submitted to GitHub's revocation API, once each.
  await revokeLeaked(gh, log, deps, { target, policy, findings: result.findings, sources: gathered.sources, links, notes: changes.notes, problems, ...(origin ? { origin } : {}) });
  if (target.push) {
    try {
      await resolveFixedIssues(gh, log, deps, box, target, changes, policy, home, issuePolicy);
    } catch (e) {
      log.warn({ err: errorFields(e), repository }, 'closing resolved issues failed');
      problems.push(`Resolved remediation issues could not be closed: ${describeError(e)}.`);
    }
  }

  const detail = explainVerdict(result, policy);
  const verdict = policyChange?.errors.length ? 'fail' : detail.verdict;
  const issueOf = (f: Finding): IssueLink | undefined => links.get(issueKey(f, repository));
  const secretsWithoutIssue = result.findings.some((f) => f.family === 'secrets' && !issueOf(f));
  const notes = [...changes.notes];
  if (result.findings.length > deps.limits.maxAnnotations) notes.push(`Only the first ${deps.limits.maxAnnotations} findings are annotated on their lines.`);
  if (secretsWithoutIssue) notes.push(`Press **${OPEN_ISSUES_ACTION.label}** at the top of this check run to open a remediation issue per leaked secret.`);

  const output = renderSummary({
    subject: subjectOf(target),
    verdict,
    findings: result.findings,
    filesScanned: result.stats.files,
    wholeFiles: gathered.wholeFiles,
    skipped: result.skipped,
    incompleteScan: policy.settings.incompleteScan,
    excepted: result.excepted.length,
    expired: result.expired.length,
    suppressed: result.suppressed,
    policy: { sources: policy.sources, hash: policy.hash, ref: target.policyRef },
    policyWarnings: resolved.warnings,
    ...(policyChange ? { policyChange } : {}),
    ruleMeta,
    issueOf,
    ...(lineUrl ? { lineUrl } : {}),
    notes,
    problems,
  });
  const annotations: CheckAnnotation[] = [
    ...(policyChange?.errors ?? []).filter((e) => isRepoPolicySource(e.source, repo)).map((e) => policyErrorAnnotation(e, POLICY_PATH)),
    ...result.findings.map(findingAnnotation),
  ].slice(0, deps.limits.maxAnnotations);

  log.info(
    {
      repository,
      sha: target.headSha,
      verdict,
      findings: result.findings.length,
      fail: detail.failing,
      warn: detail.warning,
      skipped: result.skipped.length,
      files: result.stats.files,
      policyHash: policy.hash,
      fingerprints: result.findings.slice(0, 50).map((f) => f.fingerprint),
    },
    'evaluated',
  );
  await run.complete(conclusionOf(verdict), output, annotations, secretsWithoutIssue ? [OPEN_ISSUES_ACTION] : []);
  const issues: IssueWritten[] = [];
  for (const f of result.findings) {
    const link = issueOf(f);
    if (link) issues.push({ repository: link.repository, number: link.number, action: 'linked', fingerprint: f.fingerprint });
  }
  await auditEvaluation(deps.audit, log, target, origin, { policy, result, verdict, conclusion: conclusionOf(verdict), checkRunId: run.id, issues });
  // A push that changes the policy on the default branch changes what every later change is judged by.
  if (reviewed && target.push && (target.push.branch ?? target.defaultBranch) === target.defaultBranch) {
    await auditPolicyChange(deps.audit, log, target, origin, {
      before: policy,
      after: reviewed.after ?? null,
      files: [policyFile!.path, ...(policyFile!.previousPath ? [policyFile!.previousPath] : [])],
      errors: reviewed.view.errors.length,
    });
  }
}

/** Where the "before" of a change is read: the PR's base, or what the branch held before a push. */
function baseRefOf(target: Target): string | undefined {
  if (target.pr) return target.pr.baseSha ?? target.pr.baseRef;
  const p = target.push;
  return p && !p.created && p.before !== ZERO_SHA ? p.before : undefined;
}

/**
 * With a broken base policy every pull request fails, including the one that repairs it: say whether
 * this one's policy file loads, so a maintainer can merge it with confidence (it is still not judged by it).
 */
async function proposedRepair(gh: GitHubClient, deps: AppDeps, box: Box, target: Target, sources: PolicySources): Promise<string | undefined> {
  if (!target.pr) return undefined;
  const head = await readTextFile(gh, target.repo, POLICY_PATH, target.headSha, MAX_POLICY_BYTES);
  if (head === undefined || head === sources.repo?.text) return undefined;
  const proposed = await boxedPolicy(box, layersOf(withProposed(sources, target.repo, head)), deps.rules.map((r) => r.meta.id));
  return proposed.ok
    ? `This pull request changes \`${POLICY_PATH}\`, and the proposed policy loads: merging it repairs the check.`
    : `This pull request changes \`${POLICY_PATH}\`, but the proposed policy still has ${proposed.errors.length} error(s): ${proposed.errors.map((e) => `\`${e.source}:${e.line}:${e.column}\` ${e.message}`).join('; ')}`;
}

/**
 * Secrets open issues wherever they show up (a pushed secret is leaked, PR or not). Scope and rotation
 * issues open only from the default branch, because they close themselves when it is fixed there.
 */
/** Due dates and undeclared credentials are the rotation sweep's reminders: one issue each, not two. */
const SWEEP_RULES: ReadonlySet<string> = new Set([RULE_IDS.missing, RULE_IDS.overdue, RULE_IDS.expiring]);

function wantsIssue(f: Finding, issues: { secrets: boolean; scopes: boolean; rotation: boolean }, target: Target, mode: IssueMode): boolean {
  if (f.family === 'secrets') return mode === 'all-secrets' || issues.secrets;
  if (SWEEP_RULES.has(f.ruleId)) return false;
  return !!target.push && issues[f.family];
}

async function reviewPolicyChange(
  gh: GitHubClient,
  deps: AppDeps,
  box: Box,
  target: Target,
  sources: PolicySources,
  base: ResolvedPolicy,
  file: ChangedFile,
  scanned: SourceFile[],
  baseResult: ScanResult,
): Promise<{ view: PolicyChangeView; after?: ResolvedPolicy }> {
  const count = (findings: readonly Finding[]) => ({ fail: findings.filter((f) => f.level === 'fail').length, warn: findings.filter((f) => f.level === 'warn').length });
  const view: PolicyChangeView = { path: POLICY_PATH, errors: [], warnings: [], changes: [], before: count(baseResult.findings) };
  let text: string | undefined;
  if (file.path === POLICY_PATH && file.status !== 'removed') {
    if (!file.sha) throw new SafeError(`GitHub did not give the blob of ${POLICY_PATH}`);
    let bytes: Uint8Array;
    try {
      bytes = await getBlob(gh, target.repo, file.sha, MAX_POLICY_BYTES, POLICY_PATH);
    } catch (e) {
      if (!(e instanceof BlobTooLarge)) throw e;
      view.errors.push({ source: POLICY_PATH, line: 1, column: 1, message: `The policy file is larger than ${MAX_POLICY_BYTES} bytes.`, fix: 'A policy is a few kilobytes: remove what is not policy.' });
      return { view };
    }
    const d = decodeFile(POLICY_PATH, bytes, MAX_POLICY_BYTES);
    text = d.ok ? d.text : undefined;
    if (!d.ok || d.as) {
      view.errors.push({ source: POLICY_PATH, line: 1, column: 1, message: `The policy file is not UTF-8 text (${d.ok ? d.as : d.skipped.reason}).`, fix: 'Save it as UTF-8 YAML.' });
      return { view };
    }
  }
  const proposed = await boxedPolicy(box, layersOf(withProposed(sources, target.repo, text)), deps.rules.map((r) => r.meta.id));
  if (!proposed.ok) {
    view.errors = proposed.errors;
    return { view };
  }
  view.warnings = proposed.warnings.filter((w: PolicyError) => isRepoPolicySource(w.source, target.repo));
  view.changes = describePolicyDiff(base, proposed.policy);
  const after = await boxedFindings(box, proposed.policy, scanned);
  if (after) view.after = count(after.reported);
  return { view, after: proposed.policy };
}

async function resolveFixedIssues(
  gh: GitHubClient,
  log: Logger,
  deps: AppDeps,
  box: Box,
  target: Target,
  changes: ChangeSet,
  policy: ResolvedPolicy,
  home: RepoRef,
  issues: { scopes: boolean; rotation: boolean },
): Promise<void> {
  const families = new Set<string>((['scopes', 'rotation'] as const).filter((f) => issues[f]));
  if (!families.size) return;
  const paths = new Set<string>();
  for (const f of changes.files) {
    paths.add(f.path);
    if (f.previousPath) paths.add(f.previousPath);
  }
  const byPath = new Map(changes.files.map((f) => [f.path, f]));
  await deps.desk.resolve(gh, log, {
    home,
    repository: fullName(target.repo),
    families,
    paths,
    branch: target.push?.branch ?? target.defaultBranch,
    sha: target.headSha,
    isGone: async (path, fingerprint) => {
      if (byPath.get(path)?.status === 'removed') return true;
      const text = await readTextFile(gh, target.repo, path, target.headSha, policy.settings.maxFileBytes).catch((e: unknown) => {
        if (e instanceof BlobTooLarge) return null;
        throw e;
      });
      if (text === undefined) return true;
      // Not judged (too large, a limit): the issue stays open rather than be closed on a guess.
      if (text === null) return false;
      const r = await boxedFindings(box, policy, [{ path, text }]);
      return !!r && ![...r.reported, ...r.excepted].some((f) => f.fingerprint === fingerprint);
    },
  });
}
