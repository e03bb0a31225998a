/**
 * The "Token Warden" check run's output: conclusion, annotations and a Markdown summary a maintainer
 * reads in ten seconds. Only redacted secrets reach this module (a `Finding` never holds a raw one),
 * and the excerpt of a secret finding is left out all the same: the redacted value says enough.
 *
 * A finding's path, message and title are not the engine's redacted values, though: a file can be
 * named after a token. Every path and text goes through the one redactor (./scrub.ts), and every
 * annotation and output is cut to what GitHub accepts (`validAnnotation`, `validOutput`): one
 * annotation GitHub refuses costs its whole batch of 50, the leaked token's among them.
 */
import type { Family, Finding, Severity } from '../engine/finding.js';
import { SEVERITIES } from '../engine/finding.js';
import { leavesIncomplete, type Skipped } from '../engine/decode.js';
import type { PolicyError } from '../engine/policy/load.js';
import type { RuleMeta } from '../engine/rule.js';
import type { Verdict } from './verdict.js';
import { fitBytes, fitChars, shortenMiddle } from './limits.js';
import { batchScrubber, scrubCached, scrubText, type Scrub } from './scrub.js';

export const CHECK_NAME = 'Token Warden';
/** GitHub rejects longer `output.summary` (and `output.text`) values, in characters. */
export const SUMMARY_LIMIT = 65_535;
/** `output.title`: GitHub documents no limit; the annotation title's is kept. */
export const OUTPUT_TITLE_LIMIT = 255;
/** GitHub accepts at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * What GitHub accepts in one annotation. `message` and `raw_details` are "64 KB": counted here in
 * UTF-8 bytes, which also keeps them under 65,535 characters. `path` has no documented limit: ours
 * keeps an absurd path from costing the batch.
 */
export const ANNOTATION_LIMITS = {
  title: 255,
  messageBytes: 65_535,
  rawDetailsBytes: 65_535,
  path: 1_024,
  perRequest: ANNOTATIONS_PER_REQUEST,
} as const;

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
  text?: string;
}

const LEVELS: ReadonlySet<string> = new Set(['notice', 'warning', 'failure']);
const MAX_INT = 2_147_483_647;
const positive = (n: unknown): number | undefined => (typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.min(MAX_INT, Math.floor(n)) : undefined);

/** Said on an annotation whose file name had to be redacted. */
export const PATH_SECRET_NOTE =
  'The file name holds a secret, so it is shown redacted and this annotation cannot sit on the file in the diff. A file name is published like file content: revoke the secret and rename the file.';
const TRUNCATED_NOTE = "…\n\n(Cut to GitHub's 64 KB limit for an annotation.)";

/**
 * An annotation GitHub accepts, whatever went in: path redacted (with a note saying so) and shortened,
 * lines at least 1 and in order, columns only on a single line and in order, a known level, title,
 * message and details scrubbed and cut to their limits. Idempotent: the check-run publisher can call it
 * again on what it sends. An annotation this module made is returned as it is (no second scan); mapped
 * over an array (`annotations.map(validAnnotation)`), the texts of all of them are scrubbed in one batch.
 */
export function validAnnotation(a: CheckAnnotation, _index?: number, all?: readonly CheckAnnotation[]): CheckAnnotation {
  if (minted.has(a)) return a;
  let scrub: Scrub = scrubCached;
  if (all && all.length > 1) {
    scrub = annotationScrubbers.get(all) ?? batchScrubber(all.filter((x) => !minted.has(x)).flatMap((x) => [x.path, x.title, x.message, x.raw_details]));
    annotationScrubbers.set(all, scrub);
  }
  return mend(a, scrub);
}

/** Annotations `mend` made: valid already. */
const minted = new WeakSet<CheckAnnotation>();
const annotationScrubbers = new WeakMap<readonly CheckAnnotation[], Scrub>();

