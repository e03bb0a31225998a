/**
 * Building the evidence report: facts from a scan of a working tree (the CLI, now) and from the App's
 * audit trail (verified first, then read up to the head it verified), folded into one model
 * (./model.ts). Read only: nothing is written to the store.
 *
 *   const report = await buildEvidence({ since, until, pack: 'pci-dss', now: new Date(),
 *                                        scope: { kind: 'installation', installation: 4242, repository: null }, store });
 */
import type { Family, Severity } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import type { ScanResult } from '../../engine/scan.js';
import type { CredentialStatus, InventoryEntry } from '../../engine/inventory/types.js';
import { levelFor } from '../../engine/policy/level.js';
import { verifyChain } from '../../audit/chain.js';
import { exceptionRef } from '../../audit/records.js';
import type { RuleSetVersion } from '../../audit/types.js';
import type { AuditRecord } from '../../store/types.js';
import type { Store } from '../../store/index.js';
import { batchScrubber } from '../scrub.js';
import { PACKS, rulesFor } from './controls.js';
import {
  CREDENTIAL_STATES,
  EVALUATIONS_SHOWN,
  FAMILIES,
  REPORT_VERSION,
  SEVERITY_ORDER,
  type ChainEvidence,
  type ControlEvidence,
  type CredentialRow,
  type EvaluationRow,
  type EvidenceReport,
  type ExceptionRow,
  type FindingRow,
  type History,
  type HistoryBucket,
  type IssueRow,
  type PackName,
  type RepositoryEvidence,
  type RuleState,
  type Summary,
  type Verdict,
} from './model.js';

const DAY = 86_400_000;

/** What the report reads of the store: the trail, and the issue index when there is one. */
export type EvidenceStore = Pick<Store, 'audit'> & Partial<Pick<Store, 'issues' | 'backend'>>;

/** A scan of one working tree (the CLI's `runScan`), with its token inventory. */
export interface ScanFacts {
  /** `owner/name` (the origin remote), or the directory's name. */
  repository: string;
  today: Date;
  policy: ResolvedPolicy;
  result: ScanResult;
  ruleSet: RuleSetVersion;
  /** The token inventory as `inventory check` computes it; null when the repository has none. */
  inventory: null | { path: string; entries: readonly InventoryEntry[]; credentials: readonly CredentialStatus[]; errors: number };
}

export interface BuildOptions {
  since: Date;
  until: Date;
  pack: PackName;
  /** The clock (ages and expiry are counted to the earlier of this and `until`). */
  now: Date;
  scope: EvidenceReport['scope'];
  store?: EvidenceStore | null;
  scan?: ScanFacts | null;
  rules: readonly Rule[];
  tool: string;
  title?: string;
}

// ── reading the trail ────────────────────────────────────────────────────────────────────────────────

type Body = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): Body[] => (Array.isArray(v) ? v.filter((x): x is Body => !!x && typeof x === 'object' && !Array.isArray(x)) : []);
const obj = (v: unknown): Body | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : null);

interface TrailFinding {
  fingerprint: string;
  rule: string;
  family: Family;
  severity: Severity;
  level: 'warn' | 'fail';
  path: string;
  line: number | null;
  redacted: string | null;
  expiredException: string | null;
}

interface TrailRepo {
  name: string;
  installation: number | null;
  /** The latest evaluation of each target (a pull request, a ref): its reported findings. */
  latest: Map<string, { seq: number; findings: TrailFinding[] }>;
  /** Fingerprint → first time any evaluation reported (or excepted) it. */
  firstSeen: Map<string, Date>;
  /** Fingerprint → the remediation issue written about it. */
  issueOf: Map<string, { repository: string; number: number }>;
  /** `home#number` → the issue, with the time the App created it. */
  issues: Map<string, { repository: string; number: number; fingerprint: string | null; opened: Date | null }>;
  /** Exception id → its latest record. */
  exceptions: Map<string, { body: Body; time: Date; covers: Set<string> }>;
  /** Credential → its latest reminder. */
  reminders: Map<string, { body: Body; time: Date }>;
  evaluations: EvaluationRow[];
  /** Evaluations in the period that judged (no error): every rule of the rule set ran. */
  judged: number;
}

