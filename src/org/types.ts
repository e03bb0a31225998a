/**
 * The org scan's report: what `tokenwarden org scan ORG --out FILE` writes and what the state file keeps
 * per repository. Documented field by field in docs/org-scan.md (the evidence report reads it). Never a
 * secret value: findings carry their redacted form and fingerprint only, paths are redacted where they
 * hold a token, errors are scrubbed.
 */
import type { Confidence, Family, Level, Severity } from '../engine/finding.js';
import type { CredentialState } from '../engine/inventory/index.js';

export const REPORT_KIND = 'tokenwarden.org-scan';
export const REPORT_VERSION = 1;

/** A repository as the org listing describes it. */
export interface OrgRepo {
  /** `name` only (the org is the report's). */
  name: string;
  /** `owner/name`. */
  fullName: string;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  private: boolean;
  htmlUrl?: string;
}

export interface ReportFinding {
  fingerprint: string;
  ruleId: string;
  family: Family;
  severity: Severity;
  confidence: Confidence;
  level: Level;
  /** Redacted when the path itself holds a token. */
  path: string;
  line: number;
  endLine?: number;
  /** The secret in redacted form (secrets rules only), e.g. `ghp_****…(40)`. */
  redacted?: string;
}

export interface ReportNotJudged {
  path: string;
  /** `too-large`, `binary`, `not-utf8`, `unreadable`, `limit`, `error`… as the engine says. */
  reason: string;
  detail?: string;
}

/** One credential of the repository's token inventory, with its rotation status on `today`. */
export interface ReportCredential {
  name: string;
  status: CredentialState;
  conditions: string[];
  kind?: string;
  provider?: string;
  owner?: string;
  rotationDays?: number;
  lastRotated?: string;
  expires?: string;
  dueDate?: string;
  dueReason?: 'rotation' | 'expiry';
  daysLeft?: number;
  missing: string[];
  /** Workflow files that use it. */
  usedBy: string[];
}

export type RepoStatus =
  /** Every file judged or listed under notJudged. */
  | 'scanned'
  /** No commit on the default branch: nothing to judge. */
  | 'empty'
  /** The policy (org `.github` + the repository's) does not load: nothing judged, counts as failing. */
  | 'policy-error';

export interface RepoResult {
  /** `owner/name`. */
  repository: string;
  defaultBranch: string;
  /** The default branch's commit that was judged (null for an empty repository). */
  headSha: string | null;
  status: RepoStatus;
  archived: boolean;
  fork: boolean;
  private: boolean;
  /** `pass` | `warn` | `fail` as the policy's levels make it; `fail` for a policy that does not load. */
  verdict: 'pass' | 'warn' | 'fail';
  policy: { hash: string; sources: string[] } | null;
  /** Policy load errors (`source:line:column: message`), scrubbed. */
  policyErrors?: string[];
  files: { listed: number; scanned: number; bytes: number };
  counts: { fail: number; warn: number; excepted: number; suppressed: number; notJudged: number; credentials: number };
  findings: ReportFinding[];
  notJudged: ReportNotJudged[];
  /** `.github/token-inventory.yml` (or `.yaml`) on the default branch, or null. */
  inventory: string | null;
  inventoryErrors: number;
  credentials: ReportCredential[];
  scannedAt: string;
  /** Milliseconds this repository took (listing, fetching, judging). */
  ms: number;
}

export interface SkippedRepo {
  repository: string;
  reason: 'archived' | 'fork' | 'not-selected';
}

export interface FailedRepo {
  repository: string;
  /** Scrubbed. */
  error: string;
}

export interface OrgReport {
  kind: typeof REPORT_KIND;
  version: typeof REPORT_VERSION;
  org: string;
  apiUrl: string;
  tool: string;
  /** YYYY-MM-DD: the date rotation and exception expiry were judged on. */
  today: string;
  startedAt: string;
  finishedAt: string;
  /** Every selected repository was scanned (none failed, none left for a resumed run). */
  complete: boolean;
  options: { includeArchived: boolean; includeForks: boolean; repos: string[] | null };
  summary: OrgSummary;
  repositories: RepoResult[];
  skipped: SkippedRepo[];
  failed: FailedRepo[];
}

export interface OrgSummary {
  /** Repositories listed in the org. */
  listed: number;
  /** Selected for the scan (listed minus skipped). */
  selected: number;
  scanned: number;
  /** Of `scanned`: taken from the state file of an earlier, interrupted run. */
  resumed: number;
  failed: number;
  /** Selected but neither scanned nor failed: the run was interrupted before them (resume with --state). */
  pending: number;
  skipped: number;
  verdicts: { pass: number; warn: number; fail: number };
  findings: { total: number; fail: number; warn: number; byFamily: Record<string, number>; bySeverity: Record<string, number> };
  notJudged: number;
  credentials: { total: number; byStatus: Record<string, number> };
}
