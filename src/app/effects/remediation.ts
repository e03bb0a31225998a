/**
 * Remediation issues: one per leaked secret (or per scope / rotation finding where the policy asks),
 * never two, and found without listing the repository's issues on every pull request.
 *
 * The desk keeps an index, finding key → issue (`IssueIndex`): the store's (`store.issues`, shared by
 * every instance, surviving restarts) or, without a store, one in this object (`MemoryIssueIndex`).
 *
 * - **Look-up, not listing.** A pull request's finding keys are looked up in the index (one query). The
 *   first time an issue repository is used, its labelled issues are listed once and indexed by their
 *   hidden markers (the backfill, so issues opened before the index are not duplicated); a marker row
 *   (`BACKFILLED`) records that it was done, and it is never listed again for that.
 * - **Exactly once.** A missing key is claimed before its issue is created (`claim` with a lease,
 *   renewed while creating), and the issue number recorded right after (`record`): two instances, or a
 *   redelivery, never create twice. A claim whose holder died between "created on GitHub" and
 *   "recorded" runs out and comes back `recovered`: the issue is then looked for by its markers (one
 *   listing) before anything is created. A create that GitHub refused (4xx) gives the claim back; one
 *   whose outcome is unknown keeps it, so the next writer looks before creating.
 * - **One comment per new sighting.** Occurrences are noted in the index (`noteOccurrence`); only those
 *   noted for the first time are commented, after checking the issue's body and comments (issues from
 *   before the index). A comment that fails after its occurrence was noted is not tried again: a missed
 *   "seen again" rather than a repeated one.
 * - **One writer per issue repository**: a lock around each sync / resolve (`LeaseLocks` on
 *   `store.leases` across instances, `ProcessLocks` without a store), so the index, the comments and the
 *   backfill are not raced.
 */
import type { Finding } from '../../engine/finding.js';
import type { RuleMeta } from '../../engine/rule.js';
import type { IssueLink } from '../../report/check-run.js';
import {
  ISSUE_LABEL,
  issueBody,
  issueKey,
  issueLabels,
  issueTitle,
  keyOfMarkers,
  markerPath,
  occurrenceComment,
  occurrenceId,
  parseMarkers,
  resolvedComment,
  type Occurrence,
} from '../../report/issue.js';
import type { IssueIndex, IssueRecord, IssueState, Store } from '../../store/index.js';
import { closeIssue, comment, createIssue, fullName, getIssue, listCommentBodies, listLabelledIssues, status, type IssueInfo, type RepoRef } from '../github/api.js';
import { LeaseLocks, leaseOwner, ProcessLocks, type Locks } from './locks.js';
import { MemoryIssueIndex } from './issue-memory.js';
import type { GitHubClient } from '../github/octokit.js';
import { errorFields } from '../errors.js';
import { remainingMs } from '../pipeline/budget.js';
import { redactPath, warmScrub } from '../../report/scrub.js';

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SyncRequest {
  /** Where the issues live: the scanned repository or a central one. */
  home: RepoRef;
  /** `owner/name` of the scanned repository. */
  repository: string;
  findings: readonly Finding[];
  occurrenceOf: (f: Finding) => Occurrence;
  ruleMeta(id: string): RuleMeta | undefined;
  assignee?: string;
  /** New issues per call; the rest wait for the next run (GitHub limits content creation per hour). */
  maxCreates: number;
}

export interface IssueResult {
  /** Issue of each finding key (see `issueKey`). */
  links: Map<string, IssueLink>;
  created: number;
  commented: number;
  /** Findings that need a new issue beyond `maxCreates`, or that another writer was still creating. */
  deferred: number;
  /** Issues or comments that could not be written, and the first reason. */
  failed: number;
  firstError?: unknown;
}

export interface ResolveRequest {
  home: RepoRef;
  repository: string;
  /** Families whose issues close themselves. */
  families: ReadonlySet<string>;
  /** Only issues about these paths can have changed. */
  paths: ReadonlySet<string>;
  /** True when the default branch no longer has this finding at `path`. */
  isGone(path: string, fingerprint: string): Promise<boolean>;
  branch: string;
  sha: string;
}

