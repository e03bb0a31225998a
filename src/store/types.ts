/**
 * What the store offers the App: small repositories, one per kind of state that outlives a request.
 * The SQL behind them is in the file of the same name; both back ends run the same statements.
 * Nothing here holds a secret value: ids, names, hashes and times only.
 */

export type Backend = 'pglite' | 'postgres';

// ── deliveries ───────────────────────────────────────────────────────────────────────────────────────

export interface DeliveryInput {
  /** `X-GitHub-Delivery`. */
  id: string;
  /** `X-GitHub-Event` (with the action, if the caller likes: `pull_request.opened`). */
  event: string;
  installation: number | null;
  /** `owner/name`, or null for events without one. */
  repository: string | null;
}

export type DeliveryState = 'queued' | 'handled' | 'failed';

export interface DeliveryRecord {
  id: string;
  event: string;
  installation: number | null;
  repository: string | null;
  state: DeliveryState;
  jobId: number | null;
  /** 1, plus one per redelivery that re-armed a failed delivery. */
  attempts: number;
  error: string | null;
  receivedAt: Date;
  updatedAt: Date;
}

/** 'new': recorded (and its job enqueued) now; 'duplicate': recorded before and handled or in hand. */
export type DeliveryStatus = 'new' | 'duplicate';

export interface DeliveryRepository {
  /**
   * Record a delivery and enqueue its job in ONE transaction: both or neither. A redelivery of a
   * delivery that is queued or handled is a 'duplicate' (answer it, do not judge again), across restarts
   * and instances; one whose handling failed is re-armed and enqueued again ('new'), because that is what
   * a redelivery is for.
   */
  record(delivery: DeliveryInput, job?: NewJob | null): Promise<DeliveryStatus>;
  /**
   * `record` for several deliveries at once, each with its own outcome (in order): the webhook route's
   * group commit. First deliveries go in one statement (one sync to disk on PGlite); the rest as `record`.
   */
  recordMany(items: ReadonlyArray<{ delivery: DeliveryInput; job?: NewJob | null }>): Promise<DeliveryStatus[]>;
  /** Handled: a redelivery is a duplicate. (Completing its job does this too.) */
  markHandled(id: string): Promise<void>;
  /** Failed: a redelivery is handled again. (A job failing for good does this too.) */
  markFailed(id: string, error: string): Promise<void>;
  get(id: string): Promise<DeliveryRecord | undefined>;
}

// ── jobs ─────────────────────────────────────────────────────────────────────────────────────────────

