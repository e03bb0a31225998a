/**
 * Revocation where the provider offers it (opt-in by policy: `secrets: { revoke: true }`). GitHub
 * revokes leaked classic and fine-grained personal access tokens, OAuth, user-to-server and refresh
 * tokens (`ghp_`, `github_pat_`, `gho_`, `ghu_`, `ghr_`) submitted to `POST /credentials/revoke`
 * (`{"credentials": [...]}`, at most 1,000 per request, 60 requests an hour; on GitHub.com the request
 * must be unauthenticated — an authenticated one is answered 403 — while GitHub Enterprise Server takes
 * it authenticated, at the client's base URL).
 *
 * - **Only what is certainly a token.** A `ghp_/gho_/ghu_/ghr_` token whose CRC-32 checksum verifies, or a
 *   fine-grained PAT in its issued shape (GitHub publishes no checksum for those), reported at high
 *   confidence; never a look-alike whose checksum fails, never an installation token (`ghs_`, it expires
 *   within the hour and GitHub does not take it), never a finding covered by an exception.
 * - **Once.** The token's hash (never its value) is claimed in the store's revocation ledger before the
 *   request is sent, and settled after: a re-run, a redelivery or a second instance finds it claimed or
 *   settled and sends nothing. A claim whose holder died runs out and is taken again (GitHub revoking a
 *   token twice does no harm; sending it twice is the worst case, after a crash).
 * - **Within GitHub's limits.** ≤ 1,000 tokens per request; a request budget of 60 an hour shared by the
 *   fleet (the store's `revocation_budget`; per API host unauthenticated, as GitHub counts by address,
 *   per installation when authenticated). What does not fit is given back unsent and reported; a later
 *   job (`schedule`) or the next evaluation submits it.
 * - **Answers.** 202: submitted. 422 ("validation failed, or the endpoint has been spammed"): refused,
 *   reported with GitHub's message, not sent again. 5xx, no answer, a timeout: retried with back-off
 *   within the run, then reported as failed and claimed again by the next evaluation. Rate limited
 *   (403/429 with a reset): the budget is marked spent until then and the tokens deferred.
 * - **Never the value** anywhere but the body of the request to GitHub: logs, the ledger, audit records,
 *   the check run and issue comments hold the hash, the fingerprint and the redacted form.
 */
import { randomBytes } from 'node:crypto';
import { hasValidCrc32Suffix } from '../../engine/checksum.js';
import type { Finding } from '../../engine/finding.js';
import { secretHash } from '../../engine/hash.js';
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import type { SourceFile } from '../../engine/scan.js';
import { recordRevocation, type AuditStore } from '../../audit/index.js';
import { revocationLines, type IssueLink, type RevocationView } from '../../report/check-run.js';
import { revocationComment } from '../../report/issue.js';
import { scrubText } from '../../report/scrub.js';
import type { JobQueue, RevocationBudget, RevocationClaim, RevocationLedger, RevocationRecord } from '../../store/types.js';
import { JUDGE_QUEUE, type RerunJob } from '../jobs/payload.js';
import { errorFields } from '../errors.js';
import { comment, fullName, parseFullName, type RepoRef } from '../github/api.js';
import { timedFetch, type GitHubClient } from '../github/octokit.js';
import { remainingMs } from '../pipeline/budget.js';
import type { Target } from '../pipeline/target.js';
import type { Origin } from './audit.js';
import { MemoryRevocations } from './revocation-memory.js';

export const PROVIDER = 'GitHub';
export const GITHUB_COM_API = 'https://api.github.com';
/** GitHub's limits for `POST /credentials/revoke`. */
export const MAX_PER_REQUEST = 1000;
export const REQUESTS_PER_HOUR = 60;
const HOUR = 60 * 60 * 1000;

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

// ── which tokens ─────────────────────────────────────────────────────────────────────────────────────

