/**
 * Token Warden benchmarks. `npm run bench`: the whole CLI process as users run it, beside secretlint's
 * CLI (bench/process.ts). `npm run bench -- --engine [options]`: the engine in process, as below.
 *
 * Builds >= 50 MB of ordinary source code in memory from the installed node_modules tree, plants a few
 * fake secrets, and scans it single-threaded with EVERY registered rule on (the built-in policy, with
 * rules it would leave off switched to warn). Prints MB/s, files/s, findings, wall time, peak RSS and
 * heap; `--per-rule` breaks the time down by rule, prefilter and scanner; `--compare-secretlint` runs
 * secretlint's recommended preset over a subset of the same files. MB = 10^6 bytes of UTF-8.
 */
import { initEngine } from '../src/engine/init.js';
import { compareClis } from './cli-compare.js';
import { processBench } from './process.js';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../src/engine/registry.js';
import { Scanner, type ScanResult, type SourceFile } from '../src/engine/scan.js';
import { basePolicy } from '../src/engine/policy/builtin.js';
import type { ResolvedPolicy } from '../src/engine/policy/types.js';
import type { Rule } from '../src/engine/rule.js';
import { KeywordMatcher } from '../src/engine/keywords.js';
import { buildCorpus, collectSources, subset } from './corpus.js';
import { runSecretlint } from './secretlint.js';
import { formatAppBench, runAppBench, APP_TARGET_OWN_MS } from './app.js';

const TARGET_MBPS = 50;
const TARGET_RATIO = 10;
const TODAY = new Date('2026-06-15T12:00:00Z');
const MB = 1e6;

const HELP = `usage: npm run bench -- --engine [options]     (the engine in process; without --engine: the whole process, see --help)

  --mb N                corpus size in MB (default 64, at least 50 for the target)
  --repeat N            timed passes over the corpus; the median is reported (default 3)
  --per-rule            break the time down: slowest rules, prefilter, scanner overhead, busiest keywords
  --top N               rows in the per-rule tables (default 15)
  --compare-secretlint  also run secretlint (recommended preset) over a subset of the same files
  --secretlint-mb N     size of that subset in MB (default 10); Token Warden is re-measured on it
  --include-minified    keep *.min.* and long-line files under 1 MB in the corpus
  --no-app              skip the GitHub App figures (own time and API calls per PR, GitHub stubbed)
  --app-latency N       simulated GitHub latency per call in the App figures, ms (default 25)
  --json                print the figures as JSON after the tables
  -h, --help            this text

profile:  npm run build && node --cpu-prof --cpu-prof-dir=prof dist/bench/run.js --repeat 1
          node dist/scripts/cpuprofile-top.js prof/*.cpuprofile
`;

// ---------------------------------------------------------------------------------------------------
// Small helpers

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number): string => `${fmt(bytes / 1024 / 1024)} MiB`;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function table(title: string, head: string[], rows: string[][], right: boolean[] = head.map((_, i) => i > 0)): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (right[i] ? c.padStart(w[i]!) : c.padEnd(w[i]!)))
      .join('  ')
      .trimEnd();
  const rule = w.map((n) => '─'.repeat(n)).join('  ');
  return [`\n${title}`, line(head), rule, ...rows.map(line)].join('\n');
}

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

/** The built-in policy with every registered rule on: a rule the defaults leave off is set to warn. */
function everyRuleOn(rules: readonly Rule[]): { policy: ResolvedPolicy; forced: string[] } {
  const policy = basePolicy();
  const forced: string[] = [];
  for (const r of rules) {
    const fam = policy.families[r.meta.family];
    const level = policy.rules[r.meta.id]?.level ?? (fam === 'auto' ? policy.severityLevels[r.meta.severity] : fam);
    if (level === 'off') {
      policy.rules[r.meta.id] = { ...policy.rules[r.meta.id], level: 'warn' };
      forced.push(r.meta.id);
    }
  }
  // Findings a rule downgrades to `info` would otherwise be dropped after the work is done.
  policy.severityLevels.info = 'warn';
  return { policy, forced };
}

interface Memory {
  rss: number;
  heapUsed: number;
}

interface Timed {
  result: ScanResult;
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds of this process (user + system): steadier than wall time on a busy machine. */
  cpuMs: number;
}

