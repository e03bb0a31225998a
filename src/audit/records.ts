/**
 * The records the App writes: one per evaluation (with one per exception it used or found expired, in
 * the same append), per policy change on a default branch, per rotation reminder, per revocation.
 *
 * Never a secret value. Bodies are built field by field from types that cannot carry one (see
 * ./types.ts), and every free-text string (paths, repository names, refs, justifications, errors…) goes
 * through the report's redactor (`scrubCached`, the secrets rules) before it is hashed and stored; only
 * values of a known, harmless shape under known keys (shas, fingerprints, digests, rule ids, levels,
 * dates) skip it.
 */
import { createHash } from 'node:crypto';
import { allRules } from '../engine/registry.js';
import type { Rule } from '../engine/rule.js';
import type { ScanResult } from '../engine/scan.js';
import type { Finding } from '../engine/finding.js';
import { notJudged as isNotJudged } from '../engine/decode.js';
import { scrubCached, warmScrub } from '../report/scrub.js';
import { toolVersion } from '../cli/version.js';
import type { AuditRecord } from '../store/types.js';
import { canonicalJson, normalise } from './canonical.js';
import { appendRecords, type Draft } from './chain.js';
import type {
  AuditFinding,
  AuditStore,
  EvaluationInput,
  ExceptionInput,
  HistoryInput,
  ExceptionRecordInput,
  ExceptionRef,
  NotJudged,
  PolicyChangeInput,
  ReminderInput,
  RevocationInput,
  RuleSetVersion,
} from './types.js';

// ── the rule set's version ───────────────────────────────────────────────────────────────────────────

let defaultRuleSet: RuleSetVersion | undefined;

/**
 * The version of the rules that judged a change: sha256 (first 16 hex) over the tool version and, in
 * id order, each rule's id, family, severity, confidence and controls. Rules carry no version of their
 * own: they change with the tool, so the tool version stands for the code and the metadata for what a
 * policy or report sees.
 */
export function ruleSetVersion(rules: readonly Rule[] = allRules, tool: string = toolVersion()): RuleSetVersion {
  if (rules === allRules && defaultRuleSet && defaultRuleSet.tool === tool) return defaultRuleSet;
  const list = [...rules]
    .map((r) => [r.meta.id, r.meta.family, r.meta.severity, r.meta.confidence, [...r.meta.controls]])
    .sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : (a[0] as string) > (b[0] as string) ? 1 : 0));
  const digest = createHash('sha256')
    .update(canonicalJson(normalise({ tool, rules: list })))
    .digest('hex')
    .slice(0, 16);
  const v = { digest, rules: rules.length, tool };
  if (rules === allRules) defaultRuleSet = v;
  return v;
}

// ── exceptions ───────────────────────────────────────────────────────────────────────────────────────

/** A stable id for an exception: what it matches, who approved it, until when, where it was declared. */
export function exceptionRef(e: ExceptionInput): ExceptionRef {
  const id = createHash('sha256')
    .update(canonicalJson(normalise({ fingerprint: e.fingerprint, rule: e.rule, path: e.path, approvedBy: e.approvedBy, expires: e.expires, source: e.source })))
    .digest('hex')
    .slice(0, 16);
  return { id, approvedBy: e.approvedBy, expires: e.expires, ...(e.source !== undefined ? { source: e.source } : {}) };
}

const exceptionBody = (e: ExceptionInput): Record<string, unknown> => ({
  id: exceptionRef(e).id,
  fingerprint: e.fingerprint,
  rule: e.rule,
  path: e.path,
  justification: e.justification,
  approvedBy: e.approvedBy,
  expires: e.expires,
  source: e.source,
});

// ── from the engine ──────────────────────────────────────────────────────────────────────────────────

/** Only the allowed fields of an engine finding, copied one by one. */
export function auditFinding(f: Finding, disposition: AuditFinding['disposition'], extra: Pick<AuditFinding, 'exception' | 'expiredException'> = {}): AuditFinding {
  return {
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    family: f.family,
    severity: f.severity,
    confidence: f.confidence,
    level: f.level,
    path: f.path,
    startLine: f.startLine,
    endLine: f.endLine,
    ...(f.redacted !== undefined ? { redacted: f.redacted } : {}),
    disposition,
    ...extra,
  };
}