/** `detailsScrubbed`: the caller built `raw_details` from scrubbed parts and values of its own. */
function mend(a: CheckAnnotation, scrub: Scrub, detailsScrubbed = false): CheckAnnotation {
  const raw = typeof a.path === 'string' ? a.path : '';
  let path = scrub(raw);
  const notes: string[] = [];
  if (path !== raw) notes.push(PATH_SECRET_NOTE);
  if (path.length > ANNOTATION_LIMITS.path) {
    path = shortenMiddle(path, ANNOTATION_LIMITS.path);
    notes.push(`The path is longer than ${ANNOTATION_LIMITS.path} characters and is shortened here.`);
  }
  const startLine = positive(a.start_line) ?? 1;
  const endLine = Math.max(startLine, positive(a.end_line) ?? startLine);
  const message = [...notes.filter((n) => !String(a.message ?? '').includes(n)), scrub(String(a.message ?? ''))].filter(Boolean).join('\n\n');
  const out: CheckAnnotation = {
    path: path || '(no path)',
    start_line: startLine,
    end_line: endLine,
    annotation_level: LEVELS.has(a.annotation_level) ? a.annotation_level : 'warning',
    title: fitChars(scrub(String(a.title ?? '')), ANNOTATION_LIMITS.title) || CHECK_NAME,
    message: fitBytes(message || CHECK_NAME, ANNOTATION_LIMITS.messageBytes, TRUNCATED_NOTE),
  };
  if (typeof a.raw_details === 'string' && a.raw_details) {
    out.raw_details = fitBytes(detailsScrubbed ? a.raw_details : scrub(a.raw_details), ANNOTATION_LIMITS.rawDetailsBytes, TRUNCATED_NOTE);
  }
  const startColumn = positive(a.start_column);
  const endColumn = positive(a.end_column);
  if (startLine === endLine && a.start_line === a.end_line && startColumn !== undefined && endColumn !== undefined && endColumn >= startColumn) {
    out.start_column = startColumn;
    out.end_column = endColumn;
  }
  minted.add(out);
  return out;
}

/** An output GitHub accepts: title and summary (and text) scrubbed and cut to their limits. */
export function validOutput<T extends CheckOutput>(o: T): T {
  const note = "\n\n… cut to GitHub's limit.\n";
  const out = { ...o, title: fitChars(scrubCached(o.title) || CHECK_NAME, OUTPUT_TITLE_LIMIT), summary: fitChars(scrubText(o.summary), SUMMARY_LIMIT, note) };
  if (typeof o.text === 'string') out.text = fitChars(scrubText(o.text), SUMMARY_LIMIT, note);
  return out;
}

const annotationTitle = (f: Finding): string => `${f.ruleId} (${f.severity})`;
const annotationMessage = (f: Finding): string => `${f.message}${f.redacted ? ` Secret: ${f.redacted}.` : ''}\n\n${f.remediation}`;
/**
 * The excerpt (for a secret finding, left out: the redacted value says enough), the fingerprint and the
 * controls. Only the excerpt comes from the file: it alone is scrubbed, so a report of 20,000 findings
 * does not scan 20,000 strings that differ only in their fingerprint.
 */
const annotationDetails = (f: Finding, scrub: Scrub): string =>
  [f.family === 'secrets' ? undefined : scrub(f.excerpt), `Fingerprint: ${f.fingerprint}`, f.controls.length ? `Controls: ${f.controls.join(', ')}` : undefined].filter(Boolean).join('\n');

/** The paths and texts of many findings' annotations, scrubbed in one batch. */
const findingsScrubber = (findings: readonly Finding[]): Scrub =>
  batchScrubber(findings.flatMap((f) => [f.path, annotationTitle(f), annotationMessage(f), f.family === 'secrets' ? undefined : f.excerpt]));

/** The batch of each findings array `findingAnnotation` is mapped over. */
const scrubbers = new WeakMap<readonly Finding[], Scrub>();

