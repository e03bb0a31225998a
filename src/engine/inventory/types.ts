/** The token inventory's data model: entries as parsed, secret references, and credential statuses. */
import type { LimitExceeded } from '../limits.js';

/** What a credential is (the inventory's `kind`). */
export type CredentialKind =
  | 'classic-pat'
  | 'fine-grained-pat'
  | 'github-app'
  | 'oauth-app'
  | 'deploy-key'
  | 'ssh-key'
  | 'cloud-access-key'
  | 'service-account-key'
  | 'api-key'
  | 'webhook-secret'
  | 'signing-key'
  | 'password'
  | 'certificate'
  | 'other';

/** A problem with the inventory file itself, shaped like a policy error: where, what, how to fix. */
export interface InventoryError {
  /** The inventory's path. */
  source: string;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
  fix: string;
}

/** The fields of an entry, as the file spells them. */
export type InventoryField = 'name' | 'secrets' | 'kind' | 'provider' | 'owner' | 'scopes' | 'rotation_days' | 'last_rotated' | 'expires' | 'used_in' | 'environment' | 'notes';

export interface FieldPosition {
  /** 1-based line and column of the field's key (or of the entry, for absent fields). */
  line: number;
  column: number;
}

/** One credential of the inventory. Absent, `null` and invalid values are `undefined`. */
export interface InventoryEntry {
  name: string;
  /** Every GitHub secret name that holds this credential: `name` and `secrets`, as written. */
  secretNames: string[];
  kind?: CredentialKind;
  provider?: string;
  owner?: string;
  scopes: string[];
  rotationDays?: number;
  /** YYYY-MM-DD. */
  lastRotated?: string;
  /** YYYY-MM-DD, or `never`. */
  expires?: string;
  usedIn: string[];
  environment?: string;
  notes?: string;
  /** 0-based position in `credentials`. */
  index: number;
  /** Where the entry starts (its first key, normally `name`). */
  line: number;
  column: number;
  /** Where each field present in the file is (keys written with an empty value included). */
  fields: Partial<Record<InventoryField, FieldPosition>>;
  /** Fields given a value that is not usable (the schema errors say why); `null` is not invalid, just missing. */
  invalid: InventoryField[];
}

export interface ParsedInventory {
  path: string;
  /** Entries with a usable `name`, in file order (also when `errors` is not empty). */
  entries: InventoryEntry[];
  /** Syntax, schema and consistency errors; empty for a valid inventory. */
  errors: InventoryError[];
  /**
   * Set when the file exceeds a parser limit (an alias bomb, deep nesting, too large): it was not
   * judged, `entries` is empty and `errors` says so. Report it as not judged, never as "no credentials".
   */
  limit?: LimitExceeded;
}

/** One place a workflow uses a secret. */
export interface SecretReference {
  /** The secret's name as written. */
  name: string;
  path: string;
  line: number;
  column: number;
  /** The job it is used in, if inside `jobs:`. */
  job?: string;
  /** The job's `environment:` (the secret may be an environment secret). */
  environment?: string;
  /**
   * `expression`: `${{ secrets.X }}` / `secrets['X']`; `inherited`: used by a local reusable workflow
   * that a caller hands `secrets: inherit` (the location is the caller's `secrets: inherit`).
   */
  via: 'expression' | 'inherited';
}

/** What a set of workflows uses. */
export interface SecretReferences {
  /** Upper-cased secret name (GitHub secret names are case-insensitive) → where it is used, in file order. */
  byName: Map<string, SecretReference[]>;
  /**
   * Places through which any secret may be used: `secrets: inherit` to a workflow outside the
   * repository, `toJSON(secrets)`, `secrets[<computed>]`. When not empty, no credential can be called
   * stale.
   */
  open: Array<Omit<SecretReference, 'name' | 'via'> & { what: 'inherit' | 'tojson' | 'dynamic' }>;
  /** The workflow files looked at. */
  files: string[];
  /**
   * Workflow files that exceed a parser limit: not read, so they may use any secret (no credential
   * can be called stale while one is listed). Callers report them as not judged.
   */
  notJudged?: Array<{ path: string; limit: LimitExceeded }>;
}

export type CredentialState = 'ok' | 'due-soon' | 'overdue' | 'expired' | 'incomplete' | 'stale' | 'undeclared';

export interface CredentialStatus {
  /** The inventory name, or the secret's name for an undeclared one. */
  name: string;
  /** The most urgent of `conditions`, or `ok`. */
  status: CredentialState;
  /** Every condition that holds, most urgent first: expired, overdue, undeclared, due-soon, incomplete, stale. */
  conditions: Exclude<CredentialState, 'ok'>[];
  /** Stable across edits of the file, for de-duplicating reminder issues: `credential:<NAME>`. */
  key: string;
  kind?: CredentialKind;
  provider?: string;
  owner?: string;
  rotationDays?: number;
  lastRotated?: string;
  /** YYYY-MM-DD or `never`. */
  expires?: string;
  /** `last_rotated + rotation_days` (YYYY-MM-DD). */
  rotationDue?: string;
  /** The earlier of `rotationDue` and `expires` (YYYY-MM-DD), and which one it is. */
  dueDate?: string;
  dueReason?: 'rotation' | 'expiry';
  /** Days from today to `dueDate`: 0 on the day, negative once past. */
  daysLeft?: number;
  /** Fields an owner must still fill in (`owner`, `rotation_days`, …). */
  missing: string[];
  /** Policy problems that are not a state: a rotation period over the maximum, an expiry of `never`. */
  problems: string[];
  /** The entry's line in the inventory (`undefined` for undeclared). */
  line?: number;
  /** Where workflows use it. */
  references: SecretReference[];
  /** One or two sentences a person can act on. */
  message: string;
}

export interface StatusOptions {
  /** "Today" (UTC date), passed in: the clock for the App's sweep, a fixed date in tests. */
  today: Date;
  /** Due within this many days (inclusive) is `due-soon`. Default 14. */
  warnDays?: number;
  /** Longest allowed rotation period per kind, `default` for the rest; merged over `DEFAULT_MAX_ROTATION_DAYS`. */
  maxRotationDays?: Readonly<Record<string, number>>;
  /** Kinds that may declare `expires: never` (their issuer cannot set an expiry). Default `NEVER_EXPIRES_KINDS`. */
  allowNeverExpires?: readonly string[];
  /**
   * What the workflows use (`referencedSecrets(files)`, or its `byName`). When given, entries nobody
   * references are `stale` and referenced names without an entry are `undeclared`; without it,
   * neither is decided. Pass the whole `referencedSecrets()` result: with it, `stale` is left
   * undecided when no workflow was read or some workflow hands every secret on.
   */
  referenced?: SecretReferences | ReadonlyMap<string, SecretReference[]>;
  /** Secret names (globs, case-insensitive) that need no entry. `GITHUB_TOKEN` is always exempt. */
  exempt?: readonly string[];
}