const FAMILY_SET = new Set<string>(FAMILIES);
const SEVERITY_SET = new Set<string>(SEVERITY_ORDER);

function trailFinding(f: Body): TrailFinding | null {
  const fingerprint = str(f.fingerprint);
  const rule = str(f.rule);
  const family = str(f.family) ?? rule?.split('/')[0] ?? null;
  const severity = str(f.severity);
  if (!fingerprint || !rule || !family || !FAMILY_SET.has(family) || !severity || !SEVERITY_SET.has(severity)) return null;
  return {
    fingerprint,
    rule,
    family: family as Family,
    severity: severity as Severity,
    level: f.level === 'warn' ? 'warn' : 'fail',
    path: str(f.path) ?? '',
    line: int(f.line),
    redacted: str(f.redacted),
    expiredException: str(f.expiredException),
  };
}

const repoKey = (name: string): string => name.toLowerCase();

async function readTrail(store: EvidenceStore, headSeq: number, opts: { since: Date; until: Date; installation: number | null; repository: string | null }): Promise<Map<string, TrailRepo>> {
  const repos = new Map<string, TrailRepo>();
  const repoOf = (name: string, installation: number | null): TrailRepo => {
    const k = repoKey(name);
    let r = repos.get(k);
    if (!r) {
      r = { name, installation, latest: new Map(), firstSeen: new Map(), issueOf: new Map(), issues: new Map(), exceptions: new Map(), reminders: new Map(), evaluations: [], judged: 0 };
      repos.set(k, r);
    }
    if (installation !== null) r.installation = installation;
    return r;
  };
  let after = 0;
  for (;;) {
    const page: AuditRecord[] = await store.audit.find({ until: opts.until, ...(opts.repository ? { repository: opts.repository } : {}) }, after, 1000);
    if (!page.length) break;
    for (const rec of page) {
      after = rec.seq;
      if (rec.seq > headSeq) return repos;
      const b = rec.body as Body;
      const name = str(b.repository);
      if (!name) continue;
      const installation = int(b.installation);
      if (opts.installation !== null && installation !== opts.installation) continue;
      const inPeriod = rec.time.getTime() >= opts.since.getTime();
      if (rec.kind === 'evaluation') {
        const r = repoOf(name, installation);
        const findings = arr(b.findings);
        const reported: TrailFinding[] = [];
        for (const f of findings) {
          const tf = trailFinding(f);
          if (!tf) continue;
          if (!r.firstSeen.has(tf.fingerprint) && (f.disposition === 'reported' || f.disposition === 'excepted')) r.firstSeen.set(tf.fingerprint, rec.time);
          if (f.disposition === 'reported') reported.push(tf);
        }
        for (const i of arr(b.issues)) {
          const home = str(i.repository);
          const number = int(i.number);
          if (!home || number === null) continue;
          const fp = str(i.fingerprint);
          const k = `${repoKey(home)}#${number}`;
          const known = r.issues.get(k);
          if (!known) r.issues.set(k, { repository: home, number, fingerprint: fp, opened: i.action === 'created' ? rec.time : null });
          else if (i.action === 'created' && !known.opened) known.opened = rec.time;
          if (fp) r.issueOf.set(fp, { repository: home, number });
        }
        const pr = int(b.pullRequest);
        const target = pr !== null ? `pr:${pr}` : `ref:${str(b.ref) ?? str(b.commit) ?? str(b.headSha) ?? ''}`;
        const error = str(b.error);
        // A change that could not be judged says nothing about which findings are gone.
        if (!error) r.latest.set(target, { seq: rec.seq, findings: reported });
        if (inPeriod) {
          const counts = obj(b.counts) ?? {};
          const verdict = (['pass', 'warn', 'fail'] as const).find((v) => v === b.verdict) ?? null;
          if (!error && verdict) r.judged += 1;
          r.evaluations.push({
            time: rec.time.toISOString(),
            seq: rec.seq,
            event: str(b.event) ?? '',
            pullRequest: pr,
            commit: str(b.commit),
            headSha: str(b.headSha) ?? '',
            verdict,
            conclusion: str(b.conclusion),
            checkRun: int(b.checkRun),
            reported: int(counts.reported) ?? 0,
            excepted: int(counts.excepted) ?? 0,
            notJudged: int(counts.notJudged) ?? 0,
            policyDigest: str(obj(b.policy)?.digest),
            ruleSet: str(obj(b.ruleSet)?.digest),
            error,
          });
        }
      } else if (rec.kind === 'exception') {
        const r = repoOf(name, installation);
        const e = obj(b.exception);
        const id = str(e?.id);
        if (!e || !id) continue;
        const known = r.exceptions.get(id);
        const covers = known?.covers ?? new Set<string>();
        if (inPeriod && b.status === 'used') for (const fp of Array.isArray(b.fingerprints) ? b.fingerprints : []) if (typeof fp === 'string') covers.add(fp);
        r.exceptions.set(id, { body: b, time: rec.time, covers });
      } else if (rec.kind === 'reminder') {
        const r = repoOf(name, installation);
        const cred = str(b.credential);
        if (cred) r.reminders.set(cred, { body: b, time: rec.time });
      }
    }
  }
  return repos;
}

