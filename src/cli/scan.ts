/** `tokenwarden scan`: resolve targets, policy and baseline, feed the scanner, render, exit by verdict. */
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { Scanner, type ScannerOptions, type ScanResult } from '../engine/scan.js';
import { parseUnifiedDiff, type DiffFile } from '../engine/diff.js';
import type { Skipped } from '../engine/decode.js';
import { isStructural, mergeResults, structuralApplies, structuralChange } from '../engine/structural.js';
import { allRules } from '../engine/registry.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import type { PolicyError } from '../engine/policy/load.js';
import type { ReportContext } from '../report/context.js';
import { renderText } from '../report/text.js';
import { fileNameFindings } from '../report/scrub.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { explainVerdict, verdictLine } from '../report/verdict.js';
import { oneOf, parseCommandArgs, todayFrom, usageError } from './args.js';
import { HELP } from './help.js';
import { EXIT, type Io } from './io.js';
import { loadPolicy } from './config.js';
import { loadBaseline } from './baseline.js';
import { resolveTargets } from './files.js';
import { readSides, type ChangedStructuralFile, type SideReader } from '../change/sides.js';
import { listAllAtRevision, listAtRevision, mergeBaseOf, parseRange, rangeDiff, requireWorkTree, RevisionFiles, stagedDiff } from './git.js';
import { scanDiff, scanTree } from './collect.js';
import { initHcl } from '../engine/parse/hcl.js';
import { nothingScanned, renderExclusions } from './exclusions.js';
import type { Listing } from './walk.js';
import { historyArgs, runHistoryScan } from './history.js';
import { stagedWording } from '../report/wording.js';
import { Progress } from './progress.js';
import { emit, useColor } from './output.js';
import { toolVersion } from './version.js';

export interface ScanPlan {
  paths: string[];
  diff?: string;
  staged?: boolean;
  config?: string;
  /** A baseline file, or false to apply none (the `baseline` command). */
  baseline?: string | false;
  today: Date;
  showProgress: boolean;
  /** Worker threads for a tree scan (`--jobs`); default: the cores, 1 for a small tree. */
  jobs?: number;
}

export interface ScanOutcome {
  result: ScanResult;
  policy: ResolvedPolicy;
  root: string;
  baselineSource?: string;
  /** A tree scan: the files listed and what was left out, by reason. */
  listing?: Listing;
  /** A change: what its judgement read less of than it could (ReportContext.notes). */
  notes?: string[];
}

function printWarnings(io: Io, warnings: PolicyError[]): void {
  for (const w of warnings) io.stderr.write(`${w.source}:${w.line}:${w.column}: warning: ${w.message}\n  fix: ${w.fix}\n`);
}

/** PATHs as git pathspecs relative to the work tree top. */
async function pathspecs(io: Io, top: string, paths: string[]): Promise<string[]> {
  const cwd = await realpath(io.cwd);
  return paths.map((p) => relative(top, resolve(cwd, p)).split(sep).join('/') || '.');
}

