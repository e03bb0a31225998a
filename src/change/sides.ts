/**
 * The files of a change at its two sides, for the structural rules — one procedure for the CLI (git)
 * and the App (the GitHub API), which differ only in how a side is read (`SideReader`).
 *
 * Structural rules (scopes, rotation) judge parsed files, and an excerpt of added lines does not parse,
 * so each changed file a structural rule applies to is read whole at the head and at the base (none for
 * an added file); `structuralChange` then reports only what the head adds or makes worse. Cross-file
 * rules (a workflow against the token inventory) see a repository view at each side — the inventory and
 * the workflow files — read when a changed file is one of those — and, when a changed manifest binds a
 * Kubernetes role, the files at the head that define roles (`context`, read but not judged). What cannot
 * be read is listed with the reason, never dropped: a file whose head cannot be read keeps the
 * added-lines scan only.
 */
import type { Skipped } from '../engine/decode.js';
import { INVENTORY_PATHS, isWorkflowFile } from '../engine/inventory/index.js';
import { inRepoView, type Side } from '../engine/structural.js';
import { appliesToK8s, BINDS_K8S_ROLE, DEFINES_K8S_ROLE } from '../engine/rules/scopes/lib/k8s.js';

/** Workflow files read per side for cross-file rules; beyond this the view is incomplete (noted). */
export const MAX_VIEW_FILES = 100;
export const WORKFLOWS_DIR = '.github/workflows';
/**
 * Manifest files (YAML or JSON) read at the head, when a changed manifest binds a Kubernetes role, to find
 * the roles it may refer to (paths naming roles or RBAC first); beyond this the search is incomplete, and
 * a changed binding whose role was not among the files read is listed as not judged.
 */
export const MAX_ROLE_FILES = 100;

/** What a side read gives: the text, nothing there, or why it could not be read. */
export type Read = { text: string } | { absent: true } | { skipped: Skipped };

/**
 * Why a file is being read: its own structural judgement, the repository view of cross-file rules, or
 * the search for the Kubernetes roles a changed binding refers to.
 */
export type Purpose = 'structural' | 'view' | 'roles';

/** Every file at a side (recursive), with its content id when the caller knows it (a GitHub blob sha). */
export interface Listing {
  files: Array<{ path: string; blob?: string }>;
  /** The listing itself stopped short (GitHub's tree answer has a size limit). */
  truncated: boolean;
}

export interface SideReader {
  /** The whole text of `path` at this side; `blob` names the content when the caller knows it (GitHub). */
  read(path: string, purpose: Purpose, blob?: string): Promise<Read>;
  /** Files directly in `dir` at this side. */
  list(dir: string): Promise<string[]>;
  /** Every file at this side; without it, roles defined outside the change are not looked for. */
  listAll?(): Promise<Listing>;
}

export interface ChangedStructuralFile {
  path: string;
  /** The path at the base when the file was renamed. */
  previousPath?: string;
  /** No base version (added, or the change creates the branch). */
  added: boolean;
  /** The content's id at the head, when known (a GitHub blob sha). */
  blob?: string;
}

export interface Sides {
  head: Side;
  base: Side;
  skipped: Skipped[];
  notes: string[];
}

const mapLimit = async <T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
  return out;
};

interface ViewSide {
  texts: Map<string, string>;
  truncated: boolean;
  skipped: Skipped[];
}

async function readView(side: SideReader, concurrency: number, isIgnored: (path: string) => boolean): Promise<ViewSide> {
  // Files the policy ignores are not read, as a scan of the whole tree does not read them: the
  // inventory rules then judge a change the way they judge the tree.
  const listed = (await side.list(WORKFLOWS_DIR)).filter((p) => isWorkflowFile(p) && !isIgnored(p));
  const workflows = listed.slice(0, MAX_VIEW_FILES);
  const texts = new Map<string, string>();
  const skipped: Skipped[] = [];
  const keep = (path: string, r: Read): void => {
    if ('text' in r) texts.set(path, r.text);
    else if ('skipped' in r) skipped.push(r.skipped);
  };
  for (const p of INVENTORY_PATHS) {
    if (isIgnored(p)) continue;
    const r = await side.read(p, 'view');
    keep(p, r);
    if ('text' in r) break;
  }
  const read = await mapLimit(workflows, concurrency, async (p) => [p, await side.read(p, 'view')] as const);
  for (const [p, r] of read) keep(p, r);
  return { texts, truncated: listed.length > workflows.length, skipped };
}

interface RoleSide {
  texts: Map<string, string>;
  /** Why the search stopped short (`Side.contextIncomplete`), when it did. */
  incomplete?: string;
  skipped: Skipped[];
  notes: string[];
}

const NAMES_ROLES = /role|rbac/i;
const YAML_FILE = /\.ya?ml$/i;

/**
 * The files at the head, outside the change, that define a Kubernetes Role or ClusterRole: the manifest
 * files of the repository — YAML, and JSON, which the Kubernetes rules parse as well (`appliesToK8s`) —
 * that the policy does not ignore, at most `MAX_ROLE_FILES` of them, whose text defines one. Paths naming
 * roles or RBAC come first, then YAML, then JSON (most JSON in a repository is not a manifest). A search
 * that stopped at the limit, at a truncated listing or at a file it could not read says so in
 * `incomplete`: a changed binding whose role is not among what was read is then listed as not judged by
 * the rule that looks for it.
 */
