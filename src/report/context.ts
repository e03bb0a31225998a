/** What every renderer gets besides the scan result. */
import type { Rule } from '../engine/rule.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';

/** Where a secret found by `scan --history` first appeared, and whether HEAD still holds it. */
export interface Origin {
  /** Full commit id of the first commit that added it. */
  commit: string;
  /** The commit's author date, ISO 8601. */
  date: string;
  author: string;
  /** The path it was added at first. */
  path: string;
  /** Every path it was added at, over the history scanned (first one first). */
  paths: string[];
  /** How many commits added it (a secret copied around or re-added after a removal). */
  commits: number;
  /** Still in one of those files at HEAD. Either way it was published: only revoking it ends the leak. */
  presentAtHead: boolean;
}

export interface HistoryInfo {
  /** The range given to `--history` (default HEAD: everything reachable from it). */
  range: string;
  commits: number;
}

export interface ReportContext {
  policy: ResolvedPolicy;
  /** Version of the tool that produced the report. */
  toolVersion: string;
  /** The rules the scanner was given; renderers describe those the policy did not turn off. */
  rules: readonly Rule[];
  /** Where the baseline came from, when one was applied. */
  baselineSource?: string;
  /** What was scanned: files (default), a change (`--diff`), the index (`--staged`), or history. */
  mode?: 'tree' | 'diff' | 'staged' | 'history';
  /** `--history`: the range and how many commits were read. */
  history?: HistoryInfo;
  /** `--history`: each reported finding's origin, by fingerprint. */
  origins?: ReadonlyMap<string, Origin>;
  /** A tree scan: what was left out on purpose (not read), listed in every format, not only the text. */
  leftOut?: readonly LeftOut[];
  /**
   * What a change's judgement read less of than it could (e.g. a cross-file search cut short), said in
   * every format. What it could not judge at all is a skipped file, not a note.
   */
  notes?: readonly string[];
}

/** A file or folder a tree scan left out on purpose, why, and what decided it (a glob, a setting). */
export interface LeftOut {
  path: string;
  folder: boolean;
  /** `policy-ignore`, `git-ignored`, `built-in` (node_modules/, .git/), `symlink`, `not-a-file`. */
  reason: string;
  detail: string | null;
}

export const TOOL_NAME = 'tokenwarden';

/** One line on a finding found in history, for every report format. */
export function originNote(o: Origin): string {
  const where = `first added in commit ${o.commit.slice(0, 12)} (${o.date.slice(0, 10)}, ${o.author}) at ${o.path}${o.commits > 1 ? `; added ${o.commits} times` : ''}`;
  return o.presentAtHead ? `${where}; still present at HEAD: revoke it, then remove it` : `${where}; no longer at HEAD, but still in the history: a leak until it is revoked`;
}

/** Left-out entries sorted by path, paths scrubbed (a file name can hold a token), for JSON and SARIF. */
export const leftOutList = (list: readonly LeftOut[], scrub: (s: string) => string): LeftOut[] =>
  [...list]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((e) => ({ path: scrub(e.path), folder: e.folder, reason: e.reason, detail: e.detail === null ? null : scrub(e.detail) }));
