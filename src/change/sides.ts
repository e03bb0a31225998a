/**
 * The files of a change at its two sides, for the structural rules — one procedure for the CLI (git)
 * and the App (the GitHub API), which differ only in how a side is read (`SideReader`).
 *
 * Structural rules (scopes, rotation) judge parsed files, and an excerpt of added lines does not parse,
 * so each changed file a structural rule applies to is read whole at the head and at the base (none for
 * an added file); `structuralChange` then reports only what the head adds or makes worse. Cross-file
 * rules (a workflow against the token inventory) see a repository view at each side — the inventory and
 * the workflow files — read when a changed file is one of those. What cannot be read is listed with the
 * reason, never dropped: a file whose head cannot be read keeps the added-lines scan only.
 */
import type { Skipped } from '../engine/decode.js';
import { INVENTORY_PATHS, isWorkflowFile } from '../engine/inventory/index.js';
import { inRepoView, type Side } from '../engine/structural.js';

/** Workflow files read per side for cross-file rules; beyond this the view is incomplete (noted). */
export const MAX_VIEW_FILES = 100;
export const WORKFLOWS_DIR = '.github/workflows';

/** What a side read gives: the text, nothing there, or why it could not be read. */
export type Read = { text: string } | { absent: true } | { skipped: Skipped };

/** Why a file is being read: its own structural judgement, or the repository view of cross-file rules. */
export type Purpose = 'structural' | 'view';

export interface SideReader {
  /** The whole text of `path` at this side; `blob` names the content when the caller knows it (GitHub). */
  read(path: string, purpose: Purpose, blob?: string): Promise<Read>;
  /** Files directly in `dir` at this side. */
  list(dir: string): Promise<string[]>;
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

async function readView(side: SideReader, concurrency: number): Promise<ViewSide> {
  const listed = (await side.list(WORKFLOWS_DIR)).filter(isWorkflowFile);
  const workflows = listed.slice(0, MAX_VIEW_FILES);
  const texts = new Map<string, string>();
  const skipped: Skipped[] = [];
  const keep = (path: string, r: Read): void => {
    if ('text' in r) texts.set(path, r.text);
    else if ('skipped' in r) skipped.push(r.skipped);
  };
  for (const p of INVENTORY_PATHS) {
    const r = await side.read(p, 'view');
    keep(p, r);
    if ('text' in r) break;
  }
  const read = await mapLimit(workflows, concurrency, async (p) => [p, await side.read(p, 'view')] as const);
  for (const [p, r] of read) keep(p, r);
  return { texts, truncated: listed.length > workflows.length, skipped };
}

/** Read `files` whole at both sides, and the repository views when a cross-file rule could care. */
export async function readSides(files: readonly ChangedStructuralFile[], head: SideReader, base: SideReader | undefined, concurrency = 4): Promise<Sides> {
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
    headView = await readView(head, concurrency);
    if (base) baseView = await readView(base, concurrency);
    skipped.push(...headView.skipped, ...(baseView?.skipped ?? []).filter((b) => !headView!.skipped.some((h) => h.path === b.path)));
    if (headView.truncated || baseView?.truncated) notes.push(`Only the first ${MAX_VIEW_FILES} workflow files were read for the inventory rules.`);
  }
  return {
    head: { files: headFiles, ...(headView ? { view: headView.texts } : {}) },
    base: { files: baseFiles, ...(baseView ? { view: baseView.texts } : {}) },
    skipped,
    notes,
  };
}