const CLASSIC = /(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9])/g;
const FINE_GRAINED = /(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g;
/** Prefixes GitHub's revocation API takes and that carry a checksum. Not `ghs_` (installation tokens). */
const REVOCABLE_CLASSIC = new Set(['ghp_', 'gho_', 'ghu_', 'ghr_']);
const RULES = new Set(['secrets/github-token', 'secrets/github-fine-grained-pat']);

/** A token of a kind GitHub revokes, certainly a token: checksum verified (or a fine-grained PAT's issued shape). */
export function isRevocableGitHubToken(value: string): boolean {
  if (value.startsWith('github_pat_')) return /^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/.test(value);
  return /^gh[pousr]_[A-Za-z0-9]{36}$/.test(value) && REVOCABLE_CLASSIC.has(value.slice(0, 4)) && hasValidCrc32Suffix(value, 4);
}

export interface Candidate {
  /** The token's hash (`Finding.secretHash`): the ledger's key. */
  key: string;
  /** Sent to GitHub, and nowhere else. */
  value: string;
  finding: Finding;
}

/**
 * The revocable tokens among `findings`: each finding of a GitHub token rule at high confidence is
 * matched back to its value in the scanned text (or the file name) by its hash, then checked again.
 */
export function revocableTokens(findings: readonly Finding[], sources: readonly SourceFile[]): Candidate[] {
  const wanted = findings.filter((f) => RULES.has(f.ruleId) && f.family === 'secrets' && f.confidence === 'high' && f.level !== 'off' && !!f.secretHash);
  if (!wanted.length) return [];
  const byPath = new Map<string, SourceFile[]>();
  for (const s of sources) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
  const out = new Map<string, Candidate>();
  const values = new Map<string, Map<string, string>>();
  const valuesOf = (path: string): Map<string, string> => {
    let m = values.get(path);
    if (m) return m;
    m = new Map();
    for (const text of [...(byPath.get(path) ?? []).map((s) => s.text), path]) {
      for (const re of [CLASSIC, FINE_GRAINED]) {
        for (const hit of text.matchAll(re)) m.set(secretHash(hit[1]!), hit[1]!);
      }
    }
    values.set(path, m);
    return m;
  };
  for (const f of wanted) {
    if (out.has(f.secretHash!)) continue;
    const value = valuesOf(f.path).get(f.secretHash!);
    if (value && isRevocableGitHubToken(value)) out.set(f.secretHash!, { key: f.secretHash!, value, finding: f });
  }
  return [...out.values()];
}

// ── sending ──────────────────────────────────────────────────────────────────────────────────────────

type Answer =
  | { kind: 'accepted'; status: number }
  | { kind: 'refused'; status: number; detail: string }
  | { kind: 'limited'; status: number; resetAt: Date; detail: string }
  | { kind: 'error'; status?: number; detail: string; retry: boolean };

/** A provider's text with every value we sent (and anything else secret-looking) taken out, cut short. */
function clean(text: string, sent: readonly string[]): string {
  let t = text.replace(/\s+/g, ' ').trim().slice(0, 2_000);
  for (const v of sent) t = t.split(v).join('[token]');
  return scrubText(t).slice(0, 300);
}

function messageOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; errors?: unknown };
    const parts: string[] = [];
    if (typeof b.message === 'string') parts.push(b.message);
    if (Array.isArray(b.errors)) {
      for (const e of b.errors.slice(0, 3)) parts.push(typeof e === 'string' ? e : typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : '');
    }
    return parts.filter(Boolean).join(': ');
  }
  return typeof body === 'string' ? body : '';
}