/**
 * One annotation on the exact line (and columns, when GitHub allows them: single-line spans only).
 * Called as `findings.map(findingAnnotation)`, the paths and texts of all of them are scrubbed in one
 * batch at the first call.
 */
export function findingAnnotation(f: Finding, _index?: number, all?: readonly Finding[]): CheckAnnotation {
  let scrub: Scrub = scrubCached;
  if (all && all.length > 1) {
    scrub = scrubbers.get(all) ?? findingsScrubber(all);
    scrubbers.set(all, scrub);
  }
  return mend(
    {
      path: f.path,
      start_line: f.startLine,
      end_line: Math.max(f.endLine, f.startLine),
      ...(f.endLine <= f.startLine && f.endColumn >= f.startColumn ? { start_column: f.startColumn, end_column: f.endColumn } : {}),
      annotation_level: f.level === 'fail' ? 'failure' : 'warning',
      title: annotationTitle(f),
      message: annotationMessage(f),
      raw_details: annotationDetails(f, scrub),
    },
    scrub,
    true,
  );
}

/** A policy error as an annotation on the policy file (only meaningful for a file in this repository). */
export function policyErrorAnnotation(e: PolicyError, path: string): CheckAnnotation {
  return validAnnotation({
    path,
    start_line: Math.max(1, e.line),
    end_line: Math.max(1, e.line),
    annotation_level: 'failure',
    title: 'Token Warden policy error',
    message: `${e.message}\nFix: ${e.fix}`,
  });
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

/** A table cell or list item never takes the whole summary: one hostile message costs its row only. */
const CELL_MAX = 500;
const short = (s: string, max = CELL_MAX): string => fitChars(s, max);

function findingRow(f: Finding, input: SummaryInput, scrub: Scrub): string {
  const path = scrub(f.path);
  const where = `${shortenMiddle(path, 300)}:${f.startLine}`;
  // A link to a file named after a secret would carry the secret: such a row has no link. (Anything
  // else in a URL is caught by the last pass over the whole summary.)
  const url = path === f.path ? input.lineUrl?.(f.path, f.startLine) : undefined;
  const loc = url ? `[${cellCode(where)}](${url})` : cellCode(where);
  const what = f.redacted ? cellCode(f.redacted) : cell(short(scrub(f.message)));
  const issue = input.issueOf?.(f);
  const issueCell = issue ? `[${issue.repository}#${issue.number}](${issue.url})` : '';
  return `| ${LEVEL_ICON[f.level]} | ${cellCode(f.ruleId)} ${f.severity} | ${loc} | ${what} | ${cell(f.controls.join(', '))} | ${issueCell} |`;
}

function whatToDo(input: SummaryInput, names: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of input.findings) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const n = input.findings.filter((g) => g.ruleId === f.ruleId).length;
    const revoke = input.ruleMeta(f.ruleId)?.revoke;
    const where = revoke ? ` Revoke at ${revoke.url ? `[${revoke.provider}](${revoke.url})` : revoke.provider}.` : '';
    out.push(`- **${code(f.ruleId)}** (${n}): ${cell(short(f.remediation, 2_000))}${where}`);
  }
  if (names.length) {
    out.push('- A file name that holds a secret: revoke the secret, then rename the file (the old name stays in git history).');
  }
  if (input.findings.some((f) => f.family === 'secrets')) {
    out.push('- Deleting the line does not undo a leak: the secret stays in git history and in every clone. Revoke it first.');
  }
  if (input.findings.length) {
    out.push('- A false positive? Add `tokenwarden:allow` on the line, or a policy exception with the fingerprint, a justification, approver and expiry.');
  }
  for (const n of input.notes ?? []) out.push(`- ${short(n, 2_000)}`);
  return out;
}

