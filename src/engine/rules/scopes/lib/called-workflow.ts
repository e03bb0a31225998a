/**
 * What a reusable-workflow call (`jobs.<id>.uses: ./.github/workflows/x.yml`) does with a scope the
 * caller grants. GitHub: the called workflow's `GITHUB_TOKEN` gets the caller's permissions, or fewer —
 * its own `permissions:` (top level, or per job) apply and can only narrow them. So a called workflow
 * that declares `contents: read` never holds `contents: write`, whatever the caller grants.
 *
 * A local call (same repository) is read through `RuleContext.repo` when the scan has the file; a call
 * into another repository, or a file the scan does not have, is unknown (`maybe`).
 */
import type { RepoView } from '../../../rule.js';
import { jobNeeds } from './needs.js';
import { accessOf, loadWorkflow, type Job, type Workflow } from './workflow.js';

export interface CallReach {
  /** `no`: the called workflow narrows the scope below `write` in every job; `maybe`: not known. */
  reach: 'yes' | 'no' | 'maybe';
  /** Where `reach` is `yes`: whether a called job writes with the scope (`write`), may (`unknown`), or not (`none`). */
  needs: 'write' | 'unknown' | 'none';
  /** The called file's path, when it was read. */
  path?: string;
  /** Why a called job needs it (`reach` yes, `needs` write). */
  because: string[];
}

/**
 * The repository path of a local reusable workflow `./.github/workflows/x.yml` (or `$/.github/workflows/x.yml`,
 * the self-repository form: this repository at the running commit), relative to the caller's root.
 */
export function localCallPath(callerPath: string, uses: string): string | undefined {
  const u = uses.trim().replace(/@.*$/, '');
  if (!u.startsWith('./') && !u.startsWith('$/')) return undefined;
  const i = callerPath.search(/(?:^|\/)\.github\/workflows\/[^/]+$/);
  const root = i <= 0 ? '' : callerPath.slice(0, i + 1);
  return root + u.slice(2).replace(/^\/+/, '');
}

/** What the job `job` (a reusable-workflow call in the workflow at `callerPath`) does with `scope: write`. */
export function callReach(repo: RepoView | undefined, callerPath: string, job: Job, scope: string, seen: ReadonlySet<string> = new Set()): CallReach {
  const maybe: CallReach = { reach: 'maybe', needs: 'unknown', because: [] };
  if (!job.uses || !repo) return maybe;
  const path = localCallPath(callerPath, job.uses);
  if (!path || seen.has(path) || seen.size > 4) return maybe;
  const text = repo.read(path);
  if (text === undefined) return maybe;
  let called: Workflow | undefined;
  try {
    called = loadWorkflow({ path, text });
  } catch {
    return { ...maybe, path };
  }
  if (!called) return { ...maybe, path };
  // The called workflow's top level narrows every job that does not set its own (a job's own can only
  // narrow further: the caller's grant is the ceiling either way).
  let reach: CallReach['reach'] = 'no';
  let needs: CallReach['needs'] = 'none';
  const because: string[] = [];
  const next = new Set(seen).add(path);
  for (const j of called.jobs) {
    const decl = j.permissions ?? called.permissions;
    if (decl && accessOf(decl, scope) !== 'write') continue;
    if (j.uses) {
      const inner = callReach(repo, path, j, scope, next);
      if (inner.reach === 'no') continue;
      if (inner.reach === 'maybe' && reach === 'no') reach = 'maybe';
      if (inner.reach === 'yes') reach = 'yes';
      if (inner.needs === 'write') {
        needs = 'write';
        because.push(...inner.because);
      } else if (inner.needs === 'unknown' && needs === 'none') needs = 'unknown';
      continue;
    }
    reach = 'yes';
    const n = jobNeeds(called, j);
    const g = n.grants.get(scope);
    if (g?.access === 'write') {
      needs = 'write';
      because.push(...g.because);
    } else if (n.unknown.length && needs === 'none') needs = 'unknown';
  }
  if (reach === 'maybe') needs = 'unknown';
  return { reach, needs, path, because: [...new Set(because)] };
}