async function readRoles(side: SideReader, changed: ReadonlySet<string>, bindings: readonly string[], opts: ReadOptions): Promise<RoleSide> {
  const texts = new Map<string, string>();
  const skipped: Skipped[] = [];
  const notes: string[] = [];
  if (!side.listAll) return { texts, skipped, notes };
  let listing: Listing;
  try {
    listing = await side.listAll();
  } catch {
    // Fail closed: the bindings were not judged against the roles of other files, and say so.
    for (const path of bindings)
      skipped.push({ path, reason: 'unreadable', detail: "the repository's files could not be listed: its Kubernetes bindings were not judged against roles defined in other files" });
    return { texts, skipped, notes };
  }
  // A file the policy ignores does not feed the judgement, as it would not in a scan of the whole tree.
  const candidates = listing.files.filter((f) => appliesToK8s(f.path) && !changed.has(f.path) && !opts.isIgnored(f.path));
  const rank = (path: string): number => (NAMES_ROLES.test(path) ? 0 : YAML_FILE.test(path) ? 1 : 2);
  const ranked = [0, 1, 2].flatMap((r) => candidates.filter((f) => rank(f.path) === r));
  const chosen = ranked.slice(0, MAX_ROLE_FILES);
  const read = await mapLimit(chosen, opts.concurrency, async (f) => [f.path, await side.read(f.path, 'roles', f.blob)] as const);
  // A candidate that could not be read (too large, unreadable) makes the search incomplete rather than
  // failing the change by itself: only a binding whose role is not among what was read is not judged
  // (most such files — a large JSON fixture — define no role, and a binding to a role that was found
  // is judged in full).
  const unread: Skipped[] = [];
  for (const [p, r] of read) {
    if ('text' in r) {
      if (DEFINES_K8S_ROLE.test(r.text)) texts.set(p, r.text);
    } else if ('skipped' in r) unread.push(r.skipped);
  }
  if (listing.truncated || ranked.length > chosen.length || unread.length) {
    if (listing.truncated || ranked.length > chosen.length)
      notes.push(
        `Kubernetes bindings were judged against the roles in the first ${chosen.length} of ${ranked.length}${listing.truncated ? ' listed (the listing was truncated)' : ''} other manifest files; a role defined elsewhere was not seen.`,
      );
    const first = unread[0];
    const why = [
      ranked.length > chosen.length ? `the search for Kubernetes roles stops at ${MAX_ROLE_FILES} files read, and ${ranked.length} were candidates` : '',
      listing.truncated ? "the listing of the repository's files was truncated" : '',
      first ? `${unread.length} manifest file(s) the search for Kubernetes roles could not read (${first.path}: ${first.detail ?? first.reason}${unread.length > 1 ? ', …' : ''})` : '',
    ];
    return { texts, incomplete: why.filter(Boolean).join('; '), skipped, notes };
  }
  return { texts, skipped, notes };
}

export interface ReadOptions {
  /** Reads at a time per side. */
  concurrency: number;
  /**
   * The policy's ignore globs (`Scanner.isIgnored`, `ignoredBy(policy)`): a file they exclude is not
   * read for the Kubernetes roles or the repository view (workflows, inventory), as a scan of the whole
   * tree would not read it either.
   */
  isIgnored: (path: string) => boolean;
}

/** Read `files` whole at both sides, and the repository views when a cross-file rule could care. */
export async function readSides(files: readonly ChangedStructuralFile[], head: SideReader, base: SideReader | undefined, opts: ReadOptions): Promise<Sides> {
  const { concurrency } = opts;
  const skipped: Skipped[] = [];
  const notes: string[] = [];
  const headFiles = new Map<string, string>();
  const baseFiles = new Map<string, string>();
  await mapLimit(files, concurrency, async (f) => {
    const h = await head.read(f.path, 'structural', f.blob);
    if (!('text' in h)) {
      if ('skipped' in h) skipped.push(h.skipped);
      return;
    }
    headFiles.set(f.path, h.text);
    if (base && !f.added) {
      const b = await base.read(f.previousPath ?? f.path, 'structural');
      if ('text' in b) baseFiles.set(f.path, b.text);
      else if ('skipped' in b) {
        // Without its base every head finding would look new: the file is left to its added lines, and listed.
        headFiles.delete(f.path);
        skipped.push(b.skipped);
      }
    }
  });
  let headView: ViewSide | undefined;
  let baseView: ViewSide | undefined;
  if (files.some((f) => inRepoView(f.path) || (f.previousPath !== undefined && inRepoView(f.previousPath)))) {
    headView = await readView(head, concurrency, opts.isIgnored);
    if (base) baseView = await readView(base, concurrency, opts.isIgnored);
    skipped.push(...headView.skipped, ...(baseView?.skipped ?? []).filter((b) => !headView!.skipped.some((h) => h.path === b.path)));
    if (headView.truncated || baseView?.truncated) notes.push(`Only the first ${MAX_VIEW_FILES} workflow files were read for the inventory rules.`);
  }
  // A changed manifest that binds a role is judged against the roles elsewhere at the head. The base
  // reads the same texts (none of those files is in the change), so a binding the base already had is
  // not new, and the search costs nothing at the base.
  let roles: RoleSide | undefined;
  const bindings = [...headFiles].filter(([p, t]) => appliesToK8s(p) && BINDS_K8S_ROLE.test(t)).map(([p]) => p);
  if (bindings.length) {
    const changed = new Set(files.flatMap((f) => (f.previousPath !== undefined ? [f.path, f.previousPath] : [f.path])));
    roles = await readRoles(head, changed, bindings, opts);
    skipped.push(...roles.skipped);
    notes.push(...roles.notes);
  }
  const context = { ...(roles?.texts.size ? { context: roles.texts } : {}), ...(roles?.incomplete ? { contextIncomplete: roles.incomplete } : {}) };
  return {
    head: { files: headFiles, ...(headView ? { view: headView.texts } : {}), ...context },
    base: { files: baseFiles, ...(baseView ? { view: baseView.texts } : {}), ...context },
    skipped,
    notes,
  };
}
