/**
 * `tokenwarden scan --history [RANGE]`: the lines every commit added, read from one streamed
 * `git log -p -U0` (oldest first), judged by the secrets rules. Each secret is reported once, with the
 * first commit, author date and path where it appeared and whether HEAD still holds it: a secret
 * deleted from the tree is still a leak until it is revoked.
 */
import { spawn } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { Scanner, type ScannerOptions, type ScanResult } from '../engine/scan.js';
import { addedLinesSource, parseUnifiedDiff } from '../engine/diff.js';
import type { Finding } from '../engine/finding.js';
import type { Skipped } from '../engine/decode.js';
import { allRules } from '../engine/registry.js';
import type { HistoryInfo, Origin } from '../report/context.js';
import { CliError, type Io } from './io.js';
import { loadPolicy } from './config.js';
import { loadBaseline } from './baseline.js';
import { explainGitFailure, git, isShallow, requireWorkTree, showAtRevision, UNSHALLOW_FIX, verifyRevision } from './git.js';
import { Progress } from './progress.js';
import type { ScanOutcome } from './scan.js';

export interface HistoryPlan {
  /** A git revision range (`v1.0..HEAD`, `origin/main..`) or one revision; default HEAD (all of its history). */
  range?: string;
  paths: string[];
  config?: string;
  baseline?: string | false;
  today: Date;
  showProgress: boolean;
}

export interface HistoryOutcome extends ScanOutcome {
  history: HistoryInfo;
  origins: Map<string, Origin>;
}

/**
 * Findings carry the commit they came from in their line numbers while the scanner runs: line
 * `commit * LINE_SPAN + line` (the secrets rules never read line numbers; fingerprints of secrets do
 * not hold them). One scanner for the whole history: building one per commit costs ~10 ms.
 */
const LINE_SPAN = 2 ** 26;

const HISTORY_FIX = 'use --history (all of HEAD), --history=REV or --history BASE..HEAD, e.g. --history origin/main..HEAD';
const COMMIT_MARK = 0x1e;
const FIELD = '\x1f';

interface Commit {
  id: string;
  date: string;
  author: string;
}

/** Check every revision the range names, with git's own words on failure. */
async function checkRange(top: string, range: string): Promise<void> {
  if (range.startsWith('-') || /\s/.test(range)) throw new CliError(`'${range}' is not a revision range`, HISTORY_FIX);
  const revs = range.split(/\.\.\.?/).filter((r) => r !== '');
  if (!revs.length) throw new CliError(`'${range}' names no revision`, HISTORY_FIX);
  for (const rev of revs) await verifyRevision(top, rev, '--history');
}

/** Does this git have `--diff-merges=remerge` (2.36+): the lines a merge added beyond what merging its parents gave? */
async function remergeSupported(top: string): Promise<boolean> {
  const r = await git(top, ['version']);
  const m = r && /git version (\d+)\.(\d+)/.exec(r.stdout.toString('utf8'));
  return !!m && (Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 36));
}

/**
 * Stream `git log -p` and hand each commit (its header fields and its diff bytes) to `onCommit`.
 * Memory is bounded by one commit's diff.
 */