/** What the desk needs of the store (a whole `Store` will do). */
export type IssueDeskStore = Pick<Store, 'instanceId' | 'issues' | 'leases'>;

export interface IssueDeskOptions {
  /** Who holds claims and locks (default: the store's instance id plus a random suffix). */
  owner?: string;
  /** How long a claim to create one issue outlives a writer that died; renewed while creating. Default 60 s. */
  claimMs?: number;
  /** How long to wait for another writer's claim on a key before leaving it to the next run. Default `claimMs` + 5 s. */
  busyWaitMs?: number;
  /** The per-repository lock's lease (with a store); renewed while held. Default 30 s. */
  lockMs?: number;
  /** How long to wait for that lock. Default 2 min. */
  lockWaitMs?: number;
  /** Without a store: issue repositories remembered (a forgotten one is listed again). Default 1000. */
  memoryHomes?: number;
}

/** The index row that says an issue repository's existing issues were indexed (issue number 0). */
export const BACKFILLED = 'index:backfilled';

/** Closing resolved issues reads them one by one up to this many; more, and from one listing. */
const MAX_SINGLE_READS = 10;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Known {
  number: number;
  url: string;
  state: IssueState;
}

const known = (r: IssueRecord): Known => ({ number: r.number, url: r.url ?? `https://github.com/${r.home}/issues/${r.number}`, state: r.state });

/** GitHub refused the request (it was not performed): 4xx. Anything else may have been performed. */
const refused = (e: unknown): boolean => {
  const s = status(e);
  return s !== undefined && s >= 400 && s < 500;
};

/** Oldest first, open before closed: a reopened duplicate never wins over the original. */
const byPrecedence = (a: IssueInfo, b: IssueInfo): number => (a.state === b.state ? a.number - b.number : a.state === 'open' ? -1 : 1);

/** Issues by their markers' key, the first by precedence winning. */
function keyed(listed: readonly IssueInfo[]): Map<string, { issue: IssueInfo; repo: string | undefined }> {
  const out = new Map<string, { issue: IssueInfo; repo: string | undefined }>();
  for (const issue of [...listed].sort(byPrecedence)) {
    const m = parseMarkers(issue.body);
    const key = keyOfMarkers(m);
    if (key && !out.has(key)) out.set(key, { issue, repo: m.repo });
  }
  return out;
}

type Created = { issue: Known; created: boolean } | 'busy';

/** One sync's lazily read listing of the issue repository (only a recovered claim needs it). */
class Listing {
  private listed: Promise<Map<string, { issue: IssueInfo; repo: string | undefined }>> | undefined;
  constructor(
    private readonly gh: GitHubClient,
    private readonly home: RepoRef,
  ) {}
  find(key: string): Promise<{ issue: IssueInfo; repo: string | undefined } | undefined> {
    this.listed ??= listLabelledIssues(this.gh, this.home, ISSUE_LABEL).then(keyed);
    return this.listed.then((m) => m.get(key));
  }
}

export class IssueDesk {
  private readonly index: IssueIndex;
  private readonly locks: Locks;
  private readonly owner: string;
  private readonly claimMs: number;
  private readonly busyWaitMs: number;

  /** With a store, the index, claims and locks are shared by every instance on it; without, they live here. */
  constructor(store?: IssueDeskStore, opts: IssueDeskOptions = {}) {
    this.owner = opts.owner ?? leaseOwner(store?.instanceId ?? 'memory', 'issues');
    this.claimMs = opts.claimMs ?? 60_000;
    this.busyWaitMs = opts.busyWaitMs ?? this.claimMs + 5_000;
    if (store) {
      this.index = store.issues;
      this.locks = new LeaseLocks(store.leases, {
        prefix: 'issues:',
        owner: this.owner,
        ...(opts.lockMs !== undefined ? { ttlMs: opts.lockMs } : {}),
        ...(opts.lockWaitMs !== undefined ? { waitMs: opts.lockWaitMs } : {}),
      });
    } else {
      this.index = new MemoryIssueIndex(opts.memoryHomes ?? 1000);
      this.locks = new ProcessLocks();
    }
  }