export async function runScan(plan: ScanPlan, io: Io): Promise<ScanOutcome> {
  const progress = new Progress(io.stderr, plan.showProgress);
  const range = plan.diff !== undefined ? parseRange(plan.diff) : undefined;
  let root: string;
  /** Feeds the scanner; may return more findings (the structural judgement of a diff) to merge. */
  let feed: (scanner: Scanner, maxBytes: number, opts: ScannerOptions) => Promise<ScanResult | undefined>;
  let listing: Listing | undefined;
  /** The file names this scan publishes (a tree's files; a change's added and renamed files): a token in one is a finding. */
  let names: string[] = [];
  let notes: string[] = [];
  if (range || plan.staged) {
    root = await requireWorkTree(io.cwd, range ? '--diff' : '--staged');
    const specs = await pathspecs(io, root, plan.paths);
    feed = async (scanner, maxBytes, opts) => {
      await initHcl(); // structural rules judge changed Terraform files whole
      const diff = range ? await rangeDiff(root, range, specs) : await stagedDiff(root, specs);
      const files = parseUnifiedDiff(diff);
      names = files.filter((f) => f.newPath !== null && f.newPath !== f.oldPath).map((f) => f.newPath!);
      // Files a structural rule applies to: judged whole at both sides; their added lines get the secrets rules only.
      const structural = files.filter((f) => f.newPath !== null && !f.binary && !scanner.isIgnored(f.newPath) && structuralApplies(allRules, f.newPath));
      const paths = new Set(structural.map((f) => f.newPath!));
      const secretsOnly = new Scanner({ ...opts, rules: allRules.filter((r) => !isStructural(r)) });
      scanDiff(scanner, diff, maxBytes, progress, (p) => (paths.has(p) ? secretsOnly : scanner));
      if (!structural.length) return secretsOnly.result();
      // `--diff`: HEAD against BASE (the merge base for `...`); `--staged`: the index against HEAD.
      const headRev = range ? range.head : null;
      const baseRev = range ? (range.mergeBase ? await mergeBaseOf(root, range.base, range.head) : range.base) : 'HEAD';
      const judged = await structuralFromGit(root, structural, headRev, baseRev, maxBytes, opts, (p) => scanner.isIgnored(p));
      for (const s of judged.skipped) scanner.skip(s);
      notes = judged.notes;
      return mergeResults(secretsOnly.result(), judged.result);
    };
  } else {
    const targets = await resolveTargets(io.cwd, plan.paths);
    root = targets.root;
    feed = async (scanner, maxBytes, opts) => {
      listing = await scanTree(scanner, targets, maxBytes, progress, { opts, ...(plan.jobs ? { jobs: plan.jobs } : {}) });
      names = listing.files.map((f) => f.path);
      return undefined;
    };
  }
  // A --diff scan takes policy and baseline from BASE: the change under review cannot relax its own check.
  // The empty tree holds no policy: EMPTY..HEAD (everything, e.g. a backfill) reads HEAD's.
  const revision = range ? (range.emptyBase ? range.head : range.base) : undefined;
  const { policy, warnings } = await loadPolicy({ cwd: io.cwd, root, explicit: plan.config, revision, today: plan.today });
  printWarnings(io, warnings);
  const baseline = plan.baseline === false ? undefined : await loadBaseline({ cwd: io.cwd, root, explicit: plan.baseline, revision });
  const opts: ScannerOptions = { policy, rules: allRules, today: plan.today, ...(baseline ? { baseline: baseline.fingerprints } : {}) };
  const scanner = new Scanner(opts);
  let extra: ScanResult | undefined;
  try {
    extra = await feed(scanner, policy.settings.maxFileBytes, opts);
  } finally {
    progress.done();
  }
  let result = extra ? mergeResults(scanner.result(), extra) : scanner.result();
  // As the App does for a pull request's added files (src/report/scrub.ts): the name is published too.
  const named = listing ? names : names.filter((p) => !scanner.isIgnored(p));
  if (named.length) result = mergeResults(result, fileNameFindings(named, opts));
  return { result, policy, root, ...(baseline ? { baselineSource: baseline.source } : {}), ...(listing ? { listing } : {}), ...(notes.length ? { notes } : {}) };
}

/** One side of the change in git: a revision, or the index (`null`). The reading procedure is shared with the App (src/change/sides.ts). */
function gitSide(files: RevisionFiles, root: string, rev: string | null, maxBytes: number, head: boolean): SideReader {
  return {
    async read(path, purpose) {
      const t = await files.read(rev, path);
      if (t === null) {
        // A file listed at this side that git could not show: a binding to a role in it is not judged.
        if (purpose === 'roles')
          return { skipped: { path, reason: 'unreadable', detail: 'could not be read: not searched for Kubernetes roles, so a changed binding to a role defined here was not judged' } };
        // A changed file its head does not hold (git could not show it) is not judged whole: say so.
        return head && purpose === 'structural'
          ? { skipped: { path, reason: 'too-large', detail: `the whole file (over ${maxBytes} bytes, or unreadable) could not be judged by scope and rotation rules` } }
          : { absent: true };
      }
      if (t.length > maxBytes) {
        return {
          skipped: {
            path,
            reason: 'too-large',
            detail:
              purpose === 'view'
                ? `over ${maxBytes} bytes: the inventory rules did not read it`
                : purpose === 'roles'
                  ? `over ${maxBytes} bytes: not searched for Kubernetes roles, so a changed binding to a role defined here was not judged`
                  : `the whole file (over ${maxBytes} bytes, or unreadable) could not be judged by scope and rotation rules`,
          },
        };
      }
      return { text: t };
    },
    list: (dir) => listAtRevision(root, rev, dir),
    async listAll() {
      const all = await listAllAtRevision(root, rev);
      if (all === null) throw new Error('git could not list the files');
      return { files: all.map((path) => ({ path })), truncated: false };
    },
  };
}

