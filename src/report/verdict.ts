/** pass / warn / fail from findings and, per `settings.incompleteScan`, from files that were not scanned. */
import type { ScanResult } from '../engine/scan.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';

export type Verdict = 'pass' | 'warn' | 'fail';

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
const worst = (a: Verdict, b: Verdict): Verdict => (RANK[b] > RANK[a] ? b : a);

export interface VerdictDetail {
  verdict: Verdict;
  /** Findings at level fail / warn. */
  failing: number;
  warning: number;
  /** Files not scanned, and what that alone makes of the verdict. */
  skipped: number;
  /** Of those, the ones that could have held text (binary files cannot hold a readable secret). */
  unscanned: number;
  incomplete: Verdict;
}

export function explainVerdict(result: ScanResult, policy: ResolvedPolicy): VerdictDetail {
  const failing = result.findings.filter((f) => f.level === 'fail').length;
  const warning = result.findings.filter((f) => f.level === 'warn').length;
  const skipped = result.skipped.length;
  // Binary files are listed but do not make a scan incomplete: otherwise every repository with an
  // image would never pass, and users learn to ignore the verdict.
  const unscanned = result.skipped.filter((s) => s.reason !== 'binary').length;
  const incomplete: Verdict = unscanned > 0 ? policy.settings.incompleteScan : 'pass';
  let verdict: Verdict = failing ? 'fail' : warning ? 'warn' : 'pass';
  verdict = worst(verdict, incomplete);
  return { verdict, failing, warning, skipped, unscanned, incomplete };
}

export function verdictOf(result: ScanResult, policy: ResolvedPolicy): Verdict {
  return explainVerdict(result, policy).verdict;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One line, e.g. `FAIL: 1 finding at level fail, 2 warnings; 3 files not scanned`. */
export function verdictLine(d: VerdictDetail, files: number): string {
  const parts: string[] = [];
  if (d.failing) parts.push(`${plural(d.failing, 'finding')} at level fail`);
  if (d.warning) parts.push(plural(d.warning, 'warning'));
  if (!parts.length) parts.push(`no findings in ${plural(files, 'file')}`);
  let line = `${d.verdict.toUpperCase()}: ${parts.join(', ')}`;
  if (d.skipped) line += `; ${plural(d.skipped, 'file')} not scanned${d.incomplete === 'pass' ? '' : ` (${d.unscanned} could hold text: incomplete scan counts as ${d.incomplete})`}`;
  return line;
}
