/**
 * What a user feels: the whole `tokenwarden scan --format json DIR` process, start to exit, as a
 * pre-commit hook or a CI job runs it, beside secretlint's CLI on the same files on disk.
 *
 *   (a) ~24 MB of small real files (.js/.ts/.json/.md from the installed node_modules, a few KB each)
 *   (b) a 64 MB tree of mixed sizes (every text type, up to 1 MB, minified files included)
 *   --jobs 1 and --jobs N, secretlint (recommended preset) and the ratio; wall time and peak memory
 *   (maxRSS of the whole process, worker threads included, through a preloaded exit hook);
 *   start-up (`--version`, an empty folder); linearity: the cost per MB at 100 MB over that at 10 MB.
 *
 * The machine's load is printed: on a shared machine the figures move with it. Corpora are written
 * under the OS temporary folder and removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, collectSources, type Corpus, type CorpusSource } from './corpus.js';

const MB = 1e6;
const TARGET_MBPS = 50;
const TARGET_RATIO = 10;
const TARGET_RATIO_ONE_CORE = 5;
const TARGET_VERSION_MS = 100;
const TARGET_EMPTY_MS = 150;

export const PROCESS_HELP = `usage: npm run bench -- [options]      (whole-process figures; --engine for the in-process engine bench)

  --repeat N          runs per measurement, the median is reported (default 3)
  --jobs N            the "N" of --jobs N (default: the cores, ${availableParallelism()})
  --small-mb N        size of corpus (a), small real files (default 24)
  --mixed-mb N        size of corpus (b), mixed sizes (default 64)
  --no-secretlint     leave secretlint out
  --secretlint-deadline S  stop a secretlint run after S seconds and print the ratio as a lower bound (default 300)
  --no-linearity      leave the 10 MB / 100 MB runs out
  --keep              keep the corpora (printed path)
  --json              print the figures as JSON at the end
`;

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Run {
  ms: number;
  rssMb: number;
  exit: number | null;
  stdout: string;
  /** Stopped at its deadline: `ms` is a lower bound. */
  timedOut?: boolean;
}

/** Exit hook preloaded into each measured process: its peak RSS (all threads) to a file. */
const RSS_HOOK = `data:text/javascript,${encodeURIComponent('import{writeFileSync}from"node:fs";process.on("exit",()=>{try{writeFileSync(process.env.TW_BENCH_RSS,String(process.resourceUsage().maxRSS))}catch{}})')}`;

function measure(script: string, args: string[], cwd: string, rssFile: string, deadlineMs?: number): Run {
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, script, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 << 20,
    env: { ...process.env, TW_BENCH_RSS: rssFile },
    ...(deadlineMs ? { timeout: deadlineMs, killSignal: 'SIGKILL' as const } : {}),
  });
  const ms = performance.now() - t0;
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (r.error && !timedOut) throw r.error;
  const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return { ms, rssMb: rssKb / 1024, exit: r.status, stdout: r.stdout, ...(timedOut ? { timedOut } : {}) };
}

function repeatRun(n: number, f: () => Run): Run & { all: number[] } {
  const runs = Array.from({ length: n }, f);
  const ms = median(runs.map((r) => r.ms));
  return { ...runs[runs.length - 1]!, ms, rssMb: Math.max(...runs.map((r) => r.rssMb)), all: runs.map((r) => r.ms) };
}

