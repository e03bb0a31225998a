/**
 * What rotation rules need around the file they check: the whole text behind a diff excerpt, the
 * repository's inventory and workflows (through `ctx.repo`), and the secrets those workflows use.
 */
import type { FileView, RepoView } from '../../../rule.js';
import { INVENTORY_PATHS, isWorkflowFile, parseInventory, referencedSecrets, type ParsedInventory, type SecretReferences } from '../../../inventory/index.js';

export interface WholeFile {
  text: string;
  /** The line of the view for a real line of `text`, or `undefined` when the view does not hold it. */
  viewLine(real: number): number | undefined;
}

/**
 * The whole text of the file a rule checks: the view itself, or — for a diff excerpt — the file as
 * `ctx.repo` has it (findings map back onto the added lines only). `undefined` when only an excerpt
 * is known.
 */
export function wholeFile(file: FileView, repo: RepoView | undefined): WholeFile | undefined {
  if (!file.lineNumbers) return { text: file.text, viewLine: (l) => l };
  const text = repo?.read(file.path);
  if (text === undefined) return undefined;
  const index = new Map<number, number>();
  file.lineNumbers.forEach((real, i) => index.set(real, i + 1));
  return { text, viewLine: (l) => index.get(l) };
}

/**
 * Whether view lines `start..end` are whole in the view: always for a whole file; for a diff excerpt,
 * when they are consecutive added lines (a construct added whole can be judged on its own).
 */
export function addedWhole(file: FileView, start: number, end: number): boolean {
  const ln = file.lineNumbers;
  if (!ln) return true;
  const a = ln[start - 1];
  const b = ln[end - 1];
  return a !== undefined && b !== undefined && b - a === end - start;
}

/** The repository root a path lives under (`''`, or `sub/` for `sub/.github/…`). */
export function repoPrefix(path: string): string {
  const i = path.search(/(?:^|\/)\.github\//);
  return i <= 0 ? '' : path.slice(0, i + 1);
}

/**
 * The token inventory of the repository `prefix` names, parsed, or `undefined` when there is none.
 * Throws `LimitExceeded` when it exceeds a parser limit: what depends on it cannot be judged.
 */
export function findInventory(repo: RepoView | undefined, prefix: string): ParsedInventory | undefined {
  if (!repo) return undefined;
  for (const p of INVENTORY_PATHS) {
    const text = repo.read(prefix + p);
    if (text === undefined) continue;
    const inv = parseInventory(prefix + p, text);
    if (inv.limit) throw inv.limit;
    return inv;
  }
  return undefined;
}

/** Workflow paths of the repository `prefix` names. */
export function workflowPaths(repo: RepoView | undefined, prefix: string): string[] {
  return (repo?.paths() ?? []).filter((p) => isWorkflowFile(p) && p.startsWith(prefix) && p.slice(prefix.length).startsWith('.github/workflows/'));
}

const refsCache = new WeakMap<RepoView, Map<string, SecretReferences>>();

/**
 * The secrets every workflow of the repository uses (computed once per scan and repository). Throws
 * `LimitExceeded` when a workflow exceeds a parser limit (it may use any secret) — only when that
 * workflow is `only`, if given (a rule judging one workflow's own references).
 */
export function repoReferences(repo: RepoView, prefix: string, only?: string): SecretReferences {
  let byPrefix = refsCache.get(repo);
  if (!byPrefix) refsCache.set(repo, (byPrefix = new Map<string, SecretReferences>()));
  let refs = byPrefix.get(prefix);
  if (!refs) {
    const files = workflowPaths(repo, prefix).flatMap((path) => {
      const text = repo.read(path);
      return text === undefined ? [] : [{ path, text }];
    });
    byPrefix.set(prefix, (refs = referencedSecrets(files)));
  }
  const unread = refs.notJudged?.find((n) => only === undefined || n.path === only);
  if (unread) throw unread.limit;
  return refs;
}