function scanAll(files: readonly SourceFile[], policy: ResolvedPolicy, rules: readonly Rule[], peak?: Memory): Timed {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const scanner = new Scanner({ policy, rules, today: TODAY });
  for (let i = 0; i < files.length; i++) {
    scanner.scanFile(files[i]!);
    if (peak && (i & 255) === 0) {
      const m = process.memoryUsage();
      if (m.rss > peak.rss) peak.rss = m.rss;
      if (m.heapUsed > peak.heapUsed) peak.heapUsed = m.heapUsed;
    }
  }
  const result = scanner.result();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { result, ms, cpuMs: (c.user + c.system) / 1000 };
}

// ---------------------------------------------------------------------------------------------------
// Per-rule instrumentation

interface RuleStats {
  id: string;
  ms: number;
  calls: number;
  segmentBytes: number;
  raw: number;
}

function instrument(rules: readonly Rule[]): { rules: Rule[]; stats: RuleStats[] } {
  const stats: RuleStats[] = rules.map((r) => ({ id: r.meta.id, ms: 0, calls: 0, segmentBytes: 0, raw: 0 }));
  const wrapped = rules.map((rule, i) => {
    const s = stats[i]!;
    const w = Object.create(rule) as Rule;
    w.check = (file, ctx) => {
      s.calls++;
      for (const seg of file.segments) s.segmentBytes += seg.text.length;
      const t0 = performance.now();
      const out = rule.check(file, ctx);
      s.ms += performance.now() - t0;
      s.raw += out.length;
      return out;
    };
    return w;
  });
  return { rules: wrapped, stats };
}