// ── folding ──────────────────────────────────────────────────────────────────────────────────────────

const ageDays = (from: Date | null, to: Date): number | null => (from ? Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY)) : null);
const dayDiff = (from: Date, day: string): number => Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from.toISOString().slice(0, 10)}T00:00:00Z`)) / DAY);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sevRank = (s: Severity): number => SEVERITY_ORDER.indexOf(s);

function checksOf(evals: readonly EvaluationRow[]): RepositoryEvidence['checks'] {
  const c = { evaluations: evals.length, pass: 0, warn: 0, fail: 0, error: 0, passRate: null as number | null };
  for (const e of evals) {
    if (e.verdict === 'pass') c.pass += 1;
    else if (e.verdict === 'warn') c.warn += 1;
    else c.fail += 1;
    if (e.error) c.error += 1;
  }
  c.passRate = rate(c.pass + c.warn, c.evaluations);
  return c;
}

/** Percent with one decimal; null when nothing was counted. */
const rate = (n: number, of: number): number | null => (of ? Math.round((1000 * n) / of) / 10 : null);

function sortFindings(list: FindingRow[]): FindingRow[] {
  return list.sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'fail' ? -1 : 1) ||
      sevRank(a.severity) - sevRank(b.severity) ||
      byText(a.path, b.path) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      byText(a.fingerprint, b.fingerprint),
  );
}

function issueRows(t: TrailRepo | undefined, states: Map<string, { state: 'open' | 'closed'; url: string | null }>, asOf: Date): IssueRow[] {
  if (!t) return [];
  return [...t.issues.values()]
    .map((i) => {
      const s = states.get(`${repoKey(i.repository)}#${i.number}`);
      return {
        repository: i.repository,
        number: i.number,
        fingerprint: i.fingerprint,
        state: s?.state ?? 'unknown',
        opened: i.opened?.toISOString() ?? null,
        ageDays: ageDays(i.opened, asOf),
        url: s?.url ?? null,
      } satisfies IssueRow;
    })
    .sort((a, b) => byText(a.repository, b.repository) || a.number - b.number);
}

function trailExceptions(t: TrailRepo, asOf: Date): ExceptionRow[] {
  return [...t.exceptions.entries()].map(([id, x]) => {
    const e = obj(x.body.exception)!;
    const expires = str(e.expires) ?? '';
    const daysLeft = expires ? dayDiff(asOf, expires) : 0;
    return {
      id,
      fingerprint: str(e.fingerprint),
      rule: str(e.rule),
      path: str(e.path),
      justification: str(e.justification) ?? '',
      approvedBy: str(e.approvedBy) ?? '',
      expires,
      source: str(e.source),
      status: daysLeft < 0 ? 'expired' : 'active',
      daysLeft,
      covers: x.covers.size,
      lastRecorded: x.time.toISOString(),
    } satisfies ExceptionRow;
  });
}

function reminderCredentials(t: TrailRepo): CredentialRow[] | null {
  if (!t.reminders.size) return null;
  return [...t.reminders.entries()].map(([name, { body, time }]) => {
    const status = CREDENTIAL_STATES.find((s) => s === body.status) ?? 'incomplete';
    const due = str(body.due);
    return {
      name,
      kind: null,
      provider: null,
      owner: str(body.owner),
      scopes: null,
      lastRotated: null,
      rotationDays: null,
      expires: null,
      dueDate: due,
      dueReason: null,
      daysLeft: due ? dayDiff(time, due) : null,
      status,
      source: 'reminder',
      asOf: time.toISOString(),
    } satisfies CredentialRow;
  });
}

