/**
 * Changed files → what the engine scans. A patch gives the added lines; where GitHub omits the patch
 * (large diffs, binaries) the blob at the new version is fetched and scanned whole. Anything that cannot
 * be scanned is listed, never silently dropped.
 */
import { addedLinesSource, parsePatch } from '../../engine/diff.js';
import { decodeFile, type Skipped } from '../../engine/decode.js';
import type { SourceFile } from '../../engine/scan.js';
import { BlobTooLarge, getBlob, status, type ChangedFile, type RepoRef } from '../github/api.js';
import { mapLimit } from '../limit.js';
import { describeError } from '../errors.js';
import type { GitHubClient } from '../github/octokit.js';

export interface Gathered {
  sources: SourceFile[];
  skipped: Skipped[];
  /** Modified files scanned whole because GitHub sent no patch: findings may predate the change. */
  wholeFiles: string[];
}

export interface GatherOptions {
  isIgnored(path: string): boolean;
  maxFileBytes: number;
  concurrency: number;
}

type One = { source?: SourceFile; skipped?: Skipped; whole?: boolean };

async function gatherOne(gh: GitHubClient, r: RepoRef, f: ChangedFile, opts: GatherOptions): Promise<One> {
  if (f.status === 'removed' || opts.isIgnored(f.path)) return {};
  if (f.patch !== undefined) {
    const added = parsePatch(f.patch);
    if (!added.length) return {};
    const source = addedLinesSource(f.path, added);
    if (source.text.length > opts.maxFileBytes) {
      return { skipped: { path: f.path, reason: 'too-large', detail: `added lines exceed ${opts.maxFileBytes} bytes` } };
    }
    return { source };
  }
  // No patch: a pure rename, or content GitHub would not diff.
  if (f.status === 'renamed' && f.changes === 0) return {};
  // Binary-looking files are read too (their printable text is scanned): a name ending in .png or a NUL
  // byte must not be a way to hide a token from a gate.
  if (!f.sha) return { skipped: { path: f.path, reason: 'patch-missing', detail: 'GitHub sent neither a patch nor a blob' } };
  try {
    const bytes = await getBlob(gh, r, f.sha, opts.maxFileBytes, f.path);
    const d = decodeFile(f.path, bytes, opts.maxFileBytes, { binary: 'strings' });
    if (!d.ok) return { skipped: d.skipped };
    if (!d.text) return {};
    return { source: { path: f.path, text: d.text }, whole: f.status !== 'added' };
  } catch (e) {
    if (e instanceof BlobTooLarge) return { skipped: { path: f.path, reason: 'too-large', detail: e.message.replace(`${f.path}: `, '') } };
    const code = status(e);
    const detail = code === 403 || code === 422 ? 'blob too large for the GitHub API' : `could not fetch the blob (${code ?? describeError(e)})`;
    return { skipped: { path: f.path, reason: 'patch-missing', detail } };
  }
}

export async function gatherSources(gh: GitHubClient, r: RepoRef, files: readonly ChangedFile[], opts: GatherOptions): Promise<Gathered> {
  const got = await mapLimit(files, opts.concurrency, (f) => gatherOne(gh, r, f, opts));
  const out: Gathered = { sources: [], skipped: [], wholeFiles: [] };
  for (const g of got) {
    if (g.source) out.sources.push(g.source);
    if (g.skipped) out.skipped.push(g.skipped);
    if (g.source && g.whole) out.wholeFiles.push(g.source.path);
  }
  return out;
}
