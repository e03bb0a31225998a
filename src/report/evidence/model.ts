/**
 * The evidence report's model: what an auditor is handed for one repository (the CLI) or a whole
 * installation (the App's store), for a period and a compliance pack. The JSON rendering of this
 * object is the source of truth; the HTML and Markdown renderings print the same numbers from it
 * (`summary` is computed once, in `finish()`, and every renderer reads it).
 *
 * Never a secret value: findings carry fingerprints and redacted forms only, and every free text
 * (paths, names, owners, justifications, policy sources) has been through the report's redactor.
 */
import type { CredentialState } from '../../engine/inventory/types.js';
import type { Family, Severity } from '../../engine/finding.js';

export const REPORT_VERSION = 1;

export type PackName = 'default' | 'sox' | 'finra' | 'ffiec' | 'pci-dss' | 'soc2';
export type Verdict = 'pass' | 'warn' | 'fail';
export type RuleState = 'passing' | 'failing' | 'not-evaluated';

export const CREDENTIAL_STATES: readonly CredentialState[] = ['expired', 'overdue', 'undeclared', 'due-soon', 'incomplete', 'stale', 'ok'];
export const FAMILIES: readonly Family[] = ['secrets', 'scopes', 'rotation'];
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface EvidenceReport {
  version: typeof REPORT_VERSION;
  title: string;
  /** ISO time the report was built. */
  generatedAt: string;
  tool: string;
  scope: {
    kind: 'repository' | 'installation';
    /** The installation id (App), when known. */
    installation: number | null;
    /** `owner/name` for a repository report (the working tree's origin, or --repo). */
    repository: string | null;
  };
  /** `since` inclusive, `until` exclusive (ISO times). */
  period: { since: string; until: string };
  pack: { name: PackName; title: string; basis: string };
  /** Where the facts came from. */
  sources: {
    /** The CLI's scan of a working tree, now. */
    scan: null | {
      /** The day the scan judged dates by (YYYY-MM-DD). */
      today: string;
      policy: { digest: string; sources: string[] };
      ruleSet: { digest: string; rules: number; tool: string };
      files: number;
      notJudged: Array<{ path: string; reason: string }>;
    };
    /** The App's store (its audit trail): null when none was given. */
    store: null | { backend: string };
  };
  /** The audit trail the history was read from, verified first; null without a store. */
  chain: ChainEvidence | null;
  summary: Summary;
  repositories: RepositoryEvidence[];
  controls: ControlEvidence[];
  history: History;
  /** Caveats an auditor must read with the numbers (what is not known, and why). */
  notes: string[];
}

export interface ChainEvidence {
  /** verifyChain's answer: intact, or the first broken record. */
  intact: boolean;
  records: number;
  /** The head the report was built from: records after it (appended meanwhile) are left out. */
  head: { seq: number; digest: string; time: string | null };
  lastCheckpoint: { seq: number; digest: string; time: string; vouchesFor: { seq: number; digest: string } } | null;
  /** Set when the chain is broken: the first broken record and why. */
  break: { seq: number; reason: string; message: string } | null;
  /** Broken: the last record that verified. */
  lastGood: { seq: number; digest: string } | null;
}

export interface Summary {
  repositories: number;
  credentials: { total: number; byStatus: Record<CredentialState, number>; failing: number };
  findings: {
    open: number;
    /** Open findings at level fail (they fail a check). */
    blocking: number;
    bySeverity: Record<Severity, number>;
    byFamily: Record<Family, number>;
    /** family → severity → count. */
    byFamilySeverity: Record<Family, Record<Severity, number>>;
  };
  issues: { open: number; closed: number; unknown: number };
  exceptions: { active: number; expired: number };
  checks: { evaluations: number; pass: number; warn: number; fail: number; error: number; passRate: number | null };
  controls: { total: number; passing: number; failing: number; notEvaluated: number };
}