function scanCredentials(scan: ScanFacts): CredentialRow[] | null {
  if (!scan.inventory) return null;
  const entries = new Map(scan.inventory.entries.map((e) => [e.name, e]));
  return scan.inventory.credentials.map((c) => ({
    name: c.name,
    kind: c.kind ?? null,
    provider: c.provider ?? null,
    owner: c.owner ?? null,
    scopes: [...(entries.get(c.name)?.scopes ?? [])],
    lastRotated: c.lastRotated ?? null,
    rotationDays: c.rotationDays ?? null,
    expires: c.expires ?? null,
    dueDate: c.dueDate ?? null,
    dueReason: c.dueReason ?? null,
    daysLeft: c.daysLeft ?? null,
    status: c.status,
    source: 'inventory' as const,
    asOf: scan.today.toISOString().slice(0, 10),
  }));
}

function sortCredentials(list: CredentialRow[] | null): CredentialRow[] | null {
  return list ? list.sort((a, b) => CREDENTIAL_STATES.indexOf(a.status) - CREDENTIAL_STATES.indexOf(b.status) || (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || byText(a.name, b.name)) : null;
}

function scanExceptions(scan: ScanFacts, asOf: Date, t: TrailRepo | undefined): ExceptionRow[] {
  const covers = new Map<string, number>();
  for (const x of [...scan.result.excepted, ...scan.result.expired]) {
    const id = exceptionRef(x.exception).id;
    covers.set(id, (covers.get(id) ?? 0) + 1);
  }
  return scan.policy.exceptions.map((e) => {
    const id = exceptionRef(e).id;
    const daysLeft = dayDiff(asOf, e.expires);
    return {
      id,
      fingerprint: e.fingerprint ?? null,
      rule: e.rule ?? null,
      path: e.path ?? null,
      justification: e.justification,
      approvedBy: e.approvedBy,
      expires: e.expires,
      source: e.source ?? null,
      status: daysLeft < 0 ? 'expired' : 'active',
      daysLeft,
      covers: covers.get(id) ?? 0,
      lastRecorded: t?.exceptions.get(id)?.time.toISOString() ?? null,
    } satisfies ExceptionRow;
  });
}

function history(evals: readonly EvaluationRow[], since: Date, until: Date): History {
  const span = until.getTime() - since.getTime();
  const granularity: History['granularity'] = span <= 31 * DAY ? 'day' : span <= 26 * 7 * DAY ? 'week' : 'month';
  const startOf = (d: Date): Date => {
    const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    if (granularity === 'week') return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY); // Monday
    if (granularity === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    return day;
  };
  const next = (d: Date): Date =>
    granularity === 'day' ? new Date(d.getTime() + DAY) : granularity === 'week' ? new Date(d.getTime() + 7 * DAY) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  const buckets: HistoryBucket[] = [];
  const index = new Map<string, HistoryBucket>();
  for (let d = startOf(since); d.getTime() < until.getTime() && buckets.length < 400; d = next(d)) {
    const b: HistoryBucket = { start: d.toISOString().slice(0, 10), evaluations: 0, pass: 0, warn: 0, fail: 0, error: 0, passRate: null };
    buckets.push(b);
    index.set(b.start, b);
  }
  for (const e of evals) {
    const b = index.get(startOf(new Date(e.time)).toISOString().slice(0, 10));
    if (!b) continue;
    b.evaluations += 1;
    if (e.verdict === 'pass') b.pass += 1;
    else if (e.verdict === 'warn') b.warn += 1;
    else b.fail += 1;
    if (e.error) b.error += 1;
  }
  for (const b of buckets) b.passRate = rate(b.pass + b.warn, b.evaluations);
  return { granularity, buckets };
}

function controls(pack: PackName, rules: readonly Rule[], repos: readonly RepositoryEvidence[], evaluated: (r: Rule) => boolean): ControlEvidence[] {
  const open = new Map<string, { all: number; blocking: number }>();
  for (const repo of repos)
    for (const f of repo.findings) {
      const c = open.get(f.rule) ?? { all: 0, blocking: 0 };
      c.all += 1;
      if (f.level === 'fail') c.blocking += 1;
      open.set(f.rule, c);
    }
  return PACKS[pack].controls.map((def) => {
    const list = rulesFor(def, rules).map((r) => {
      const o = open.get(r.meta.id);
      const state: RuleState = o?.blocking ? 'failing' : evaluated(r) || o ? 'passing' : 'not-evaluated';
      return { id: r.meta.id, family: r.meta.family, severity: r.meta.severity, state, open: o?.all ?? 0 };
    });
    const counts = {
      rules: list.length,
      passing: list.filter((r) => r.state === 'passing').length,
      failing: list.filter((r) => r.state === 'failing').length,
      notEvaluated: list.filter((r) => r.state === 'not-evaluated').length,
    };
    const state: RuleState = counts.failing ? 'failing' : counts.passing ? 'passing' : 'not-evaluated';
    // Failing rules first: what the reader must act on.
    const order: Record<RuleState, number> = { failing: 0, passing: 1, 'not-evaluated': 2 };
    list.sort((a, b) => order[a.state] - order[b.state] || byText(a.id, b.id));
    return { id: def.id, title: def.title, state, tags: [...def.tags], rules: list, counts };
  });
}

const zero = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function summarize(repos: readonly RepositoryEvidence[], ctl: readonly ControlEvidence[], allEvals: readonly EvaluationRow[]): Summary {
  const byStatus = zero(CREDENTIAL_STATES);
  let credentials = 0;
  const bySeverity = zero(SEVERITY_ORDER);
  const byFamily = zero(FAMILIES);
  const byFamilySeverity = Object.fromEntries(FAMILIES.map((f) => [f, zero(SEVERITY_ORDER)])) as Summary['findings']['byFamilySeverity'];
  let open = 0;
  let blocking = 0;
  const issues = { open: 0, closed: 0, unknown: 0 };
  const exceptions = { active: 0, expired: 0 };
  for (const r of repos) {
    for (const c of r.credentials ?? []) {
      credentials += 1;
      byStatus[c.status] += 1;
    }
    for (const f of r.findings) {
      open += 1;
      if (f.level === 'fail') blocking += 1;
      bySeverity[f.severity] += 1;
      byFamily[f.family] += 1;
      byFamilySeverity[f.family][f.severity] += 1;
    }
    for (const i of r.issues) issues[i.state] += 1;
    for (const e of r.exceptions) exceptions[e.status] += 1;
  }
  const checks = checksOf(allEvals);
  return {
    repositories: repos.length,
    credentials: { total: credentials, byStatus, failing: byStatus.expired + byStatus.overdue + byStatus.undeclared },
    findings: { open, blocking, bySeverity, byFamily, byFamilySeverity },
    issues,
    exceptions,
    checks,
    controls: {
      total: ctl.length,
      passing: ctl.filter((c) => c.state === 'passing').length,
      failing: ctl.filter((c) => c.state === 'failing').length,
      notEvaluated: ctl.filter((c) => c.state === 'not-evaluated').length,
    },
  };
}

// ── scrubbing ────────────────────────────────────────────────────────────────────────────────────────

/** Keys whose values are of a known, harmless shape (ids, digests, dates, states): left as they are. */
const SAFE_KEYS = new Set([
  'fingerprint',
  'rule',
  'id',
  'family',
  'severity',
  'level',
  'state',
  'status',
  'digest',
  'headSha',
  'commit',
  'policyDigest',
  'ruleSet',
  'time',
  'since',
  'until',
  'generatedAt',
  'opened',
  'firstSeen',
  'asOf',
  'expires',
  'dueDate',
  'lastRotated',
  'lastRecorded',
  'start',
  'verdict',
  'conclusion',
  'dueReason',
  'source',
  'kind',
  'granularity',
  'reason',
  'backend',
  'today',
  'tool',
  'expiredException',
  'redacted',
]);

/** Every other string of the model through the report's redactor (one batch). */
function scrubModel<T>(report: T): T {
  const texts: string[] = [];
  const collect = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (!SAFE_KEYS.has(key)) texts.push(v);
    } else if (Array.isArray(v)) for (const x of v) collect(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
  };
  collect(report, '');
  const scrub = batchScrubber(texts);
  const apply = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return SAFE_KEYS.has(key) ? v : scrub(v);
    if (Array.isArray(v)) return v.map((x) => apply(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, apply(x, k)]));
    return v;
  };
  return apply(report, '') as T;
}

