/**
 * Which files a directory scan reads, and reading them. Paths are relative to the scan root with `/`
 * separators: the repository top in a git work tree (so fingerprints match the App's), else the
 * directory given.
 */
import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { decodeFile, type Skipped } from '../engine/decode.js';
import type { SourceFile } from '../engine/scan.js';
import { CliError } from './io.js';
import { listWorkTreeFiles, workTreeTop } from './git.js';

export interface ScanTargets {
  root: string;
  /** Inside a git work tree: enumerate with git ls-files. */
  git: boolean;
  /** PATHs relative to root (`.` for the root itself). */
  dirs: string[];
  files: string[];
}

const toPosix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));
const SKIP_DIRS = new Set(['.git', 'node_modules']);
const inSkippedDir = (rel: string): boolean => rel.split('/').some((s) => SKIP_DIRS.has(s));

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

/** Every file to consider, sorted; a file named explicitly is scanned even if git ignores it. */
export async function listFiles(t: ScanTargets): Promise<string[]> {
  const found = new Set(t.files.filter((f) => !inSkippedDir(f)));
  if (t.dirs.length) {
    const listed = t.git ? await listWorkTreeFiles(t.root, t.dirs) : await walkAll(t.root, t.dirs);
    for (const f of listed) if (!inSkippedDir(f)) found.add(f);
  }
  return [...found].sort();
}

interface IgnoreFrame {
  base: string;
  ig: Ignore;
}

async function gitignoreAt(root: string, relDir: string): Promise<IgnoreFrame | undefined> {
  try {
    const text = await readFile(join(root, relDir, '.gitignore'), 'utf8');
    return { base: relDir === '.' ? '' : relDir, ig: ignore().add(text) };
  } catch {
    return undefined;
  }
}

const ignoredBy = (frames: IgnoreFrame[], rel: string): boolean =>
  frames.some((f) => f.ig.ignores(f.base ? rel.slice(f.base.length + 1) : rel));

/** Outside git: walk directories, honouring .gitignore files from the root down. */
async function walkAll(root: string, dirs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    // .gitignore files of the directories above this PATH apply too.
    const frames: IgnoreFrame[] = [];
    const parts = dir === '.' ? [] : dir.split('/');
    for (let i = 0; i < parts.length; i++) {
      const f = await gitignoreAt(root, i === 0 ? '.' : parts.slice(0, i).join('/'));
      if (f) frames.push(f);
    }
    await walk(root, dir === '.' ? '' : dir, frames, out);
  }
  return out;
}

async function walk(root: string, relDir: string, parentFrames: IgnoreFrame[], out: string[]): Promise<void> {
  const own = await gitignoreAt(root, relDir || '.');
  const frames = own ? [...parentFrames, own] : parentFrames;
  let entries;
  try {
    entries = await readdir(join(root, relDir), { withFileTypes: true });
  } catch {
    return; // unreadable directory: nothing we can list
  }
  for (const e of entries) {
    if (SKIP_DIRS.has(e.name)) continue;
    const rel = relDir ? `${relDir}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!ignoredBy(frames, `${rel}/`)) await walk(root, rel, frames, out);
    } else if (e.isFile() && !ignoredBy(frames, rel)) {
      out.push(rel);
    }
  }
}

export type ReadOutcome = { file: SourceFile; bytes: number } | { skipped: Skipped } | null;

/** Read and decode one file; `null` for what is not a regular file any more (deleted, symlink, submodule). */
export async function readSource(root: string, rel: string, maxBytes: number): Promise<ReadOutcome> {
  const abs = join(root, rel);
  try {
    const st = await lstat(abs);
    if (!st.isFile()) return null;
    // Decide "too large" before reading: a multi-GB file must not be loaded to be skipped.
    if (st.size > maxBytes) return { skipped: { path: rel, reason: 'too-large', detail: `${st.size} bytes > limit ${maxBytes} (settings.max_file_size)` } };
    const bytes = await readFile(abs);
    const d = decodeFile(rel, bytes, maxBytes);
    return d.ok ? { file: { path: rel, text: d.text }, bytes: bytes.length } : { skipped: d.skipped };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    return { skipped: { path: rel, reason: 'unreadable', detail: code ?? String(e) } };
  }
}
