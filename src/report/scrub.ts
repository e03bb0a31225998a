/**
 * The one redactor for free text on its way out: file names, titles, messages, branch names, error
 * text — whatever did not come out of the engine as a redacted value. The secrets rules run over the
 * text and every secret they find is replaced by its `redact()`ed form, as in a finding's excerpt.
 *
 * Building the scanner is the expensive part (milliseconds), scanning a short string is not: texts are
 * scrubbed in batches with one scanner, and short ones (paths, titles, messages) are cached, so a
 * renderer asking about the same path for every finding pays once, and a warmed cache costs a lookup.
 */
import { allRules } from '../engine/registry.js';
import { basePolicy } from '../engine/policy/builtin.js';
import { Scanner, type ScannerOptions, type ScanResult } from '../engine/scan.js';
import { redact } from '../engine/redact.js';
import type { Finding } from '../engine/finding.js';

const policy = (() => {
  const p = basePolicy();
  p.families = { secrets: 'warn', scopes: 'off', rotation: 'off' };
  p.severityLevels = { critical: 'warn', high: 'warn', medium: 'warn', low: 'warn', info: 'warn' };
  p.settings.minConfidence = 'low';
  return p;
})();
const secretRules = allRules.filter((r) => r.meta.family === 'secrets');
const EPOCH = new Date(0);

/**
 * Inline suppression markers (see engine/suppress.ts) are blanked in the copy the rules see: a file
 * named `nosec-<token>.txt` must not opt its own name out of redaction. Blanks keep every column.
 */
const MARKERS = /tokenwarden:allow(?:-next-line)?|gitleaks:allow|pragma:\s*allowlist[ -](?:nextline[ -])?secret|nosec(?:\b|:)|trufflehog:ignore|detect-secrets:\s*allow/gi;
const unmarked = (text: string): string => text.replace(MARKERS, (m) => ' '.repeat(m.length));