// ── the report ───────────────────────────────────────────────────────────────────────────────────────

async function chainEvidence(store: EvidenceStore): Promise<ChainEvidence> {
  const v = await verifyChain(store);
  const cp = v.lastCheckpoint ? { seq: v.lastCheckpoint.seq, digest: v.lastCheckpoint.digest, time: v.lastCheckpoint.time.toISOString(), vouchesFor: v.lastCheckpoint.head } : null;
  if (v.ok) return { intact: true, records: v.records, head: { seq: v.head.seq, digest: v.head.digest, time: v.head.time?.toISOString() ?? null }, lastCheckpoint: cp, break: null, lastGood: null };
  const head = await store.audit.head();
  return {
    intact: false,
    records: v.records,
    head: { seq: head.seq, digest: head.digest, time: head.time?.toISOString() ?? null },
    lastCheckpoint: cp,
    break: { seq: v.break.seq, reason: v.break.reason, message: v.break.message },
    lastGood: v.lastGood,
  };
}

async function issueStates(store: EvidenceStore, repos: Iterable<TrailRepo>): Promise<Map<string, { state: 'open' | 'closed'; url: string | null }>> {
  const out = new Map<string, { state: 'open' | 'closed'; url: string | null }>();
  if (!store.issues) return out;
  const homes = new Set<string>();
  for (const r of repos) for (const i of r.issues.values()) homes.add(repoKey(i.repository));
  for (const home of homes) for (const i of await store.issues.list(home)) out.set(`${home}#${i.number}`, { state: i.state, url: i.url });
  return out;
}

