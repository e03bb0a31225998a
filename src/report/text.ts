/** The terminal report. Colour is the caller's decision (TTY, NO_COLOR, --no-color, --output). */
import pc from 'picocolors';
import type { Finding, Severity } from '../engine/finding.js';
import type { ScanResult } from '../engine/scan.js';
import type { ReportContext } from './context.js';
import { countFindings, formatBytes } from './summary.js';
import { explainVerdict, verdictLine } from './verdict.js';
import { batchScrubber, type Scrub } from './scrub.js';

export interface TextOptions {
  color: boolean;
  /** Findings and the verdict only; nothing at all for a clean scan. */
  quiet?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

function severityColor(c: Colors, s: Severity): (t: string) => string {
  return s === 'critical' || s === 'high' ? c.red : s === 'medium' ? c.yellow : c.dim;
}

function findingBlock(c: Colors, f: Finding, scrub: Scrub): string {
  // A file named after a secret is printed redacted, like the secret: terminals and CI logs are read by others.
  const path = scrub(f.path);
  const head = `${c.bold(`${path}:${f.startLine}:${f.startColumn}`)}  ${severityColor(c, f.severity)(f.severity)}  ${c.cyan(f.ruleId)}  ${scrub(f.message)}`;
  const level = f.level === 'fail' ? c.red('fail') : c.yellow('warn');
  const named = path === f.path ? '' : `\n    ${c.red('the file name holds a secret (shown redacted): revoke it and rename the file')}`;
  return `${head}\n    ${c.dim('│')} ${f.excerpt}\n    ${level} ${c.dim(`· fingerprint ${f.fingerprint}`)}${named}`;
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
  const scrub = batchScrubber([...result.findings.flatMap((f) => [f.path, f.message]), ...result.skipped.flatMap((s) => [s.path, s.detail])]);
  const verdictText = verdictLine(detail, result.stats.files);
  const verdict = detail.verdict === 'fail' ? c.red(c.bold(verdictText)) : detail.verdict === 'warn' ? c.yellow(verdictText) : c.green(verdictText);

  for (const f of result.findings) out.push(findingBlock(c, f, scrub), '');
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
    out.push('');
  }

  if (result.skipped.length) {
    out.push(c.bold(`Not scanned (${result.skipped.length})`));
    const skipped = [...result.skipped].sort((a, b) => a.path.localeCompare(b.path));
    for (const s of skipped) out.push(`  ${scrub(s.path)}  ${c.yellow(s.reason)}${s.detail ? c.dim(`: ${scrub(s.detail)}`) : ''}`);
    out.push('');
  }

  const counts = countFindings(result);
  out.push(`Scanned ${result.stats.files} file${result.stats.files === 1 ? '' : 's'} (${formatBytes(result.stats.bytes)}) with policy ${ctx.policy.sources.join(' + ')}`);
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
