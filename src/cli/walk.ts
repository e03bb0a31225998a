/**
 * Which files a directory scan reads, at almost no cost per file, and what it leaves out, by reason.
 *
 * - In a git work tree, git lists them (`ls-files -z --cached --others --exclude-standard`: it already
 *   knows what is tracked and what is ignored); the ignored entries come from a second listing that
 *   stops at each wholly ignored folder (`--ignored --directory`), so they can be named.
 * - Elsewhere, one `readdir` with file types per directory (no `lstat` per entry unless the file system
 *   does not give the type), `.gitignore` files compiled once per directory, and folders the policy
 *   ignores as a whole (`dir/**`) not entered at all.
 * - A path the user names is scanned whatever the globs or git say; a folder the user names is walked
 *   even when git ignores it (`scan node_modules/pkg`).
 *
 * Nothing is read here: `read.ts` reads each file in one call when it is scanned.
 */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Skipped } from '../engine/decode.js';
import { git } from './git.js';
import { CliError } from './io.js';

/** Why a path was left out on purpose (as opposed to `Skipped`: a file that could not be scanned). */
export type ExclusionReason = 'policy-ignore' | 'git-ignored' | 'built-in' | 'symlink' | 'not-a-file';

export interface Exclusion {
  path: string;
  reason: ExclusionReason;
  /** A folder, left out with everything under it. */
  dir?: boolean;
  /** The glob, the rule or the setting that decided it. */
  detail?: string;
}

export interface FileEntry {
  path: string;
  /** Named on the command line: scanned whatever the ignore globs say. */
  named: boolean;
}

export interface Listing {
  files: FileEntry[];
  excluded: Exclusion[];
  /** Folders that could not be read: their files may hold anything. */
  skipped: Skipped[];
}

export interface ListTargets {
  root: string;
  git: boolean;
  dirs: string[];
  files: string[];
}

/** What the policy says about a path or a whole folder (the glob that ignores it). */
export interface IgnorePolicy {
  fileGlob(path: string): string | undefined;
  dirGlob(dir: string): string | undefined;
}

/** Folders never walked unless named: git's own data and installed dependencies. */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules']);
const BUILT_IN = 'not scanned by default: name the folder (tokenwarden scan node_modules/pkg) to scan it';
const GIT_IGNORED = 'by .gitignore (or .git/info/exclude, core.excludesFile): name the path to scan it';

const skippedDirIn = (rel: string): string | undefined => {
  const parts = rel.split('/');
  const i = parts.findIndex((s) => SKIP_DIRS.has(s));
  return i === -1 ? undefined : parts.slice(0, i + 1).join('/');
};

const under = (path: string, dir: string): boolean => dir === '.' || path === dir || path.startsWith(`${dir}/`);

export async function listTargets(t: ListTargets, policy: IgnorePolicy): Promise<Listing> {
  const listing: Listing = { files: [], excluded: [], skipped: [] };
  const found = new Map<string, boolean>();
  for (const f of t.files) found.set(f, true);
  if (t.dirs.length) {
    if (t.git) await fromGit(t, policy, listing, found);
    else await walkDirs(t.root, t.dirs, policy, listing, found);
  }
  const files = [...found.keys()].sort();
  for (const path of files) {
    const named = found.get(path)!;
    if (!named) {
      const glob = policy.fileGlob(path);
      if (glob !== undefined) {
        listing.excluded.push({ path, reason: 'policy-ignore', detail: glob });
        continue;
      }
    }
    listing.files.push({ path, named });
  }
  return listing;
}

async function fromGit(t: ListTargets, policy: IgnorePolicy, listing: Listing, found: Map<string, boolean>): Promise<void> {
  const specs = t.dirs;
  const [listed, ignored] = await Promise.all([
    git(t.root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...specs]),
    git(t.root, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory', '--', ...specs]),
  ]);
  if (!listed || listed.code !== 0) throw new CliError(`git ls-files failed in ${t.root}: ${listed?.stderr ?? 'git not found'}`, 'check that the repository is not corrupt (git status)');
  const builtIn = new Set<string>();
  for (const p of listed.stdout.toString('utf8').split('\0')) {
    if (!p) continue;
    const skipDir = skippedDirIn(p);
    // A folder under a skipped one that the user named (scan node_modules/pkg) is theirs to scan.
    if (skipDir !== undefined && !t.dirs.some((d) => d !== '.' && under(p, d) && skippedDirIn(d) !== undefined)) {
      builtIn.add(skipDir);
      continue;
    }
    if (!found.has(p)) found.set(p, false);
  }
  // Named folders git ignores (or that sit in node_modules): walked from the file system.
  const walkAlso: string[] = [];
  const ignoredList = ignored && ignored.code === 0 ? ignored.stdout.toString('utf8').split('\0').filter(Boolean) : [];
  for (const d of t.dirs) {
    if (d === '.') continue;
    const ignoredAbove = ignoredList.some((e) => (e.endsWith('/') ? `${d}/`.startsWith(e) : e === d));
    if (ignoredAbove || skippedDirIn(d) !== undefined) walkAlso.push(d);
  }
  for (const e of ignoredList) {
    const dir = e.endsWith('/');
    const path = dir ? e.slice(0, -1) : e;
    if (walkAlso.some((d) => under(path, d) || `${d}/`.startsWith(`${path}/`))) continue;
    if (found.has(path)) continue; // named explicitly
    const skipDir = skippedDirIn(path);
    if (skipDir !== undefined) builtIn.add(skipDir);
    else listing.excluded.push({ path, reason: 'git-ignored', dir, detail: GIT_IGNORED });
  }
  for (const d of builtIn) listing.excluded.push({ path: d, reason: 'built-in', dir: true, detail: BUILT_IN });
  if (walkAlso.length) await walkDirs(t.root, walkAlso, policy, listing, found, { honourIgnoresAbove: false });
}