export interface FromScan {
  findings: AuditFinding[];
  counts: { suppressed: number; baselined: number };
  notJudged: NotJudged[];
  exceptions: Array<{ status: 'used' | 'expired'; exception: ExceptionInput; fingerprints: string[] }>;
}

/**
 * The parts of an engine `ScanResult` the trail keeps: each finding's safe fields and disposition
 * (reported; excepted, by which exception; reported because its exception expired), the exceptions
 * used or expired with the fingerprints they covered, counts of inline suppressions and baselined
 * findings (the engine keeps only their number), and the files not judged. Spread it into
 * `recordEvaluation`'s input.
 */
export function fromScanResult(result: ScanResult): FromScan {
  const expiredOf = new Map(result.expired.map((x) => [x.finding, x.exception]));
  const findings: AuditFinding[] = [];
  const exceptions = new Map<string, FromScan['exceptions'][number]>();
  const note = (status: 'used' | 'expired', e: ExceptionInput, fp: string): ExceptionRef => {
    const ref = exceptionRef(e);
    const k = `${status}:${ref.id}`;
    const entry = exceptions.get(k) ?? { status, exception: pickException(e), fingerprints: [] };
    if (!entry.fingerprints.includes(fp)) entry.fingerprints.push(fp);
    exceptions.set(k, entry);
    return ref;
  };
  for (const f of result.findings) {
    const expired = expiredOf.get(f);
    findings.push(auditFinding(f, 'reported', expired ? { expiredException: note('expired', expired, f.fingerprint) } : {}));
  }
  for (const x of result.excepted) findings.push(auditFinding(x.finding, 'excepted', { exception: note('used', x.exception, x.finding.fingerprint) }));
  return {
    findings,
    counts: { suppressed: result.suppressed, baselined: result.baselined },
    notJudged: result.skipped.map((s) => ({ path: s.path, reason: isNotJudged(s) ? `not judged: ${s.reason}` : s.reason })),
    exceptions: [...exceptions.values()],
  };
}

const pickException = (e: ExceptionInput): ExceptionInput => ({
  ...(e.fingerprint !== undefined ? { fingerprint: e.fingerprint } : {}),
  ...(e.rule !== undefined ? { rule: e.rule } : {}),
  ...(e.path !== undefined ? { path: e.path } : {}),
  justification: e.justification,
  approvedBy: e.approvedBy,
  expires: e.expires,
  ...(e.source !== undefined ? { source: e.source } : {}),
});

// ── scrubbing ────────────────────────────────────────────────────────────────────────────────────────

const HEX16 = /^[0-9a-f]{16}$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const HEX = /^[0-9a-f]{16,64}$/;
const WORD = /^[a-z][a-z-]{0,30}$/;
const RULE = /^[a-z]+\/[a-z0-9-]{1,80}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REDACTED = /^[^*]{0,4}\*{3,8}(?:\u2026\(\d+\))?$/;

/** Keys whose values, when of this shape, cannot hold a secret and stay as they are. */
const SAFE: Record<string, RegExp> = {
  fingerprint: HEX16,
  fingerprints: HEX16,
  id: HEX16,
  exception: HEX16,
  expiredException: HEX16,
  headSha: SHA,
  baseSha: SHA,
  commit: SHA,
  deletedIn: SHA,
  from: SHA,
  atHead: WORD,
  digest: HEX,
  hash: HEX,
  rule: RULE,
  severity: WORD,
  level: WORD,
  confidence: WORD,
  family: WORD,
  disposition: WORD,
  verdict: WORD,
  status: WORD,
  action: WORD,
  outcome: WORD,
  kind: WORD,
  expires: DAY,
  due: DAY,
  delivery: UUID,
  redacted: REDACTED,
  tool: /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]{1,20})?$/,
};

/** Every string in `body` that is not of a known, harmless shape, through the redactor. */
function scrubBody<T extends Record<string, unknown>>(body: T): T {
  const texts: string[] = [];
  const collect = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (!SAFE[key]?.test(v)) texts.push(v);
    } else if (Array.isArray(v)) for (const x of v) collect(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
  };
  collect(body, '');
  if (!texts.length) return body;
  // One scanner for every text not seen before; paths and names that recur across evaluations are
  // answered from the redactor's cache.
  warmScrub(texts);
  const scrub = scrubCached;
  const apply = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return SAFE[key]?.test(v) ? v : scrub(v);
    if (Array.isArray(v)) return v.map((x) => apply(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, apply(x, k)]));
    return v;
  };
  return apply(body, '') as T;
}

