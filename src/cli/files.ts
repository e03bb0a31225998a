/**
 * What a directory scan covers: the PATHs given, relative to the scan root with `/` separators (the
 * repository top in a git work tree, so fingerprints match the App's; else the directory given).
 * Listing is in walk.ts, reading in read.ts.
 */
import { realpath, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
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
  const top = await workTreeTop(first.dir ? first.path : dirname(first.path));
  const root = top ?? (abs.length === 1 && first.dir ? first.path : await realpath(cwd));
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

export { listTargets, type Exclusion, type FileEntry, type Listing } from './walk.js';
export { readSourceSync, type ReadResult } from './read.js';