/** The paths in this summary that hold a secret, redacted. */
function secretNames(input: Pick<SummaryInput, 'findings' | 'skipped' | 'wholeFiles'>, scrub: Scrub): string[] {
  const paths = new Set<string>();
  for (const f of input.findings) paths.add(f.path);
  for (const s of input.skipped) paths.add(s.path);
  for (const p of input.wholeFiles) paths.add(p);
  const names = new Set<string>();
  for (const p of paths) {
    const shown = scrub(p);
    if (shown !== p) names.add(shown);
  }
  return [...names].sort();
}

function secretNameLines(names: readonly string[]): string[] {
  if (!names.length) return [];
  const out = [
    `> 🔴 **${names.length === 1 ? 'A file name holds' : `${names.length} file names hold`} a secret.** A file name is published with the branch like file content: revoke the secret and rename the file. The name is shown redacted, so its annotations are listed on this check run but cannot sit on the file in the diff:`,
  ];
  for (const n of names.slice(0, 20)) out.push(`> - ${code(shortenMiddle(n, 300))}`);
  if (names.length > 20) out.push(`> - … and ${names.length - 20} more`);
  return out;
}

function controlsSection(findings: readonly Finding[]): string[] {
  const by = new Map<string, Set<string>>();
  for (const f of findings)
    for (const c of f.controls) {
      let s = by.get(c);
      if (!s) by.set(c, (s = new Set()));
      s.add(f.ruleId);
    }
  return [...by.keys()].sort().map((c) => `- ${code(c)}: ${[...by.get(c)!].map(code).join(', ')}`);
}

function skippedLines(skipped: readonly Skipped[], max: number, scrub: Scrub): string[] {
  const sorted = [...skipped].sort((a, b) => a.path.localeCompare(b.path));
  const lines = sorted.slice(0, max).map((s) => `- ${code(shortenMiddle(scrub(s.path), 300))}: ${s.reason}${s.detail ? ` (${cell(short(scrub(s.detail)))})` : ''}`);
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
  // Every path and message of this summary scrubbed in one batch: the renders below look them up.
  const scrub = batchScrubber([...input.findings.flatMap((f) => [f.path, f.redacted ? undefined : f.message]), ...input.skipped.flatMap((s) => [s.path, s.detail]), ...input.wholeFiles]);
  const names = secretNames(input, scrub);
  const title = summaryTitle(input);
  const render = (rows: number, skippedMax: number): string => {
    const out: string[] = [];
    const fail = input.findings.filter((f) => f.level === 'fail').length;
    const warn = input.findings.length - fail;
    out.push(`## ${VERDICT_HEAD[input.verdict]}: ${title}`);
    const facts = [`${fail} fail`, `${warn} warn`, `${plural(input.filesScanned, 'file')} scanned in ${input.subject}`];
    if (input.skipped.length) {
      // Binary files and oversized lockfiles are listed but, as in the verdict, do not make the scan incomplete.
      const unscanned = input.skipped.filter(leavesIncomplete).length;
      facts.push(
        unscanned
          ? `${plural(input.skipped.length, 'file')} not scanned: the scan is incomplete, which policy \`incomplete_scan: ${input.incompleteScan}\` counts as ${input.incompleteScan}`
          : input.skipped.every((s) => s.reason === 'binary')
            ? `${plural(input.skipped.length, 'binary file')} not scanned`
            : `${plural(input.skipped.length, 'file')} not scanned (binary, or a lockfile over the size limit)`,
      );
    }
    out.push(`**${facts.join(' · ')}**`);
    const also: string[] = [];
    if (input.excepted) also.push(`${input.excepted} covered by a policy exception`);
    if (input.expired) also.push(`${input.expired} with an expired exception (reported)`);
    if (input.suppressed) also.push(`${input.suppressed} suppressed inline`);
    if (also.length) out.push(`Also: ${also.join(', ')}.`);
    for (const p of input.problems ?? []) out.push(`> ⚠️ ${cell(short(p, 2_000))}`);
    if (names.length) out.push('', ...secretNameLines(names));

    if (input.findings.length) {
      out.push('', ...countsTable(input.findings));
      out.push('', '### Findings', '| Level | Rule | Where | Secret / finding | Controls | Issue |', '|---|---|---|---|---|---|');
      const shown = input.findings.slice(0, rows);
      for (const f of shown) out.push(findingRow(f, input, scrub));
      if (input.findings.length > shown.length) {
        out.push('', `… and ${input.findings.length - shown.length} more findings not shown here (GitHub limits the summary to ${limit} characters); see the annotations.`);
      }
      out.push('', '### What to do', ...whatToDo(input, names));
      out.push('', '### Controls evidenced', ...controlsSection(input.findings));
    } else if (input.notes?.length) {
      out.push('', '### Notes', ...input.notes.map((n) => `- ${n}`));
    }
    if (input.policyChange) out.push('', ...policyChangeLines(input.policyChange));
    if (input.wholeFiles.length) {
      out.push('', `### Scanned whole (${input.wholeFiles.length})`, 'GitHub sent no diff for these files, so every line was scanned, not only the added ones:');
      const paths = [...input.wholeFiles].sort();
      out.push(...paths.slice(0, skippedMax).map((p) => `- ${code(shortenMiddle(scrub(p), 300))}`));
      if (paths.length > skippedMax) out.push(`- … and ${paths.length - skippedMax} more`);
    }
    if (input.skipped.length) {
      out.push('', `### Not scanned (${input.skipped.length})`, ...skippedLines(input.skipped, skippedMax, scrub));
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
    let lo = 0,
      hi = rows;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (render(mid, skippedMax).length <= limit) lo = mid;
      else hi = mid - 1;
    }
    rows = lo;
    text = render(rows, skippedMax);
  }
  // Last step: whatever text came in (branch names, notes, policy messages) is scrubbed, then cut.
  text = scrubText(text);
  if (text.length > limit) text = fitChars(text, limit, "\n\n… summary truncated to GitHub's limit.\n");
  return { title: fitChars(scrubCached(title), OUTPUT_TITLE_LIMIT), summary: text };
}

