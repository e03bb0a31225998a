/** pass / warn / fail from findings and, per `settings.incompleteScan`, from files that were not scanned. */
import type { ScanResult } from '../engine/scan.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import { leavesIncomplete, notJudged } from '../engine/decode.js';

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
  /** Of those, the ones not judged because of an error or a limit: they fail whatever the policy says. */
  notJudged: number;
  incomplete: Verdict;
}

export function explainVerdict(result: ScanResult, policy: ResolvedPolicy): VerdictDetail {
  const failing = result.findings.filter((f) => f.level === 'fail').length;
  const warning = result.findings.filter((f) => f.level === 'warn').length;
  const skipped = result.skipped.length;
  // Binary files and oversized lockfiles are listed but do not make a scan incomplete (decode.ts).
  const unscanned = result.skipped.filter(leavesIncomplete).length;
  // `incomplete_scan` may soften files skipped by size or type, never what could not be judged: an
  // error or a limit hit on hostile content must not turn into a pass (a gate fails closed).
  const failed = result.skipped.filter(notJudged).length;
  const incomplete: Verdict = failed > 0 ? 'fail' : unscanned > 0 ? policy.settings.incompleteScan : 'pass';
  let verdict: Verdict = failing ? 'fail' : warning ? 'warn' : 'pass';
  verdict = worst(verdict, incomplete);
  return { verdict, failing, warning, skipped, unscanned, notJudged: failed, incomplete };
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
  if (d.notJudged) line += `; ${plural(d.notJudged, 'file')} not judged (an error or a limit: fails closed)`;
  const skippedOnly = d.skipped - d.notJudged;
  if (skippedOnly)
    line += `; ${plural(skippedOnly, 'file')} not scanned${d.incomplete === 'pass' || d.notJudged ? '' : ` (${d.unscanned} could hold text: incomplete scan counts as ${d.incomplete})`}`;
  return line;
}
