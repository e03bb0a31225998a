/**
 * The audit trail's side of an evaluation: once the check run is completed (its id and conclusion
 * known) and the issues are written, one evaluation record — with one per exception used or found
 * expired — goes to the store's hash chain (src/audit/). A job retried after a crash finds its record
 * there (the idempotency key is the delivery and head sha) and appends nothing.
 *
 * A record that cannot be written is logged at error level and does not undo the check: the check run
 * is what GitHub enforces; the trail is the evidence, and a missing record shows as a gap in the report.
 */
import { checkpoint, fromScanResult, recordEvaluation, recordPolicyChange, type AuditStore, type IssueWritten, type NotJudged } from '../../audit/index.js';
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

/** A policy change on the default branch: before and after (null: it does not load), the files, the errors. */
export async function auditPolicyChange(
  store: AuditStore | undefined,
  log: Log,
  target: Target,
  origin: Origin | undefined,
  change: { before: ResolvedPolicy | null; after: ResolvedPolicy | null; files: readonly string[]; errors: number },
): Promise<void> {
  if (!store) return;
  const digest = (p: ResolvedPolicy | null) => (p ? { hash: p.hash, sources: p.sources } : null);
  try {
    await recordPolicyChange(
      store,
      {
        installation: target.installation ?? null,
        repository: fullName(target.repo),
        ref: `refs/heads/${target.push?.branch ?? target.defaultBranch}`,
        commit: target.headSha,
        deliveryId: origin?.delivery ?? null,
        before: digest(change.before),
        after: digest(change.after),
        files: change.files,
        errors: change.errors,
        actor: target.push?.pusher ?? null,
      },
      origin?.delivery ? { key: `policy-change:${origin.delivery}:${target.headSha}` } : {},
    );
  } catch (e) {
    log.error({ err: errorFields(e), repository: fullName(target.repo), sha: target.headSha }, 'audit record of the policy change could not be written');
  }
}

/**
 * Checkpoints on a timer, on every instance (the chain lock makes them agree on one): a checkpoint is
 * written once `everyRecords` records came since the last one, or `everyMs` passed and any record came.
 * A verifier pins a checkpoint it saw (`tokenwarden audit verify --pin SEQ:DIGEST`), so that a later
 * truncation of the tail past it is detected. One last checkpoint is written at shutdown.
 */
export class AuditCheckpoints {
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: AuditStore,
    private readonly log: Log,
    private readonly opts: { everyRecords: number; everyMs: number; tickMs?: number },
  ) {}

  start(): void {
    const tick = this.opts.tickMs ?? Math.min(60_000, this.opts.everyMs);
    this.timer = setInterval(() => this.write({ everyRecords: this.opts.everyRecords, everyMs: this.opts.everyMs }), tick);
    this.timer.unref();
  }

  /** Stop the timer and write the checkpoint of what this instance leaves behind. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.pending;
    this.write({});
    await this.pending;
  }

  private write(opts: { everyRecords?: number; everyMs?: number }): void {
    this.pending = this.pending.then(() => checkpoint(this.store, opts).catch((e: unknown) => this.log.error({ err: errorFields(e) }, 'audit checkpoint could not be written')));
  }
}

/** TOKENWARDEN_AUDIT_CHECKPOINT_RECORDS (default 1000) and TOKENWARDEN_AUDIT_CHECKPOINT_MS (default one hour). */
export function checkpointSettings(env: NodeJS.ProcessEnv): { everyRecords: number; everyMs: number } {
  const num = (v: string | undefined, d: number): number => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);
  return { everyRecords: num(env.TOKENWARDEN_AUDIT_CHECKPOINT_RECORDS, 1000), everyMs: num(env.TOKENWARDEN_AUDIT_CHECKPOINT_MS, 3_600_000) };
}
