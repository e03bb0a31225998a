import type { Family, Level, Severity, Confidence } from '../finding.js';

export interface RulePolicy {
  level?: Level;
  options?: Record<string, unknown>;
  /** Only scan paths matching one of these globs. */
  paths?: string[];
  /** Skip paths matching one of these globs. */
  ignore?: string[];
}

export interface PolicyException {
  /** A finding fingerprint, or … */
  fingerprint?: string;
  /** … a rule id and/or a path glob. */
  rule?: string;
  path?: string;
  justification: string;
  approvedBy: string;
  /** ISO date (YYYY-MM-DD); the exception stops counting after this day. */
  expires: string;
  /** Where it was declared, so reports can point at it. */
  source?: string;
  /** Rules or families locked by an earlier layer when this was declared: it cannot cover them. */
  notFor?: string[];
}

export interface PolicySettings {
  /** Files larger than this are skipped and listed. */
  maxFileBytes: number;
  /** Findings below this confidence are dropped. */
  minConfidence: Confidence;
  /** What an incomplete scan (skipped files) does to the verdict. */
  incompleteScan: 'pass' | 'warn' | 'fail';
  /** Run the secret rules on base64, percent-encoded and escaped text too. */
  decodeEncoded: boolean;
}

/** Which findings open remediation issues (App only), and where; unset keys take `DEFAULT_ISSUE_POLICY`. */
export interface IssuePolicy {
  secrets?: boolean;
  scopes?: boolean;
  rotation?: boolean;
  /** `owner/name` of a central repository that receives the issues instead of the scanned one. */
  repository?: string;
}

export const DEFAULT_ISSUE_POLICY = { secrets: true, scopes: false, rotation: false } as const;

/** What the App does about leaked secrets beyond reporting them (`secrets:`); unset keys are off. */
export interface SecretsPolicy {
  /** Submit leaked GitHub tokens (checksum verified) to GitHub's revocation API, once each. */
  revoke?: boolean;
}

/** The App's backfill when it is installed (`backfill:`); unset keys take `DEFAULT_BACKFILL_POLICY`. */
export interface BackfillPolicy {
  /** Also read the default branch's history through the API: secrets deleted from the tree are still leaks. */
  history?: boolean;
  /** The newest commits read, at most (the schema caps it at `MAX_BACKFILL_COMMITS`). */
  maxCommits?: number;
}

export const DEFAULT_BACKFILL_POLICY = { history: false, maxCommits: 1000 } as const;
/** Each commit is one request or more of the installation's rate limit (5,000 an hour on GitHub.com). */
export const MAX_BACKFILL_COMMITS = 10_000;

/** The merged, validated policy the engine runs with. */
export interface ResolvedPolicy {
  /** Where each layer came from, in precedence order (built-in first). */
  sources: string[];
  /** sha256 of the merged policy, shown in reports and audit records. */
  hash: string;
  settings: PolicySettings;
  /** Default level per family, then per severity where the family says `auto`. */
  families: Record<Family, Level | 'auto'>;
  severityLevels: Record<Severity, Level>;
  rules: Record<string, RulePolicy>;
  ignore: string[];
  /** Ignore globs declared under a lock (by a repository under an org): they do not apply to locked rules. */
  softIgnore?: string[];
  exceptions: PolicyException[];
  /** Rule ids or families the org locked: lower layers cannot weaken them. */
  locked: string[];
  /** Set only when a layer has an `issues:` key, so policies without one hash as before. */
  issues?: IssuePolicy;
  /** Set only when a layer has a `secrets:` key, so policies without one hash as before. */
  secrets?: SecretsPolicy;
  /** Set only when a layer has a `backfill:` key, so policies without one hash as before. */
  backfill?: BackfillPolicy;
}