  async sync(gh: GitHubClient, log: Logger, req: SyncRequest): Promise<IssueResult> {
    const home = fullName(req.home);
    const result: IssueResult = { links: new Map(), created: 0, commented: 0, deferred: 0, failed: 0 };
    const groups = new Map<string, Finding[]>();
    for (const f of req.findings) {
      const k = issueKey(f, req.repository);
      const g = groups.get(k);
      if (g) g.push(f);
      else groups.set(k, [f]);
    }
    if (!groups.size) return result;
    return this.locks.run(home.toLowerCase(), async (lost) => {
      // Titles and bodies print paths and places: scrub them all in one batch up front.
      warmScrub(req.findings.flatMap((f) => [f.path, f.message]));
      const indexed = await this.lookUp(gh, log, req.home, [...groups.keys()]);
      const listing = new Listing(gh, req.home);
      for (const [key, fs] of groups) {
        const f = fs[0]!;
        const occurrences = dedupeOccurrences(fs.map(req.occurrenceOf));
        const record = indexed.get(key);
        let issue: Known | undefined = record && known(record);
        if (!issue && result.created >= req.maxCreates) {
          result.deferred++;
          continue;
        }
        try {
          if (!issue) {
            lost.throwIfAborted();
            const got = await this.create(gh, log, req, key, f, occurrences, listing);
            if (got === 'busy') {
              result.deferred++;
              log.info({ repository: home, ruleId: f.ruleId, fingerprint: f.fingerprint }, 'another writer is still creating this remediation issue; left to the next run');
              continue;
            }
            issue = got.issue;
            if (got.created) {
              result.created++;
              log.info({ issue: issue.number, repository: home, ruleId: f.ruleId, fingerprint: f.fingerprint }, 'opened remediation issue');
            } else if (await this.commentIfNew(gh, log, req.home, issue, f, occurrences, lost)) {
              result.commented++;
            }
          } else if (await this.commentIfNew(gh, log, req.home, issue, f, occurrences, lost)) {
            result.commented++;
          }
        } catch (e) {
          // One failed write must not cost the issues already opened their place in the summary.
          result.failed++;
          result.firstError ??= e;
          log.warn({ err: errorFields(e), repository: home, fingerprint: f.fingerprint }, 'remediation issue write failed');
        }
        if (issue) result.links.set(key, { number: issue.number, url: issue.url, repository: home });
      }
      return result;
    });
  }

  /** Close scope / rotation issues whose finding the default branch no longer has. */
  async resolve(gh: GitHubClient, log: Logger, req: ResolveRequest): Promise<number[]> {
    const home = fullName(req.home);
    return this.locks.run(home.toLowerCase(), async (lost) => {
      const closed: number[] = [];
      await this.lookUp(gh, log, req.home, []);
      // Only this repository's open issues about a fingerprint can close themselves (a leaked secret never does).
      const open = (await this.index.list(home, { repository: req.repository, state: 'open' })).filter((r) => r.key.startsWith('fingerprint:'));
      if (!open.length) return closed;
      // Markers hold redacted paths (a file can be named after a token): the real path of each.
      warmScrub(req.paths);
      // Two secrets of one kind and length redact alike: a marker can stand for several paths, and the
      // finding is gone only when it is gone from each.
      const realPaths = new Map<string, Set<string>>();
      const add = (key: string, p: string): void => {
        const set = realPaths.get(key);
        if (set) set.add(p);
        else realPaths.set(key, new Set([p]));
      };
      for (const p of req.paths) {
        add(p, p);
        add(redactPath(p), p);
      }
      for (const issue of await this.read(
        gh,
        req.home,
        open.map((r) => r.number),
      )) {
        if (issue.state !== 'open') {
          await this.index.setState(home, issue.number, issue.state);
          continue;
        }
        const m = parseMarkers(issue.body);
        const marked = markerPath(m);
        const paths = marked === undefined ? undefined : realPaths.get(marked);
        if (!m.fingerprint || !paths || m.repo !== req.repository || !req.families.has(m.family ?? '')) continue;
        let gone = true;
        for (const p of paths) if (!(gone = await req.isGone(p, m.fingerprint))) break;
        if (!gone) continue;
        lost.throwIfAborted();
        await comment(gh, req.home, issue.number, resolvedComment(req.branch, req.sha));
        await closeIssue(gh, req.home, issue.number);
        await this.index.setState(home, issue.number, 'closed');
        closed.push(issue.number);
        log.info({ issue: issue.number, repository: home, fingerprint: m.fingerprint }, 'closed resolved remediation issue');
      }
      return closed;
    });
  }

