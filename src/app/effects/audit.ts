/**
 * The audit trail's side of an evaluation: once the check run is completed (its id and conclusion
 * known) and the issues are written, one evaluation record — with one per exception used or found
 * expired — goes to the store's hash chain (src/audit/). A job retried after a crash finds its record
 * there (the idempotency key is the delivery and head sha) and appends nothing.
 *
 * A record that cannot be written is logged at error level and does not undo the check: the check run
 * is what GitHub enforces; the trail is the evidence, and a missing record shows as a gap in the report.
 */
import { fromScanResult, recordEvaluation, type AuditStore, type IssueWritten, type NotJudged } from '../../audit/index.js';
import type { ScanResult } from '../../engine/scan.js';
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import { errorFields, describeError } from '../errors.js';
import { fullName } from '../github/api.js';
import type { Target } from '../pipeline/target.js';

export interface Origin {
  /** `pull_request.synchronize`, `push`, `check_run.rerequested`, `rerun`… */
  event: string;
  /** `X-GitHub-Delivery` of the webhook that caused it; none for a recovery or a re-run job. */
  delivery?: string;
}

interface Log {
  error(obj: object, msg: string): void;
}

export interface JudgedChange {
  policy: ResolvedPolicy | null;
  result?: ScanResult;
  verdict: 'pass' | 'warn' | 'fail';
  conclusion: string;
  checkRunId: number | null;
  issues?: readonly IssueWritten[];
  /** Why nothing (or not everything) was judged: a policy that does not load, an error, a deadline. */
  error?: string;
  notJudged?: readonly NotJudged[];
}

export async function auditEvaluation(store: AuditStore | undefined, log: Log, target: Target, origin: Origin | undefined, judged: JudgedChange): Promise<void> {
  if (!store) return;
  const scan = judged.result ? fromScanResult(judged.result) : undefined;
  try {
    await recordEvaluation(store, {
      event: origin?.event ?? (target.pr ? 'pull_request' : 'push'),
      deliveryId: origin?.delivery ?? null,
      installation: target.installation ?? null,
      repository: fullName(target.repo),
      pullRequest: target.pr?.number ?? null,
      ...(target.push ? { commit: target.headSha, ref: target.push.branch ? `refs/heads/${target.push.branch}` : null } : {}),
      headSha: target.headSha,
      baseSha: target.pr?.baseSha ?? (target.push && !target.push.created ? target.push.before : null) ?? null,
      policy: judged.policy ? { hash: judged.policy.hash, sources: judged.policy.sources } : null,
      findings: scan?.findings ?? [],
      ...(scan ? { counts: scan.counts, exceptions: scan.exceptions } : {}),
      notJudged: [...(scan?.notJudged ?? []), ...(judged.notJudged ?? [])],
      verdict: judged.verdict,
      conclusion: judged.conclusion,
      checkRunId: judged.checkRunId,
      issues: judged.issues ?? [],
      ...(judged.error ? { error: judged.error } : {}),
    });
  } catch (e) {
    log.error({ err: errorFields(e), repository: fullName(target.repo), sha: target.headSha, reason: describeError(e) }, 'audit record of the evaluation could not be written');
  }
}
