/**
 * What the App hands the audit trail. Ids, names, digests, counts and times — never a secret value:
 * the finding type below cannot carry the engine's excerpt, message, remediation or secret hash (they
 * are typed `never`, so passing a whole engine `Finding` does not compile), and the builders copy the
 * allowed fields one by one, so nothing else slips through at run time either.
 */
import type { Finding } from '../engine/finding.js';
import type { AuditRecord, Store } from '../store/index.js';

/** What the audit functions need of the store. */
export type AuditStore = Pick<Store, 'audit'>;

// ── findings ─────────────────────────────────────────────────────────────────────────────────────────

/** Fields of an engine `Finding` that never hold content: ids, levels, where (the path is scrubbed). */
export type SafeFindingField = 'fingerprint' | 'ruleId' | 'family' | 'severity' | 'confidence' | 'level' | 'path' | 'startLine' | 'endLine' | 'redacted';
/** Fields that can quote the secret or the text around it. */
export type SecretFindingField = 'excerpt' | 'message' | 'remediation' | 'secretHash';

/**
 * What became of a finding: reported (annotated, counted in the verdict), excepted by a policy
 * exception, baselined (accepted when the tool was adopted), suppressed inline (`tokenwarden:allow`).
 */
export type Disposition = 'reported' | 'excepted' | 'baselined' | 'suppressed';

/** A finding as the audit trail may see it. */
export type AuditFinding = Pick<Finding, 'fingerprint' | 'ruleId' | 'severity'> &
  Partial<Pick<Finding, Exclude<SafeFindingField, 'fingerprint' | 'ruleId' | 'severity'>>> & {
    [K in SecretFindingField]?: never;
  } & {
    disposition: Disposition;
    /** Disposition 'excepted': the exception that covers it (see `exceptionRef`). */
    exception?: ExceptionRef;
    /** Reported because its exception expired: that exception. */
    expiredException?: ExceptionRef;
  };

// ── exceptions ───────────────────────────────────────────────────────────────────────────────────────

/** An exception named without its justification: what evaluation records point at. */
export interface ExceptionRef {
  /** A digest of what the exception matches, its approver, expiry and source (stable across runs). */
  id: string;
  approvedBy: string;
  /** YYYY-MM-DD */
  expires: string;
  source?: string;
}

/** The parts of a policy exception the trail keeps (the engine's `PolicyException` fits). */
export interface ExceptionInput {
  fingerprint?: string;
  rule?: string;
  path?: string;
  justification: string;
  approvedBy: string;
  expires: string;
  source?: string;
}

// ── evaluation ───────────────────────────────────────────────────────────────────────────────────────

export interface IssueWritten {
  /** `owner/name` of the repository holding the issue. */
  repository: string;
  number: number;
  /** What this evaluation did to it. */
  action: 'created' | 'commented' | 'reopened' | 'closed' | 'linked';
  /** The finding it is about. */
  fingerprint?: string;
}

export interface NotJudged {
  path: string;
  /** 'limit', 'error', 'too-large', 'binary'… as the engine says. */
  reason: string;
}

/** A secret found in a branch's history (the backfill's `history` part): where it was first committed. */
export interface HistoryFindingInput {
  fingerprint: string;
  ruleId: string;
  path: string;
  line: number;
  redacted?: string;
  /** The first commit that added it, and that commit's author date. */
  commit: string;
  date: string;
  /** The commit that deleted it from the branch, when known. */
  deletedIn?: string;
  /** In the tree at the head, deleted from it, or its file there was not judged. */
  atHead: 'present' | 'deleted' | 'unknown';
  /** Commits that added it. */
  commits: number;
}

/** The backfill's walk of the default branch's history (policy `backfill.history`). */
export interface HistoryInput {
  branch: string;
  maxCommits: number;
  /** Commits listed (newest first, at most `maxCommits`), and how many of them were read. */
  listed: number;
  read: number;
  /** The branch has older commits than `maxCommits`: not read, by the policy's choice. */
  beyondLimit: boolean;
  /** The walk stopped before the end: how many listed commits were not read (null: not listed), from which, why. */
  notRead: { commits: number | null; from: string | null; reason: string } | null;
  findings: readonly HistoryFindingInput[];
}

