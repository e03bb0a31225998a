/**
 * The backfill's walk of a default branch's history (policy `backfill.history`, off by default): the
 * branch's commits listed through the API, newest first, up to `backfill.max_commits`, each read with its
 * patches and judged as `scan --history` judges a clone (src/change/history.ts): the lines it added by
 * the secrets rules, in the sandbox, each secret once at its first commit; the lines it removed say which
 * commit deleted a secret.
 *
 * Fail closed. A file GitHub gives no patch for (a large diff) is listed as not judged. The walk stops
 * when a read fails (a rate limit longer than the App waits, an outage) or when the job's budget runs low
 * — time is kept for the remediation issues and the record — and the commits not read are listed as not
 * judged, so the job is never reported clean for history it did not read. Commits past `max_commits` are
 * the policy's choice: listed as skipped, which `settings.incomplete_scan` weighs.
 */
import { HistoryWalk, type CommitFile, type Sighting } from '../../change/history.js';
import type { AddedLine } from '../../engine/diff.js';
import { parsePatch } from '../../engine/diff.js';
import { mergeResults } from '../../engine/structural.js';
import { ignoredBy, type ScanResult, type SourceFile } from '../../engine/scan.js';
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import { describeError, errorFields } from '../errors.js';
import { fullName, getCommitDiff, listCommits, UnreadableAnswer, type CommitDiff, type CommitListing, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import { remainingMs, Superseded } from '../pipeline/budget.js';
import { boxedScan, type Box } from '../pipeline/boxed.js';
import type { Logger } from '../pipeline/types.js';

/** Sources judged per sandbox call: memory stays bounded by a batch, not by the history. */
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_COMMITS = 100;

export interface HistoryRequest {
  gh: GitHubClient;
  log: Logger;
  repo: RepoRef;
  branch: string;
  /** The head the tree was judged at: its history is walked. */
  head: string;
  policy: ResolvedPolicy;
  box: Box;
  maxCommits: number;
  /** Commits read at once. */
  concurrency: number;
  /** Stop walking when less than this is left of the job's budget (the issues and the record need it). */
  reserveMs: number;
}

export interface HistoryRead {
  listed: number;
  read: number;
  /** The branch has older commits than `maxCommits`. */
  beyondLimit: boolean;
  /** The walk stopped before the end: commits listed but not read (null: the listing failed), from which, why. */
  notRead: { commits: number | null; from: string | null; reason: string } | null;
  /** One finding per secret (its first commit), and what was not judged (`skipped`). */
  result: ScanResult;
  sightings: Sighting[];
}

const empty = (): ScanResult => ({ findings: [], excepted: [], expired: [], suppressed: 0, baselined: 0, skipped: [], stats: { files: 0, bytes: 0 } });

/** A commit's files as the shared walk takes them; what GitHub did not give a patch for is noted there. */
function commitFiles(c: CommitDiff, walk: HistoryWalk): CommitFile[] {
  const short = c.sha.slice(0, 12);
  if (c.truncated) {
    walk.skip({ path: `(commit ${short}: files past 3000)`, reason: 'unreadable', detail: `GitHub lists 3000 files of one commit: the rest of commit ${short} was not judged` }, `truncated:${c.sha}`);
  }
  const out: CommitFile[] = [];
  for (const f of c.files) {
    const gone = f.status === 'removed';
    const newPath = gone ? null : f.path;
    const oldPath = f.status === 'added' ? null : (f.previousPath ?? f.path);
    if (f.patch === undefined) {
      // A deleted file's lines only say where a secret went; a rename without changes adds nothing.
      if (gone || f.status === 'renamed' || f.status === 'unchanged') continue;
      if (f.changes === 0) out.push({ newPath, oldPath, binary: true, added: [] });
      else
        walk.skip(
          { path: f.path, reason: 'patch-missing', detail: `GitHub gave no diff of this file in commit ${short} (too large): the lines it added there were not judged` },
          `patch:${c.sha}:${f.path}`,
        );
      continue;
    }
    const removed: AddedLine[] = [];
    const added = parsePatch(f.patch, removed);
    out.push({ newPath, oldPath, binary: false, added, removed });
  }
  return out;
}

export async function readHistory(q: HistoryRequest): Promise<HistoryRead> {
  const { gh, log, repo, policy, box } = q;
  const repository = fullName(repo);
  const walk = new HistoryWalk({ isIgnored: ignoredBy(policy), maxBytes: policy.settings.maxFileBytes });
  const stopped = (commits: number | null, from: string | null, reason: string): void => {
    const what = commits === null ? `the history of ${q.branch}` : `${commits} commit(s) of ${q.branch}'s history`;
    const detail = from ? `${what} from ${from.slice(0, 12)} back were not read: ${reason}` : `${what} could not be listed: ${reason}`;
    walk.skip({ path: `(history: ${commits ?? 'the'} commits not read)`, reason: 'unreadable', detail }, 'not-read');
  };

  let listing: CommitListing;
  try {
    listing = await listCommits(gh, repo, q.head, q.maxCommits);
  } catch (e) {
    if (e instanceof Superseded) throw e;
    const reason = describeError(e);
    log.warn({ repository, err: errorFields(e) }, 'backfill: the history could not be listed');
    stopped(null, null, reason);
    return { listed: 0, read: 0, beyondLimit: false, notRead: { commits: null, from: null, reason }, result: { ...empty(), skipped: walk.skipped() }, sightings: [] };
  }
  const shas = listing.shas;
  if (listing.more) {
    walk.skip(
      { path: '(history past backfill.max_commits)', reason: 'too-large', detail: `commits older than the ${shas.length} newest of ${q.branch} were not read (backfill.max_commits)` },
      'beyond',
    );
  }

  let merged = empty();
  let batch: SourceFile[] = [];
  let bytes = 0;
  let commits = 0;
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const r = await boxedScan(box, { policy, files: batch.map((source) => ({ source, secretsOnly: true })), skipped: [] });
    merged = mergeResults(merged, r);
    batch = [];
    bytes = commits = 0;
  };

  let read = 0;
  let notRead: HistoryRead['notRead'] = null;
  let i = 0;
  walking: while (i < shas.length) {
    if (remainingMs() < q.reserveMs) {
      notRead = { commits: shas.length - i, from: shas[i]!, reason: "the backfill's time budget ran low (the rest is kept for the issues and the record)" };
      break;
    }
    const window = shas.slice(i, i + Math.max(1, q.concurrency));
    const got = await Promise.allSettled(window.map((sha) => getCommitDiff(gh, repo, sha)));
    for (const [k, g] of got.entries()) {
      const sha = window[k]!;
      if (g.status === 'rejected') {
        const e: unknown = g.reason;
        if (e instanceof Superseded) throw e;
        if (e instanceof UnreadableAnswer) {
          // This commit's answer cannot be read, the next ones may: it alone is not judged.
          walk.skip({ path: `(commit ${sha.slice(0, 12)})`, reason: 'unreadable', detail: describeError(e) }, `commit:${sha}`);
          i++;
          continue;
        }
        // A rate limit, an outage, the budget: what was read is kept, the rest listed as not read.
        notRead = { commits: shas.length - i, from: sha, reason: describeError(e) };
        log.warn({ repository, read, notRead: notRead.commits, err: errorFields(e) }, 'backfill: the history walk stopped');
        break walking;
      }
      // Positions are chronological: the listing is newest first.
      for (const source of walk.sources({ id: g.value.sha, date: g.value.date }, commitFiles(g.value, walk), shas.length - 1 - i)) {
        batch.push(source);
        bytes += source.text.length;
      }
      read++;
      commits++;
      i++;
    }
    if (bytes >= BATCH_BYTES || commits >= BATCH_COMMITS) await flush();
  }
  await flush();
  if (notRead) stopped(notRead.commits, notRead.from, notRead.reason);

  const { result, sightings } = walk.firstSightings(merged);
  result.skipped.push(...walk.skipped());
  // The history's sources are not files of the tree: the tree's counts stay the tree's.
  result.stats = { files: 0, bytes: 0 };
  return { listed: shas.length, read, beyondLimit: listing.more, notRead, result, sightings };
}