// ── evaluation ───────────────────────────────────────────────────────────────────────────────────────

export interface EvaluationRecorded {
  status: 'appended' | 'duplicate';
  evaluation: AuditRecord;
  /** One per exception used or found expired (empty for a duplicate). */
  exceptions: AuditRecord[];
}

const count = (fs: readonly AuditFinding[], d: AuditFinding['disposition']): number => fs.filter((f) => f.disposition === d).length;

/** The evaluation record's body (exported for tests and for the docs' example). */
export function evaluationBody(input: EvaluationInput): Record<string, unknown> {
  const refs = new Map<string, ExceptionRef>();
  const findings = input.findings.map((f) => {
    if (f.exception) refs.set(f.exception.id, f.exception);
    if (f.expiredException) refs.set(f.expiredException.id, f.expiredException);
    // Field by field: whatever else the object holds stays out.
    return {
      fingerprint: f.fingerprint,
      rule: f.ruleId,
      severity: f.severity,
      level: f.level,
      family: f.family,
      confidence: f.confidence,
      path: f.path,
      line: f.startLine,
      endLine: f.endLine !== undefined && f.endLine !== f.startLine ? f.endLine : undefined,
      redacted: f.redacted,
      disposition: f.disposition,
      exception: f.exception?.id,
      expiredException: f.expiredException?.id,
    };
  });
  const ruleSet = input.ruleSet ?? ruleSetVersion();
  return {
    event: input.event,
    delivery: input.deliveryId,
    installation: input.installation,
    repository: input.repository,
    pullRequest: input.pullRequest ?? null,
    commit: input.commit ?? null,
    ref: input.ref ?? null,
    headSha: input.headSha,
    baseSha: input.baseSha ?? null,
    policy: input.policy ? { digest: input.policy.hash, sources: [...input.policy.sources] } : null,
    ruleSet: { digest: ruleSet.digest, rules: ruleSet.rules, tool: ruleSet.tool },
    verdict: input.verdict,
    conclusion: input.conclusion,
    checkRun: input.checkRunId,
    counts: {
      reported: count(input.findings, 'reported'),
      excepted: count(input.findings, 'excepted'),
      baselined: count(input.findings, 'baselined') + (input.counts?.baselined ?? 0),
      suppressed: count(input.findings, 'suppressed') + (input.counts?.suppressed ?? 0),
      notJudged: input.notJudged?.length ?? 0,
    },
    findings,
    exceptions: [...refs.values()].map((r) => ({ id: r.id, approvedBy: r.approvedBy, expires: r.expires, source: r.source })),
    issues: (input.issues ?? []).map((i) => ({ repository: i.repository, number: i.number, action: i.action, fingerprint: i.fingerprint })),
    notJudged: (input.notJudged ?? []).map((n) => ({ path: n.path, reason: n.reason })),
    error: input.error,
    history: input.history ? historyBody(input.history) : undefined,
  };
}

/** The history part, field by field (absent from records of evaluations that read no history). */
function historyBody(h: HistoryInput): Record<string, unknown> {
  return {
    branch: h.branch,
    maxCommits: h.maxCommits,
    listed: h.listed,
    read: h.read,
    beyondLimit: h.beyondLimit,
    notRead: h.notRead ? { commits: h.notRead.commits, from: h.notRead.from, reason: h.notRead.reason } : null,
    findings: h.findings.map((f) => ({
      fingerprint: f.fingerprint,
      rule: f.ruleId,
      path: f.path,
      line: f.line,
      redacted: f.redacted,
      commit: f.commit,
      date: f.date,
      deletedIn: f.deletedIn,
      atHead: f.atHead,
      commits: f.commits,
    })),
  };
}

/**
 * Record one evaluation — call it once the check run is completed (its id and conclusion known) and
 * the remediation issues are written — and, in the same append, one `exception` record per exception
 * used or found expired (`exceptions`, as `fromScanResult` gives them). Idempotent per delivery and head
 * sha (`key`): a job retried after a crash gets the first record back ('duplicate').
 */