function rateLimitReset(status: number, header: (name: string) => string | undefined, now: number): Date | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = Number(header('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return new Date(now + retryAfter * 1000);
  if (header('x-ratelimit-remaining') === '0') {
    const reset = Number(header('x-ratelimit-reset'));
    return new Date(Number.isFinite(reset) && reset > 0 ? reset * 1000 : now + HOUR);
  }
  return undefined;
}

function classify(status: number, body: unknown, header: (name: string) => string | undefined, sent: readonly string[], now: number): Answer {
  if (status >= 200 && status < 300) return { kind: 'accepted', status };
  const message = clean(messageOf(body), sent);
  const detail = `${status}${message ? ` ${message}` : ''}`;
  const reset = rateLimitReset(status, header, now);
  if (reset) return { kind: 'limited', status, resetAt: reset, detail };
  if (status === 422) return { kind: 'refused', status, detail };
  return { kind: 'error', status, detail, retry: status >= 500 };
}

export type RevocationAuth = 'auto' | 'none' | 'installation';

export interface RevokerOptions {
  /** Where submitted tokens (by hash) and the request budget are kept: `store.revocations`. Default: this process's memory. */
  ledger?: RevocationLedger;
  /** Who holds claims (default: a random name). */
  owner?: string;
  /** `none`: unauthenticated (GitHub.com requires it); `installation`: with the installation's token (GitHub Enterprise Server); `auto` (default): `none` for api.github.com and api.<subdomain>.ghe.com, else `installation`. */
  auth?: RevocationAuth;
  /** For the unauthenticated request (tests record it). Default: global fetch. */
  fetch?: typeof fetch;
  /** Requests per hour per budget bucket (default 60, GitHub's limit). */
  hourlyRequests?: number;
  /** Tokens per request (default 1,000, GitHub's limit). */
  batchSize?: number;
  /** Tries of one request on 5xx / no answer (default 3). */
  attempts?: number;
  /** First back-off between tries, doubling (default 1 s). */
  backoffMs?: number;
  /** Deadline of one try (default 20 s). */
  timeoutMs?: number;
  /** How long a claim outlives a writer that died (default 5 min). */
  claimMs?: number;
  /**
   * Called when tokens were deferred (the budget is spent until `at`): schedule a later evaluation of the
   * change, which submits them then. Without it, the next evaluation does.
   */
  schedule?: (later: DeferredRevocation) => Promise<void>;
}

export interface DeferredRevocation {
  installation: number | undefined;
  repo: RepoRef;
  headSha: string;
  pullRequests: number[];
  at: Date;
}

export interface RevocationRequest {
  target: Target;
  policy: ResolvedPolicy;
  findings: readonly Finding[];
  sources: readonly SourceFile[];
  /** Remediation issue of each finding key (`secret:<hash>`): they get a comment on the outcome. */
  links?: ReadonlyMap<string, IssueLink>;
  origin?: Origin;
  audit?: AuditStore;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The view as it is filled in. */
type Mutable<V extends RevocationView> = { [K in keyof V]: V[K] extends ReadonlyArray<infer T> ? T[] : V[K] };

export class Revoker {
  readonly ledger: RevocationLedger;
  private readonly owner: string;
  private readonly o: Required<Pick<RevokerOptions, 'auth' | 'hourlyRequests' | 'batchSize' | 'attempts' | 'backoffMs' | 'timeoutMs' | 'claimMs'>>;
  private readonly fetch: typeof fetch;
  private readonly schedule: RevokerOptions['schedule'];

  constructor(opts: RevokerOptions = {}) {
    this.ledger = opts.ledger ?? new MemoryRevocations();
    this.owner = opts.owner ?? `revoker:${randomBytes(4).toString('hex')}`;
    this.fetch = opts.fetch ?? ((input, init) => fetch(input, init));
    this.schedule = opts.schedule;
    this.o = {
      auth: opts.auth ?? 'auto',
      hourlyRequests: Math.max(1, opts.hourlyRequests ?? REQUESTS_PER_HOUR),
      batchSize: Math.max(1, Math.min(MAX_PER_REQUEST, opts.batchSize ?? MAX_PER_REQUEST)),
      attempts: Math.max(1, opts.attempts ?? 3),
      backoffMs: Math.max(0, opts.backoffMs ?? 1000),
      timeoutMs: Math.max(1, opts.timeoutMs ?? 20_000),
      claimMs: Math.max(1000, opts.claimMs ?? 5 * 60_000),
    };
  }

  private baseUrl(gh: GitHubClient): string {
    const defaults = gh.request.endpoint.DEFAULTS as { baseUrl?: string };
    return (defaults.baseUrl ?? GITHUB_COM_API).replace(/\/+$/, '');
  }

  private authFor(base: string): 'none' | 'installation' {
    if (this.o.auth !== 'auto') return this.o.auth;
    // GitHub.com and GHE.com (data residency: api.<subdomain>.ghe.com) refuse authenticated requests (403).
    return base === GITHUB_COM_API || /^https:\/\/api\.[a-z0-9-]+\.ghe\.com$/i.test(base) ? 'none' : 'installation';
  }

  /**
   * One POST with the tokens of `batch`; never throws. Always by our own fetch, never through the App's
   * Octokit: its request log (Probot's, at debug) prints request bodies, and this body is the one place a
   * token goes. Authenticated (GHES), the installation's token is asked of the client and put in the header.
   */
  private async post(gh: GitHubClient, base: string, auth: 'none' | 'installation', batch: readonly string[]): Promise<Answer> {
    const now = Date.now();
    try {
      const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'content-type': 'application/json', 'x-github-api-version': '2022-11-28', 'user-agent': 'tokenwarden' };
      if (auth === 'installation') {
        const got = (await gh.auth({ type: 'installation' })) as { token?: unknown };
        if (typeof got?.token !== 'string' || !got.token) return { kind: 'error', detail: 'no installation token to authenticate the request', retry: false };
        headers.authorization = `token ${got.token}`;
      }
      const res = await timedFetch(this.fetch, this.o.timeoutMs)(`${base}/credentials/revoke`, { method: 'POST', headers, body: JSON.stringify({ credentials: batch }) });
      const text = (await res.text()).slice(0, 64 * 1024);
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* keep the text */
      }
      return classify(res.status, body, (n) => res.headers.get(n) ?? undefined, batch, now);
    } catch (e) {
      const r = e as { status?: unknown };
      // The installation token could not be had (GitHub answered): not a revocation answer, retried next time.
      if (typeof r?.status === 'number') return { kind: 'error', status: r.status, detail: `the installation token could not be had (${r.status})`, retry: false };
      // No answer: a timeout, a refused connection. The name only: a message could quote the request.
      const name = e instanceof Error ? (e.name === 'AbortError' || e.name === 'TimeoutError' ? 'no answer in time' : `no answer (${e.name})`) : 'no answer';
      return { kind: 'error', detail: name, retry: true };
    }
  }

  /** Submit the revocable tokens of one evaluation; the outcome for the summary (undefined: nothing to do). */
  async run(gh: GitHubClient, log: Logger, req: RevocationRequest): Promise<RevocationView | undefined> {
    if (!req.policy.secrets?.revoke) return undefined;
    const candidates = revocableTokens(req.findings, req.sources);
    if (!candidates.length) return undefined;
    const repository = fullName(req.target.repo);
    const view: Mutable<RevocationView> = {
      provider: PROVIDER,
      submitted: [],
      earlier: [],
      refused: [],
      failed: [],
      deferred: { count: 0 },
      inFlight: 0,
    };
    const redacted = (c: Candidate): string => c.finding.redacted ?? '[redacted]';
    const claims: RevocationClaim[] = candidates.map((c) => ({ key: c.key, provider: PROVIDER, repository, fingerprint: c.finding.fingerprint, ruleId: c.finding.ruleId }));
    const won = new Set(await this.ledger.claim(claims, this.owner, this.o.claimMs));
    const mine = candidates.filter((c) => won.has(c.key));
    const others = candidates.filter((c) => !won.has(c.key));
    if (others.length) {
      const records = await this.ledger.getMany(others.map((c) => c.key));
      for (const c of others) {
        const r: RevocationRecord | undefined = records.get(c.key);
        if (r?.state === 'submitted' || r?.state === 'refused') view.earlier.push({ redacted: redacted(c), state: r.state, at: r.submittedAt ?? r.updatedAt });
        else view.inFlight++;
      }
    }
    const base = this.baseUrl(gh);
    const auth = this.authFor(base);
    const bucket = auth === 'none' || req.target.installation === undefined ? `github:${base}` : `github:${base}:installation:${req.target.installation}`;
    const settled: Array<{ c: Candidate; outcome: 'submitted' | 'refused' | 'failed' | 'skipped'; detail: string; at: Date }> = [];
    let deferredUntil: Date | undefined;

    for (let i = 0; i < mine.length; i += this.o.batchSize) {
      const batch = mine.slice(i, i + this.o.batchSize);
      const keys = batch.map((c) => c.key);
      let answer: Answer | undefined;
      for (let attempt = 1; attempt <= this.o.attempts; attempt++) {
        if (deferredUntil) break;
        const slot: RevocationBudget = await this.ledger.takeRequest(bucket, this.o.hourlyRequests, HOUR);
        if (!slot.granted) {
          deferredUntil = slot.resetAt;
          break;
        }
        answer = await this.post(
          gh,
          base,
          auth,
          batch.map((c) => c.value),
        );
        if (answer.kind === 'limited') {
          await this.ledger.exhaust(bucket, answer.resetAt, this.o.hourlyRequests, HOUR);
          deferredUntil = answer.resetAt;
          break;
        }
        if (answer.kind !== 'error' || !answer.retry || attempt === this.o.attempts) break;
        const wait = this.o.backoffMs * 2 ** (attempt - 1);
        if (wait >= remainingMs()) break;
        log.warn({ repository, tokens: batch.length, attempt, status: answer.status, detail: answer.detail }, 'revocation request failed: retrying');
        await sleep(wait);
      }
      if (deferredUntil && (!answer || answer.kind === 'limited' || answer.kind === 'error')) {
        // Not sent (or not taken): every token from this batch on waits for the budget.
        const rest = mine.slice(i);
        await this.ledger.release(
          rest.map((c) => c.key),
          this.owner,
          `deferred: the hourly request budget is spent until ${deferredUntil.toISOString()}`,
        );
        view.deferred = { count: rest.length, until: deferredUntil };
        for (const c of rest) settled.push({ c, outcome: 'skipped', detail: `deferred until ${deferredUntil.toISOString()}: ${REQUESTS_PER_HOUR} revocation requests an hour`, at: new Date() });
        break;
      }
      const at = new Date();
      if (answer?.kind === 'accepted') {
        await this.ledger.settle(keys, this.owner, 'submitted', `${answer.status} accepted`);
        for (const c of batch) {
          view.submitted.push({ redacted: redacted(c), at });
          settled.push({ c, outcome: 'submitted', detail: `${answer.status} accepted`, at });
        }
      } else if (answer?.kind === 'refused') {
        await this.ledger.settle(keys, this.owner, 'refused', answer.detail);
        for (const c of batch) {
          view.refused.push({ redacted: redacted(c), detail: answer.detail });
          settled.push({ c, outcome: 'refused', detail: answer.detail, at });
        }
      } else {
        const detail = answer ? answer.detail : 'not sent';
        await this.ledger.settle(keys, this.owner, 'failed', detail);
        for (const c of batch) {
          view.failed.push({ redacted: redacted(c), detail });
          settled.push({ c, outcome: 'failed', detail, at });
        }
      }
    }

    log.info(
      {
        repository,
        sha: req.target.headSha,
        submitted: view.submitted.length,
        refused: view.refused.length,
        failed: view.failed.length,
        deferred: view.deferred.count,
        earlier: view.earlier.length,
        inFlight: view.inFlight,
        fingerprints: settled.slice(0, 50).map((s) => s.c.finding.fingerprint),
      },
      'leaked GitHub tokens: revocation',
    );
    if (view.deferred.count && deferredUntil && this.schedule) {
      try {
        await this.schedule({
          installation: req.target.installation,
          repo: req.target.repo,
          headSha: req.target.headSha,
          pullRequests: req.target.pr ? [req.target.pr.number] : [],
          at: deferredUntil,
        });
        view.deferred.scheduled = true;
      } catch (e) {
        log.warn({ err: errorFields(e), repository }, 'could not schedule the deferred revocation');
      }
    }
    await this.audit(log, req, settled);
    await this.comment(gh, log, req, settled);
    return view;
  }

  private async audit(log: Logger, req: RevocationRequest, settled: ReadonlyArray<{ c: Candidate; outcome: 'submitted' | 'refused' | 'failed' | 'skipped'; detail: string }>): Promise<void> {
    if (!req.audit) return;
    const repository = fullName(req.target.repo);
    const occasion = `${req.origin?.delivery ?? '-'}:${req.target.headSha}`;
    for (const { c, outcome, detail } of settled) {
      try {
        await recordRevocation(
          req.audit,
          {
            installation: req.target.installation ?? null,
            repository,
            fingerprint: c.finding.fingerprint,
            ruleId: c.finding.ruleId,
            ...(c.finding.redacted ? { redacted: c.finding.redacted } : {}),
            provider: PROVIDER,
            outcome,
            detail,
            deliveryId: req.origin?.delivery ?? null,
            headSha: req.target.headSha,
          },
          // Submitted and refused are final: one record each, ever. Failures and deferrals: one per occasion.
          { key: outcome === 'submitted' || outcome === 'refused' ? `revocation:${c.key}:${outcome}` : `revocation:${c.key}:${outcome}:${occasion}` },
        );
      } catch (e) {
        log.error({ err: errorFields(e), repository, fingerprint: c.finding.fingerprint }, 'audit record of the revocation could not be written');
      }
    }
  }

  /** One comment per remediation issue on a final outcome (submitted or refused), by the writer that settled it. */
  private async comment(gh: GitHubClient, log: Logger, req: RevocationRequest, settled: ReadonlyArray<{ c: Candidate; outcome: string; detail: string; at: Date }>): Promise<void> {
    if (!req.links) return;
    for (const { c, outcome, detail, at } of settled) {
      if (outcome !== 'submitted' && outcome !== 'refused') continue;
      const link = req.links.get(`secret:${c.key}`);
      if (!link) continue;
      try {
        await comment(gh, parseFullName(link.repository), link.number, revocationComment(outcome, PROVIDER, at, detail));
      } catch (e) {
        log.warn({ err: errorFields(e), issue: link.number, fingerprint: c.finding.fingerprint }, 'could not comment the revocation on its remediation issue');
      }
    }
  }
}

