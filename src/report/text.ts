/** The terminal report. Colour is the caller's decision (TTY, NO_COLOR, --no-color, --output). */
import pc from 'picocolors';
import type { Finding, Severity } from '../engine/finding.js';
import type { ScanResult } from '../engine/scan.js';
import type { Rule } from '../engine/rule.js';
import { originNote, type Origin, type ReportContext } from './context.js';
import { countFindings, formatBytes } from './summary.js';
import { explainVerdict, verdictLine } from './verdict.js';
import { batchScrubber, type Scrub } from './scrub.js';

export interface TextOptions {
  color: boolean;
  /** Findings and the verdict only; nothing at all for a clean scan. */
  quiet?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/** One colour per severity, distinct at a glance: critical stands out even on a dim terminal. */
export function severityColor(c: Colors, s: Severity): (t: string) => string {
  switch (s) {
    case 'critical':
      return (t) => c.bold(c.magenta(t));
    case 'high':
      return c.red;
    case 'medium':
      return c.yellow;
    case 'low':
      return c.blue;
    case 'info':
      return c.dim;
  }
}

/** A low-confidence finding must not read like a verified one (a look-alike whose checksum fails). */
function confidenceText(c: Colors, f: Finding): string {
  if (f.confidence === 'high') return c.dim('confidence high');
  if (f.confidence === 'medium') return c.yellow('confidence medium');
  return c.yellow('confidence low (not verified: may be a look-alike)');
}

function findingBlock(c: Colors, f: Finding, scrub: Scrub, origin: Origin | undefined): string {
  // A file named after a secret is printed redacted, like the secret: terminals and CI logs are read by others.
  const path = scrub(f.path);
  const head = `${c.bold(`${path}:${f.startLine}:${f.startColumn}`)}  ${severityColor(c, f.severity)(f.severity)}  ${c.cyan(f.ruleId)}  ${scrub(f.message)}`;
  const level = f.level === 'fail' ? c.red('fail') : c.yellow('warn');
  const named = path === f.path ? '' : `\n    ${c.red('the file name holds a secret (shown redacted): revoke it and rename the file')}`;
  const history = origin ? `\n    ${(origin.presentAtHead ? c.red : c.yellow)(scrub(originNote(origin)))}` : '';
  return `${head}\n    ${c.dim('│')} ${f.excerpt}\n    ${level} ${c.dim('·')} ${confidenceText(c, f)} ${c.dim(`· fingerprint ${f.fingerprint}`)}${named}${history}`;
}

/** The provider's revoke steps and link, once per provider (the same text SARIF's rule help carries). */
function revokeLines(c: Colors, rules: readonly Rule[]): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  for (const r of rules) {
    const g = r.meta.revoke;
    if (!g) continue;
    const key = `${g.provider}\0${g.url ?? ''}\0${g.steps.join('\0')}`;
    if (done.has(key)) continue;
    done.add(key);
    out.push(`  ${c.bold(`Revoke at ${g.provider}`)}${g.url ? ` ${c.underline(g.url)}` : ''} ${c.dim(`(${r.meta.id})`)}`);
    g.steps.forEach((step, i) => out.push(`    ${i + 1}. ${step}`));
  }
  return out;
}

