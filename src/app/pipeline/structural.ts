/**
 * Structural rules (scopes, rotation: everything but secrets) judge parsed files — a workflow, the
 * token inventory, Terraform — and an excerpt of added lines does not parse. So for a changed file that
 * such a rule applies to (the rule's own `appliesTo` decides), the whole file is read at the head and
 * at the base, both are scanned with the structural rules, and only head findings whose fingerprint is
 * not among the base findings are reported: what the change adds or makes worse. Secrets rules keep
 * scanning the added lines only.
 *
 * Cross-file rules (a workflow against the inventory) read a repository view at each side: the token
 * inventory and the workflow files, listed once and read once per side. When a changed file is one of
 * those, every file of the view is scanned at both sides, so an inventory edit is judged against the
 * workflows (and the reverse).
 *
 * API calls: per structural file, one blob (head) and one contents read (base, none for an added file);
 * when the inventory or a workflow changed, per side one directory listing, up to two inventory reads
 * and one read per workflow not already read (at most `MAX_VIEW_FILES`).
 */
import { decodeFile, type Skipped } from '../../engine/decode.js';
import { INVENTORY_PATHS, isWorkflowFile } from '../../engine/inventory/index.js';
import type { ScanResult } from '../../engine/scan.js';
import { inRepoView, type Side } from '../../engine/structural.js';
import { describeError } from '../errors.js';
import { BlobTooLarge, getBlob, listDirectory, readTextFile, status, type ChangedFile, type RepoRef } from '../github/api.js';
import { mapLimit } from '../limit.js';
import type { GitHubClient } from '../github/octokit.js';

/** Workflow files read per side for cross-file rules; beyond this the view is incomplete (noted). */
export const MAX_VIEW_FILES = 100;
/** Changed files judged whole per evaluation (two reads each); the rest keep the added-lines scan. */
export const MAX_STRUCTURAL_FILES = 100;
const WORKFLOWS_DIR = '.github/workflows';

export { isStructural, mergeResults, structuralApplies } from '../../engine/structural.js';

export interface StructuralInput {
  gh: GitHubClient;
  repo: RepoRef;
  headSha: string;
  /** Where the "before" is read; `undefined` when there is none (everything at the head is new). */
  baseRef: string | undefined;
  /** Changed files (with a patch) that a structural rule applies to. */
  files: readonly ChangedFile[];
  /** Judges the head side against the base side (the sandboxed `structuralChange`). */
  judge(head: Side, base: Side): Promise<{ result: ScanResult; skipped: Skipped[] }>;
  maxFileBytes: number;
  concurrency: number;
}

export interface StructuralResult {
  /** Head findings not at the base, with head exceptions applied. */
  result: ScanResult;
  skipped: Skipped[];
  notes: string[];
  /** GitHub reads this cost, for the log. */
  requests: number;
}

/** Reads text at a ref once per evaluation. */
class TextCache {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  requests = 0;
  constructor(private readonly gh: GitHubClient, private readonly repo: RepoRef) {}

  seed(ref: string, path: string, text: string | undefined): void {
    this.texts.set(`${ref}\0${path}`, Promise.resolve(text));
  }

  maxBytes = Infinity;

  read(ref: string, path: string): Promise<string | undefined> {
    const k = `${ref}\0${path}`;
    let p = this.texts.get(k);
    if (!p) {
      this.requests++;
      this.texts.set(k, (p = readTextFile(this.gh, this.repo, path, ref, this.maxBytes)));
    }
    return p;
  }
}

interface ViewSide {
  texts: Map<string, string>;
  truncated: boolean;
  /** View files that could not be read: cross-file rules did not see them. */
  skipped: Skipped[];
}

/** A view file that cannot be read is listed (and costs the verdict), never the whole evaluation. */
async function readOrSkip(cache: TextCache, ref: string, path: string, skipped: Skipped[]): Promise<string | undefined> {
  try {
    return await cache.read(ref, path);
  } catch (e) {
    if (e instanceof BlobTooLarge) skipped.push({ path, reason: 'too-large', detail: `${e.message.replace(`${path}: `, '')}: the inventory rules did not read it` });
    else skipped.push({ path, reason: 'unreadable', detail: `could not be read for the inventory rules (${status(e) ?? describeError(e)})` });
    return undefined;
  }
}

