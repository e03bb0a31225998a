/**
 * The "Token Warden" check run's output: conclusion, annotations and a Markdown summary a maintainer
 * reads in ten seconds. Only redacted secrets reach this module (a `Finding` never holds a raw one),
 * and the excerpt of a secret finding is left out all the same: the redacted value says enough.
 */
import type { Family, Finding, Severity } from '../engine/finding.js';
import { SEVERITIES } from '../engine/finding.js';
import type { Skipped } from '../engine/decode.js';
import type { PolicyError } from '../engine/policy/load.js';
import type { RuleMeta } from '../engine/rule.js';
import type { Verdict } from './verdict.js';

export const CHECK_NAME = 'Token Warden';
/** GitHub rejects longer `output.summary` values. */
export const SUMMARY_LIMIT = 65_535;
/** GitHub accepts at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type Conclusion = 'success' | 'neutral' | 'failure';

export const conclusionOf = (v: Verdict): Conclusion => (v === 'fail' ? 'failure' : v === 'warn' ? 'neutral' : 'success');

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
}

/** One annotation on the exact line (and columns, when GitHub allows them: single-line spans only). */
export function findingAnnotation(f: Finding): CheckAnnotation {
  const a: CheckAnnotation = {
    path: f.path,
    start_line: f.startLine,
    end_line: Math.max(f.endLine, f.startLine),
    annotation_level: f.level === 'fail' ? 'failure' : 'warning',
    title: `${f.ruleId} (${f.severity})`,
    message: `${f.message}${f.redacted ? ` Secret: ${f.redacted}.` : ''}\n\n${f.remediation}`,
    raw_details: [f.family === 'secrets' ? undefined : f.excerpt, `Fingerprint: ${f.fingerprint}`, f.controls.length ? `Controls: ${f.controls.join(', ')}` : undefined]
      .filter(Boolean)
      .join('\n'),
  };
  if (a.start_line === a.end_line && f.endColumn >= f.startColumn) {
    a.start_column = f.startColumn;
    a.end_column = f.endColumn;
  }
  return a;
}

/** A policy error as an annotation on the policy file (only meaningful for a file in this repository). */
export function policyErrorAnnotation(e: PolicyError, path: string): CheckAnnotation {
  return {
    path,
    start_line: Math.max(1, e.line),
    end_line: Math.max(1, e.line),
    annotation_level: 'failure',
    title: 'Token Warden policy error',
    message: `${e.message}\nFix: ${e.fix}`,
  };
}

export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Markdown helpers

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Table-cell safe text. */
export const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/** Inline code that survives backticks in the value. */
export function code(s: string): string {
  const clean = s.replace(/\r?\n/g, ' ');
  const ticks = clean.includes('`') ? '``' : '`';
  const pad = ticks.length > 1 ? ' ' : '';
  return `${ticks}${pad}${clean}${pad}${ticks}`;
}

/** Inline code inside a table cell: GFM splits cells on `|` even inside code spans unless escaped. */
const cellCode = (s: string): string => code(s).replace(/\|/g, '\\|');

const LEVEL_ICON: Record<Finding['level'], string> = { fail: '🔴 fail', warn: '🟡 warn', off: 'off' };
const VERDICT_HEAD: Record<Verdict, string> = { fail: '❌ Failed', warn: '⚠️ Passed with warnings', pass: '✅ Passed' };

// ---------------------------------------------------------------------------------------------------
// Summary

export interface IssueLink {
  number: number;
  url: string;
  /** `owner/name` the issue lives in (a central security repository, or this one). */
  repository: string;
}

export interface PolicyChangeView {
  path: string;
  /** The proposed policy does not load: these errors are annotated on the file too. */
  errors: PolicyError[];
  /** Settings the proposed policy tries but is not allowed to change (org locks). */
  warnings: PolicyError[];
  /** One line per effective change, e.g. "`families.secrets`: fail → warn". */
  changes: string[];
  /** Findings of this change under the base policy and under the proposed one. */
  before: { fail: number; warn: number };
  after?: { fail: number; warn: number };
}