/** The keyword pass alone, with the keywords of the active rules: what the prefilter costs. */
function prefilterOnly(files: readonly SourceFile[], rules: readonly Rule[]): { ms: number; hits: Map<string, number> } {
  const keywords = [...new Set(rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))];
  const matcher = new KeywordMatcher(keywords);
  const counts = new Float64Array(keywords.length);
  const t0 = performance.now();
  for (const f of files) matcher.scan(f.text, (k) => counts[k]!++);
  const ms = performance.now() - t0;
  const hits = new Map<string, number>();
  keywords.forEach((k, i) => hits.set(k, counts[i]!));
  return { ms, hits };
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  // Default: the whole process as users run it (bench/process.ts); `--engine`: the engine in process.
  if (!process.argv.includes('--engine')) return processBench(process.argv.slice(2), repoRoot());
  await initEngine();
  const { values } = parseArgs({
    options: {
      engine: { type: 'boolean', default: false },
      mb: { type: 'string', default: '64' },
      repeat: { type: 'string', default: '3' },
      'per-rule': { type: 'boolean', default: false },
      top: { type: 'string', default: '15' },
      'compare-secretlint': { type: 'boolean', default: false },
      'secretlint-mb': { type: 'string', default: '10' },
      'include-minified': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'no-app': { type: 'boolean', default: false },
      'app-latency': { type: 'string', default: '25' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const targetMb = Number(values.mb);
  const repeat = Math.max(1, Number(values.repeat) | 0);
  const top = Math.max(1, Number(values.top) | 0);
  if (!(targetMb > 0)) throw new Error(`--mb must be a positive number, got ${values.mb}`);

  // Corpus -------------------------------------------------------------------------------------------
  const root = repoRoot();
  const tc = performance.now();
  const { sources, stats: srcStats } = collectSources(root, values['include-minified']);
  const corpus = buildCorpus(sources, targetMb * MB);
  const corpusMs = performance.now() - tc;
  const byExt = new Map<string, number>();
  for (const s of sources) {
    const ext = s.path.slice(s.path.lastIndexOf('.'));
    byExt.set(ext, (byExt.get(ext) ?? 0) + s.bytes);
  }
  const mix = [...byExt]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([e, b]) => `${e} ${fmt((100 * b) / srcStats.usedBytes, 0)}%`)
    .join(', ');
  const skipped = Object.entries(srcStats.skipped)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(`Token Warden bench — node ${process.version}, ${process.arch}, single-threaded`);
  console.log(
    `corpus: ${int(corpus.files.length)} files, ${fmt(corpus.bytes / MB)} MB, built in ${int(corpusMs)} ms from ${int(srcStats.used)} real text files ` +
      `(${fmt(srcStats.usedBytes / MB)} MB: ${mix}) under node_modules, repeated ${fmt(corpus.bytes / srcStats.usedBytes, 1)}×; ` +
      `${corpus.planted.length} fake secrets planted`,
  );
  if (skipped) console.log(`        left out: ${skipped}`);

  // Rules and policy -----------------------------------------------------------------------------------
  const { policy, forced } = everyRuleOn(allRules);
  const families = new Map<string, number>();
  for (const r of allRules) families.set(r.meta.family, (families.get(r.meta.family) ?? 0) + 1);
  console.log(`rules:  ${allRules.length} registered, all on (${[...families].map(([f, n]) => `${n} ${f}`).join(', ')})` + (forced.length ? `; ${forced.length} switched from off to warn` : ''));

  // Warm-up, then timed passes ---------------------------------------------------------------------
  const warm = subset(corpus, Math.min(5 * MB, corpus.bytes / 4));
  scanAll(warm.files, policy, allRules);
  gc();
  const before = process.memoryUsage();
  const peak: Memory = { rss: before.rss, heapUsed: before.heapUsed };
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let result: ScanResult | undefined;
  for (let i = 0; i < repeat; i++) {
    gc();
    const r = scanAll(corpus.files, policy, allRules, peak);
    times.push(r.ms);
    cpuTimes.push(r.cpuMs);
    result = r.result;
  }
  const ms = median(times);
  const cpuMs = median(cpuTimes);
  const mbps = corpus.bytes / MB / (ms / 1000);
  const cpuMbps = corpus.bytes / MB / (cpuMs / 1000);
  const load = loadavg()[0]!;
  const cores = availableParallelism();
  const filesPerSec = corpus.files.length / (ms / 1000);
  const res = result!;
  const found = (p: { path: string; line: number }): boolean => res.findings.some((f) => f.path === p.path && f.startLine >= p.line && f.startLine <= p.line + 1);
  const plantedByKind = new Map<string, [number, number]>();
  for (const p of corpus.planted) {
    const e = plantedByKind.get(p.kind) ?? [0, 0];
    e[0]++;
    if (found(p)) e[1]++;
    plantedByKind.set(p.kind, e);
  }
  const plantedFound = [...plantedByKind.values()].reduce((n, [, f]) => n + f, 0);
  const byRule = new Map<string, number>();
  for (const f of res.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const maxRss = process.resourceUsage().maxRSS * 1024;

  console.log(
    table(
      `Throughput (${repeat} pass${repeat > 1 ? 'es' : ''}, median; passes: ${times.map((t) => `${int(t)} ms`).join(', ')})`,
      ['measure', 'value', 'target'],
      [
        ['MB/s (wall clock)', fmt(mbps), `>= ${TARGET_MBPS} ${mbps >= TARGET_MBPS ? 'MET' : 'BELOW'}`],
        ['MB/s (per CPU second of this process)', fmt(cpuMbps), ''],
        ['files/s', int(filesPerSec), ''],
        ['wall time', `${int(ms)} ms`, ''],
        ['CPU time (user + system, incl. GC threads)', `${int(cpuMs)} ms`, ''],
        ['machine load (1 min) / cores', `${fmt(load)} / ${cores}`, load > cores ? 'busy: wall time inflated' : ''],
        ['corpus', `${fmt(corpus.bytes / MB)} MB / ${int(corpus.files.length)} files`, ''],
        ['findings (reported)', int(res.findings.length), ''],
        ['planted secrets found', `${plantedFound} / ${corpus.planted.length}`, ''],
        ['suppressed inline', int(res.suppressed), ''],
        ['peak RSS (sampled during scan)', mib(peak.rss), ''],
        ['peak RSS (process, incl. corpus)', mib(maxRss), ''],
        ['heap used before scan (corpus)', mib(before.heapUsed), ''],
        ['peak heap used during scan', `${mib(peak.heapUsed)} (+${mib(peak.heapUsed - before.heapUsed)})`, ''],
      ],
      [false, true, false],
    ),
  );
  console.log(
    table(
      'Planted fake secrets',
      ['kind', 'planted', 'found'],
      [...plantedByKind].map(([k, [n, f]]) => [k, String(n), String(f)]),
    ),
  );
  const topFindings = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, top);
  if (topFindings.length) {
    console.log(
      table(
        `Findings by rule on ordinary code (apart from ${plantedFound} planted: likely false positives)`,
        ['rule', 'findings'],
        topFindings.map(([id, n]) => [id, int(n)]),
      ),
    );
  }

  const report: Record<string, unknown> = {
    node: process.version,
    corpus: { files: corpus.files.length, mb: corpus.bytes / MB, sources: srcStats.used, planted: corpus.planted.length },
    rules: allRules.length,
    ms,
    passes: times,
    cpuMs,
    cpuPasses: cpuTimes,
    mbps,
    cpuMbps,
    load,
    filesPerSec,
    findings: res.findings.length,
    plantedFound,
    peakRss: peak.rss,
    maxRss,
    heapBefore: before.heapUsed,
    peakHeap: peak.heapUsed,
  };

  // Per-rule ------------------------------------------------------------------------------------------
  if (values['per-rule']) {
    const inst = instrument(allRules);
    gc();
    const r = scanAll(corpus.files, policy, inst.rules);
    gc();
    const pre = prefilterOnly(corpus.files, allRules);
    const ruleMs = inst.stats.reduce((n, s) => n + s.ms, 0);
    const other = r.ms - ruleMs - pre.ms;
    console.log(
      table(
        `Where the time goes (one instrumented pass: ${int(r.ms)} ms, instrumentation included)`,
        ['part', 'ms', 'share'],
        [
          ['rule checks (all rules)', int(ruleMs), `${fmt((100 * ruleMs) / r.ms)}%`],
          ['keyword prefilter (Aho–Corasick pass, measured alone)', int(pre.ms), `${fmt((100 * pre.ms) / r.ms)}%`],
          ['scanner rest (eligibility, ranges, segments, materialise)', int(other), `${fmt((100 * other) / r.ms)}%`],
        ],
      ),
    );
    const slow = [...inst.stats].sort((a, b) => b.ms - a.ms).slice(0, top);
    console.log(
      table(
        `Slowest ${slow.length} rules`,
        ['rule', 'ms', 'share', 'files', 'MB handed', 'MB/s of input', 'raw'],
        slow.map((s) => [s.id, fmt(s.ms), `${fmt((100 * s.ms) / r.ms)}%`, int(s.calls), fmt(s.segmentBytes / MB, 2), s.ms > 0 ? fmt(s.segmentBytes / MB / (s.ms / 1000), 0) : '-', int(s.raw)]),
      ),
    );
    const kw = new Map<string, string[]>();
    for (const rule of allRules) for (const k of rule.keywords) kw.set(k.toLowerCase(), [...(kw.get(k.toLowerCase()) ?? []), rule.meta.id]);
    const busiest = [...pre.hits].sort((a, b) => b[1] - a[1]).slice(0, top);
    console.log(
      table(
        `Busiest keywords (hits in ${fmt(corpus.bytes / MB, 0)} MB; each hit hands its line to the rules listed)`,
        ['keyword', 'hits', 'per MB', 'rules'],
        busiest.map(([k, n]) => [JSON.stringify(k), int(n), int(n / (corpus.bytes / MB)), (kw.get(k) ?? []).join(' ')]),
        [false, true, true, false],
      ),
    );
    const alwaysOn = allRules.filter((x) => x.keywords.length === 0).map((x) => x.meta.id);
    if (alwaysOn.length) console.log(`\nrules without keywords (run on every file): ${alwaysOn.join(', ')}`);
    report.perRule = { ruleMs, prefilterMs: pre.ms, otherMs: other, slowest: slow };
  }

  // secretlint ------------------------------------------------------------------------------------------
  let ratio: number | undefined;
  if (values['compare-secretlint']) {
    const sub = subset(corpus, Number(values['secretlint-mb']) * MB);
    gc();
    const tw = scanAll(sub.files, policy, allRules);
    const twMbps = sub.bytes / MB / (tw.ms / 1000);
    const twCpuMbps = sub.bytes / MB / (tw.cpuMs / 1000);
    let sl;
    try {
      sl = await runSecretlint(sub.files, warm.files.slice(0, 50));
    } catch (e) {
      console.error(`\n${(e as Error).message}`);
      return 2;
    }
    const slMbps = sub.bytes / MB / (sl.ms / 1000);
    const slCpuMbps = sub.bytes / MB / (sl.cpuMs / 1000);
    ratio = twMbps / slMbps;
    const cpuRatio = twCpuMbps / slCpuMbps;
    console.log(
      table(
        `Token Warden vs secretlint ${sl.version} (recommended preset, lintSource), same ${int(sub.files.length)} files, ${fmt(sub.bytes / MB)} MB`,
        ['tool', 'wall ms', 'MB/s', 'CPU ms', 'MB/CPU-s', 'findings'],
        [
          [`Token Warden (${allRules.length} rules)`, int(tw.ms), fmt(twMbps), int(tw.cpuMs), fmt(twCpuMbps), int(tw.result.findings.length)],
          ['secretlint (preset-recommend)', int(sl.ms), fmt(slMbps), int(sl.cpuMs), fmt(slCpuMbps), int(sl.findings)],
          [`ratio (target >= ${TARGET_RATIO}×)`, '', `${fmt(ratio)}× ${ratio >= TARGET_RATIO ? 'MET' : 'BELOW'}`, '', `${fmt(cpuRatio)}×`, ''],
        ],
      ),
    );
    const slTop = [...sl.byRule].sort((a, b) => b[1] - a[1]).slice(0, 5);
    if (slTop.length) console.log(`secretlint findings by rule: ${slTop.map(([k, n]) => `${k.replace('@secretlint/secretlint-rule-', '')} ${n}`).join(', ')}`);
    report.secretlint = { version: sl.version, mb: sub.bytes / MB, twMbps, slMbps, ratio, twCpuMbps, slCpuMbps, cpuRatio, slFindings: sl.findings };
    // The same files through both command-line tools, start-up and file handling included.
    const cli = compareClis(sub);
    if ('seconds' in cli.secretlint) {
      const r = cli.secretlint.seconds / cli.tokenwarden.seconds;
      console.log(
        table(
          `Command lines side by side: \`tokenwarden scan DIR\` vs \`secretlint "**/*"\`, same ${int(cli.files)} files, ${fmt(cli.mb)} MB on disk`,
          ['tool', 'seconds', 'MB/s'],
          [
            ['tokenwarden scan', fmt(cli.tokenwarden.seconds, 2), fmt(cli.mb / cli.tokenwarden.seconds)],
            ['secretlint', fmt(cli.secretlint.seconds, 2), fmt(cli.mb / cli.secretlint.seconds)],
            [`ratio (target >= ${TARGET_RATIO}×)`, `${fmt(r)}× ${r >= TARGET_RATIO ? 'MET' : 'BELOW'}`, ''],
          ],
        ),
      );
      report.secretlintCli = { ...cli, ratio: r };
    } else console.log(`\nsecretlint CLI could not run: ${cli.secretlint.error}`);
  }

  // GitHub App -----------------------------------------------------------------------------------------
  let appVerdict = '';
  if (!values['no-app']) {
    const latencyMs = Number(values['app-latency']);
    if (!(latencyMs >= 0)) throw new Error(`--app-latency must be a number of ms, got ${values['app-latency']}`);
    const cases = await runAppBench({ sources, latencyMs });
    console.log(formatAppBench(cases, latencyMs));
    const small = cases.find((c) => c.files === 100 && !c.priorIssues);
    const fresh = cases.filter((c) => !c.priorIssues);
    const prior = cases.find((c) => c.priorIssues);
    appVerdict =
      (small ? `; App ${fmt(small.ownCpuMs)} ms own CPU per 100-file PR (target ${APP_TARGET_OWN_MS}: ${small.ownCpuMs <= APP_TARGET_OWN_MS ? 'met' : 'ABOVE'})` : '') +
      `, API calls within the bound: ${fresh.every((c) => c.met) ? 'yes' : 'NO'}` +
      (prior && !prior.met ? ` (not with ${prior.priorIssues} earlier issues: +${prior.calls - prior.bound} issue-list pages)` : '');
    report.app = { latencyMs, cases };
  }

  console.log(
    `\nverdict: ${fmt(mbps)} MB/s wall (${fmt(cpuMbps)} per CPU-second) with every rule on (target ${TARGET_MBPS}: ${mbps >= TARGET_MBPS ? 'met' : 'BELOW'})` +
      (ratio !== undefined ? `; ${fmt(ratio)}× secretlint (target ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'BELOW'})` : '') +
      appVerdict +
      (values['per-rule'] ? '' : '\n         run with -- --per-rule to see where the time goes, -- --compare-secretlint for the ratio'),
  );
  if (values.json) console.log(JSON.stringify(report, null, 2));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`bench: ${process.env.DEBUG ? ((e as Error).stack ?? String(e)) : ((e as Error).message ?? String(e))}`);
    process.exitCode = 2;
  },
);
