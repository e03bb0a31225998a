/**
 * The issue stage of an evaluation: remediation issues for what only a person can fix (one per leaked
 * secret, deduplicated across runs and instances by the issue desk), leaked GitHub tokens submitted for
 * revocation where the policy opts in, and — on the default branch — scope and rotation issues closed
 * once their finding is gone. A failure here is reported in the check run, never a reason to pass.
 */
import { RULE_IDS } from '../../engine/inventory/policy.js';
import type { Finding } from '../../engine/finding.js';
import type { RuleMeta, Rule } from '../../engine/rule.js';
import { DEFAULT_ISSUE_POLICY, type ResolvedPolicy } from '../../engine/policy/types.js';
import type { IssueLink } from '../../report/check-run.js';
import type { Occurrence } from '../../report/issue.js';
import { describeError, errorFields } from '../errors.js';
import { BlobTooLarge, fullName, parseFullName, readTextFile, type RepoRef } from '../github/api.js';
import { boxedFindings } from '../pipeline/boxed.js';
import type { JudgedChange } from '../pipeline/judge-change.js';
import { authorOf, contextKeyOf, subjectOf, type Target } from '../pipeline/target.js';
import type { Evaluation, IssueMode } from '../pipeline/types.js';
import { revokeLeaked } from './revocation.js';

export interface IssueStage {
  /** Finding key → its remediation issue. */
  links: Map<string, IssueLink>;
  /** What went wrong, for the check run. */
  problems: string[];
}

/** Due dates and undeclared credentials are the rotation sweep's reminders: one issue each, not two. */
const SWEEP_RULES: ReadonlySet<string> = new Set([RULE_IDS.missing, RULE_IDS.overdue, RULE_IDS.expiring]);

/**
 * Secrets open issues wherever they show up (a pushed secret is leaked, PR or not). Scope and rotation
 * issues open only from the default branch, because they close themselves when it is fixed there.
 */
function wantsIssue(f: Finding, issues: { secrets: boolean; scopes: boolean; rotation: boolean }, target: Target, mode: IssueMode): boolean {
  if (f.family === 'secrets') return mode === 'all-secrets' || issues.secrets;
  if (SWEEP_RULES.has(f.ruleId)) return false;
  return !!target.push && issues[f.family];
}

export const metaLookup = (rules: readonly Rule[]) => {
  const byId = new Map(rules.map((r) => [r.meta.id, r.meta]));
  return (id: string): RuleMeta | undefined => byId.get(id);
};

export async function writeIssues(ev: Evaluation, policy: ResolvedPolicy, judged: JudgedChange, lineUrl: ((path: string, line: number) => string) | undefined): Promise<IssueStage> {
  const { gh, log, deps, target, mode, origin } = ev;
  const { result, changes, gathered } = judged;
  const problems: string[] = [];
  const links = new Map<string, IssueLink>();
  const repository = fullName(target.repo);
  const issuePolicy = { ...DEFAULT_ISSUE_POLICY, ...policy.issues };
  const home = issuePolicy.repository ? parseFullName(issuePolicy.repository) : target.repo;

  const wanted = result.findings.filter((f) => wantsIssue(f, issuePolicy, target, mode));
  if (wanted.length) {
    const author = authorOf(target);
    const occurrenceOf = (f: Finding): Occurrence => ({
      repository,
      path: f.path,
      line: f.startLine,
      sha: target.headSha,
      context: subjectOf(target),
      contextKey: contextKeyOf(target),
      ...(author ? { author } : {}),
      ...(lineUrl ? { url: lineUrl(f.path, f.startLine) } : {}),
    });
    try {
      const res = await deps.desk.sync(gh, log, {
        home,
        repository,
        findings: wanted,
        occurrenceOf,
        ruleMeta: metaLookup(deps.rules),
        maxCreates: deps.limits.maxIssuesPerRun,
        ...(author ? { assignee: author } : {}),
      });
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
      await resolveFixedIssues(ev, judged, policy, home, issuePolicy);
    } catch (e) {
      log.warn({ err: errorFields(e), repository }, 'closing resolved issues failed');
      problems.push(`Resolved remediation issues could not be closed: ${describeError(e)}.`);
    }
  }
  return { links, problems };
}

/** Close scope / rotation issues whose finding the default branch no longer has. */
async function resolveFixedIssues(ev: Evaluation, judged: JudgedChange, policy: ResolvedPolicy, home: RepoRef, issues: { scopes: boolean; rotation: boolean }): Promise<void> {
  const { gh, log, deps, target, box } = ev;
  const { changes } = judged;
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
