/**
 * The change stage: what changed (a pull request's files, or a push's range) → the added lines and the
 * files GitHub sent no patch for → structural files read whole at head and base → the engine, in the
 * sandbox → the names the change adds. Even past the budget, what was read is judged: a file that could
 * not be fetched in time is listed as not judged, and a leak in another file is still reported.
 */
import { ignoredBy, type ScanResult } from '../../engine/scan.js';
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import { fileNameFindings } from '../../report/scrub.js';
import { fullName } from '../github/api.js';
import { pullRequestChanges, pushChanges, ZERO_SHA, type ChangeSet } from './changes.js';
import { gatherSources, type Gathered } from './sources.js';
import { MAX_STRUCTURAL_FILES, mergeResults, scanStructural, structuralApplies } from './structural.js';
import { boxedScan, boxedStructural } from './boxed.js';
import type { Target } from './target.js';
import type { Evaluation } from './types.js';

export interface JudgedChange {
  changes: ChangeSet;
  gathered: Gathered;
  result: ScanResult;
}

/** Where the "before" of a change is read: the PR's base, or what the branch held before a push. */
export function baseRefOf(target: Target): string | undefined {
  if (target.pr) return target.pr.baseSha ?? target.pr.baseRef;
  const p = target.push;
  return p && !p.created && p.before !== ZERO_SHA ? p.before : undefined;
}

export async function judgeChange(ev: Evaluation, policy: ResolvedPolicy): Promise<JudgedChange> {
  const { gh, log, deps, target, box } = ev;
  const { repo } = target;
  const changes: ChangeSet = target.pr ? await pullRequestChanges(gh, repo, target.pr.number, target.pr.changedFiles) : await pushChanges(gh, repo, target.push!, deps.limits.maxTreeFiles);

  const isIgnored = ignoredBy(policy);
  const gathered = await gatherSources(gh, repo, changes.files, {
    isIgnored,
    maxFileBytes: policy.settings.maxFileBytes,
    concurrency: deps.limits.concurrency,
  });
  // Files a structural rule applies to are judged whole, head against base; their added lines go to
  // the secrets rules only. Files GitHub sent no patch for were fetched whole already.
  const candidates = changes.files.filter((f) => f.status !== 'removed' && f.patch !== undefined && f.sha !== undefined && !isIgnored(f.path) && structuralApplies(deps.rules, f.path, f.patch));
  const structuralFiles = candidates.slice(0, MAX_STRUCTURAL_FILES);
  if (candidates.length > structuralFiles.length) {
    changes.notes.push(`Structural (scope and rotation) rules judged the first ${MAX_STRUCTURAL_FILES} of ${candidates.length} such files whole; the rest only by their added lines.`);
  }
  const structuralPaths = new Set(structuralFiles.map((f) => f.path));
  const structural = structuralFiles.length
    ? await scanStructural({
        gh,
        repo,
        headSha: target.headSha,
        baseRef: baseRefOf(target),
        files: structuralFiles,
        judge: (head, base) => boxedStructural(box, policy, head, base),
        maxFileBytes: policy.settings.maxFileBytes,
        concurrency: deps.limits.concurrency,
        isIgnored,
      })
    : undefined;
  if (structural) log.info({ repository: fullName(repo), files: structuralFiles.length, requests: structural.requests }, 'structural files read whole at head and base');
  let result = await boxedScan(box, {
    policy,
    files: gathered.sources.map((source) => ({ source, secretsOnly: structuralPaths.has(source.path) })),
    skipped: [...changes.unlisted, ...gathered.skipped, ...(structural?.skipped ?? [])],
  });
  if (structural) {
    result = mergeResults(result, structural.result);
    changes.notes.push(...structural.notes);
  }
  // A token in a file name is published like file content: the names this change adds count too.
  const named = changes.files.filter((f) => f.status === 'added' || f.status === 'renamed' || f.status === 'copied').map((f) => f.path);
  if (named.length)
    result = mergeResults(
      result,
      fileNameFindings(
        named.filter((p) => !isIgnored(p)),
        { policy, rules: deps.rules, today: ev.today },
      ),
    );
  return { changes, gathered, result };
}
