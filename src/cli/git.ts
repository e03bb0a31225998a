/** The git commands the CLI needs. No shell: arguments go to git as they are. */
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { CliError } from './io.js';

/**
 * node:child_process at the first git call, not at start-up: it loads net, dgram and their kin, which
 * a scan outside a work tree never needs.
 */
export const spawn = ((...args: unknown[]): unknown => (process.getBuiltinModule('node:child_process').spawn as (...a: unknown[]) => unknown)(...args)) as typeof import('node:child_process').spawn;

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

/** What a failed git command means, said as what it is, with the fix. */
export interface GitProblem {
  kind: 'git-missing' | 'dubious-ownership' | 'not-a-repository' | 'unknown-revision' | 'other';
  message: string;
  fix: string;
}

const GIT_MISSING: GitProblem = {
  kind: 'git-missing',
  message: 'git is not installed (or not on PATH)',
  fix: 'install git (https://git-scm.com/downloads; apt-get install git, brew install git) and run again',
};

/** Classify git's stderr. `what` names the command for the catch-all case. */
export function explainGitFailure(r: GitOutput | null, what: string, dir: string): GitProblem {
  if (!r) return GIT_MISSING;
  const err = r.stderr;
  if (/dubious ownership/i.test(err)) {
    // git names the directory to trust in its own advice: `git config --global --add safe.directory X`.
    const named = /safe\.directory\s+'?([^'\n]+?)'?\s*$/m.exec(err)?.[1] ?? dir;
    return {
      kind: 'dubious-ownership',
      message: `git refuses to read ${named}: "dubious ownership" (the repository belongs to another user than the one running tokenwarden, common in containers and CI)`,
      fix: `if you trust it, run: git config --global --add safe.directory ${named}  (in a container, run as the repository's owner or mount it with that user)`,
    };
  }
  if (/not a git repository/i.test(err)) {
    return { kind: 'not-a-repository', message: `${dir} is not inside a git repository`, fix: 'run it from a clone (cd into the repository)' };
  }
  if (/unknown revision|bad revision|ambiguous argument|invalid object name|bad object|not a valid object name/i.test(err)) {
    return { kind: 'unknown-revision', message: `git does not know a revision (${firstLine(err)})`, fix: 'check the name (git branch -a, git log --oneline)' };
  }
  return { kind: 'other', message: `${what} failed: ${firstLine(err) || `exit code ${r.code}`}`, fix: 'check the repository with git status; run the git command above to see its full error' };
}

const firstLine = (s: string): string =>
  s
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.replace(/^(fatal|error): /, '') ?? '';

/** True in a shallow clone (history cut short, e.g. actions/checkout's default fetch-depth 1). */
export async function isShallow(top: string): Promise<boolean> {
  const r = await git(top, ['rev-parse', '--is-shallow-repository']);
  return !!r && r.code === 0 && r.stdout.toString('utf8').trim() === 'true';
}

export const UNSHALLOW_FIX = 'fetch the full history: git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)';

/** Tracked and untracked-but-not-ignored files under `pathspecs`, relative to `top`. */
export async function listWorkTreeFiles(top: string, pathspecs: string[]): Promise<string[]> {
  const r = await git(top, ['ls-files', '-co', '--exclude-standard', '-z', '--', ...pathspecs]);
  if (!r || r.code !== 0) throw new CliError(`git ls-files failed in ${top}: ${r?.stderr ?? 'git not found'}`, 'check that the repository is not corrupt (git status)');
  return r.stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p.length > 0);
}

export interface DiffRange {
  base: string;
  head: string;
  /** `BASE...HEAD`: changes on HEAD since the merge base, as a pull request shows them. */
  mergeBase: boolean;
  /** BASE is the empty tree (`EMPTY` or git's empty-tree id): every line at HEAD counts as added. */
  emptyBase?: boolean;
}

const RANGE_FIX = 'use --diff BASE..HEAD, e.g. --diff origin/main..HEAD (or origin/main...HEAD for changes since the merge base; EMPTY..HEAD for everything)';

/** git's empty tree, in SHA-1 and SHA-256 repositories. `EMPTY` is our name for it. */
export const EMPTY_TREE_SHA1 = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
export const EMPTY_TREE_SHA256 = '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321';
const isEmptyTreeName = (rev: string): boolean => rev === 'EMPTY' || rev === EMPTY_TREE_SHA1 || rev === EMPTY_TREE_SHA256;