export interface SummaryInput {
  /** "pull request #12" or "push to `main`". */
  subject: string;
  verdict: Verdict;
  findings: readonly Finding[];
  filesScanned: number;
  /** Files scanned whole because GitHub sent no patch (their findings may predate this change). */
  wholeFiles: readonly string[];
  skipped: readonly Skipped[];
  incompleteScan: 'pass' | 'warn' | 'fail';
  excepted: number;
  expired: number;
  suppressed: number;
  policy: { sources: readonly string[]; hash: string; ref: string };
  policyWarnings: readonly PolicyError[];
  policyChange?: PolicyChangeView;
  ruleMeta(id: string): RuleMeta | undefined;
  /** Remediation issue of a finding, when one is open. */
  issueOf?(f: Finding): IssueLink | undefined;
  /** Link to a line of the scanned revision. */
  lineUrl?(path: string, line: number): string;
  /** Extra lines for the "What to do" section (e.g. how to open remediation issues). */
  notes?: readonly string[];
  /** Problems that did not stop the evaluation (an issue that could not be opened, …). */
  problems?: readonly string[];
}

const FAMILIES: readonly Family[] = ['secrets', 'scopes', 'rotation'];

function countsTable(findings: readonly Finding[]): string[] {
  const rows: string[] = [];
  const by = new Map<Family, Record<Severity, number>>();
  for (const f of findings) {
    let r = by.get(f.family);
    if (!r) by.set(f.family, (r = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>));
    r[f.severity]++;
  }
  if (!by.size) return rows;
  const used = SEVERITIES.filter((s) => findings.some((f) => f.severity === s));
  rows.push(`| Family | ${used.join(' | ')} | Total |`, `|---|${used.map(() => '---:').join('|')}|---:|`);
  for (const fam of FAMILIES) {
    const r = by.get(fam);
    if (!r) continue;
    const total = used.reduce((n, s) => n + r[s], 0);
    rows.push(`| ${fam} | ${used.map((s) => (r[s] ? String(r[s]) : '·')).join(' | ')} | ${total} |`);
  }
  return rows;
}

function findingRow(f: Finding, input: SummaryInput): string {
  const where = `${f.path}:${f.startLine}`;
  const loc = input.lineUrl ? `[${cellCode(where)}](${input.lineUrl(f.path, f.startLine)})` : cellCode(where);
  const what = f.redacted ? cellCode(f.redacted) : cell(f.message);
  const issue = input.issueOf?.(f);
  const issueCell = issue ? `[${issue.repository}#${issue.number}](${issue.url})` : '';
  return `| ${LEVEL_ICON[f.level]} | ${cellCode(f.ruleId)} ${f.severity} | ${loc} | ${what} | ${cell(f.controls.join(', '))} | ${issueCell} |`;
}

function whatToDo(input: SummaryInput): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of input.findings) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const n = input.findings.filter((g) => g.ruleId === f.ruleId).length;
    const revoke = input.ruleMeta(f.ruleId)?.revoke;
    const where = revoke ? ` Revoke at ${revoke.url ? `[${revoke.provider}](${revoke.url})` : revoke.provider}.` : '';
    out.push(`- **${code(f.ruleId)}** (${n}): ${cell(f.remediation)}${where}`);
  }
  if (input.findings.some((f) => f.family === 'secrets')) {
    out.push('- Deleting the line does not undo a leak: the secret stays in git history and in every clone. Revoke it first.');
  }
  if (input.findings.length) {
    out.push('- A false positive? Add `tokenwarden:allow` on the line, or a policy exception with the fingerprint, a justification, approver and expiry.');
  }
  for (const n of input.notes ?? []) out.push(`- ${n}`);
  return out;
}

