/**
 * Secrets in a branch's history — one procedure for the CLI (`scan --history`: a streamed `git log -p`,
 * one Scanner in process) and the App's backfill (the commits API, the sandbox), which differ only in how
 * commits are read and where their lines are scanned.
 *
 * The lines each commit added are judged by the secrets rules, and each secret is reported once: at the
 * first commit that added it, with every path it was added at. Where the reader also gives the lines a
 * commit removed (the App's patches), the last commit that removed a secret is known: "deleted in X".
 *
 * Findings carry their commit in their line numbers while they are scanned: line `tag * LINE_SPAN +
 * line`, tag = 2 × the commit's position, + 1 for removed lines (the secrets rules never read line
 * numbers; fingerprints of secrets do not hold them). Positions are chronological, lower is older,
 * whatever order the commits are read in. One scanner for many commits: building one per commit costs
 * ~10 ms.
 */
import { addedLinesSource, type AddedLine, type DiffFile } from '../engine/diff.js';
import type { Skipped } from '../engine/decode.js';
import type { Finding } from '../engine/finding.js';
import type { ScanResult, SourceFile } from '../engine/scan.js';

export const LINE_SPAN = 2 ** 26;

export interface HistoryCommit {
  id: string;
  /** Author date, ISO 8601. */
  date: string;
  author?: string;
}

/** One file of a commit's diff: the parsed unified diff's shape, plus removed lines when the reader has them. */
export type CommitFile = Pick<DiffFile, 'oldPath' | 'newPath' | 'binary' | 'added'> & { removed?: AddedLine[] };

/** One secret as history has it. */
export interface Sighting {
  /** `secretKey` of the finding. */
  key: string;
  /** The finding at the first commit that added it (real line numbers). */
  finding: Finding;
  commit: HistoryCommit;
  /** Every path it was added at, in the order they were added at. */
  paths: string[];
  /** How many commits added it (a secret copied around or re-added after a removal). */
  commits: number;
  /** The last commit whose removed lines held it, when that is after its last addition. */
  removedIn?: HistoryCommit;
}

export interface HistoryFindings {
  /** One finding per secret (its first commit); exceptions and expiries that cover it kept with it. */
  result: ScanResult;
  sightings: Sighting[];
}

/** The key a secret is reported once under: the secret itself, else the finding's own fingerprint. */
export const secretKey = (f: Finding): string => f.secretHash ?? f.fingerprint;

export interface HistoryOptions {
  /** The policy's ignore globs (`Scanner.isIgnored`, `ignoredBy(policy)`). */
  isIgnored(path: string): boolean;
  /** `settings.max_file_size`, for the lines one commit added to one file. */
  maxBytes: number;
}

export class HistoryWalk {
  private readonly commits = new Map<number, HistoryCommit>();
  private readonly skippedOnce = new Map<string, Skipped>();
  private next = 0;

  constructor(private readonly o: HistoryOptions) {}

  /** Commits given to `sources`. */
  get count(): number {
    return this.commits.size;
  }

  /**
   * A commit's files → the sources to scan with the secrets rules: the lines it added (and removed, when
   * given), numbered with the commit. `at`: its chronological position (default: after the last one).
   * What is left out (binary, too large) is noted once per path (`skipped`).
   */
  sources(commit: HistoryCommit, files: Iterable<CommitFile>, at = this.next): SourceFile[] {
    this.commits.set(at, commit);
    this.next = Math.max(this.next, at + 1);
    const short = commit.id.slice(0, 12);
    const out: SourceFile[] = [];
    for (const f of files) {
      const path = f.newPath;
      if (path !== null && !this.o.isIgnored(path)) {
        if (f.binary) this.skip({ path, reason: 'binary', detail: `binary content in history (first in commit ${short})` });
        else if (f.added.length) {
          const s = this.source(path, f.added, 2 * at);
          if (s) out.push(s);
          else this.skip({ path, reason: 'too-large', detail: `lines added by commit ${short} exceed ${this.o.maxBytes} bytes (settings.max_file_size)` });
        }
      }
      // Removed lines only say where a secret went: too many of them costs that knowledge, not a judgement.
      const old = f.oldPath ?? path;
      if (f.removed?.length && old !== null && !this.o.isIgnored(old)) {
        const s = this.source(old, f.removed, 2 * at + 1);
        if (s) out.push(s);
      }
    }
    return out;
  }

  private source(path: string, lines: AddedLine[], tag: number): SourceFile | undefined {
    const source = addedLinesSource(path, lines);
    if (source.text.length > this.o.maxBytes) return undefined;
    source.lineNumbers = lines.map((a) => tag * LINE_SPAN + a.line);
    return source;
  }

  /** Note what was not scanned, once per `key` (default: path and reason). */
  skip(s: Skipped, key = `${s.path}\0${s.reason}`): void {
    if (!this.skippedOnce.has(key)) this.skippedOnce.set(key, s);
  }

  skipped(): Skipped[] {
    return [...this.skippedOnce.values()];
  }

  /** The scan of every source (one result, or several merged) → one finding per secret, where it came from. */
  firstSightings(raw: ScanResult): HistoryFindings {
    // Back to real line numbers, remembering each finding's tag (an object may be listed twice: once each).
    const tagOf = new Map<Finding, number>();
    const restore = (f: Finding): void => {
      if (tagOf.has(f)) return;
      tagOf.set(f, Math.floor(f.startLine / LINE_SPAN));
      f.startLine %= LINE_SPAN;
      f.endLine %= LINE_SPAN;
    };
    raw.findings.forEach(restore);
    raw.excepted.forEach((e) => restore(e.finding));
    raw.expired.forEach((e) => restore(e.finding));
    const at = (f: Finding): number => tagOf.get(f)! >> 1;
    const isRemoval = (f: Finding): boolean => (tagOf.get(f)! & 1) === 1;

    const all = [...raw.findings, ...raw.excepted.map((e) => e.finding)];
    const added = all.filter((f) => !isRemoval(f)).sort((a, b) => at(a) - at(b));
    const first = new Map<string, Finding>();
    const seen = new Map<string, { paths: string[]; commits: Set<number> }>();
    for (const f of added) {
      const key = secretKey(f);
      const s = seen.get(key) ?? seen.set(key, { paths: [], commits: new Set() }).get(key)!;
      s.commits.add(at(f));
      if (!s.paths.includes(f.path)) s.paths.push(f.path);
      if (!first.has(key)) first.set(key, f);
    }
    const lastRemoved = new Map<string, number>();
    for (const f of all) {
      if (!isRemoval(f)) continue;
      const key = secretKey(f);
      lastRemoved.set(key, Math.max(lastRemoved.get(key) ?? -1, at(f)));
    }

    const sightings: Sighting[] = [];
    for (const [key, f] of first) {
      const s = seen.get(key)!;
      const removed = lastRemoved.get(key);
      const sighting: Sighting = { key, finding: f, commit: this.commits.get(at(f))!, paths: s.paths, commits: s.commits.size };
      if (removed !== undefined && removed > Math.max(...s.commits)) sighting.removedIn = this.commits.get(removed)!;
      sightings.push(sighting);
    }
    const kept = new Set(first.values());
    return {
      result: {
        ...raw,
        findings: raw.findings.filter((f) => kept.has(f)),
        excepted: raw.excepted.filter((e) => kept.has(e.finding)),
        expired: raw.expired.filter((e) => kept.has(e.finding)),
      },
      sightings,
    };
  }
}