function streamLog(top: string, args: string[], onCommit: (c: Commit, diff: Buffer) => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['--literal-pathspecs', '-c', 'core.quotePath=true', ...args], {
      cwd: top,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' },
    });
    const err: Buffer[] = [];
    let current: Commit | undefined;
    let parts: Buffer[] = [];
    let partial: Buffer | undefined;
    let failed: Error | undefined;
    const flush = (): void => {
      if (current) onCommit(current, Buffer.concat(parts));
      current = undefined;
      parts = [];
    };
    const line = (l: Buffer): void => {
      if (l[0] === COMMIT_MARK) {
        flush();
        const [id = '', date = '', author = ''] = l.subarray(1).toString('utf8').replace(/\n$/, '').split(FIELD);
        current = { id, date, author };
      } else parts.push(l);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        let buf = partial ? Buffer.concat([partial, chunk]) : chunk;
        partial = undefined;
        let nl: number;
        while ((nl = buf.indexOf(10)) !== -1) {
          line(buf.subarray(0, nl + 1));
          buf = buf.subarray(nl + 1);
        }
        if (buf.length) partial = Buffer.from(buf);
      } catch (e) {
        failed = e as Error;
        child.kill();
      }
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        const p = explainGitFailure(null, 'git log', top);
        reject(new CliError(p.message, p.fix));
      } else reject(e);
    });
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (code !== 0) {
        const p = explainGitFailure({ code: code ?? 1, stdout: Buffer.alloc(0), stderr: Buffer.concat(err).toString('utf8').trim() }, 'git log', top);
        return reject(new CliError(p.message, p.fix));
      }
      try {
        if (partial) line(partial);
        flush();
        resolvePromise();
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

const decode = (b: Buffer): string => new TextDecoder('utf-8', { fatal: false }).decode(b);

/** The key a secret is reported once under: the secret itself, else the finding's own fingerprint. */
const secretKey = (f: Finding): string => f.secretHash ?? f.fingerprint;

export async function runHistoryScan(plan: HistoryPlan, io: Io): Promise<HistoryOutcome> {
  const root = await requireWorkTree(io.cwd, '--history');
  const range = plan.range ?? 'HEAD';
  await checkRange(root, range);
  if (await isShallow(root)) {
    throw new CliError('--history needs the full history, and this is a shallow clone (its older commits were never fetched)', UNSHALLOW_FIX);
  }
  const cwd = await realpath(io.cwd);
  const specs = plan.paths.map((p) => relative(root, resolve(cwd, p)).split(sep).join('/') || '.');

  // The policy and baseline of the work tree, as for a scan of the files.
  const { policy, warnings } = await loadPolicy({ cwd: io.cwd, root, explicit: plan.config, today: plan.today });
  for (const w of warnings) io.stderr.write(`${w.source}:${w.line}:${w.column}: warning: ${w.message}\n  fix: ${w.fix}\n`);
  const baseline = plan.baseline === false ? undefined : await loadBaseline({ cwd: io.cwd, root, explicit: plan.baseline });
  // Secrets only: scope and rotation rules judge whole files as they are now, not lines of old commits.
  const opts: ScannerOptions = { policy, rules: allRules.filter((r) => r.meta.family === 'secrets'), today: plan.today, ...(baseline ? { baseline: baseline.fingerprints } : {}) };
  const scanner = new Scanner(opts);
  const maxBytes = policy.settings.maxFileBytes;
  const progress = new Progress(io.stderr, plan.showProgress);

  const commits: Commit[] = [];
  const skippedOnce = new Map<string, Skipped>();
  const skip = (s: Skipped): void => {
    const key = `${s.path}\0${s.reason}`;
    if (!skippedOnce.has(key)) skippedOnce.set(key, s);
  };
  const args = [
    'log',
    '--reverse',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    // A renamed or copied file counts as added whole at its new path, so where a secret lives at HEAD is known.
    '--no-renames',
    '-U0',
    '-p',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    `--format=%x1e%H${FIELD}%aI${FIELD}%an`,
    ...((await remergeSupported(root)) ? ['--diff-merges=remerge'] : []),
    range,
    '--',
    ...specs,
  ];
  try {
    await streamLog(root, args, (commit, diff) => {
      const index = commits.push(commit) - 1;
      for (const f of parseUnifiedDiff(decode(diff))) {
        const path = f.newPath;
        if (path === null || scanner.isIgnored(path)) continue;
        if (f.binary) {
          skip({ path, reason: 'binary', detail: `binary content in history (first in commit ${commit.id.slice(0, 12)})` });
          continue;
        }
        if (f.added.length === 0) continue;
        const source = addedLinesSource(path, f.added);
        if (source.text.length > maxBytes) {
          skip({ path, reason: 'too-large', detail: `lines added by commit ${commit.id.slice(0, 12)} exceed ${maxBytes} bytes (settings.max_file_size)` });
          continue;
        }
        source.lineNumbers = f.added.map((a) => index * LINE_SPAN + a.line);
        try {
          scanner.scanFile(source);
          progress.tick(source.text.length);
        } catch (e) {
          skip({ path, reason: 'error', detail: `internal error while scanning commit ${commit.id.slice(0, 12)}: ${(e as Error).message}` });
        }
      }
    });
  } finally {
    progress.done();
  }
  for (const s of skippedOnce.values()) scanner.skip(s);
  const raw = scanner.result();

  // Back to real line numbers, remembering each finding's commit.
  const commitOf = new Map<Finding, number>();
  const restore = (f: Finding): Finding => {
    commitOf.set(f, Math.floor(f.startLine / LINE_SPAN));
    f.startLine %= LINE_SPAN;
    f.endLine %= LINE_SPAN;
    return f;
  };
  raw.findings.forEach(restore);
  raw.excepted.forEach((e) => restore(e.finding));

  // One finding per secret: the first commit that added it; every path it was added at.
  const firstOf = new Map<string, Finding>();
  const seen = new Map<string, { paths: string[]; commits: Set<number> }>();
  for (const f of [...raw.findings, ...raw.excepted.map((e) => e.finding)]) {
    const key = secretKey(f);
    const s = seen.get(key) ?? seen.set(key, { paths: [], commits: new Set() }).get(key)!;
    s.commits.add(commitOf.get(f)!);
    const first = firstOf.get(key);
    if (!first || commitOf.get(f)! < commitOf.get(first)!) firstOf.set(key, f);
  }
  // Paths in the order they were added at.
  const byCommit = [...raw.findings, ...raw.excepted.map((e) => e.finding)].sort((a, b) => commitOf.get(a)! - commitOf.get(b)!);
  for (const f of byCommit) {
    const paths = seen.get(secretKey(f))!.paths;
    if (!paths.includes(f.path)) paths.push(f.path);
  }

  const atHead = await secretsAtHead(root, [...new Set([...seen.values()].flatMap((s) => s.paths))], opts, maxBytes);
  const origins = new Map<string, Origin>();
  for (const [key, f] of firstOf) {
    const c = commits[commitOf.get(f)!]!;
    const s = seen.get(key)!;
    origins.set(f.fingerprint, { commit: c.id, date: c.date, author: c.author, path: f.path, paths: s.paths, commits: s.commits.size, presentAtHead: atHead.has(key) });
  }
  const kept = new Set(firstOf.values());
  const result: ScanResult = {
    ...raw,
    findings: raw.findings.filter((f) => kept.has(f)),
    excepted: raw.excepted.filter((e) => kept.has(e.finding)),
    expired: raw.expired.filter((e) => kept.has(e.finding)),
  };
  return {
    result,
    policy,
    root,
    ...(baseline ? { baselineSource: baseline.source } : {}),
    history: { range, commits: commits.length },
    origins,
  };
}

/** The secrets (by `secretKey`) the given paths hold at HEAD. */
async function secretsAtHead(root: string, paths: string[], opts: ScannerOptions, maxBytes: number): Promise<Set<string>> {
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const out = new Set<string>();
  if (!head || head.code !== 0 || !paths.length) return out;
  // No baseline here: a baselined secret is still present.
  const scanner = new Scanner({ policy: opts.policy, rules: opts.rules, today: opts.today });
  for (const path of paths) {
    const text = await showAtRevision(root, 'HEAD', path);
    if (text === null || text.length > maxBytes) continue;
    scanner.scanFile({ path, text });
  }
  const r = scanner.result();
  for (const f of [...r.findings, ...r.excepted.map((e) => e.finding)]) out.add(secretKey(f));
  return out;
}

/**
 * `--history` takes an optional RANGE, which node's parseArgs cannot express: `--history=RANGE`, or
 * `--history A..B` (a following argument with `..` is a range, never a PATH), become `--history
 * --history-range RANGE`. A bare `--history` scans all of HEAD's history.
 */
export function historyArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--history=')) {
      out.push('--history', '--history-range', a.slice('--history='.length));
      continue;
    }
    const next = argv[i + 1];
    if (a === '--history' && next !== undefined && !next.startsWith('-') && next.includes('..')) {
      out.push('--history', '--history-range', next);
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
