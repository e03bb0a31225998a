/** The git commands the CLI needs. No shell: arguments go to git as they are. */
import { spawn } from 'node:child_process';
import { CliError } from './io.js';

export interface GitOutput {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Run git; `null` when git itself is not installed. */
export function git(cwd: string, args: string[]): Promise<GitOutput | null> {
  return new Promise((resolve, reject) => {
    // --literal-pathspecs: a PATH like `pages/[id].tsx` is a file name, not a glob.
    const child = spawn('git', ['--literal-pathspecs', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? resolve(null) : reject(e)));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }));
  });
}

/** The work tree's top directory holding `dir`, or null outside a work tree (or without git). */
export async function workTreeTop(dir: string): Promise<string | null> {
  const r = await git(dir, ['rev-parse', '--show-toplevel']);
  if (!r || r.code !== 0) return null;
  return r.stdout.toString('utf8').trim() || null;
}

/** Tracked and untracked-but-not-ignored files under `pathspecs`, relative to `top`. */
export async function listWorkTreeFiles(top: string, pathspecs: string[]): Promise<string[]> {
  const r = await git(top, ['ls-files', '-co', '--exclude-standard', '-z', '--', ...pathspecs]);
  if (!r || r.code !== 0) throw new CliError(`git ls-files failed in ${top}: ${r?.stderr ?? 'git not found'}`, 'check that the repository is not corrupt (git status)');
  return r.stdout.toString('utf8').split('\0').filter((p) => p.length > 0);
}

export interface DiffRange {
  base: string;
  head: string;
  /** `BASE...HEAD`: changes on HEAD since the merge base, as a pull request shows them. */
  mergeBase: boolean;
}

const RANGE_FIX = 'use --diff BASE..HEAD, e.g. --diff origin/main..HEAD (or origin/main...HEAD for changes since the merge base)';

export function parseRange(spec: string): DiffRange {
  const m = /^(.*?)(\.\.\.?)(.*)$/.exec(spec);
  if (!m || !m[1]) throw new CliError(`--diff needs a range BASE..HEAD (got '${spec}')`, RANGE_FIX);
  const range = { base: m[1], head: m[3] || 'HEAD', mergeBase: m[2] === '...' };
  for (const rev of [range.base, range.head]) {
    if (rev.startsWith('-') || /\s/.test(rev)) throw new CliError(`'${rev}' is not a revision`, RANGE_FIX);
  }
  return range;
}

async function verifyRevision(top: string, rev: string): Promise<void> {
  const r = await git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!r || r.code !== 0) {
    throw new CliError(
      `unknown revision '${rev}' in --diff`,
      `check the name (git branch -a, git log --oneline); in a shallow CI clone fetch it first, e.g. git fetch --depth=1 origin ${rev.replace(/^origin\//, '')}`,
    );
  }
}

const DIFF_FLAGS = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-U0', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/'];

/** Decoded leniently: content in another encoding must not stop the scan of the rest. */
const decodeDiff = (b: Buffer): string => new TextDecoder('utf-8', { fatal: false }).decode(b);

export async function rangeDiff(top: string, range: DiffRange, pathspecs: string[]): Promise<string> {
  await verifyRevision(top, range.base);
  await verifyRevision(top, range.head);
  const spec = `${range.base}${range.mergeBase ? '...' : '..'}${range.head}`;
  const r = await git(top, [...DIFF_FLAGS, spec, '--', ...pathspecs]);
  if (!r || r.code !== 0) throw new CliError(`git diff ${spec} failed: ${r?.stderr ?? 'git not found'}`, RANGE_FIX);
  return decodeDiff(r.stdout);
}

export async function stagedDiff(top: string, pathspecs: string[]): Promise<string> {
  const r = await git(top, [...DIFF_FLAGS, '--cached', '--', ...pathspecs]);
  if (!r || r.code !== 0) throw new CliError(`git diff --cached failed: ${r?.stderr ?? 'git not found'}`, 'run it inside a git repository with git installed');
  return decodeDiff(r.stdout);
}

/** A file's content at a revision, or null when it does not exist there. */
export async function showAtRevision(top: string, rev: string, path: string): Promise<string | null> {
  const r = await git(top, ['show', `${rev}:${path}`]);
  return r && r.code === 0 ? r.stdout.toString('utf8') : null;
}

/** The files directly in `dir` at a revision (`null`: the index), sorted; empty when there is none. */
export async function listAtRevision(top: string, rev: string | null, dir: string): Promise<string[]> {
  const r = rev === null ? await git(top, ['ls-files', '-z', '--cached', '--', `${dir}/`]) : await git(top, ['ls-tree', '-z', '--name-only', rev, '--', `${dir}/`]);
  if (!r || r.code !== 0) return [];
  return r.stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes('/'))
    .sort();
}

/** The merge base of two revisions (what `BASE...HEAD` diffs against), or `base` when git finds none. */
export async function mergeBaseOf(top: string, base: string, head: string): Promise<string> {
  const r = await git(top, ['merge-base', base, head]);
  return r && r.code === 0 ? r.stdout.toString('utf8').trim() || base : base;
}

export async function requireWorkTree(dir: string, flag: string): Promise<string> {
  const top = await workTreeTop(dir);
  if (!top) throw new CliError(`${flag} needs a git repository, and ${dir} is not inside one`, `run it from a clone (cd into the repository), or scan files without ${flag}`);
  return top;
}
