/** The org's repositories, as `GET /orgs/{org}/repos` lists them (a user account: `GET /users/{user}/repos`). */
import type { GitHubClient } from '../app/github/octokit.js';
import { status } from '../app/github/api.js';
import type { OrgRepo, SkippedRepo } from './types.js';

interface ApiRepo {
  name: string;
  full_name: string;
  default_branch?: string;
  archived?: boolean;
  fork?: boolean;
  private?: boolean;
  html_url?: string;
}

const toRepo = (r: ApiRepo): OrgRepo => ({
  name: r.name,
  fullName: r.full_name,
  defaultBranch: r.default_branch ?? 'main',
  archived: r.archived === true,
  fork: r.fork === true,
  private: r.private === true,
  ...(r.html_url ? { htmlUrl: r.html_url } : {}),
});

export async function listOrgRepos(gh: GitHubClient, org: string): Promise<OrgRepo[]> {
  let list: ApiRepo[];
  try {
    list = (await gh.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 })) as ApiRepo[];
  } catch (e) {
    if (status(e) !== 404) throw e;
    // Not an organisation: a user account's repositories.
    list = (await gh.paginate('GET /users/{username}/repos', { username: org, type: 'owner', per_page: 100 })) as ApiRepo[];
  }
  if (!Array.isArray(list)) throw new Error(`GitHub's list of ${org}'s repositories could not be read`);
  // Sorted, so that runs (and resumed runs) go in one order and reports compare line by line.
  return list.map(toRepo).sort((a, b) => a.name.localeCompare(b.name));
}

export interface Selection {
  includeArchived: boolean;
  includeForks: boolean;
  /** `--repos a,b`: only these names (any case); null for all. */
  only: readonly string[] | null;
}

export function selectRepos(all: readonly OrgRepo[], s: Selection): { selected: OrgRepo[]; skipped: SkippedRepo[]; unknown: string[] } {
  const only = s.only ? new Set(s.only.map((n) => n.toLowerCase())) : null;
  const selected: OrgRepo[] = [];
  const skipped: SkippedRepo[] = [];
  for (const r of all) {
    const named = only?.has(r.name.toLowerCase()) ?? false;
    if (only && !named) skipped.push({ repository: r.fullName, reason: 'not-selected' });
    // A repository named in --repos is scanned even when archived or a fork: the user asked for it.
    else if (r.archived && !s.includeArchived && !named) skipped.push({ repository: r.fullName, reason: 'archived' });
    else if (r.fork && !s.includeForks && !named) skipped.push({ repository: r.fullName, reason: 'fork' });
    else selected.push(r);
  }
  const known = new Set(all.map((r) => r.name.toLowerCase()));
  const unknown = (s.only ?? []).filter((n) => !known.has(n.toLowerCase()));
  return { selected, skipped, unknown };
}
