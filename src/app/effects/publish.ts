/**
 * The last stage: the verdict, the check run's summary and annotations, its completion, and the audit
 * trail's records of it — in that order (the record names the completed run and the issues written).
 */
import type { Finding } from '../../engine/finding.js';
import type { PolicyError } from '../../engine/policy/load.js';
import { conclusionOf, findingAnnotation, policyErrorAnnotation, renderConfigError, renderSummary, type CheckAnnotation, type IssueLink } from '../../report/check-run.js';
import { issueKey } from '../../report/issue.js';
import { explainVerdict } from '../../report/verdict.js';
import type { IssueWritten } from '../../audit/types.js';
import { fullName } from '../github/api.js';
import { isRepoPolicySource, POLICY_PATH, type PolicySources } from '../pipeline/policy-source.js';
import { proposedRepair, type PolicyReview, type PolicyStage } from '../pipeline/policy-stage.js';
import type { JudgedChange } from '../pipeline/judge-change.js';
import { subjectOf } from '../pipeline/target.js';
import type { Evaluation } from '../pipeline/types.js';
import { auditEvaluation, auditPolicyChange } from './audit.js';
import { OPEN_ISSUES_ACTION, type CheckRunPublisher } from './check-run-publisher.js';
import { metaLookup, type IssueStage } from './issue-step.js';

/** A base policy that does not load: the check fails with each error at its line, and says whether this change repairs it. */
export async function publishPolicyError(ev: Evaluation, run: CheckRunPublisher, errors: PolicyError[], sources: PolicySources): Promise<void> {
  const { log, target } = ev;
  const annotations = errors.filter((e) => isRepoPolicySource(e.source, target.repo)).map((e) => policyErrorAnnotation(e, POLICY_PATH));
  log.warn({ repository: fullName(target.repo), ref: target.policyRef, errors: errors.length }, 'policy does not load');
  const output = renderConfigError(errors, target.policyRef);
  const repair = await proposedRepair(ev, sources).catch(() => undefined);
  if (repair) output.summary += `\n${repair}\n`;
  await run.complete('failure', output, annotations);
  await auditEvaluation(ev.deps.audit, log, target, ev.origin, {
    policy: null,
    verdict: 'fail',
    conclusion: 'failure',
    checkRunId: run.id,
    error: `the policy does not load (${errors.length} error(s) at ${target.policyRef})`,
  });
}

export interface Verdict {
  policy: Extract<PolicyStage, { ok: true }>;
  judged: JudgedChange;
  review: PolicyReview | undefined;
  issues: IssueStage;
  lineUrl: ((path: string, line: number) => string) | undefined;
}

export async function publishVerdict(ev: Evaluation, run: CheckRunPublisher, v: Verdict): Promise<void> {
  const { log, deps, target } = ev;
  const { policy } = v.policy;
  const { result, changes, gathered } = v.judged;
  const policyChange = v.review?.view;
  const repository = fullName(target.repo);

  const detail = explainVerdict(result, policy);
  const verdict = policyChange?.errors.length ? 'fail' : detail.verdict;
  const issueOf = (f: Finding): IssueLink | undefined => v.issues.links.get(issueKey(f, repository));
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
    policyWarnings: v.policy.warnings,
    ...(policyChange ? { policyChange } : {}),
    ruleMeta: metaLookup(deps.rules),
    issueOf,
    ...(v.lineUrl ? { lineUrl: v.lineUrl } : {}),
    notes,
    problems: v.issues.problems,
  });
  const annotations: CheckAnnotation[] = [
    ...(policyChange?.errors ?? []).filter((e) => isRepoPolicySource(e.source, target.repo)).map((e) => policyErrorAnnotation(e, POLICY_PATH)),
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
  await auditEvaluation(deps.audit, log, target, ev.origin, { policy, result, verdict, conclusion: conclusionOf(verdict), checkRunId: run.id, issues });
  // A push that changes the policy on the default branch changes what every later change is judged by.
  const policyFile = v.review ? changes.files.find((f) => f.path === POLICY_PATH || f.previousPath === POLICY_PATH) : undefined;
  if (v.review && policyFile && target.push && (target.push.branch ?? target.defaultBranch) === target.defaultBranch) {
    await auditPolicyChange(deps.audit, log, target, ev.origin, {
      before: policy,
      after: v.review.after ?? null,
      files: [policyFile.path, ...(policyFile.previousPath ? [policyFile.previousPath] : [])],
      errors: v.review.view.errors.length,
    });
  }
}
