/**
 * The change's structural files over the GitHub API: the reading procedure is shared with the CLI's git
 * path (src/change/sides.ts); this module supplies the two sides as GitHub reads them.
 *
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
 * and one read per workflow not already read (at most `MAX_VIEW_FILES`). When a changed manifest binds
 * a Kubernetes role, at the head only: one recursive tree listing and one blob per manifest file (YAML or
 * JSON) searched for roles (at most `MAX_ROLE_FILES`); the base reuses those texts.
 */
import { decodeFile, type Skipped } from '../../engine/decode.js';
import type { ScanResult } from '../../engine/scan.js';
import type { Side } from '../../engine/structural.js';
import { readSides, type ChangedStructuralFile, type Purpose, type SideReader } from '../../change/sides.js';
import { describeError } from '../errors.js';
import { BlobTooLarge, getBlob, listDirectory, listTree, readTextFile, status, type ChangedFile, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';

export { MAX_VIEW_FILES } from '../../change/sides.js';
/** Changed files judged whole per evaluation (two reads each); the rest keep the added-lines scan. */
export const MAX_STRUCTURAL_FILES = 100;

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
  /** The policy's ignore globs (`ignoredBy(policy)`): an ignored file is not searched for Kubernetes roles. */
  isIgnored: (path: string) => boolean;
}

export interface StructuralResult {
  /** Head findings not at the base, with head exceptions applied. */
  result: ScanResult;
  skipped: Skipped[];
  notes: string[];
  /** GitHub reads this cost, for the log. */
  requests: number;
}

/** Reads text at a ref once per evaluation (a file read for its own judgement is reused by the view). */
class TextCache {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  requests = 0;
  constructor(
    private readonly gh: GitHubClient,
    private readonly repo: RepoRef,
    readonly maxBytes: number,
  ) {}

  seed(ref: string, path: string, text: string | undefined): void {
    this.texts.set(`${ref}\0${path}`, Promise.resolve(text));
  }

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

const purposeOf = (purpose: Purpose): string => (purpose === 'view' ? 'the inventory rules did not read it' : purpose === 'roles' ? ROLES_NOT_READ : 'structural rules saw only the added lines');
const ROLES_NOT_READ = 'not searched for Kubernetes roles, so a changed binding to a role defined here was not judged';

/** One side of the change over the GitHub API: a changed file by its blob, anything else by path at `ref`. */
function githubSide(cache: TextCache, gh: GitHubClient, repo: RepoRef, ref: string, counter: { blobs: number }): SideReader {
  return {
    async read(path, purpose, blob) {
      try {
        if (blob !== undefined) {
          counter.blobs++;
          const d = decodeFile(path, await getBlob(gh, repo, blob, cache.maxBytes, path), cache.maxBytes);
          if (!d.ok) return { skipped: purpose === 'roles' ? { ...d.skipped, detail: `${d.skipped.detail ?? d.skipped.reason}: ${ROLES_NOT_READ}` } : d.skipped };
          cache.seed(ref, path, d.text);
          return { text: d.text };
        }
        const t = await cache.read(ref, path);
        return t === undefined ? { absent: true } : { text: t };
      } catch (e) {
        if (e instanceof BlobTooLarge) return { skipped: { path, reason: 'too-large', detail: `${e.message.replace(`${path}: `, '')}: ${purposeOf(purpose)}` } };
        const why = status(e) ?? describeError(e);
        if (purpose === 'roles') return { skipped: { path, reason: 'unreadable', detail: `could not be read (${why}): ${ROLES_NOT_READ}` } };
        return purpose === 'view'
          ? { skipped: { path, reason: 'unreadable', detail: `could not be read for the inventory rules (${why})` } }
          : { skipped: { path, reason: 'patch-missing', detail: `could not read the whole file for structural rules (${why})` } };
      }
    },
    async list(dir) {
      cache.requests++;
      return listDirectory(gh, repo, dir, ref);
    },
    async listAll() {
      cache.requests++;
      const t = await listTree(gh, repo, ref);
      return { files: t.files.map((f) => ({ path: f.path, blob: f.sha })), truncated: t.truncated };
    },
  };
}

export async function scanStructural(input: StructuralInput): Promise<StructuralResult> {
  const { gh, repo, headSha, baseRef } = input;
  const cache = new TextCache(gh, repo, input.maxFileBytes);
  const counter = { blobs: 0 };
  const head = githubSide(cache, gh, repo, headSha, counter);
  // A changed file without a blob (GitHub gave none) cannot be read whole at the head.
  const headReader: SideReader = {
    read: (path, purpose, blob) =>
      purpose === 'structural' && blob === undefined
        ? Promise.resolve({ skipped: { path, reason: 'patch-missing' as const, detail: 'GitHub gave no blob of the new version, so structural rules saw only the added lines' } })
        : head.read(path, purpose, blob),
    list: (dir) => head.list(dir),
    listAll: () => head.listAll!(),
  };
  const files: ChangedStructuralFile[] = input.files.map((f) => ({
    path: f.path,
    ...(f.status === 'renamed' && f.previousPath ? { previousPath: f.previousPath } : {}),
    added: f.status === 'added',
    ...(f.sha ? { blob: f.sha } : {}),
  }));
  const sides = await readSides(files, headReader, baseRef ? githubSide(cache, gh, repo, baseRef, counter) : undefined, {
    concurrency: input.concurrency,
    isIgnored: input.isIgnored,
  });
  const judged = await input.judge(sides.head, sides.base);
  return { result: judged.result, skipped: [...sides.skipped, ...judged.skipped], notes: sides.notes, requests: counter.blobs + cache.requests };
}