function controlsSection(findings: readonly Finding[]): string[] {
  const by = new Map<string, Set<string>>();
  for (const f of findings) for (const c of f.controls) {
    let s = by.get(c);
    if (!s) by.set(c, (s = new Set()));
    s.add(f.ruleId);
  }
  return [...by.keys()].sort().map((c) => `- ${code(c)}: ${[...by.get(c)!].map(code).join(', ')}`);
}

function skippedLines(skipped: readonly Skipped[], max: number): string[] {
  const sorted = [...skipped].sort((a, b) => a.path.localeCompare(b.path));
  const lines = sorted.slice(0, max).map((s) => `- ${code(s.path)}: ${s.reason}${s.detail ? ` (${cell(s.detail)})` : ''}`);
  if (sorted.length > max) lines.push(`- … and ${sorted.length - max} more`);
  return lines;
}

function policyChangeLines(c: PolicyChangeView): string[] {
  const out = [`### Policy change in ${code(c.path)}`];
  if (c.errors.length) {
    out.push(`The proposed policy does not load, so merging it would fail every check. ${plural(c.errors.length, 'error')}:`);
    for (const e of c.errors) out.push(`- ${code(`${e.source}:${e.line}:${e.column}`)} ${cell(e.message)} **Fix:** ${cell(e.fix)}`);
    return out;
  }
  out.push('This pull request is judged by the policy on the base branch; after merging, the proposed policy applies.');
  if (c.changes.length) {
    out.push('', 'It would change:');
    for (const l of c.changes) out.push(`- ${l}`);
  } else out.push('', 'It changes nothing in the effective policy.');
  for (const w of c.warnings) out.push(`- ⚠️ ${code(`${w.source}:${w.line}`)} ${cell(w.message)}`);
  if (c.after) {
    out.push('', `Findings of this pull request: ${c.before.fail} fail, ${c.before.warn} warn under the base policy → ${c.after.fail} fail, ${c.after.warn} warn under the proposed one.`);
  }
  return out;
}

/** Title for the check run page and the PR's checks list. */
export function summaryTitle(input: Pick<SummaryInput, 'verdict' | 'findings' | 'skipped' | 'filesScanned'>): string {
  const fail = input.findings.filter((f) => f.level === 'fail').length;
  const warn = input.findings.length - fail;
  const parts: string[] = [];
  if (fail) parts.push(`${plural(fail, 'finding')} must be fixed`);
  if (warn) parts.push(plural(warn, 'warning'));
  if (!parts.length) parts.push(`No findings in ${plural(input.filesScanned, 'file')}`);
  if (input.skipped.length) parts.push(`${plural(input.skipped.length, 'file')} not scanned`);
  return parts.join(', ');
}

/**
 * The summary, within GitHub's limit: the findings table and the skipped list shrink first, each with
 * a count of what was left out.
 */