export interface EvaluationInput {
  /** `pull_request.synchronize`, `push`, `check_run.rerequested`, `recovery`… */
  event: string;
  /** `X-GitHub-Delivery` of the webhook that caused it (null for timers and recovery). */
  deliveryId: string | null;
  installation: number | null;
  /** `owner/name`. */
  repository: string;
  pullRequest?: number | null;
  /** A push: the pushed commit (`after`), and the ref. */
  commit?: string | null;
  ref?: string | null;
  headSha: string;
  baseSha?: string | null;
  /** The policy the change was judged by (`ResolvedPolicy.hash` and `.sources` fit); null when it did not load. */
  policy: { hash: string; sources: readonly string[] } | null;
  /** Default: `ruleSetVersion()` of the engine's registry. */
  ruleSet?: RuleSetVersion;
  findings: readonly AuditFinding[];
  /** Counts the engine keeps without per-finding detail (inline suppressions, baselined findings). */
  counts?: { suppressed?: number; baselined?: number };
  notJudged?: readonly NotJudged[];
  verdict: 'pass' | 'warn' | 'fail';
  /** The check run's conclusion, if it differs in kind from the verdict ('success' | 'failure' | 'neutral'). */
  conclusion?: string;
  checkRunId: number | null;
  issues?: readonly IssueWritten[];
  /** Why the change could not be judged, when it could not (a policy that does not load…): scrubbed. */
  error?: string;
  /** A backfill that read the branch's history: what it read, what not and why, the secrets it found there. */
  history?: HistoryInput;
  /**
   * Idempotency key: a second `recordEvaluation` with the same key appends nothing and returns the
   * first record. Default `evaluation:<deliveryId>:<headSha>` when there is a delivery id; none otherwise.
   */
  key?: string | null;
}

export interface RuleSetVersion {
  /** sha256 (hex, 16) over the tool version and every rule's id and metadata, in id order. */
  digest: string;
  rules: number;
  tool: string;
}

// ── the other kinds ──────────────────────────────────────────────────────────────────────────────────

export interface ExceptionRecordInput {
  status: 'used' | 'expired';
  exception: ExceptionInput;
  installation: number | null;
  repository: string;
  /** The findings it covered (used) or no longer covers (expired). */
  fingerprints: readonly string[];
  deliveryId?: string | null;
  headSha?: string | null;
  pullRequest?: number | null;
}

export interface PolicyChangeInput {
  installation: number | null;
  repository: string;
  /** The default branch's ref and the commit that changed the policy. */
  ref: string;
  commit: string;
  deliveryId?: string | null;
  /** The policy before and after (null: none, or it did not load). */
  before: { hash: string; sources: readonly string[] } | null;
  after: { hash: string; sources: readonly string[] } | null;
  /** Policy files the push touched. */
  files?: readonly string[];
  /** The new policy's load errors, counted (the text is in the check run). */
  errors?: number;
  actor?: string | null;
}

export interface ReminderInput {
  installation: number | null;
  repository: string;
  /** The credential's name in the token inventory (a name, never a value). */
  credential: string;
  status: string;
  /** YYYY-MM-DD */
  due?: string | null;
  owner?: string | null;
  issue?: { repository: string; number: number; action: IssueWritten['action'] } | null;
}

export interface RevocationInput {
  installation: number | null;
  repository: string;
  /** The finding whose token was submitted: identified by fingerprint, never by value. */
  fingerprint: string;
  ruleId: string;
  /** Redacted form (e.g. `ghp_********…(40)`), optional. */
  redacted?: string;
  provider: string;
  outcome: 'submitted' | 'revoked' | 'refused' | 'failed' | 'skipped';
  /** HTTP status or a short reason (scrubbed). */
  detail?: string | null;
  deliveryId?: string | null;
  headSha?: string | null;
}

export type { AuditRecord };
