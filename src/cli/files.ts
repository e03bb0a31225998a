/**
 * What a directory scan covers: the PATHs given, relative to the scan root with `/` separators (the
 * repository top in a git work tree, so fingerprints match the App's; else the directory given).
 * Listing is in walk.ts, reading in read.ts.
 */
import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CliError } from './io.js';
import { workTreeTop } from './git.js';

export interface ScanTargets {
  root: string;
  /** Inside a git work tree: enumerate with git ls-files. */
  git: boolean;
  /** PATHs relative to root (`.` for the root itself). */
  dirs: string[];
  files: string[];
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * False when git cannot see a work tree here: no `.git` (folder or file) in `dir` or above it, and no
 * GIT_DIR / GIT_WORK_TREE. Saves starting git (a process, ~10-20 ms) on a scan outside a repository.
 */
export function mayBeInWorkTree(dir: string, env: Record<string, string | undefined> = process.env): boolean {
  if (env.GIT_DIR || env.GIT_WORK_TREE) return true;
  for (let d = dir; ;) {
    if (existsSync(join(d, '.git'))) return true;
    const up = dirname(d);
    if (up === d) return false;
    d = up;
  }
}

export async function resolveTargets(cwd: string, paths: string[]): Promise<ScanTargets> {
  const abs: Array<{ path: string; dir: boolean }> = [];
  for (const p of paths.length ? paths : ['.']) {
    try {
      const real = await realpath(resolve(cwd, p));
      abs.push({ path: real, dir: (await stat(real)).isDirectory() });
    } catch {
      throw new CliError(`no such file or directory: ${p}`, 'pass existing PATHs (default: the current directory)');
    }
  }
  const first = abs[0]!;
  const from = first.dir ? first.path : dirname(first.path);
  const top = mayBeInWorkTree(from) ? await workTreeTop(from) : null;
  const root = top ?? (abs.length === 1 && first.dir ? first.path : commonRoot(await realpath(cwd), abs));
  const targets: ScanTargets = { root, git: top !== null, dirs: [], files: [] };
  for (const a of abs) {
    const rel = toPosix(relative(root, a.path));
    if (rel.startsWith('..')) {
      throw new CliError(`${a.path} is outside the scan root ${root}`, 'scan one repository (or directory tree) per run');
    }
    (a.dir ? targets.dirs : targets.files).push(rel || '.');
  }
  return targets;
}

/**
 * Outside a work tree: the current directory when every PATH is under it (paths stay as typed), else
 * the deepest folder holding them all (`tokenwarden scan /tmp/x/a.conf` from anywhere).
 */
function commonRoot(cwd: string, abs: ReadonlyArray<{ path: string; dir: boolean }>): string {
  const folders = abs.map((a) => (a.dir ? a.path : dirname(a.path)));
  if (folders.every((f) => !relative(cwd, f).startsWith('..'))) return cwd;
  let root = folders[0]!;
  for (const f of folders.slice(1)) while (relative(root, f).startsWith('..')) root = dirname(root);
  return root;
}

export { listTargets, type Exclusion, type FileEntry, type Listing } from './walk.js';
export { readSourceSync, type ReadResult } from './read.js';
