/**
 * The GitHub calls the sweep makes besides those in `../github.ts`: installations and their
 * repositories, a directory listing, reminder issues with their labels, issue edits, and the label that
 * serves as a per-repository lease. Everything is paginated 100 at a time.
 */
import { status, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import type { ExistingIssue, IssuePatch } from './plan.js';

export interface InstallationInfo {
  id: number;
  account: string;
  suspended: boolean;
}

export async function listInstallations(app: GitHubClient): Promise<InstallationInfo[]> {
  const items = await app.paginate(app.rest.apps.listInstallations, { per_page: 100 });
  return items.map((i) => ({ id: i.id, account: (i.account as { login?: string } | null)?.login ?? String(i.id), suspended: !!i.suspended_at }));
}

export interface RepoInfo extends RepoRef {
  defaultBranch: string;
  htmlUrl?: string;
  archived: boolean;
  hasIssues: boolean;
}

export async function listInstallationRepos(gh: GitHubClient): Promise<RepoInfo[]> {
  const items = await gh.paginate(gh.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
  return items.map((r) => ({
    owner: r.owner.login,
    repo: r.name,
    defaultBranch: r.default_branch,
    ...(r.html_url ? { htmlUrl: r.html_url } : {}),
    archived: !!r.archived || !!r.disabled,
    hasIssues: r.has_issues !== false,
  }));
}

export interface DirEntry {
  name: string;
  path: string;
  type: string;
}

/** A directory's entries at `ref`, or undefined when it does not exist. */
export async function listDirectory(gh: GitHubClient, r: RepoRef, path: string, ref: string): Promise<DirEntry[] | undefined> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...r, path, ref });
    if (!Array.isArray(data)) return undefined;
    return data.map((e) => ({ name: e.name, path: e.path, type: e.type }));
  } catch (e) {
    if (status(e) === 404) return undefined;
    throw e;
  }
}

const labelName = (l: string | { name?: string }): string => (typeof l === 'string' ? l : (l.name ?? ''));

/** Open and closed issues with `label`, with what the sweep compares (title, labels, assignees). */
export async function listIssuesWithLabel(gh: GitHubClient, r: RepoRef, label: string): Promise<ExistingIssue[]> {
  const items = await gh.paginate(gh.rest.issues.listForRepo, { ...r, labels: label, state: 'all', per_page: 100 });
  return items
    .filter((i) => !i.pull_request)
    .map((i) => ({
      number: i.number,
      url: i.html_url,
      state: i.state === 'closed' ? ('closed' as const) : ('open' as const),
      title: i.title,
      body: i.body ?? '',
      labels: (i.labels ?? []).map(labelName).filter(Boolean),
      assignees: (i.assignees ?? []).map((a) => a.login),
    }));
}

export async function issueState(gh: GitHubClient, r: RepoRef, number: number): Promise<'open' | 'closed'> {
  const { data } = await gh.rest.issues.get({ ...r, issue_number: number });
  return data.state === 'closed' ? 'closed' : 'open';
}

/**
 * Edit an issue. A new assignee who cannot be assigned (422) must not cost the edit; an older GitHub
 * that does not know `state_reason: duplicate` gets `not_planned`.
 */
export async function updateIssue(gh: GitHubClient, r: RepoRef, number: number, patch: IssuePatch): Promise<void> {
  const send = (p: IssuePatch) => gh.rest.issues.update({ ...r, issue_number: number, ...p });
  try {
    await send(patch);
  } catch (e) {
    if (status(e) !== 422) throw e;
    if (patch.assignees) {
      const { assignees: _drop, ...rest } = patch;
      await send(rest);
    } else if (patch.state_reason === 'duplicate') {
      await send({ ...patch, state_reason: 'not_planned' });
    } else throw e;
  }
}

export interface LabelInfo {
  name: string;
  description: string;
}

/** True when created; false when a label of that name exists (422). */
export async function createLabel(gh: GitHubClient, r: RepoRef, name: string, description: string, color = 'ededed'): Promise<boolean> {
  try {
    await gh.rest.issues.createLabel({ ...r, name, description, color });
    return true;
  } catch (e) {
    if (status(e) === 422) return false;
    throw e;
  }
}

export async function getLabel(gh: GitHubClient, r: RepoRef, name: string): Promise<LabelInfo | undefined> {
  try {
    const { data } = await gh.rest.issues.getLabel({ ...r, name });
    return { name: data.name, description: data.description ?? '' };
  } catch (e) {
    if (status(e) === 404) return undefined;
    throw e;
  }
}

export async function deleteLabel(gh: GitHubClient, r: RepoRef, name: string): Promise<void> {
  try {
    await gh.rest.issues.deleteLabel({ ...r, name });
  } catch (e) {
    if (status(e) !== 404) throw e;
  }
}