/** The output of a check that could not judge the change because the policy does not load. */
export function renderConfigError(errors: readonly PolicyError[], ref: string): CheckOutput {
  const out = [`## ❌ Token Warden policy error`, `The Token Warden policy on ${code(ref)} does not load, so this change cannot be judged. ${plural(errors.length, 'error')}:`, ''];
  for (const e of errors) {
    out.push(`- **${code(`${e.source}:${e.line}:${e.column}`)}** ${cell(e.message)}`, `  **Fix:** ${cell(e.fix)}`);
  }
  out.push('', "Fix the policy on the base branch (or in the organisation's `.github` repository), then re-run this check.");
  const first = errors[0];
  const title = first ? `Policy error in ${first.source} line ${first.line}` : 'Policy error';
  return validOutput({ title, summary: out.join('\n') });
}

/** The output when something went wrong: the check run says so instead of staying in progress. */
export function renderIncomplete(reason: string, hint: string): CheckOutput {
  const text = [`## Token Warden could not complete: ${cell(reason)}`, '', hint, ''].join('\n');
  return validOutput({ title: `Token Warden could not complete: ${reason}`, summary: text });
}

// ---------------------------------------------------------------------------------------------------
// Revocation (src/app/effects/revocation.ts): lines for the summary, never a token's value

/** What became of the leaked tokens of one evaluation that the policy asks to revoke (redacted forms only). */
export interface RevocationView {
  provider: string;
  /** Submitted in this evaluation (the provider accepted the request) at `at`. */
  submitted: ReadonlyArray<{ redacted: string; at: Date }>;
  /** Submitted or refused before (an earlier run, another instance). */
  earlier: ReadonlyArray<{ redacted: string; state: 'submitted' | 'refused'; at: Date | null }>;
  /** The provider refused the request (422): not submitted again. */
  refused: ReadonlyArray<{ redacted: string; detail: string }>;
  /** No answer or 5xx after retries: tried again on the next evaluation. */
  failed: ReadonlyArray<{ redacted: string; detail: string }>;
  /** Not sent: the hourly request budget is spent until `until`. */
  deferred: { count: number; until?: Date; scheduled?: boolean };
  /** Another writer (instance) holds them right now. */
  inFlight: number;
}