function writeCorpus(dir: string, corpus: Corpus): void {
  for (const f of corpus.files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
  writeFileSync(join(dir, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
}

/** Paths a default scan would leave out on purpose: not part of a fair comparison. */
const leftOutByDefault = (p: string): boolean => /(^|\/)(node_modules|vendor|\.git)\//.test(p) || /(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|\.min\.js\.map)$/.test(p);

/** Every k-th source so a size is reached with files from many packages, not the first few alphabetically. */
function spread(sources: CorpusSource[], targetBytes: number): CorpusSource[] {
  const total = sources.reduce((n, s) => n + s.bytes, 0);
  if (total <= targetBytes) return sources;
  const stride = total / targetBytes;
  const out: CorpusSource[] = [];
  for (let i = 0; i < sources.length; i += stride) out.push(sources[Math.floor(i)]!);
  return out;
}

function table(title: string, head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [`\n${title}`, line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

export async function processBench(argv: string[], root: string): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      repeat: { type: 'string', default: '3' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      'small-mb': { type: 'string', default: '24' },
      'mixed-mb': { type: 'string', default: '64' },
      'no-secretlint': { type: 'boolean', default: false },
      'secretlint-deadline': { type: 'string', default: '300' },
      'no-linearity': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      engine: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(PROCESS_HELP);
    return 0;
  }
  const repeat = Math.max(1, Number(values.repeat) | 0);
  const jobsN = Math.max(1, Number(values.jobs) | 0);
  const cli = join(root, 'dist', 'cli.js');
  const secretlint = join(root, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: npm run build`);
  const withSecretlint = !values['no-secretlint'] && existsSync(secretlint);
  // secretlint's CLI grows with the square of the file count (see the note below): past its deadline a
  // run is stopped and the ratio printed as a lower bound, rather than the bench hanging.
  const slDeadlineMs = Math.max(10, Number(values['secretlint-deadline']) || 300) * 1000;
  const work = mkdtempSync(join(tmpdir(), 'tw-bench-'));
  const rssFile = join(work, 'rss');
  const report: Record<string, unknown> = { node: process.version, cores: availableParallelism(), load: loadavg() };
  console.log(
    `Token Warden whole-process bench — node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')} (figures move with the load)`,
  );

  try {
    // Start-up ---------------------------------------------------------------------------------------
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const startRuns = Math.max(10, repeat * 3);
    const version = repeatRun(startRuns, () => measure(cli, ['--version'], work, rssFile));
    const emptyScan = repeatRun(startRuns, () => measure(cli, ['scan', empty], work, rssFile));
    const bare = repeatRun(startRuns, () => measure('-e', [''], work, rssFile));
    console.log(
      table(
        'Start-up (median of ' + startRuns + ' runs)',
        ['command', 'ms', 'target', 'peak MB'],
        [
          ['node -e "" (Node itself)', fmt(bare.ms, 0), '', fmt(bare.rssMb, 0)],
          ['tokenwarden --version', fmt(version.ms, 0), `< ${TARGET_VERSION_MS} ${version.ms < TARGET_VERSION_MS ? 'met' : 'ABOVE'}`, fmt(version.rssMb, 0)],
          ['tokenwarden scan EMPTY-DIR', fmt(emptyScan.ms, 0), `< ${TARGET_EMPTY_MS} ${emptyScan.ms < TARGET_EMPTY_MS ? 'met' : 'ABOVE'}`, fmt(emptyScan.rssMb, 0)],
        ],
      ),
    );
    report.startup = { nodeMs: bare.ms, versionMs: version.ms, emptyScanMs: emptyScan.ms };

    // Corpora ----------------------------------------------------------------------------------------
    const t0 = performance.now();
    const { sources } = collectSources(root, true);
    // Sources come from node_modules/: as files of a project they must not sit in folders a scan
    // leaves out by default (node_modules/, vendor/), or the comparison would be unfair.
    const fair = sources.map((s) => ({ ...s, path: s.path.replace(/^node_modules\//, '').replace(/(^|\/)(node_modules|vendor)\//g, '$1$2_/') })).filter((s) => !leftOutByDefault(s.path));
    const smallSources = fair.filter((s) => /\.(js|ts|json|md)$/.test(s.path) && s.bytes <= 64 * 1024 && s.bytes >= 200);
    const small = buildCorpus(spread(smallSources, Number(values['small-mb']) * MB), Number(values['small-mb']) * MB);
    const mixed = buildCorpus(fair, Number(values['mixed-mb']) * MB, 997, 43);
    // A size of 0 leaves that corpus out (`--mixed-mb 0`: only the small files).
    const corpora: Array<{ name: string; corpus: Corpus; dir: string }> = [
      { name: '(a) small real files', corpus: small, dir: join(work, 'small') },
      { name: '(b) mixed sizes', corpus: mixed, dir: join(work, 'mixed') },
    ].filter((c) => c.corpus.files.length > 0);
    for (const c of corpora) writeCorpus(c.dir, c.corpus);
    console.log(
      `\ncorpora written in ${fmt((performance.now() - t0) / 1000)} s under ${work}: ` +
        corpora
          .map((c) => `${c.name} ${c.corpus.files.length.toLocaleString('en-US')} files, ${fmt(c.corpus.bytes / MB)} MB (${fmt(c.corpus.bytes / c.corpus.files.length / 1024)} KB average)`)
          .join('; '),
    );

    // Side by side -----------------------------------------------------------------------------------
    const results: Record<string, unknown>[] = [];
    let verdicts: string[] = [];
    for (const c of corpora) {
      const mb = c.corpus.bytes / MB;
      const tw = (jobs: number): Run & { all: number[] } => repeatRun(repeat, () => measure(cli, ['scan', c.dir, '--format', 'json', '--jobs', String(jobs)], c.dir, rssFile));
      const one = tw(1);
      const many = tw(jobsN);
      // What a user gets without --jobs (the default picks by cores and input size): the verdict's figure.
      const byDefault = repeatRun(repeat, () => measure(cli, ['scan', c.dir, '--format', 'json'], c.dir, rssFile));
      const scanned = JSON.parse(one.stdout) as { stats: { files: number; bytes: number }; findings: unknown[] };
      const same = one.stdout === many.stdout;
      let sl: (Run & { all: number[] }) | undefined;
      if (withSecretlint) {
        const runs: Run[] = [];
        for (let i = 0; i < Math.min(repeat, 2) && !runs.some((r) => r.timedOut); i++) runs.push(measure(secretlint, ['**/*', '--format', 'json'], c.dir, rssFile, slDeadlineMs));
        sl = { ...runs[runs.length - 1]!, ms: median(runs.map((r) => r.ms)), rssMb: Math.max(...runs.map((r) => r.rssMb)), all: runs.map((r) => r.ms), timedOut: runs.some((r) => r.timedOut) };
      }
      const atLeast = sl?.timedOut ? '≥ ' : '';
      const rows = [
        ['tokenwarden scan --jobs 1', fmt(one.ms / 1000, 2), fmt(mb / (one.ms / 1000)), fmt(one.rssMb, 0), sl ? `${atLeast}${fmt(sl.ms / one.ms)}×` : ''],
        [`tokenwarden scan --jobs ${jobsN}`, fmt(many.ms / 1000, 2), fmt(mb / (many.ms / 1000)), fmt(many.rssMb, 0), sl ? `${atLeast}${fmt(sl.ms / many.ms)}×` : ''],
        ['tokenwarden scan (default --jobs)', fmt(byDefault.ms / 1000, 2), fmt(mb / (byDefault.ms / 1000)), fmt(byDefault.rssMb, 0), sl ? `${atLeast}${fmt(sl.ms / byDefault.ms)}×` : ''],
      ];
      if (sl)
        rows.push([
          `secretlint "**/*" (recommended preset)${sl.timedOut ? ', stopped at its deadline' : ''}`,
          `${atLeast}${fmt(sl.ms / 1000, 2)}`,
          `${sl.timedOut ? '≤ ' : ''}${fmt(mb / (sl.ms / 1000))}`,
          Number.isFinite(sl.rssMb) ? fmt(sl.rssMb, 0) : '—',
          '1.0×',
        ]);
      console.log(
        table(
          `${c.name}: ${c.corpus.files.length.toLocaleString('en-US')} files, ${fmt(mb)} MB — whole process, median of ${repeat}`,
          ['command', 'seconds', 'MB/s', 'peak MB', 'vs secretlint'],
          rows,
        ),
      );
      console.log(
        `  scanned ${scanned.stats.files.toLocaleString('en-US')} files (the corpus's ${c.corpus.files.length.toLocaleString('en-US')} and .secretlintrc.json), ${scanned.findings.length} findings (${c.corpus.planted.length} secrets planted); ` +
          `--jobs 1, --jobs ${jobsN} and the default output byte-identical: ${same && one.stdout === byDefault.stdout ? 'yes' : 'NO'}`,
      );
      if (sl)
        console.log(
          "  note: secretlint 12's CLI keeps every mark of its profiler (@secretlint/profiler, always on) and looks each one up by name, so its time grows with the square of the file count (855 files: 5.8 s, 1,828: 28.6 s, same rules); its engine alone (lintSource, in process) is compared by `npm run bench -- --engine`.",
        );
      const mbpsDefault = mb / (byDefault.ms / 1000);
      const ratioDefault = sl ? sl.ms / byDefault.ms : undefined;
      const ratio1 = sl ? sl.ms / one.ms : undefined;
      verdicts.push(
        `${c.name}: ${fmt(mbpsDefault)} MB/s with the default --jobs (target ${TARGET_MBPS}: ${mbpsDefault >= TARGET_MBPS ? 'met' : 'BELOW'})` +
          (ratioDefault !== undefined
            ? `, ${atLeast}${fmt(ratioDefault)}× secretlint (target ${TARGET_RATIO}: ${ratioDefault >= TARGET_RATIO ? 'met' : 'BELOW'}), --jobs 1 ${atLeast}${fmt(ratio1!)}× (target ${TARGET_RATIO_ONE_CORE}: ${ratio1! >= TARGET_RATIO_ONE_CORE ? 'met' : 'BELOW'})`
            : ''),
      );
      results.push({
        corpus: c.name,
        files: c.corpus.files.length,
        mb,
        jobs1: { ms: one.ms, runs: one.all, rssMb: one.rssMb },
        jobsN: { jobs: jobsN, ms: many.ms, runs: many.all, rssMb: many.rssMb },
        defaultJobs: { ms: byDefault.ms, runs: byDefault.all, rssMb: byDefault.rssMb },
        identical: same,
        secretlint: sl ? { ms: sl.ms, runs: sl.all, rssMb: sl.rssMb, ...(sl.timedOut ? { stoppedAtDeadline: true } : {}) } : null,
      });
    }
    report.sideBySide = results;

    // Linearity --------------------------------------------------------------------------------------
    if (!values['no-linearity']) {
      const lin = [10, 100].map((size) => {
        const corpus = buildCorpus(fair, size * MB, 997, 44);
        const dir = join(work, `lin${size}`);
        writeCorpus(dir, corpus);
        const r = repeatRun(size >= 100 ? Math.min(repeat, 2) : repeat, () => measure(cli, ['scan', dir, '--format', 'json', '--jobs', '1'], dir, rssFile));
        rmSync(dir, { recursive: true, force: true });
        return { size, mb: corpus.bytes / MB, ms: r.ms, rssMb: r.rssMb };
      });
      const [a, b] = lin as [(typeof lin)[0], (typeof lin)[0]];
      const perMb = (x: typeof a, less = 0): number => (x.ms - less) / x.mb;
      const raw = perMb(b) / perMb(a);
      const net = perMb(b, emptyScan.ms) / perMb(a, emptyScan.ms);
      console.log(
        table(
          'Linearity (--jobs 1, mixed sizes)',
          ['corpus', 'seconds', 'ms per MB', 'peak MB'],
          lin.map((x) => [`${fmt(x.mb, 0)} MB`, fmt(x.ms / 1000, 2), fmt(perMb(x), 1), fmt(x.rssMb, 0)]),
        ),
      );
      console.log(`  cost per MB at 100 MB ÷ at 10 MB: ${fmt(raw, 2)} (${fmt(net, 2)} without the start-up of an empty scan); 1.00 is linear`);
      verdicts.push(`linearity 100 MB vs 10 MB: ${fmt(net, 2)} per MB (1.00 = linear)`);
      report.linearity = { runs: lin, ratio: raw, ratioWithoutStartup: net };
    }
    verdicts = [
      `start-up: --version ${fmt(version.ms, 0)} ms (target ${TARGET_VERSION_MS}: ${version.ms < TARGET_VERSION_MS ? 'met' : 'ABOVE'}), empty folder ${fmt(emptyScan.ms, 0)} ms (target ${TARGET_EMPTY_MS}: ${emptyScan.ms < TARGET_EMPTY_MS ? 'met' : 'ABOVE'}); Node itself ${fmt(bare.ms, 0)} ms`,
      ...verdicts,
    ];
    console.log(`\nverdict:\n  ${verdicts.join('\n  ')}`);
    if (values.json) console.log(JSON.stringify(report, null, 2));
  } finally {
    if (values.keep) console.log(`\ncorpora kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return 0;
}