interface IgnoreFrame {
  base: string;
  ig: Ignore;
}

function gitignoreAt(root: string, relDir: string): IgnoreFrame | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, relDir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: relDir === '.' || relDir === '' ? '' : relDir, ig: ignore().add(text) };
}

const ignoredBy = (frames: IgnoreFrame[], rel: string): boolean => {
  for (const f of frames) if (f.ig.ignores(f.base ? rel.slice(f.base.length + 1) : rel)) return true;
  return false;
};

/**
 * Outside git (or for named folders git ignores): walk, honouring .gitignore files. Synchronous on
 * purpose: the walk is all the process does at that point, and an awaited `readdir` per folder left
 * the thread idle for a thread-pool round trip each time (about 0.1 ms × 1,200 folders of a
 * node_modules-like tree: 130 ms of a 2 s scan).
 */
async function walkDirs(
  root: string,
  dirs: string[],
  policy: IgnorePolicy,
  listing: Listing,
  found: Map<string, boolean>,
  opts: { honourIgnoresAbove: boolean } = { honourIgnoresAbove: true },
): Promise<void> {
  for (const dir of dirs) {
    // .gitignore files of the directories above this PATH apply too (not to a folder named because git ignores it).
    const frames: IgnoreFrame[] = [];
    const parts = dir === '.' ? [] : dir.split('/');
    if (opts.honourIgnoresAbove) {
      for (let i = 0; i < parts.length; i++) {
        const f = gitignoreAt(root, i === 0 ? '.' : parts.slice(0, i).join('/'));
        if (f) frames.push(f);
      }
    }
    walk(root, dir === '.' ? '' : dir, frames, policy, listing, found);
  }
}

function walk(root: string, relDir: string, parentFrames: IgnoreFrame[], policy: IgnorePolicy, listing: Listing, found: Map<string, boolean>): void {
  let entries;
  try {
    entries = readdirSync(relDir ? join(root, relDir) : root, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    listing.skipped.push({ path: relDir || '.', reason: 'unreadable', detail: `folder could not be listed (${code}): its files were not scanned` });
    return;
  }
  const own = entries.some((e) => e.name === '.gitignore') ? gitignoreAt(root, relDir) : undefined;
  const frames = own ? [...parentFrames, own] : parentFrames;
  const subdirs: string[] = [];
  for (const e of entries) {
    const rel = relDir ? `${relDir}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    let isLink = e.isSymbolicLink();
    if (!isDir && !isFile && !isLink && !e.isFIFO() && !e.isSocket() && !e.isCharacterDevice() && !e.isBlockDevice()) {
      // The file system did not say (DT_UNKNOWN): ask.
      try {
        const st = lstatSync(join(root, rel));
        isDir = st.isDirectory();
        isFile = st.isFile();
        isLink = st.isSymbolicLink();
      } catch {
        continue; // gone meanwhile
      }
    }
    if (isDir) {
      if (SKIP_DIRS.has(e.name)) listing.excluded.push({ path: rel, reason: 'built-in', dir: true, detail: BUILT_IN });
      else if (frames.length && ignoredBy(frames, `${rel}/`)) listing.excluded.push({ path: rel, reason: 'git-ignored', dir: true, detail: GIT_IGNORED });
      else {
        const glob = policy.dirGlob(rel);
        if (glob !== undefined) listing.excluded.push({ path: rel, reason: 'policy-ignore', dir: true, detail: glob });
        else subdirs.push(rel);
      }
    } else if (frames.length && ignoredBy(frames, rel)) {
      listing.excluded.push({ path: rel, reason: 'git-ignored', detail: GIT_IGNORED });
    } else if (isFile) {
      if (!found.has(rel)) found.set(rel, false);
    } else if (isLink) {
      listing.excluded.push({ path: rel, reason: 'symlink', detail: 'symbolic links are not followed: scan the file they point to' });
    } else {
      listing.excluded.push({ path: rel, reason: 'not-a-file', detail: 'a device, socket or pipe' });
    }
  }
  for (const d of subdirs) walk(root, d, frames, policy, listing, found);
}