/** Structural rules on whole files: the head (`null`: the index) against the base; new findings only. */
async function structuralFromGit(
  root: string,
  files: DiffFile[],
  headRev: string | null,
  baseRev: string,
  maxBytes: number,
  opts: ScannerOptions,
  isIgnored: (path: string) => boolean,
): Promise<{ result: ScanResult; skipped: Skipped[]; notes: string[] }> {
  const changed: ChangedStructuralFile[] = files.map((f) => ({
    path: f.newPath!,
    ...(f.oldPath !== null && f.oldPath !== f.newPath ? { previousPath: f.oldPath } : {}),
    added: f.oldPath === null,
  }));
  // One `git cat-file --batch` for both sides; requests are pipelined (answers come in order).
  const reader = new RevisionFiles(root);
  try {
    const sides = await readSides(changed, gitSide(reader, root, headRev, maxBytes, true), gitSide(reader, root, baseRev, maxBytes, false), { concurrency: 8, isIgnored });
    return { result: structuralChange(opts, sides.head, sides.base), skipped: sides.skipped, notes: sides.notes };
  } finally {
    reader.close();
  }
}

const FORMATS = ['text', 'json', 'sarif'] as const;

export async function scanCommand(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('scan', historyArgs(argv), {
    diff: { type: 'string' },
    history: { type: 'boolean' },
    'history-range': { type: 'string' },
    staged: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    baseline: { type: 'string' },
    'no-color': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
    today: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
  });
  if (v.help) {
    io.stdout.write(HELP.scan);
    return EXIT.ok;
  }
  if ([v.diff !== undefined, v.staged, v.history].filter(Boolean).length > 1) throw usageError('scan', '--diff, --staged and --history cannot be combined');
  const format = oneOf('scan', 'format', v.format, FORMATS, 'text');
  const today = todayFrom('scan', v.today, io.now());
  const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256)) throw usageError('scan', `--jobs takes a number of worker threads from 1 to 256 (got '${v.jobs}')`);

  const common = { paths: positionals, config: v.config, baseline: v.baseline, today, showProgress: io.stderr.isTTY === true && !v.quiet };
  const history = v.history ? await runHistoryScan({ ...common, ...(v['history-range'] ? { range: v['history-range'] } : {}) }, io) : undefined;
  const outcome =
    history ??
    (await runScan(
      {
        paths: positionals,
        diff: v.diff,
        staged: v.staged,
        config: v.config,
        baseline: v.baseline,
        today,
        showProgress: io.stderr.isTTY === true && !v.quiet,
        ...(jobs ? { jobs } : {}),
      },
      io,
    ));
  // A tree scan that read no file is not a pass: say what was left out and why (exit 2).
  if (outcome.listing && outcome.result.stats.files === 0) {
    io.stderr.write(nothingScanned(positionals, outcome.listing, outcome.result.skipped));
    return EXIT.usage;
  }
  // Staged lines are not committed yet: the report says "staged", not "committed".
  if (v.staged) outcome.result = stagedWording(outcome.result);
  const ctx: ReportContext = {
    policy: outcome.policy,
    toolVersion: toolVersion(),
    rules: allRules,
    mode: history ? 'history' : v.staged ? 'staged' : v.diff !== undefined ? 'diff' : 'tree',
    ...(history ? { history: history.history, origins: history.origins } : {}),
    ...(outcome.listing ? { leftOut: outcome.listing.excluded.map((e) => ({ path: e.path, folder: !!e.dir, reason: e.reason, detail: e.detail ?? null })) } : {}),
    ...(outcome.baselineSource ? { baselineSource: outcome.baselineSource } : {}),
    ...(outcome.notes ? { notes: outcome.notes } : {}),
  };
  const report =
    format === 'json'
      ? renderJson(outcome.result, ctx)
      : format === 'sarif'
        ? renderSarif(outcome.result, ctx)
        : renderExclusions(renderText(outcome.result, ctx, { color: useColor(io, { noColor: v['no-color'], output: v.output }), quiet: v.quiet }), outcome.listing);
  await emit(io, report, v.output);

  const detail = explainVerdict(outcome.result, outcome.policy);
  if (v.output && !v.quiet) io.stderr.write(`wrote ${format} report to ${v.output}: ${verdictLine(detail, outcome.result.stats.files)}\n`);
  return detail.verdict === 'fail' ? EXIT.findings : EXIT.ok;
}