export function parseRange(spec: string): DiffRange {
  const m = /^(.*?)(\.\.\.?)(.*)$/.exec(spec);
  if (!m || !m[1]) throw new CliError(`--diff needs a range BASE..HEAD (got '${spec}')`, RANGE_FIX);
  const range: DiffRange = { base: m[1], head: m[3] || 'HEAD', mergeBase: m[2] === '...' };
  for (const rev of [range.base, range.head]) {
    if (rev.startsWith('-') || /\s/.test(rev)) throw new CliError(`'${rev}' is not a revision`, RANGE_FIX);
  }
  if (isEmptyTreeName(range.head)) throw new CliError(`the empty tree can only be the BASE of --diff (got '${spec}')`, RANGE_FIX);
  if (isEmptyTreeName(range.base)) {
    if (range.mergeBase) throw new CliError(`the empty tree has no merge base with ${range.head}: use ${range.base}..${range.head}`, RANGE_FIX);
    range.emptyBase = true;
  }
  return range;
}

/** The empty tree's id in this repository (SHA-1 or SHA-256 object format). */
export async function emptyTree(top: string): Promise<string> {
  const r = await git(top, ['hash-object', '-t', 'tree', '--stdin']);
  const id = r && r.code === 0 ? r.stdout.toString('utf8').trim() : '';
  return id || EMPTY_TREE_SHA1;
}

export async function verifyRevision(top: string, rev: string, flag = '--diff'): Promise<void> {
  const r = await git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!r) throw new CliError(GIT_MISSING.message, GIT_MISSING.fix);
  if (r.code === 0) return;
  // rev-parse --quiet says nothing: ask again without it to tell ownership trouble from a bad name.
  const loud = await git(top, ['rev-parse', '--verify', `${rev}^{commit}`]);
  const problem = explainGitFailure(loud, 'git rev-parse', top);
  if (problem.kind === 'dubious-ownership' || problem.kind === 'git-missing') throw new CliError(problem.message, problem.fix);
  const shallow = await isShallow(top);
  throw new CliError(
    `unknown revision '${rev}' in ${flag}${shallow ? ' (this is a shallow clone: older commits and other branches are not fetched)' : ''}`,
    shallow
      ? `${UNSHALLOW_FIX}; or fetch the one you need, e.g. git fetch --depth=50 origin ${rev.replace(/^origin\//, '')}`
      : `check the name (git branch -a, git log --oneline); in a CI clone fetch it first, e.g. git fetch origin ${rev.replace(/^origin\//, '')}`,
  );
}

const DIFF_FLAGS = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-U0', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/'];

/** Decoded leniently: content in another encoding must not stop the scan of the rest. */
const decodeDiff = (b: Buffer): string => new TextDecoder('utf-8', { fatal: false }).decode(b);

export async function rangeDiff(top: string, range: DiffRange, pathspecs: string[]): Promise<string> {
  if (!range.emptyBase) await verifyRevision(top, range.base);
  await verifyRevision(top, range.head);
  // Against the empty tree: two revisions (a tree and a commit), as `A..B` wants two commits.
  const revs = range.emptyBase ? [await emptyTree(top), range.head] : [`${range.base}${range.mergeBase ? '...' : '..'}${range.head}`];
  const r = await git(top, [...DIFF_FLAGS, ...revs, '--', ...pathspecs]);
  if (!r || r.code !== 0) {
    const p = explainGitFailure(r, `git diff ${revs.join(' ')}`, top);
    throw new CliError(p.message, p.kind === 'other' ? RANGE_FIX : p.fix);
  }
  return decodeDiff(r.stdout);
}

export async function stagedDiff(top: string, pathspecs: string[]): Promise<string> {
  const r = await git(top, [...DIFF_FLAGS, '--cached', '--', ...pathspecs]);
  if (!r || r.code !== 0) {
    const p = explainGitFailure(r, 'git diff --cached', top);
    throw new CliError(p.message, p.fix);
  }
  return decodeDiff(r.stdout);
}

/** A file's content at a revision, or null when it does not exist there. */
export async function showAtRevision(top: string, rev: string, path: string): Promise<string | null> {
  const r = await git(top, ['show', `${rev}:${path}`]);
  return r && r.code === 0 ? r.stdout.toString('utf8') : null;
}