async function readView(cache: TextCache, gh: GitHubClient, repo: RepoRef, ref: string, concurrency: number): Promise<ViewSide> {
  cache.requests++;
  const listed = (await listDirectory(gh, repo, WORKFLOWS_DIR, ref)).filter(isWorkflowFile);
  const workflows = listed.slice(0, MAX_VIEW_FILES);
  const texts = new Map<string, string>();
  const skipped: Skipped[] = [];
  for (const p of INVENTORY_PATHS) {
    const t = await readOrSkip(cache, ref, p, skipped);
    if (t !== undefined) {
      texts.set(p, t);
      break;
    }
  }
  const read = await mapLimit(workflows, concurrency, async (p) => [p, await readOrSkip(cache, ref, p, skipped)] as const);
  for (const [p, t] of read) if (t !== undefined) texts.set(p, t);
  return { texts, truncated: listed.length > workflows.length, skipped };
}

export async function scanStructural(input: StructuralInput): Promise<StructuralResult> {
  const { gh, repo, headSha, baseRef } = input;
  const cache = new TextCache(gh, repo);
  cache.maxBytes = input.maxFileBytes;
  const skipped: Skipped[] = [];
  const notes: string[] = [];
  let blobs = 0;

  // Head: the blob GitHub names (one request each); base: the contents at the base (none if added).
  const head = new Map<string, string>();
  const base = new Map<string, string>();
  await mapLimit(input.files, input.concurrency, async (f) => {
    if (!f.sha) {
      skipped.push({ path: f.path, reason: 'patch-missing', detail: 'GitHub gave no blob of the new version, so structural rules saw only the added lines' });
      return;
    }
    try {
      blobs++;
      const d = decodeFile(f.path, await getBlob(gh, repo, f.sha, input.maxFileBytes, f.path), input.maxFileBytes);
      if (!d.ok) {
        skipped.push(d.skipped);
        return;
      }
      head.set(f.path, d.text);
      cache.seed(headSha, f.path, d.text);
      const basePath = f.status === 'renamed' && f.previousPath ? f.previousPath : f.path;
      if (baseRef && f.status !== 'added') {
        const t = await cache.read(baseRef, basePath);
        if (t !== undefined) base.set(f.path, t);
      }
    } catch (e) {
      if (e instanceof BlobTooLarge) {
        skipped.push({ path: f.path, reason: 'too-large', detail: `${e.message.replace(`${f.path}: `, '')}: structural rules saw only the added lines` });
        return;
      }
      const code = status(e);
      skipped.push({ path: f.path, reason: 'patch-missing', detail: `could not read the whole file for structural rules (${code ?? describeError(e)})` });
    }
  });

  // The repository view, only when a cross-file rule could care.
  let headView: ViewSide | undefined;
  let baseView: ViewSide | undefined;
  if (input.files.some((f) => inRepoView(f.path) || (f.previousPath !== undefined && inRepoView(f.previousPath)))) {
    headView = await readView(cache, gh, repo, headSha, input.concurrency);
    if (baseRef) baseView = await readView(cache, gh, repo, baseRef, input.concurrency);
    skipped.push(...headView.skipped, ...(baseView?.skipped ?? []).filter((b) => !headView!.skipped.some((h) => h.path === b.path)));
    if (headView.truncated || baseView?.truncated) notes.push(`Only the first ${MAX_VIEW_FILES} workflow files were read for the inventory rules.`);
  }

  const judged = await input.judge({ files: head, ...(headView ? { view: headView.texts } : {}) }, { files: base, ...(baseView ? { view: baseView.texts } : {}) });
  return { result: judged.result, skipped: [...skipped, ...judged.skipped], notes, requests: blobs + cache.requests };
}
