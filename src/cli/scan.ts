/** `tokenwarden scan`: resolve targets, policy and baseline, feed the scanner, render, exit by verdict. */
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { Scanner, type ScanResult } from '../engine/scan.js';
import { allRules } from '../engine/registry.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import type { PolicyError } from '../engine/policy/load.js';
import type { ReportContext } from '../report/context.js';
import { renderText } from '../report/text.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import { explainVerdict, verdictLine } from '../report/verdict.js';
import { oneOf, parseCommandArgs, todayFrom, usageError } from './args.js';
import { HELP } from './help.js';
import { EXIT, type Io } from './io.js';
import { loadPolicy } from './config.js';
import { loadBaseline } from './baseline.js';
import { resolveTargets } from './files.js';
import { parseRange, rangeDiff, requireWorkTree, stagedDiff } from './git.js';
import { scanDiff, scanTree } from './collect.js';
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
}

export interface ScanOutcome {
  result: ScanResult;
  policy: ResolvedPolicy;
  root: string;
  baselineSource?: string;
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
  let feed: (scanner: Scanner, maxBytes: number) => Promise<void>;
  if (range || plan.staged) {
    root = await requireWorkTree(io.cwd, range ? '--diff' : '--staged');
    const specs = await pathspecs(io, root, plan.paths);
    feed = async (scanner, maxBytes) => {
      const diff = range ? await rangeDiff(root, range, specs) : await stagedDiff(root, specs);
      scanDiff(scanner, diff, maxBytes, progress);
    };
  } else {
    const targets = await resolveTargets(io.cwd, plan.paths);
    root = targets.root;
    feed = (scanner, maxBytes) => scanTree(scanner, targets, maxBytes, progress);
  }
  // A --diff scan takes policy and baseline from BASE: the change under review cannot relax its own check.
  const revision = range?.base;
  const { policy, warnings } = await loadPolicy({ cwd: io.cwd, root, explicit: plan.config, revision, today: plan.today });
  printWarnings(io, warnings);
  const baseline = plan.baseline === false ? undefined : await loadBaseline({ cwd: io.cwd, root, explicit: plan.baseline, revision });
  const scanner = new Scanner({ policy, rules: allRules, today: plan.today, ...(baseline ? { baseline: baseline.fingerprints } : {}) });
  try {
    await feed(scanner, policy.settings.maxFileBytes);
  } finally {
    progress.done();
  }
  return { result: scanner.result(), policy, root, ...(baseline ? { baselineSource: baseline.source } : {}) };
}

const FORMATS = ['text', 'json', 'sarif'] as const;

export async function scanCommand(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseCommandArgs('scan', argv, {
    diff: { type: 'string' },
    staged: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    baseline: { type: 'string' },
    'no-color': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
    today: { type: 'string' },
  });
  if (v.help) {
    io.stdout.write(HELP.scan);
    return EXIT.ok;
  }
  if (v.diff !== undefined && v.staged) throw usageError('scan', '--diff and --staged cannot be combined');
  const format = oneOf('scan', 'format', v.format, FORMATS, 'text');
  const today = todayFrom('scan', v.today, io.now());

  const outcome = await runScan(
    {
      paths: positionals,
      diff: v.diff,
      staged: v.staged,
      config: v.config,
      baseline: v.baseline,
      today,
      showProgress: io.stderr.isTTY === true && !v.quiet,
    },
    io,
  );
  const ctx: ReportContext = { policy: outcome.policy, toolVersion: toolVersion(), rules: allRules, ...(outcome.baselineSource ? { baselineSource: outcome.baselineSource } : {}) };
  const report =
    format === 'json'
      ? renderJson(outcome.result, ctx)
      : format === 'sarif'
        ? renderSarif(outcome.result, ctx)
        : renderText(outcome.result, ctx, { color: useColor(io, { noColor: v['no-color'], output: v.output }), quiet: v.quiet });
  await emit(io, report, v.output);

  const detail = explainVerdict(outcome.result, outcome.policy);
  if (v.output && !v.quiet) io.stderr.write(`wrote ${format} report to ${v.output}: ${verdictLine(detail, outcome.result.stats.files)}\n`);
  return detail.verdict === 'fail' ? EXIT.findings : EXIT.ok;
}