  /** The indexed issues of `keys`; the issue repository's existing issues are indexed first if they never were. */
  private async lookUp(gh: GitHubClient, log: Logger, home: RepoRef, keys: readonly string[]): Promise<Map<string, IssueRecord>> {
    const name = fullName(home);
    const found = await this.index.getMany(name, [BACKFILLED, ...keys]);
    if (found.delete(BACKFILLED)) return found;
    await this.backfill(gh, log, home);
    return keys.length ? this.index.getMany(name, keys) : new Map();
  }

  /** Index the issues opened before the index (one listing, once per issue repository). */
  private async backfill(gh: GitHubClient, log: Logger, home: RepoRef): Promise<void> {
    const name = fullName(home);
    const started = Date.now();
    const listed = await listLabelledIssues(gh, home, ISSUE_LABEL);
    const byKey = keyed(listed);
    const have = await this.index.getMany(name, [...byKey.keys()]);
    let indexed = 0;
    for (const [key, { issue, repo }] of byKey) {
      if (have.has(key)) continue;
      await this.index.record({ home: name, key, number: issue.number, state: issue.state, repository: repo ?? null, url: issue.url });
      indexed++;
    }
    await this.index.record({ home: name, key: BACKFILLED, number: 0, state: 'closed', repository: null, url: null });
    log.info({ repository: name, listed: listed.length, indexed, ms: Date.now() - started }, 'indexed the existing remediation issues of a repository (once)');
  }

  /** Claim → create → record; or the issue someone else created (or left behind when it died). */
  private async create(gh: GitHubClient, log: Logger, req: SyncRequest, key: string, f: Finding, occurrences: Occurrence[], listing: Listing): Promise<Created> {
    const home = fullName(req.home);
    const started = Date.now();
    const waitUntil = started + Math.min(this.busyWaitMs, Math.max(0, remainingMs() - 10_000));
    for (;;) {
      const claim = await this.index.claim(home, key, this.owner, this.claimMs);
      if (claim.kind === 'exists') return { issue: known(claim.issue), created: false };
      if (claim.kind === 'claimed') return this.createClaimed(gh, log, req, key, f, occurrences, listing, claim.recovered);
      // Busy: another writer is creating it (or died doing so; its claim then runs out).
      const now = Date.now();
      if (now >= waitUntil) return 'busy';
      await sleep(Math.min(1000, Math.max(50, claim.until.getTime() - now), waitUntil - now));
    }
  }