/** Start offset of each line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Replace the spans the findings cover (merged where they overlap) by the redacted form of each. */
function applySpans(text: string, found: readonly Finding[]): string {
  const starts = lineStarts(text);
  const spans: Array<[number, number]> = [];
  for (const f of found) {
    const lineStart = starts[f.startLine - 1];
    const endLineStart = starts[f.endLine - 1];
    if (lineStart === undefined || endLineStart === undefined) continue;
    const start = lineStart + f.startColumn - 1;
    let end = endLineStart + f.endColumn - 1;
    // A finding without a span: the rest of its line goes (too much redacted beats too little).
    if (end <= start) {
      const nl = text.indexOf('\n', start);
      end = nl === -1 ? text.length : nl;
    }
    if (end > start) spans.push([Math.max(0, start), Math.min(text.length, end)]);
  }
  if (!spans.length) return text;
  // The engine reports a secret repeated in one text once (at its first line): every other occurrence
  // of the same value goes too.
  const values = new Set(spans.map(([a, b]) => text.slice(a, b)).filter((v) => v.length >= 8));
  for (const v of values) {
    for (let at = text.indexOf(v); at !== -1; at = text.indexOf(v, at + v.length)) spans.push([at, at + v.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  let i = 0;
  while (i < spans.length) {
    const start = spans[i]![0];
    let end = spans[i]![1];
    for (i++; i < spans.length && spans[i]![0] < end; i++) end = Math.max(end, spans[i]![1]);
    out += text.slice(pos, start) + redact(text.slice(start, end));
    pos = end;
  }
  return out + text.slice(pos);
}

/** Scrub several texts with one scanner. */
export function scrubTexts(texts: readonly string[]): string[] {
  const out = [...texts];
  const todo = texts.flatMap((t, i) => (typeof t === 'string' && t.length ? [i] : []));
  if (!todo.length) return out;
  const scanner = new Scanner({ policy, rules: secretRules, today: EPOCH });
  for (const i of todo) scanner.scanFile({ path: `log/${i}`, text: unmarked(texts[i]!) });
  const byText = new Map<number, Finding[]>();
  for (const f of scanner.result().findings) {
    const i = Number(f.path.slice(4));
    const list = byText.get(i);
    if (list) list.push(f);
    else byText.set(i, [f]);
  }
  for (const [i, found] of byText) out[i] = applySpans(texts[i]!, found);
  return out;
}

/** Every secret the secrets rules recognise in `text`, replaced by its redacted form. */
export function scrubText(text: string): string {
  if (!text) return text;
  return scrubTexts([text])[0]!;
}

// --- cached, for short strings renderers meet again and again ---------------------------------------

const CACHEABLE = 4_096;
const CACHE_MAX = 20_000;
const cache = new Map<string, string>();

function remember(text: string, clean: string): void {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(text, clean);
}

/** A scrubbing function: `scrubCached`, or one that has a batch scrubbed already. */
export type Scrub = (text: string) => string;

/**
 * Scrub all of `texts` now, with one scanner, and answer for them from that batch (any other text:
 * `scrubCached`). For a renderer with many distinct strings (a fingerprint per finding, a path per
 * file): no cache bound can make them miss, one by one, a scanner each. The batch is the caller's and
 * goes with it; the shared cache keeps what repeats across calls.
 */
export function batchScrubber(texts: Iterable<string | undefined>): Scrub {
  const batch = new Map<string, string>();
  const distinct = new Set<string>();
  for (const t of texts) {
    if (!t || batch.has(t)) continue;
    const hit = cache.get(t);
    if (hit !== undefined) batch.set(t, hit);
    else distinct.add(t);
  }
  const list = [...distinct];
  const clean = list.length ? scrubTexts(list) : [];
  list.forEach((t, i) => batch.set(t, clean[i]!));
  return (text) => batch.get(text) ?? scrubCached(text);
}

/** Scrub every text not cached yet in one batch, so the lookups that follow are free. */
export function warmScrub(texts: Iterable<string | undefined>): void {
  const todo = new Set<string>();
  for (const t of texts) if (t && t.length <= CACHEABLE && !cache.has(t)) todo.add(t);
  if (!todo.size) return;
  const list = [...todo];
  const clean = scrubTexts(list);
  list.forEach((t, i) => remember(t, clean[i]!));
}

/** `scrubText`, cached for short texts (paths, titles, messages). */
export function scrubCached(text: string): string {
  if (!text) return text;
  if (text.length > CACHEABLE) return scrubText(text);
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const clean = scrubText(text);
  remember(text, clean);
  return clean;
}

/**
 * A file path fit to print: a secret in a file or directory name is published with the branch like
 * file content, so it is redacted like content. Cached: the common, clean path costs a lookup.
 */
export const redactPath = (path: string): string => scrubCached(path);

/** True when `path` holds a secret (its printed form differs). */
export const pathHoldsSecret = (path: string): boolean => redactPath(path) !== path;

// --- a secret in a file name is a finding -------------------------------------------------------------

/**
 * Findings for secrets in file names: each path is scanned as a one-line text with the caller's policy
 * (levels, ignore globs and exceptions apply; only the secrets rules run). A finding keeps the real path
 * (renderers redact it, as every path), sits on line 1 and says the name is the leak. Its fingerprint
 * is rule + path + secret like any other, so one exception covers the secret in the file's name and
 * content alike, and its secret hash files it under the same remediation issue.
 * Call it with the paths a change adds or renames: that is when a name is published.
 */
export function fileNameFindings(paths: Iterable<string>, opts: ScannerOptions): ScanResult {
  const scanner = new Scanner({ ...opts, rules: opts.rules.filter((r) => r.meta.family === 'secrets' && !r.context) });
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) continue;
    seen.add(path);
    scanner.scanFile({ path, text: unmarked(path) });
  }
  const result = scanner.result();
  const fix = (f: Finding): Finding => {
    const shown = redactPath(f.path);
    f.message = `The file name ${shown} holds a secret${f.redacted ? ` (${f.redacted})` : ''}: a name is published with the branch like file content. ${f.message}`;
    f.remediation = `${f.remediation} Rename the file too: its name stays in git history.`;
    f.excerpt = shown;
    f.startLine = 1;
    f.endLine = 1;
    f.startColumn = 1;
    f.endColumn = 1;
    return f;
  };
  result.findings.forEach(fix);
  result.excepted.forEach((e) => fix(e.finding));
  return { ...result, stats: { files: 0, bytes: 0 } };
}