export function renderSummary(input: SummaryInput, limit = SUMMARY_LIMIT): CheckOutput {
  const title = summaryTitle(input);
  const render = (rows: number, skippedMax: number): string => {
    const out: string[] = [];
    const fail = input.findings.filter((f) => f.level === 'fail').length;
    const warn = input.findings.length - fail;
    out.push(`## ${VERDICT_HEAD[input.verdict]}: ${title}`);
    const facts = [`${fail} fail`, `${warn} warn`, `${plural(input.filesScanned, 'file')} scanned in ${input.subject}`];
    if (input.skipped.length) {
      // Binary files are listed but, as in the verdict, do not make the scan incomplete.
      const unscanned = input.skipped.filter((s) => s.reason !== 'binary').length;
      facts.push(
        unscanned
          ? `${plural(input.skipped.length, 'file')} not scanned: the scan is incomplete, which policy \`incomplete_scan: ${input.incompleteScan}\` counts as ${input.incompleteScan}`
          : `${plural(input.skipped.length, 'binary file')} not scanned`,
      );
    }
    out.push(`**${facts.join(' · ')}**`);
    const also: string[] = [];
    if (input.excepted) also.push(`${input.excepted} covered by a policy exception`);
    if (input.expired) also.push(`${input.expired} with an expired exception (reported)`);
    if (input.suppressed) also.push(`${input.suppressed} suppressed inline`);
    if (also.length) out.push(`Also: ${also.join(', ')}.`);
    for (const p of input.problems ?? []) out.push(`> ⚠️ ${cell(p)}`);

    if (input.findings.length) {
      out.push('', ...countsTable(input.findings));
      out.push('', '### Findings', '| Level | Rule | Where | Secret / finding | Controls | Issue |', '|---|---|---|---|---|---|');
      const shown = input.findings.slice(0, rows);
      for (const f of shown) out.push(findingRow(f, input));
      if (input.findings.length > shown.length) {
        out.push('', `… and ${input.findings.length - shown.length} more findings not shown here (GitHub limits the summary to ${limit} characters); see the annotations.`);
      }
      out.push('', '### What to do', ...whatToDo(input));
      out.push('', '### Controls evidenced', ...controlsSection(input.findings));
    } else if (input.notes?.length) {
      out.push('', '### Notes', ...input.notes.map((n) => `- ${n}`));
    }
    if (input.policyChange) out.push('', ...policyChangeLines(input.policyChange));
    if (input.wholeFiles.length) {
      out.push('', `### Scanned whole (${input.wholeFiles.length})`, 'GitHub sent no diff for these files, so every line was scanned, not only the added ones:');
      const paths = [...input.wholeFiles].sort();
      out.push(...paths.slice(0, skippedMax).map((p) => `- ${code(p)}`));
      if (paths.length > skippedMax) out.push(`- … and ${paths.length - skippedMax} more`);
    }
    if (input.skipped.length) {
      out.push('', `### Not scanned (${input.skipped.length})`, ...skippedLines(input.skipped, skippedMax));
    }
    out.push('', '### Policy', `Read from ${code(input.policy.ref)}: ${input.policy.sources.map(code).join(' → ')}`, `Policy hash ${code(input.policy.hash)}`);
    for (const w of input.policyWarnings) out.push(`- ⚠️ ${code(`${w.source}:${w.line}:${w.column}`)} ${cell(w.message)}`);
    return out.join('\n') + '\n';
  };

  let rows = input.findings.length;
  let skippedMax = 200;
  let text = render(rows, skippedMax);
  if (text.length > limit) {
    skippedMax = 50;
    // Largest row count that fits: the text grows monotonically with rows.
    let lo = 0, hi = rows;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (render(mid, skippedMax).length <= limit) lo = mid;
      else hi = mid - 1;
    }
    rows = lo;
    text = render(rows, skippedMax);
  }
  if (text.length > limit) {
    const note = '\n\n… summary truncated to GitHub\'s limit.\n';
    text = text.slice(0, limit - note.length) + note;
  }
  return { title, summary: text };
}

/** The output of a check that could not judge the change because the policy does not load. */
export function renderConfigError(errors: readonly PolicyError[], ref: string): CheckOutput {
  const out = [
    `## ❌ Token Warden policy error`,
    `The Token Warden policy on ${code(ref)} does not load, so this change cannot be judged. ${plural(errors.length, 'error')}:`,
    '',
  ];
  for (const e of errors) {
    out.push(`- **${code(`${e.source}:${e.line}:${e.column}`)}** ${cell(e.message)}`, `  **Fix:** ${cell(e.fix)}`);
  }
  out.push('', 'Fix the policy on the base branch (or in the organisation\'s `.github` repository), then re-run this check.');
  const first = errors[0];
  const title = first ? `Policy error in ${first.source} line ${first.line}` : 'Policy error';
  return { title, summary: out.join('\n').slice(0, SUMMARY_LIMIT) };
}

/** The output when something went wrong: the check run says so instead of staying in progress. */
export function renderIncomplete(reason: string, hint: string): CheckOutput {
  const text = [`## Token Warden could not complete: ${cell(reason)}`, '', hint, ''].join('\n');
  return { title: `Token Warden could not complete: ${reason}`.slice(0, 250), summary: text.slice(0, SUMMARY_LIMIT) };
}