export async function recordEvaluation(store: AuditStore, input: EvaluationInput & { exceptions?: FromScan['exceptions'] }): Promise<EvaluationRecorded> {
  const key = input.key === null ? undefined : (input.key ?? (input.deliveryId ? `evaluation:${input.deliveryId}:${input.headSha}` : undefined));
  const drafts: Draft[] = [{ kind: 'evaluation', body: scrubBody(evaluationBody(input)) }];
  for (const x of input.exceptions ?? []) {
    drafts.push({
      kind: 'exception',
      body: scrubBody(
        exceptionRecordBody({
          status: x.status,
          exception: x.exception,
          installation: input.installation,
          repository: input.repository,
          fingerprints: x.fingerprints,
          deliveryId: input.deliveryId,
          headSha: input.headSha,
          pullRequest: input.pullRequest ?? null,
        }),
      ),
    });
  }
  const res = await appendRecords(store, drafts, { key });
  if (res.status === 'duplicate') return { status: 'duplicate', evaluation: res.records[0]!, exceptions: [] };
  return { status: 'appended', evaluation: res.records[0]!, exceptions: res.records.slice(1) };
}

// ── the other kinds ──────────────────────────────────────────────────────────────────────────────────

function exceptionRecordBody(i: ExceptionRecordInput): Record<string, unknown> {
  return {
    status: i.status,
    exception: exceptionBody(i.exception),
    installation: i.installation,
    repository: i.repository,
    fingerprints: [...i.fingerprints],
    delivery: i.deliveryId ?? null,
    headSha: i.headSha ?? null,
    pullRequest: i.pullRequest ?? null,
  };
}

interface RecordOptions {
  /** Idempotency key: a second record with the same key is not appended (the first comes back). */
  key?: string;
}

async function one(store: AuditStore, kind: Draft['kind'], body: Record<string, unknown>, opts: RecordOptions): Promise<AuditRecord> {
  const res = await appendRecords(store, [{ kind, body: scrubBody(body) }], opts);
  return res.records[0]!;
}

/** An exception used or found expired, outside an evaluation (a sweep noticing expiry, say). */
export function recordException(store: AuditStore, input: ExceptionRecordInput, opts: RecordOptions = {}): Promise<AuditRecord> {
  return one(store, 'exception', exceptionRecordBody(input), opts);
}

/** A policy change seen on a default branch: the policy's digest and sources before and after. */
export function recordPolicyChange(store: AuditStore, i: PolicyChangeInput, opts: RecordOptions = {}): Promise<AuditRecord> {
  const side = (p: PolicyChangeInput['before']) => (p ? { digest: p.hash, sources: [...p.sources] } : null);
  return one(
    store,
    'policy-change',
    {
      installation: i.installation,
      repository: i.repository,
      ref: i.ref,
      commit: i.commit,
      delivery: i.deliveryId ?? null,
      before: side(i.before),
      after: side(i.after),
      files: i.files ? [...i.files] : undefined,
      errors: i.errors,
      actor: i.actor ?? undefined,
    },
    { key: opts.key ?? (i.deliveryId ? `policy-change:${i.deliveryId}:${i.commit}` : undefined) },
  );
}

/** A rotation reminder sent (or updated) for one credential of the token inventory. */
export function recordReminder(store: AuditStore, i: ReminderInput, opts: RecordOptions = {}): Promise<AuditRecord> {
  return one(
    store,
    'reminder',
    {
      installation: i.installation,
      repository: i.repository,
      credential: i.credential,
      status: i.status,
      due: i.due ?? null,
      owner: i.owner ?? null,
      issue: i.issue ? { repository: i.issue.repository, number: i.issue.number, action: i.issue.action } : null,
    },
    opts,
  );
}

/** A token submitted for revocation (or not), named by its finding's fingerprint, never by value. */
export function recordRevocation(store: AuditStore, i: RevocationInput, opts: RecordOptions = {}): Promise<AuditRecord> {
  return one(
    store,
    'revocation',
    {
      installation: i.installation,
      repository: i.repository,
      fingerprint: i.fingerprint,
      rule: i.ruleId,
      redacted: i.redacted,
      provider: i.provider,
      outcome: i.outcome,
      detail: i.detail ?? null,
      delivery: i.deliveryId ?? null,
      headSha: i.headSha ?? null,
    },
    opts,
  );
}
