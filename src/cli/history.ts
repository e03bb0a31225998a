/**
 * `tokenwarden scan --history [RANGE]`: the lines every commit added, read from one streamed
 * `git log -p -U0` (oldest first), judged by the secrets rules. Each secret is reported once, with the
 * first commit, author date and path where it appeared and whether HEAD still holds it: a secret
 * deleted from the tree is still a leak until it is revoked. The judging and the once-per-secret logic
 * are shared with the App's backfill (src/change/history.ts); git is this file's part.
 */
import { spawn } from './git.js';
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { Scanner, type ScannerOptions } from '../engine/scan.js';
import { parseUnifiedDiff } from '../engine/diff.js';
import { allRules } from '../engine/registry.js';
import { HistoryWalk, secretKey, type HistoryCommit } from '../change/history.js';
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

const HISTORY_FIX = 'use --history (all of HEAD), --history=REV or --history BASE..HEAD, e.g. --history origin/main..HEAD';
const COMMIT_MARK = 0x1e;
const FIELD = '\x1f';

interface Commit extends HistoryCommit {
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
  const walk = new HistoryWalk({ isIgnored: (path) => scanner.isIgnored(path), maxBytes });

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
      for (const source of walk.sources(commit, parseUnifiedDiff(decode(diff)))) {
        try {
          scanner.scanFile(source);
          progress.tick(source.text.length);
        } catch (e) {
          walk.skip({ path: source.path, reason: 'error', detail: `internal error while scanning commit ${commit.id.slice(0, 12)}: ${(e as Error).message}` });
        }
      }
    });
  } finally {
    progress.done();
  }
  for (const s of walk.skipped()) scanner.skip(s);
  const { result, sightings } = walk.firstSightings(scanner.result());

  const atHead = await secretsAtHead(root, [...new Set(sightings.flatMap((s) => s.paths))], opts, maxBytes);
  const origins = new Map<string, Origin>();
  for (const s of sightings) {
    const c = s.commit;
    origins.set(s.finding.fingerprint, { commit: c.id, date: c.date, author: c.author ?? '', path: s.finding.path, paths: s.paths, commits: s.commits, presentAtHead: atHead.has(s.key) });
  }
  return {
    result,
    policy,
    root,
    ...(baseline ? { baselineSource: baseline.source } : {}),
    history: { range, commits: walk.count },
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
