/**
 * What changed: the files of a pull request, or of a push to the default branch. GitHub caps both
 * listings (3000 files per PR, 300 per comparison); whatever lies beyond a cap is reported as not
 * scanned rather than ignored.
 */
import type { Skipped } from '../../engine/decode.js';
import { compare, listPullFiles, listTree, status, type ChangedFile, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';

export const PR_FILES_CAP = 3000;
export const COMPARE_FILES_CAP = 300;
export const ZERO_SHA = '0000000000000000000000000000000000000000';

export interface ChangeSet {
  files: ChangedFile[];
  /** Stand-ins for files GitHub did not list, so the report and the verdict account for them. */
  unlisted: Skipped[];
  /** How the change was read, for the summary. */
  notes: string[];
}

export async function pullRequestChanges(gh: GitHubClient, r: RepoRef, number: number, changedFiles?: number): Promise<ChangeSet> {
  const { files, unreadable } = await listPullFiles(gh, r, number);
  const unlisted: Skipped[] = unreadable.map((path) => ({
    path: `(${path})`,
    reason: 'unreadable',
    detail: "GitHub's answer listing it could not be read (a patch too large to parse?); scan the change with the CLI",
  }));
  const missing = (changedFiles ?? 0) - files.length - unreadable.length;
  if (missing > 0 || files.length >= PR_FILES_CAP) {
    unlisted.push({
      path: `(${missing > 0 ? missing : 'further'} files beyond the first ${files.length})`,
      reason: 'unreadable',
      detail: `GitHub lists at most ${PR_FILES_CAP} files of a pull request; split it, or scan it with the CLI`,
    });
  }
  return { files, unlisted, notes: [] };
}

export interface PushRange {
  before: string;
  after: string;
  /** The pushed ref was created by this push (no `before`). */
  created: boolean;
  forced: boolean;
}

/** Files a new branch brings: its whole tree, up to `maxFiles`. */
async function treeChanges(gh: GitHubClient, r: RepoRef, sha: string, maxFiles: number, note: string): Promise<ChangeSet> {
  const tree = await listTree(gh, r, sha);
  const files: ChangedFile[] = tree.files.slice(0, maxFiles).map((f) => ({ path: f.path, status: 'added', sha: f.sha, changes: 0 }));
  const unlisted: Skipped[] = [];
  const beyond = tree.files.length - files.length;
  if (beyond > 0) unlisted.push({ path: `(${beyond} more files)`, reason: 'unreadable', detail: `a new branch is scanned up to ${maxFiles} files; scan the rest with the CLI` });
  if (tree.truncated) unlisted.push({ path: '(tree truncated)', reason: 'unreadable', detail: 'GitHub truncated the tree listing of this commit' });
  return { files, unlisted, notes: [note] };
}

export async function pushChanges(gh: GitHubClient, r: RepoRef, p: PushRange, maxTreeFiles: number): Promise<ChangeSet> {
  if (p.created || p.before === ZERO_SHA) {
    return treeChanges(gh, r, p.after, maxTreeFiles, 'The branch was created by this push: every file of its head commit was scanned.');
  }
  let cmp;
  try {
    cmp = await compare(gh, r, p.before, p.after);
  } catch (e) {
    // A force push can leave `before` unreachable; the head tree is then the only honest scope.
    if (status(e) !== 404 || !p.forced) throw e;
    return treeChanges(gh, r, p.after, maxTreeFiles, `The previous head ${p.before.slice(0, 7)} is gone after a force push: every file of the new head was scanned.`);
  }
  const notes: string[] = [];
  if (p.forced) notes.push(`Force push: scanned what ${p.after.slice(0, 7)} changed since its merge base with ${p.before.slice(0, 7)}.`);
  const unlisted: Skipped[] = [];
  if (cmp.files.length >= COMPARE_FILES_CAP) {
    unlisted.push({
      path: `(files beyond the first ${COMPARE_FILES_CAP})`,
      reason: 'unreadable',
      detail: `GitHub's compare API lists at most ${COMPARE_FILES_CAP} files; scan the range with the CLI`,
    });
  }
  return { files: cmp.files, unlisted, notes };
}