export interface NewJob<P = unknown> {
  /** Which workers take it ('judge', 'recover', 'sweep'…). */
  queue: string;
  /** What the work needs: ids, names, shas. At most 64 KiB of JSON; never a token or a webhook body. */
  payload: P;
  /** At most one running job per group key, across queues and instances (the repository, lower case). */
  groupKey?: string | null;
  /** While a job with this key waits in the same queue, enqueueing another returns the waiting one. */
  dedupeKey?: string | null;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Tries before the job fails for good (default 5). */
  maxAttempts?: number;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job<P = unknown> {
  id: number;
  queue: string;
  groupKey: string | null;
  dedupeKey: string | null;
  payload: P;
  state: JobState;
  /** Claims so far, this one included; a `retryAt` does not count. */
  attempts: number;
  maxAttempts: number;
  /** Times `retryAt` put it back (rate limits, say): the caller decides when enough is enough. */
  reschedules: number;
  runAt: Date;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ClaimOptions {
  /** Who holds the leases (an instance id plus a worker slot, say). */
  owner: string;
  /** Queues to take from (default: all). */
  queues?: readonly string[];
  /** Jobs at most (default 1). */
  limit?: number;
  /** Lease length: without a heartbeat within it, the job is given to another worker. */
  leaseMs: number;
}

export interface Backoff {
  /** Delay after the first failure (default 5 s); doubled at each further failure. */
  baseMs?: number;
  /** Cap (default 10 min). */
  maxMs?: number;
  /** Up to this fraction added at random (default 0.2), so retries after an outage spread out. */
  jitter?: number;
}

export interface QueueStats {
  /** Queued jobs whose time has come. */
  ready: number;
  /** Queued jobs waiting for a later time (retries, `retryAt`). */
  scheduled: number;
  running: number;
  /** Failed for good (kept until pruned). */
  failed: number;
  /** How long the longest-waiting ready job has waited since its time came, ms (0 when none). */
  oldestReadyAgeMs: number;
  /** Running jobs whose lease ran out (their worker is gone); `reapExpired` puts them back. */
  expired: number;
}

export interface JobQueue {
  enqueue<P>(job: NewJob<P>): Promise<number>;
  /**
   * Take up to `limit` ready jobs, oldest first, skipping jobs whose group already has one running (they
   * wait without blocking the others) and jobs other workers are taking at the same moment.
   */
  claim<P = unknown>(opts: ClaimOptions): Promise<Job<P>[]>;
  /** Extend the lease; false when it is no longer ours (expired and taken, or finished). */
  heartbeat(id: number, owner: string, leaseMs: number): Promise<boolean>;
  /** Done; settles the deliveries that enqueued it as handled. False when the lease was lost. */
  complete(id: number, owner: string): Promise<boolean>;
  /**
   * Failed this time: back to the queue after a backoff, or failed for good when attempts are used up
   * (or `final`), which marks its deliveries failed so a redelivery is handled again.
   */
  fail(id: number, owner: string, error: string, opts?: { backoff?: Backoff; final?: boolean }): Promise<'retry' | 'failed' | 'lost'>;
  /** Run again at `at` (rate limited: judge again later); not counted as an attempt. */
  retryAt(id: number, owner: string, at: Date, reason?: string): Promise<boolean>;
  /** Hand a job back untouched (shutting down): ready again now, the attempt not counted. */
  release(id: number, owner: string): Promise<boolean>;
  /** Put running jobs whose lease ran out back in the queue (or fail them when out of attempts). */
  reapExpired(): Promise<number>;
  get<P = unknown>(id: number): Promise<Job<P> | undefined>;
  stats(): Promise<QueueStats>;
  /** Called after each enqueue through this store handle (wakes local workers; others poll). */
  onEnqueue(listener: (queue: string) => void): () => void;
}

// ── check runs ───────────────────────────────────────────────────────────────────────────────────────

export interface OpenCheckRunInput {
  installation: number;
  repository: string;
  headSha: string;
  checkRunId: number;
  /** The instance that will complete it. */
  owner: string;
  name?: string | null;
  jobId?: number | null;
}

export interface OpenCheckRun extends Required<OpenCheckRunInput> {
  startedAt: Date;
  /** When a recovery last took it over, if ever. */
  claimedAt: Date | null;
}

export interface CheckRunRepository {
  /** Record a check run as started (in progress). Idempotent. */
  opened(run: OpenCheckRunInput): Promise<void>;
  /** Completed: forget it. False when it was not recorded (or already completed). */
  completed(checkRunId: number): Promise<boolean>;
  /** Open runs on this commit (a second start on the same sha should reuse one). */
  find(repository: string, headSha: string): Promise<OpenCheckRun[]>;
  /** Runs in progress for longer than `olderThanMs`, oldest first. */
  listStale(olderThanMs: number, limit?: number): Promise<OpenCheckRun[]>;
  /**
   * Like `listStale`, but takes them over for `owner` (one recovering instance per run): a run claimed
   * less than `olderThanMs` ago is left to whoever claimed it.
   */
  claimStale(owner: string, olderThanMs: number, limit?: number): Promise<OpenCheckRun[]>;
  count(): Promise<number>;
}

// ── remediation-issue index ──────────────────────────────────────────────────────────────────────────

export type IssueState = 'open' | 'closed';

export interface IssueRecord {
  /** `owner/name` (lower case) of the repository holding the issue. */
  home: string;
  /** `issueKey()`: `secret:<hash>` or `fingerprint:<repo>:<fp>`. */
  key: string;
  /** The scanned repository, when known. */
  repository: string | null;
  number: number;
  state: IssueState;
  url: string | null;
  updatedAt: Date;
}

export type IssueClaim =
  /** Indexed: comment on / reopen this one. */
  | { kind: 'exists'; issue: IssueRecord }
  /**
   * Create it, then `record`. `recovered`: an earlier claim ran out without a record (its holder died
   * between creating and recording, perhaps): look for the issue's marker on GitHub before creating.
   */
  | { kind: 'claimed'; recovered: boolean }
  /** Another writer is creating it right now: skip, or wait and `get`. */
  | { kind: 'busy'; owner: string; until: Date };

export interface IssueIndex {
  get(home: string, key: string): Promise<IssueRecord | undefined>;
  getMany(home: string, keys: readonly string[]): Promise<Map<string, IssueRecord>>;
  /** Issues of a home repository, optionally of one scanned repository and state. */
  list(home: string, filter?: { repository?: string; state?: IssueState }): Promise<IssueRecord[]>;
  claim(home: string, key: string, owner: string, leaseMs: number): Promise<IssueClaim>;
  /** Record (or update) the issue a key answers to; clears a claim. */
  record(issue: { home: string; key: string; number: number; state: IssueState; repository?: string | null; url?: string | null }): Promise<void>;
  /** Give up a claim without an issue (creation failed): the next writer may try. */
  release(home: string, key: string, owner: string): Promise<void>;
  /** An issue was closed or reopened; returns how many keys point at it. */
  setState(home: string, number: number, state: IssueState): Promise<number>;
  /** True the first time an occurrence is noted on an issue (comment then), false after. */
  noteOccurrence(home: string, number: number, occurrenceId: string): Promise<boolean>;
}

// ── leases ───────────────────────────────────────────────────────────────────────────────────────────

export interface Lease {
  name: string;
  owner: string;
  /** Grows at every change of holder (a fencing token). */
  token: number;
  acquiredAt: Date;
  expiresAt: Date;
}

export interface LeaseRepository {
  /** Take the lease if free, expired, or already ours (then renewed); undefined when held by another. */
  acquire(name: string, owner: string, ttlMs: number): Promise<Lease | undefined>;
  renew(name: string, owner: string, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<boolean>;
  /** The current holder, expired or not. */
  get(name: string): Promise<Lease | undefined>;
}

// ── write pacing ─────────────────────────────────────────────────────────────────────────────────────

export interface WritePacing {
  /**
   * Claim the next write slot of an installation (per `lane`: 'write' by default, 'content' for issues
   * and comments), shared by every instance on the database: slots are `intervalMs` apart. Returns how
   * long to wait, in ms, before writing (0: now).
   */
  claimWriteSlot(installation: number, intervalMs: number, lane?: string): Promise<number>;
}

// ── audit trail ──────────────────────────────────────────────────────────────────────────────────────

/** What an audit record is about. src/audit/ builds the bodies; the store only chains them. */
export type AuditKind = 'evaluation' | 'exception' | 'policy-change' | 'reminder' | 'revocation' | 'checkpoint';

/** A JSON value as the audit chain hashes it: no undefined, no fractions (src/audit/canonical.ts). */
export type AuditJson = null | boolean | number | string | AuditJson[] | { [key: string]: AuditJson };
export type AuditBody = { [key: string]: AuditJson };

export interface AuditRecord {
  seq: number;
  /** The database's clock at append, to the millisecond. */
  time: Date;
  kind: AuditKind;
  body: AuditBody;
  /** The previous record's digest (64 zeros before the first record). */
  prev: string;
  digest: string;
}

/** The end of the chain, kept by the database itself (a trigger moves it at every insert). */
export interface AuditHead {
  /** 0 while the chain is empty. */
  seq: number;
  digest: string;
  time: Date | null;
  /** The last checkpoint record, if any. */
  checkpoint: { seq: number; time: Date } | null;
}

export interface AuditDraft {
  kind: AuditKind;
  body: AuditBody;
}

/** Computes a record's digest from everything it covers (src/audit/canonical.ts `recordDigest`). */
export type AuditSeal = (r: Omit<AuditRecord, 'digest'>) => string;

export interface AuditAppend {
  /**
   * What to append, decided under the chain lock with the head and the database's time in hand (a
   * checkpoint quotes the head; "only if due" looks at the last checkpoint). Return [] to append nothing.
   */
  build: (head: AuditHead, now: Date) => AuditDraft[];
  seal: AuditSeal;
  /**
   * Idempotency: when a record was appended with this key before, nothing is appended and that
   * record comes back as a 'duplicate' (an evaluation retried after a crash: one record per delivery).
   */
  key?: string;
}

export interface AuditAppendResult {
  status: 'appended' | 'duplicate' | 'nothing';
  records: AuditRecord[];
}

export interface AuditFilter {
  /** Inclusive. */
  since?: Date;
  /** Exclusive. */
  until?: Date;
  /** `owner/name`, any case: records whose body names this repository. */
  repository?: string;
  kinds?: readonly AuditKind[];
}

/**
 * The audit chain's table. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); one chain per
 * database, whatever the number of instances: the next sequence number and the previous digest are read
 * under a row lock on the head, in the transaction that inserts. Use src/audit/, which builds the
 * bodies and seals them, rather than this directly.
 */
export interface AuditLog {
  append(a: AuditAppend): Promise<AuditAppendResult>;
  head(): Promise<AuditHead>;
  /** Records with seq > `afterSeq`, in seq order, at most `limit`. */
  page(afterSeq: number, limit: number): Promise<AuditRecord[]>;
  get(seq: number): Promise<AuditRecord | undefined>;
  /** Records matching `filter` with seq > `afterSeq`, in seq order, at most `limit`. */
  find(filter: AuditFilter, afterSeq: number, limit: number): Promise<AuditRecord[]>;
  count(): Promise<number>;
}

// ── revocations ──────────────────────────────────────────────────────────────────────────────────────

/** `claimed` in flight; `pending` given back unsent (deferred); `failed` tried, may be claimed again; `submitted`, `refused` final. */
export type RevocationState = 'claimed' | 'pending' | 'submitted' | 'refused' | 'failed';

export interface RevocationClaim {
  /** The token's hash (`Finding.secretHash`): never the value. */
  key: string;
  /** `GitHub`. */
  provider: string;
  repository?: string | null;
  /** The finding's fingerprint (for people and the audit trail). */
  fingerprint?: string | null;
  ruleId?: string | null;
}

export interface RevocationRecord {
  key: string;
  provider: string;
  state: RevocationState;
  repository: string | null;
  fingerprint: string | null;
  ruleId: string | null;
  /** HTTP status and the provider's short answer (scrubbed), or why not sent. */
  detail: string | null;
  attempts: number;
  submittedAt: Date | null;
  updatedAt: Date;
}

export type RevocationBudget = { granted: true; used: number } | { granted: false; resetAt: Date };

/**
 * Tokens submitted for revocation, by hash, so each is submitted once across re-runs, redeliveries and
 * instances: `claim` before sending (the keys this writer won), then `settle` or `release`.
 */
export interface RevocationLedger {
  /** Claims the keys never claimed, `pending`, `failed`, or claimed past their lease; returns those won. */
  claim(items: readonly RevocationClaim[], owner: string, leaseMs: number): Promise<string[]>;
  /** Records the outcome of a request for keys this owner holds; returns the keys settled. */
  settle(keys: readonly string[], owner: string, outcome: 'submitted' | 'refused' | 'failed', detail?: string | null): Promise<string[]>;
  /** Gives claims back unsent (`pending`, or `failed` if tried before). */
  release(keys: readonly string[], owner: string, detail?: string | null): Promise<number>;
  getMany(keys: readonly string[]): Promise<Map<string, RevocationRecord>>;
  /** One request of `limit` per `windowMs` in `bucket`, shared by every instance. */
  takeRequest(bucket: string, limit: number, windowMs: number): Promise<RevocationBudget>;
  /** The provider said the budget is spent until `until`: no request in `bucket` before then. */
  exhaust(bucket: string, until: Date, limit: number, windowMs: number): Promise<void>;
}
