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
import { decodeFile, type Skipped } from '../engine/decode.js';
import type { Finding } from '../engine/finding.js';
import { compareFindings } from '../engine/finding.js';
import { INVENTORY_PATHS, isInventoryPath, isWorkflowFile } from '../engine/inventory/index.js';
import type { RepoView, Rule } from '../engine/rule.js';
import { Scanner, type ScannerOptions, type ScanResult, type SourceFile } from '../engine/scan.js';
import { describeError } from './errors.js';
import { getBlob, listDirectory, readTextFile, status, type ChangedFile, type RepoRef } from './github.js';
import { mapLimit } from './limit.js';
import type { GitHubClient } from './octokit.js';

/** Workflow files read per side for cross-file rules; beyond this the view is incomplete (noted). */
export const MAX_VIEW_FILES = 100;
/** Changed files judged whole per evaluation (two reads each); the rest keep the added-lines scan. */
export const MAX_STRUCTURAL_FILES = 100;
const WORKFLOWS_DIR = '.github/workflows';

export const isStructural = (r: Rule): boolean => r.meta.family !== 'secrets';

/** Whether a structural rule applies to `path` (by the rule's own path filter). */
export function structuralApplies(rules: readonly Rule[], path: string): boolean {
  return rules.some((r) => isStructural(r) && (!r.appliesTo || r.appliesTo(path)));
}

/** A path that cross-file rules read through the repository view. */
const inView = (path: string): boolean => isInventoryPath(path) || isWorkflowFile(path);

export interface StructuralInput {
  gh: GitHubClient;
  repo: RepoRef;
  headSha: string;
  /** Where the "before" is read; `undefined` when there is none (everything at the head is new). */
  baseRef: string | undefined;
  /** Changed files (with a patch) that a structural rule applies to. */
  files: readonly ChangedFile[];
  scanner: Omit<ScannerOptions, 'rules' | 'repo'> & { rules: readonly Rule[] };
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

  read(ref: string, path: string): Promise<string | undefined> {
    const k = `${ref}\0${path}`;
    let p = this.texts.get(k);
    if (!p) {
      this.requests++;
      this.texts.set(k, (p = readTextFile(this.gh, this.repo, path, ref)));
    }
    return p;
  }
}

interface Side {
  texts: Map<string, string>;
  view: RepoView;
  truncated: boolean;
}

async function readView(cache: TextCache, gh: GitHubClient, repo: RepoRef, ref: string, concurrency: number): Promise<Side> {
  cache.requests++;
  const listed = (await listDirectory(gh, repo, WORKFLOWS_DIR, ref)).filter(isWorkflowFile);
  const workflows = listed.slice(0, MAX_VIEW_FILES);
  const texts = new Map<string, string>();
  for (const p of INVENTORY_PATHS) {
    const t = await cache.read(ref, p);
    if (t !== undefined) {
      texts.set(p, t);
      break;
    }
  }
  const read = await mapLimit(workflows, concurrency, async (p) => [p, await cache.read(ref, p)] as const);
  for (const [p, t] of read) if (t !== undefined) texts.set(p, t);
  const paths = [...texts.keys()].sort();
  return { texts, view: { read: (p) => texts.get(p), paths: () => paths }, truncated: listed.length > workflows.length };
}

function runScan(opts: ScannerOptions, files: Iterable<SourceFile>): ScanResult {
  const s = new Scanner(opts);
  for (const f of files) s.scanFile(f);
  return s.result();
}

export async function scanStructural(input: StructuralInput): Promise<StructuralResult> {
  const { gh, repo, headSha, baseRef } = input;
  const rules = input.scanner.rules.filter(isStructural);
  const cache = new TextCache(gh, repo);
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
      const d = decodeFile(f.path, await getBlob(gh, repo, f.sha), input.maxFileBytes);
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
      const code = status(e);
      skipped.push({ path: f.path, reason: 'patch-missing', detail: `could not read the whole file for structural rules (${code ?? describeError(e)})` });
    }
  });

  // The repository view, only when a cross-file rule could care.
  let headView: Side | undefined;
  let baseView: Side | undefined;
  if (input.files.some((f) => inView(f.path) || (f.previousPath !== undefined && inView(f.previousPath)))) {
    headView = await readView(cache, gh, repo, headSha, input.concurrency);
    if (baseRef) baseView = await readView(cache, gh, repo, baseRef, input.concurrency);
    if (headView.truncated || baseView?.truncated) notes.push(`Only the first ${MAX_VIEW_FILES} workflow files were read for the inventory rules.`);
  }

  const sideFiles = (own: Map<string, string>, side: Side | undefined): SourceFile[] => {
    const files = new Map<string, string>(own);
    for (const [p, t] of side?.texts ?? []) if (!files.has(p)) files.set(p, t);
    return [...files].map(([path, text]) => ({ path, text }));
  };
  const opts = { ...input.scanner, rules };
  const headResult = runScan({ ...opts, ...(headView ? { repo: headView.view } : {}) }, sideFiles(head, headView));
  const baseResult = runScan({ ...opts, ...(baseView ? { repo: baseView.view } : {}) }, sideFiles(base, baseView));

  const before = new Set<string>([...baseResult.findings, ...baseResult.excepted.map((e) => e.finding)].map((f) => f.fingerprint));
  const isNew = (f: Finding): boolean => !before.has(f.fingerprint);
  const result: ScanResult = {
    findings: headResult.findings.filter(isNew),
    excepted: headResult.excepted.filter((e) => isNew(e.finding)),
    expired: headResult.expired.filter((e) => isNew(e.finding)),
    suppressed: 0,
    baselined: headResult.baselined,
    skipped: headResult.skipped,
    stats: { files: 0, bytes: 0 },
  };
  return { result, skipped, notes, requests: blobs + cache.requests };
}

/** Two scans of one change as one result (findings sorted again). */
export function mergeResults(a: ScanResult, b: ScanResult): ScanResult {
  return {
    findings: [...a.findings, ...b.findings].sort(compareFindings),
    excepted: [...a.excepted, ...b.excepted],
    expired: [...a.expired, ...b.expired],
    suppressed: a.suppressed + b.suppressed,
    baselined: a.baselined + b.baselined,
    skipped: [...a.skipped, ...b.skipped],
    stats: { files: a.stats.files + b.stats.files, bytes: a.stats.bytes + b.stats.bytes },
  };
}
