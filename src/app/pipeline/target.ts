/** What one evaluation judges: a pull request, or a push to the default branch. */
import type { RepoRef } from '../github/api.js';
import type { PushRange } from './changes.js';

export interface PullTarget {
  number: number;
  baseRef: string;
  /** The base branch's commit: the "before" of structural rules (falls back to `baseRef`). */
  baseSha?: string;
  author?: string;
  authorIsBot: boolean;
  changedFiles?: number;
}

export interface PushTarget extends PushRange {
  branch: string;
  pusher?: string;
}

export interface Target {
  repo: RepoRef;
  /** The commit the check run is attached to. */
  headSha: string;
  /** Where the policy is read from: the base branch of a PR, the pre-push head of a push. */
  policyRef: string;
  defaultBranch: string;
  /** e.g. https://github.com/acme/api, for links in summaries and issues. */
  htmlUrl?: string;
  pr?: PullTarget;
  push?: PushTarget;
  /** The App installation the event came from: the sandbox shares its workers fairly between them. */
  installation?: number;
}

export const subjectOf = (t: Target): string => (t.pr ? `pull request #${t.pr.number}` : `push to \`${t.push?.branch ?? t.defaultBranch}\``);
export const contextKeyOf = (t: Target): string => (t.pr ? `pr:${t.pr.number}` : `push:${t.push?.branch ?? t.defaultBranch}`);
export const authorOf = (t: Target): string | undefined => (t.pr ? (t.pr.authorIsBot ? undefined : t.pr.author) : t.push?.pusher);