export interface CredentialRow {
  name: string;
  kind: string | null;
  provider: string | null;
  owner: string | null;
  /** From the inventory; null when only a reminder record names the credential. */
  scopes: string[] | null;
  lastRotated: string | null;
  rotationDays: number | null;
  expires: string | null;
  dueDate: string | null;
  dueReason: 'rotation' | 'expiry' | null;
  daysLeft: number | null;
  status: CredentialState;
  /** `inventory` (the working tree now) or `reminder` (the latest rotation reminder in the trail). */
  source: 'inventory' | 'reminder';
  /** When the status was seen (ISO): the scan's day, or the reminder's time. */
  asOf: string;
}

export interface FindingRow {
  fingerprint: string;
  rule: string;
  family: Family;
  severity: Severity;
  level: 'warn' | 'fail';
  path: string;
  line: number | null;
  redacted: string | null;
  /** First evaluation in the trail that reported it (ISO), when known. */
  firstSeen: string | null;
  /** Whole days from firstSeen to the report's end; null when not known. */
  ageDays: number | null;
  /** Reported because its exception expired: that exception's id. */
  expiredException: string | null;
  /** The remediation issue about it, when one was written. */
  issue: { repository: string; number: number } | null;
}

export interface IssueRow {
  /** `owner/name` of the repository holding the issue. */
  repository: string;
  number: number;
  fingerprint: string | null;
  state: 'open' | 'closed' | 'unknown';
  /** When the App created it (the evaluation record that says so), ISO; null when not in the trail. */
  opened: string | null;
  ageDays: number | null;
  url: string | null;
}

export interface ExceptionRow {
  id: string;
  fingerprint: string | null;
  rule: string | null;
  path: string | null;
  justification: string;
  approvedBy: string;
  expires: string;
  source: string | null;
  status: 'active' | 'expired';
  /** Days from the report's end to `expires` (negative once past). */
  daysLeft: number;
  /** Findings it covers now (scan) or covered in the period (trail). */
  covers: number;
  /** When the trail last recorded it used or expired (ISO), if it did. */
  lastRecorded: string | null;
}

export interface EvaluationRow {
  time: string;
  seq: number;
  event: string;
  pullRequest: number | null;
  commit: string | null;
  headSha: string;
  verdict: Verdict | null;
  conclusion: string | null;
  checkRun: number | null;
  reported: number;
  excepted: number;
  notJudged: number;
  policyDigest: string | null;
  ruleSet: string | null;
  error: string | null;
}

export interface RepositoryEvidence {
  name: string;
  installation: number | null;
  /** null: no credential is known (no inventory scanned, no reminder recorded). */
  credentials: CredentialRow[] | null;
  findings: FindingRow[];
  issues: IssueRow[];
  exceptions: ExceptionRow[];
  checks: { evaluations: number; pass: number; warn: number; fail: number; error: number; passRate: number | null };
  /** Evaluations in the period, newest first (at most `EVALUATIONS_SHOWN`; `checks` counts them all). */
  evaluations: EvaluationRow[];
}

export interface ControlRule {
  id: string;
  family: Family;
  severity: Severity;
  state: RuleState;
  /** Open findings of this rule (all levels). */
  open: number;
}

export interface ControlEvidence {
  id: string;
  title: string;
  state: RuleState;
  /** The rule tags (`meta.controls`) this control is evidenced by. */
  tags: string[];
  rules: ControlRule[];
  counts: { rules: number; passing: number; failing: number; notEvaluated: number };
}

export interface HistoryBucket {
  /** First day of the bucket (YYYY-MM-DD). */
  start: string;
  evaluations: number;
  pass: number;
  warn: number;
  fail: number;
  error: number;
  /** (pass + warn) / (evaluations), in percent with one decimal; null without evaluations. */
  passRate: number | null;
}

export interface History {
  granularity: 'day' | 'week' | 'month';
  buckets: HistoryBucket[];
}

export const EVALUATIONS_SHOWN = 50;