export async function buildEvidence(o: BuildOptions): Promise<EvidenceReport> {
  const asOf = new Date(Math.min(o.now.getTime(), o.until.getTime()));
  const notes: string[] = [];
  const store = o.store ?? null;
  const scan = o.scan ?? null;

  let chain: ChainEvidence | null = null;
  let trail = new Map<string, TrailRepo>();
  let states = new Map<string, { state: 'open' | 'closed'; url: string | null }>();
  if (store) {
    chain = await chainEvidence(store);
    if (!chain.intact)
      notes.push(`The audit trail is BROKEN at record ${chain.break!.seq} (${chain.break!.reason}): the history below was read from records that cannot all be trusted. ${chain.break!.message}`);
    const repository = o.scope.kind === 'repository' ? (scan?.repository ?? o.scope.repository) : null;
    trail = await readTrail(store, chain.head.seq, { since: o.since, until: o.until, installation: o.scope.installation, repository });
    states = await issueStates(store, trail.values());
    if (!store.issues) notes.push('The issue index was not available: remediation issues are listed from the audit trail, their state unknown.');
  } else {
    notes.push("No store was given: check history, finding ages and remediation issues come from the App's audit trail and are not in this report (pass --data-dir or --database-url).");
  }

  const repos: RepositoryEvidence[] = [];
  const allEvals: EvaluationRow[] = [];
  const scanKey = scan ? repoKey(scan.repository) : null;
  if (scan) {
    const t = trail.get(scanKey!);
    const findings = scan.result.findings
      .filter((f): f is typeof f & { level: 'warn' | 'fail' } => f.level === 'warn' || f.level === 'fail')
      .map((f) => {
        const first = t?.firstSeen.get(f.fingerprint) ?? null;
        const expired = scan.result.expired.find((x) => x.finding === f);
        return {
          fingerprint: f.fingerprint,
          rule: f.ruleId,
          family: f.family,
          severity: f.severity,
          level: f.level,
          path: f.path,
          line: f.startLine,
          redacted: f.redacted ?? null,
          firstSeen: first?.toISOString() ?? null,
          ageDays: ageDays(first, asOf),
          expiredException: expired ? exceptionRef(expired.exception).id : null,
          issue: t?.issueOf.get(f.fingerprint) ?? null,
        } satisfies FindingRow;
      });
    const evaluations = t?.evaluations ?? [];
    allEvals.push(...evaluations);
    repos.push({
      name: scan.repository,
      installation: t?.installation ?? o.scope.installation,
      credentials: sortCredentials(scanCredentials(scan)),
      findings: sortFindings(findings),
      issues: issueRows(t, states, asOf),
      exceptions: scanExceptions(scan, asOf, t),
      checks: checksOf(evaluations),
      evaluations: [...evaluations].reverse().slice(0, EVALUATIONS_SHOWN),
    });
    if (!scan.inventory) notes.push(`${scan.repository} has no token inventory (.github/token-inventory.yml): its credentials are not known. Draft one with 'tokenwarden inventory init'.`);
    if (scan.result.skipped.length) notes.push(`${scan.result.skipped.length} file(s) of ${scan.repository} were not judged (listed under sources.scan.notJudged): the scan is incomplete.`);
  }
  for (const [k, t] of [...trail.entries()].sort((a, b) => byText(a[0], b[0]))) {
    if (k === scanKey) continue;
    const seen = new Map<string, FindingRow>();
    for (const { findings } of t.latest.values())
      for (const f of findings) {
        if (seen.has(f.fingerprint)) continue;
        const first = t.firstSeen.get(f.fingerprint) ?? null;
        seen.set(f.fingerprint, { ...f, firstSeen: first?.toISOString() ?? null, ageDays: ageDays(first, asOf), issue: t.issueOf.get(f.fingerprint) ?? null });
      }
    allEvals.push(...t.evaluations);
    repos.push({
      name: t.name,
      installation: t.installation,
      credentials: sortCredentials(reminderCredentials(t)),
      findings: sortFindings([...seen.values()]),
      issues: issueRows(t, states, asOf),
      exceptions: trailExceptions(t, asOf),
      checks: checksOf(t.evaluations),
      evaluations: [...t.evaluations].reverse().slice(0, EVALUATIONS_SHOWN),
    });
  }
  if (store && [...trail.entries()].some(([k, t]) => k !== scanKey && t.reminders.size)) {
    notes.push(
      "Credentials of repositories not scanned here come from the latest rotation reminder the App recorded: status, owner and due date only (scopes and last rotation are in each repository's inventory).",
    );
  }
  for (const r of repos) for (const e of r.exceptions) e.justification ||= '(none recorded)';

  // A rule was evaluated: in the scan when its level is not off; in the trail when a change of the
  // period was judged (the rule set ran whole). Rules off by policy in a repository are not known from the trail.
  const judgedInTrail = [...trail.entries()].some(([, t]) => t.judged > 0);
  const evaluated = (r: Rule): boolean => judgedInTrail || (!!scan && levelFor(scan.policy, r.meta.id, r.meta.family, r.meta.severity) !== 'off');
  const ctl = controls(o.pack, o.rules, repos, evaluated);
  allEvals.sort((a, b) => a.seq - b.seq);

  const pack = PACKS[o.pack];
  const report: EvidenceReport = {
    version: REPORT_VERSION,
    title:
      o.title ??
      `Token Warden evidence report — ${o.scope.kind === 'repository' ? (scan?.repository ?? o.scope.repository ?? 'repository') : o.scope.installation !== null ? `installation ${o.scope.installation}` : 'all installations'}`,
    generatedAt: o.now.toISOString(),
    tool: o.tool,
    scope: { ...o.scope, ...(scan && o.scope.kind === 'repository' ? { repository: scan.repository } : {}) },
    period: { since: o.since.toISOString(), until: o.until.toISOString() },
    pack: { name: pack.name, title: pack.title, basis: pack.basis },
    sources: {
      scan: scan
        ? {
            today: scan.today.toISOString().slice(0, 10),
            policy: { digest: scan.policy.hash, sources: [...scan.policy.sources] },
            ruleSet: { ...scan.ruleSet },
            files: scan.result.stats.files,
            notJudged: scan.result.skipped.map((s) => ({ path: s.path, reason: s.reason })),
          }
        : null,
      store: store ? { backend: store.backend ?? 'unknown' } : null,
    },
    chain,
    summary: summarize(repos, ctl, allEvals),
    repositories: repos,
    controls: ctl,
    history: history(allEvals, o.since, o.until),
    notes,
  };
  return scrubModel(report);
}

export const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail'];