const LISTED_TOKENS = 10;
const tokenList = (items: ReadonlyArray<{ redacted: string }>): string => {
  const shown = items.slice(0, LISTED_TOKENS).map((i) => code(i.redacted));
  if (items.length > LISTED_TOKENS) shown.push(`and ${items.length - LISTED_TOKENS} more`);
  return shown.join(', ');
};
const utc = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The summary's revocation lines: `notes` go to "What to do", `problems` to the top of the summary.
 * Both hold redacted forms and the provider's scrubbed answers only.
 */
export function revocationLines(v: RevocationView): { notes: string[]; problems: string[] } {
  const notes: string[] = [];
  const problems: string[] = [];
  const { provider } = v;
  if (v.submitted.length) {
    const at = v.submitted[0]!.at;
    notes.push(
      `**Revoked:** ${plural(v.submitted.length, `leaked ${provider} token`)} (${tokenList(v.submitted)}) submitted to ${provider}'s credential revocation API at ${utc(at)} (accepted): ${provider} revokes ${v.submitted.length === 1 ? 'it and notifies its owner' : 'them and notifies their owners'}. Issue replacements where they were used.`,
    );
  }
  const before = v.earlier.filter((e) => e.state === 'submitted');
  if (before.length) {
    const at = before
      .map((e) => e.at)
      .filter((d): d is Date => !!d)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    notes.push(
      `**Revoked earlier:** ${plural(before.length, `${provider} token`)} (${tokenList(before)}) ${before.length === 1 ? 'was' : 'were'} submitted for revocation before${at ? ` (first at ${utc(at)})` : ''}; not submitted again.`,
    );
  }
  const refusedBefore = v.earlier.filter((e) => e.state === 'refused');
  if (refusedBefore.length) {
    notes.push(
      `${plural(refusedBefore.length, `${provider} token`)} (${tokenList(refusedBefore)}) ${refusedBefore.length === 1 ? 'was' : 'were'} refused by ${provider}'s revocation API before: revoke by hand (see the remediation issue).`,
    );
  }
  if (v.inFlight) notes.push(`${plural(v.inFlight, `${provider} token`)} ${v.inFlight === 1 ? 'is' : 'are'} being submitted for revocation by another Token Warden instance.`);
  if (v.refused.length) {
    const reasons = [...new Set(v.refused.map((r) => r.detail))].slice(0, 3).join('; ');
    problems.push(`${provider} refused to revoke ${plural(v.refused.length, 'token')} (${tokenList(v.refused)}): ${reasons}. They are not submitted again: revoke them by hand.`);
  }
  if (v.failed.length) {
    const reasons = [...new Set(v.failed.map((r) => r.detail))].slice(0, 3).join('; ');
    problems.push(
      `Revocation of ${plural(v.failed.length, `${provider} token`)} (${tokenList(v.failed)}) failed: ${reasons}. It is tried again on the next evaluation; revoke by hand if it is urgent.`,
    );
  }
  if (v.deferred.count) {
    const until = v.deferred.until ? ` until ${utc(v.deferred.until)}` : '';
    const next = v.deferred.scheduled ? 'a later job submits them then' : 'they are submitted when the change is judged again after that (re-run the check)';
    problems.push(`${plural(v.deferred.count, `leaked ${provider} token`)} not submitted for revocation yet: ${provider} accepts 60 revocation requests an hour, and they are used${until}; ${next}.`);
  }
  return { notes, problems };
}