const nonZero = (rec: Record<string, number>): string =>
  Object.entries(rec)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export function renderText(result: ScanResult, ctx: ReportContext, opts: TextOptions): string {
  const c = pc.createColors(opts.color);
  const detail = explainVerdict(result, ctx.policy);
  const out: string[] = [];
  const scrub = batchScrubber([
    ...result.findings.flatMap((f) => [f.path, f.message]),
    ...result.skipped.flatMap((s) => [s.path, s.detail]),
    ...[...(ctx.origins?.values() ?? [])].map(originNote),
    ...(ctx.notes ?? []),
  ]);
  const verdictText = verdictLine(detail, result.stats.files);
  const verdict = detail.verdict === 'fail' ? c.red(c.bold(verdictText)) : detail.verdict === 'warn' ? c.yellow(verdictText) : c.green(verdictText);

  const originOf = (f: Finding): Origin | undefined => ctx.origins?.get(f.fingerprint);
  for (const f of result.findings) out.push(findingBlock(c, f, scrub, originOf(f)), '');
  if (opts.quiet) {
    if (detail.verdict === 'pass') return '';
    return [...out, verdict].join('\n') + '\n';
  }

  if (result.findings.length) {
    out.push(c.bold('How to fix'));
    // One line per distinct remediation, naming every rule it fixes (most secrets share one).
    const rulesByFix = new Map<string, string[]>();
    for (const f of result.findings) {
      const ids = rulesByFix.get(f.remediation) ?? rulesByFix.set(f.remediation, []).get(f.remediation)!;
      if (!ids.includes(f.ruleId)) ids.push(f.ruleId);
    }
    for (const [fix, ids] of rulesByFix) out.push(`  ${ids.map((id) => c.cyan(id)).join(', ')}: ${fix}`);
    const byId = new Map(ctx.rules.map((r) => [r.meta.id, r]));
    const named = [...new Set(result.findings.map((f) => f.ruleId))].flatMap((id) => byId.get(id) ?? []);
    out.push(...revokeLines(c, named));
    if (ctx.mode === 'staged' && result.findings.some((f) => f.family === 'secrets')) {
      out.push(
        `  ${c.bold('Staged, not committed yet')}: take the secret out of the file and re-stage it (git add), or unstage the file (git restore --staged FILE); revoke it anyway if it was ever shared or pushed elsewhere.`,
      );
    }
    const gone = ctx.origins ? result.findings.filter((f) => originOf(f)?.presentAtHead === false).length : 0;
    if (gone)
      out.push(
        `  ${c.bold(`${gone} secret${gone === 1 ? ' is' : 's are'} no longer at HEAD`)}: deleting a line does not undo a leak — every clone and fork keeps the history. Revoke and rotate ${gone === 1 ? 'it' : 'them'}; rewriting history (git filter-repo) only helps after that.`,
      );
    out.push('');
  }

  if (result.skipped.length) {
    out.push(c.bold(`Not scanned (${result.skipped.length})`));
    const skipped = [...result.skipped].sort((a, b) => a.path.localeCompare(b.path));
    for (const s of skipped) out.push(`  ${scrub(s.path)}  ${c.yellow(s.reason)}${s.detail ? c.dim(`: ${scrub(s.detail)}`) : ''}`);
    if (skipped.some((s) => s.reason === 'too-large')) {
      out.push(c.dim(`  (too-large: raise settings.max_file_size in .github/tokenwarden.yml, e.g. max_file_size: 20MB, to scan them; now ${formatBytes(ctx.policy.settings.maxFileBytes)})`));
    }
    out.push('');
  }

  if (ctx.notes?.length) {
    out.push(c.bold('Notes'));
    for (const n of ctx.notes) out.push(`  ${scrub(n)}`);
    out.push('');
  }

  const counts = countFindings(result);
  if (ctx.history) {
    const h = ctx.history;
    out.push(
      `History: ${h.commits} commit${h.commits === 1 ? '' : 's'} (${h.range}), ${result.stats.files} file change${result.stats.files === 1 ? '' : 's'} (${formatBytes(result.stats.bytes)} of added lines), secrets rules, policy ${ctx.policy.sources.join(' + ')}`,
    );
  } else {
    out.push(`Scanned ${result.stats.files} file${result.stats.files === 1 ? '' : 's'} (${formatBytes(result.stats.bytes)}) with policy ${ctx.policy.sources.join(' + ')}`);
  }
  if (counts.findings) out.push(`Findings: ${counts.findings} (${nonZero(counts.bySeverity)}; ${nonZero(counts.byFamily)})`);
  const also: string[] = [];
  if (counts.baselined) also.push(`${counts.baselined} baselined${ctx.baselineSource ? ` in ${ctx.baselineSource}` : ''}`);
  if (counts.excepted) also.push(`${counts.excepted} covered by a policy exception`);
  if (counts.expiredExceptions) also.push(`${counts.expiredExceptions} with an expired exception`);
  if (counts.suppressed) also.push(`${counts.suppressed} suppressed inline`);
  if (also.length) out.push(`Not reported: ${also.join(', ')}`);
  out.push(verdict);
  return out.join('\n') + '\n';
}