export interface RevokeContext {
  target: Target;
  policy: ResolvedPolicy;
  findings: readonly Finding[];
  sources: readonly SourceFile[];
  links?: ReadonlyMap<string, IssueLink>;
  /** The summary's "What to do" notes and its problems: the revocation lines are added to them. */
  notes: string[];
  problems: string[];
  origin?: Origin;
}

/**
 * The pipeline's one call: submit this evaluation's leaked GitHub tokens when the policy asks, and put
 * the outcome in the summary. Never throws: revocation is on top of the judgement, not part of it.
 */
export async function revokeLeaked(gh: GitHubClient, log: Logger, deps: { revocation?: Revoker; audit?: AuditStore }, ctx: RevokeContext): Promise<RevocationView | undefined> {
  if (!ctx.policy.secrets?.revoke) return undefined;
  const repository = fullName(ctx.target.repo);
  if (!deps.revocation) {
    if (revocableTokens(ctx.findings, ctx.sources).length)
      ctx.problems.push('The policy asks to revoke leaked GitHub tokens, but this Token Warden runs without revocation set up: nothing was submitted.');
    return undefined;
  }
  try {
    const view = await deps.revocation.run(gh, log, {
      target: ctx.target,
      policy: ctx.policy,
      findings: ctx.findings,
      sources: ctx.sources,
      ...(ctx.links ? { links: ctx.links } : {}),
      ...(ctx.origin ? { origin: ctx.origin } : {}),
      ...(deps.audit ? { audit: deps.audit } : {}),
    });
    if (view) {
      const lines = revocationLines(view);
      ctx.notes.push(...lines.notes);
      ctx.problems.push(...lines.problems);
    }
    return view;
  } catch (e) {
    log.warn({ err: errorFields(e), repository }, 'revocation of leaked tokens failed');
    ctx.problems.push('Leaked GitHub tokens could not be submitted for revocation (the store could not be reached); the next evaluation tries again.');
    return undefined;
  }
}

/**
 * `RevokerOptions.schedule` for the server: judge the change again (a `rerun` job in the judge queue)
 * once the budget is free, which submits the deferred tokens then. One such job per commit waits at a time.
 */
export function scheduleRerun(jobs: Pick<JobQueue, 'enqueue'>): (later: DeferredRevocation) => Promise<void> {
  return async (d) => {
    if (d.installation === undefined) return;
    const name = `${d.repo.owner}/${d.repo.repo}`.toLowerCase();
    const payload: RerunJob = {
      v: 1,
      kind: 'rerun',
      event: 'revocation',
      installation: d.installation,
      repository: { owner: d.repo.owner, name: d.repo.repo },
      headSha: d.headSha,
      pullRequests: d.pullRequests,
    };
    await jobs.enqueue({ queue: JUDGE_QUEUE, payload, groupKey: name, dedupeKey: `revocation:${name}@${d.headSha}`, runAt: new Date(d.at.getTime() + 1000) });
  };
}