  private async createClaimed(gh: GitHubClient, log: Logger, req: SyncRequest, key: string, f: Finding, occurrences: Occurrence[], listing: Listing, recovered: boolean): Promise<Created> {
    const home = fullName(req.home);
    const stop = this.keepClaim(home, key);
    let stopped = false;
    try {
      if (recovered) {
        // The writer before us may have created it and died before recording it: look once.
        const found = await listing.find(key);
        if (found) {
          await stop();
          stopped = true;
          await this.index.record({ home, key, number: found.issue.number, state: found.issue.state, repository: found.repo ?? req.repository, url: found.issue.url });
          log.info({ issue: found.issue.number, repository: home, fingerprint: f.fingerprint }, 'found the remediation issue an interrupted writer created; recorded it');
          return { issue: { number: found.issue.number, url: found.issue.url, state: found.issue.state }, created: false };
        }
      }
      let issue: IssueInfo;
      try {
        issue = await createIssue(gh, req.home, {
          title: issueTitle(f, req.ruleMeta(f.ruleId), req.repository, home !== req.repository),
          body: issueBody(f, req.ruleMeta(f.ruleId), occurrences),
          labels: issueLabels(f),
          assignees: req.assignee ? [req.assignee] : [],
        });
      } catch (e) {
        // Refused: nothing was created, the next writer may try. Otherwise it may exist: keep the claim,
        // so whoever comes next looks for it before creating.
        if (refused(e)) {
          await stop();
          stopped = true;
          await this.index.release(home, key, this.owner).catch(() => undefined);
        }
        throw e;
      }
      await stop();
      stopped = true;
      await this.index.record({ home, key, number: issue.number, state: 'open', repository: req.repository, url: issue.url });
      for (const id of new Set(occurrences.map(occurrenceId))) await this.index.noteOccurrence(home, issue.number, id);
      return { issue: { number: issue.number, url: issue.url, state: 'open' }, created: true };
    } finally {
      if (!stopped) await stop();
    }
  }

  /** Renew a claim while its issue is being created (the create may wait behind the installation's writes). */
  private keepClaim(home: string, key: string): () => Promise<void> {
    let inFlight: Promise<unknown> = Promise.resolve();
    const timer = setInterval(
      () => {
        inFlight = this.index.claim(home, key, this.owner, this.claimMs).catch(() => undefined);
      },
      Math.max(10, Math.floor(this.claimMs / 3)),
    );
    timer.unref();
    return async () => {
      clearInterval(timer);
      await inFlight;
    };
  }

  /** Comment the occurrences noted for the first time, unless the issue or its comments have them already. */
  private async commentIfNew(gh: GitHubClient, log: Logger, home: RepoRef, issue: Known, f: Finding, occurrences: Occurrence[], lost: AbortSignal): Promise<boolean> {
    const name = fullName(home);
    lost.throwIfAborted();
    const fresh = new Set<string>();
    for (const id of new Set(occurrences.map(occurrenceId))) if (await this.index.noteOccurrence(name, issue.number, id)) fresh.add(id);
    if (!fresh.size) return false;
    // A new sighting: read the issue as it is now (a person may have closed it; issues from before the
    // index list their sightings in the body and comments).
    const now = await getIssue(gh, home, issue.number);
    if (!now) {
      log.warn({ issue: issue.number, repository: name, fingerprint: f.fingerprint }, 'remediation issue is gone (deleted or transferred); not commented');
      return false;
    }
    if (now.state !== issue.state) await this.index.setState(name, issue.number, now.state);
    const seen = new Set(parseMarkers(now.body).occurrences);
    if ([...fresh].every((id) => seen.has(id))) return false;
    for (const body of await listCommentBodies(gh, home, issue.number)) for (const id of parseMarkers(body).occurrences) seen.add(id);
    const left = occurrences.filter((o) => fresh.has(occurrenceId(o)) && !seen.has(occurrenceId(o)));
    if (!left.length) return false;
    await comment(gh, home, issue.number, occurrenceComment(f, left, now.state === 'closed'));
    return true;
  }

  /** Issues by number as they are now: read one by one when few, else from one listing. */
  private async read(gh: GitHubClient, home: RepoRef, numbers: readonly number[]): Promise<IssueInfo[]> {
    if (numbers.length <= MAX_SINGLE_READS) {
      const out: IssueInfo[] = [];
      for (const n of numbers) {
        const issue = await getIssue(gh, home, n);
        if (issue) out.push(issue);
      }
      return out;
    }
    const wanted = new Set(numbers);
    return (await listLabelledIssues(gh, home, ISSUE_LABEL)).filter((i) => wanted.has(i.number)).sort(byPrecedence);
  }
}

function dedupeOccurrences(list: Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return list.filter((o) => {
    const id = `${occurrenceId(o)}:${o.line}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
