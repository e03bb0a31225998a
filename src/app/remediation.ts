/**
 * Remediation issues: one per leaked secret (or per scope / rotation finding where the policy asks),
 * never two. Duplicates are prevented three ways: hidden markers found by listing labelled issues
 * (open and closed), one writer per issue repository in this process, and a memory of what this process
 * created (the issue list can lag a fresh write by seconds).
 */
import type { Finding } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';
import type { IssueLink } from '../report/check-run.js';
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
} from '../report/issue.js';
import { closeIssue, comment, createIssue, fullName, listCommentBodies, listLabelledIssues, type IssueInfo, type RepoRef } from './github.js';
import { BoundedMap, KeyedMutex } from './mutex.js';
import type { GitHubClient } from './octokit.js';
import { errorFields } from './errors.js';
import { redactPath, warmScrub } from '../report/scrub.js';

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
  occurrenceOf(f: Finding): Occurrence;
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
  /** Findings that need a new issue beyond `maxCreates`. */
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

export class IssueDesk {
  private readonly mutex = new KeyedMutex();
  /** repo → issue key → issue this process created. */
  private readonly created = new BoundedMap<string, BoundedMap<string, IssueInfo>>(500);
  /** repo#number → occurrence ids this process commented. */
  private readonly commented = new BoundedMap<string, Set<string>>(5000);

  async sync(gh: GitHubClient, log: Logger, req: SyncRequest): Promise<IssueResult> {
    const home = fullName(req.home);
    return this.mutex.run(home, async () => {
      const result: IssueResult = { links: new Map(), created: 0, commented: 0, deferred: 0, failed: 0 };
      const groups = new Map<string, Finding[]>();
      for (const f of req.findings) {
        const k = issueKey(f, req.repository);
        const g = groups.get(k);
        if (g) g.push(f);
        else groups.set(k, [f]);
      }
      if (!groups.size) return result;
      // Titles and bodies print paths and places: scrub them all in one batch up front.
      warmScrub(req.findings.flatMap((f) => [f.path, f.message]));

      const existing = await this.existing(gh, req.home);
      for (const [key, fs] of groups) {
        const f = fs[0]!;
        const occurrences = dedupeOccurrences(fs.map(req.occurrenceOf));
        let issue = existing.get(key);
        if (!issue && result.created >= req.maxCreates) {
          result.deferred++;
          continue;
        }
        try {
          if (!issue) {
            issue = await createIssue(gh, req.home, {
              title: issueTitle(f, req.ruleMeta(f.ruleId), req.repository, home !== req.repository),
              body: issueBody(f, req.ruleMeta(f.ruleId), occurrences),
              labels: issueLabels(f),
              assignees: req.assignee ? [req.assignee] : [],
            });
            this.remember(home, key, issue);
            existing.set(key, issue);
            result.created++;
            log.info({ issue: issue.number, repository: home, ruleId: f.ruleId, fingerprint: f.fingerprint }, 'opened remediation issue');
          } else if (await this.commentIfNew(gh, req.home, issue, f, occurrences)) {
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
    return this.mutex.run(home, async () => {
      const closed: number[] = [];
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
      for (const issue of await listLabelledIssues(gh, req.home, ISSUE_LABEL)) {
        if (issue.state !== 'open') continue;
        const m = parseMarkers(issue.body);
        const marked = markerPath(m);
        const paths = marked === undefined ? undefined : realPaths.get(marked);
        if (!m.fingerprint || !paths || m.repo !== req.repository || !req.families.has(m.family ?? '')) continue;
        let gone = true;
        for (const p of paths) if (!(gone = await req.isGone(p, m.fingerprint))) break;
        if (!gone) continue;
        await comment(gh, req.home, issue.number, resolvedComment(req.branch, req.sha));
        await closeIssue(gh, req.home, issue.number);
        closed.push(issue.number);
        log.info({ issue: issue.number, repository: home, fingerprint: m.fingerprint }, 'closed resolved remediation issue');
      }
      return closed;
    });
  }

  private remember(home: string, key: string, issue: IssueInfo): void {
    let m = this.created.get(home);
    if (!m) this.created.set(home, (m = new BoundedMap(2000)));
    m.set(key, issue);
  }

  /** Issues by key: GitHub's list, completed with what this process created moments ago. */
  private async existing(gh: GitHubClient, home: RepoRef): Promise<Map<string, IssueInfo>> {
    const byKey = new Map<string, IssueInfo>();
    // Oldest first, open before closed: a reopened duplicate never wins over the original.
    const listed = (await listLabelledIssues(gh, home, ISSUE_LABEL)).sort((a, b) => (a.state === b.state ? a.number - b.number : a.state === 'open' ? -1 : 1));
    for (const issue of listed) {
      const key = keyOfMarkers(parseMarkers(issue.body));
      if (key && !byKey.has(key)) byKey.set(key, issue);
    }
    for (const [key, issue] of this.created.get(fullName(home)) ?? []) if (!byKey.has(key)) byKey.set(key, issue);
    return byKey;
  }

  private async commentIfNew(gh: GitHubClient, home: RepoRef, issue: IssueInfo, f: Finding, occurrences: Occurrence[]): Promise<boolean> {
    const known = new Set(parseMarkers(issue.body).occurrences);
    const mine = this.commented.get(`${fullName(home)}#${issue.number}`) ?? new Set<string>();
    let fresh = occurrences.filter((o) => !known.has(occurrenceId(o)) && !mine.has(occurrenceId(o)));
    if (!fresh.length) return false;
    for (const body of await listCommentBodies(gh, home, issue.number)) for (const id of parseMarkers(body).occurrences) known.add(id);
    fresh = fresh.filter((o) => !known.has(occurrenceId(o)));
    if (!fresh.length) return false;
    await comment(gh, home, issue.number, occurrenceComment(f, fresh, issue.state === 'closed'));
    for (const o of fresh) mine.add(occurrenceId(o));
    this.commented.set(`${fullName(home)}#${issue.number}`, mine);
    return true;
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