/**
 * Files at revisions through one `git cat-file --batch` process, for a change's sides: `git show` per
 * file started a process each (5–10 ms), and the role search of a change reads up to 100 files. Answers
 * come in the order asked. `close()` ends the process; a reader whose process fails falls back to
 * `showAtRevision`.
 */
export class RevisionFiles {
  private child: ChildProcessByStdio<Writable, Readable, null> | undefined;
  private broken = false;
  private readonly waiting: Array<(blob: Buffer | null | 'failed') => void> = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes the record at the front needs before it can be parsed (0: its header is not read yet). */
  private need = 0;

  constructor(private readonly top: string) {}

  /** `rev` null: the index. Null when the file is not there (or is not a file). */
  async read(rev: string | null, path: string): Promise<string | null> {
    // The batch protocol is line-based: a name with a line break goes through `git show`.
    if (this.broken || path.includes('\n') || rev?.includes('\n')) return showAtRevision(this.top, rev ?? '', path);
    const child = this.start();
    const blob = await new Promise<Buffer | null | 'failed'>((resolve) => {
      this.waiting.push(resolve);
      // `:0:` names the index's entry explicitly (a path like `1:x` after a bare `:` would be a stage).
      child.stdin.write(`${rev === null ? ':0' : rev}:${path}\n`);
    });
    if (blob === 'failed') return showAtRevision(this.top, rev ?? '', path);
    return blob === null ? null : blob.toString('utf8');
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.top, stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, LC_ALL: 'C' } });
    child.stdout.on('data', (b: Buffer) => {
      this.chunks.push(b);
      this.buffered += b.length;
      this.drain();
    });
    const fail = (): void => {
      this.broken = true;
      if (this.child === child) this.child = undefined;
      for (const w of this.waiting.splice(0)) w('failed');
    };
    child.on('error', fail);
    child.on('close', fail);
    child.stdin.on('error', fail);
    this.child = child;
    return child;
  }

  /** Parse whole records: `<sha> blob <size>\n<bytes>\n`, or `<name> missing\n`. */
  private drain(): void {
    while (this.waiting.length && this.buffered > 0 && this.buffered >= this.need) {
      const buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      this.chunks = [buf];
      const nl = buf.indexOf(10);
      if (nl === -1) return;
      const header = buf.subarray(0, nl).toString('latin1');
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      const size = m ? Number(m[2]) : 0;
      const end = m ? nl + 1 + size + 1 : nl + 1;
      if (buf.length < end) {
        this.need = end;
        return;
      }
      this.need = 0;
      const rest = buf.subarray(end);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
      this.waiting.shift()!(m && m[1] === 'blob' ? Buffer.from(buf.subarray(nl + 1, nl + 1 + size)) : null);
    }
  }
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

/** Every file at a revision (`null`: the index), sorted; `null` when git cannot list them. */
export async function listAllAtRevision(top: string, rev: string | null): Promise<string[] | null> {
  const r = rev === null ? await git(top, ['ls-files', '-z', '--cached']) : await git(top, ['ls-tree', '-r', '-z', '--name-only', rev]);
  if (!r || r.code !== 0) return null;
  return r.stdout.toString('utf8').split('\0').filter(Boolean).sort();
}

/** The merge base of two revisions (what `BASE...HEAD` diffs against), or `base` when git finds none. */
export async function mergeBaseOf(top: string, base: string, head: string): Promise<string> {
  const r = await git(top, ['merge-base', base, head]);
  return r && r.code === 0 ? r.stdout.toString('utf8').trim() || base : base;
}

/** The work tree's top for a git-only option; a failure says what it is (git missing, ownership, not a repository). */
export async function requireWorkTree(dir: string, flag: string): Promise<string> {
  const r = await git(dir, ['rev-parse', '--show-toplevel']);
  const top = r && r.code === 0 ? r.stdout.toString('utf8').trim() : '';
  if (top) return top;
  const p = explainGitFailure(r, 'git rev-parse --show-toplevel', dir);
  if (p.kind === 'not-a-repository' || p.kind === 'other') {
    throw new CliError(`${flag} needs a git repository, and ${dir} is not inside one`, `run it from a clone (cd into the repository), or scan files without ${flag}`);
  }
  throw new CliError(`${flag} needs git: ${p.message}`, p.fix);
}
