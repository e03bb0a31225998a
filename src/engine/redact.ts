/**
 * The one redaction helper every output uses. A secret never leaves the engine whole: renderers get
 * the redacted form and the fingerprint only.
 */
import { shannonEntropy } from './entropy.js';

/** Reveal a short, non-identifying prefix (often the provider prefix) and nothing else of a secret. */
export function redact(secret: string): string {
  const len = secret.length;
  if (len < 8) return '*'.repeat(Math.max(len, 3));
  const keep = len >= 24 ? 4 : 2;
  return `${secret.slice(0, keep)}${'*'.repeat(Math.min(8, len - keep))}…(${len})`;
}

/** Replace every occurrence of each secret in `text` with its redacted form. */
export function redactAll(text: string, secrets: Iterable<string>): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  const sorted = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const s of sorted) {
    if (out.includes(s)) out = out.split(s).join(redact(s));
  }
  return out;
}

const MAX_EXCERPT = 200;

/** A one-line excerpt, trimmed around the column so a minified line stays short. */
export function excerptOf(line: string, column: number, secrets: Iterable<string>): string {
  let text = redactAll(line, secrets);
  const at = Math.max(0, Math.min(column - 1, text.length));
  if (text.length > MAX_EXCERPT) {
    const start = Math.max(0, at - 60);
    text = (start > 0 ? '…' : '') + text.slice(start, start + MAX_EXCERPT) + (start + MAX_EXCERPT < text.length ? '…' : '');
  }
  return text.trim();
}

/**
 * The excerpt for a finding at `column` of `line`, given every secret span on that line (0-based
 * columns). Only a window of a long line is kept; the window is widened so it never cuts a secret, the
 * spans are replaced by their redacted forms, and any other copy of those secrets is redacted too.
 */
export function excerptAt(line: string, column: number, spans: ReadonlyArray<{ start: number; end: number; secret: string }>): string {
  // `spans` are sorted by start: only those near the window are looked at (a minified line can hold
  // thousands of findings, and each needs its excerpt).
  const at = Math.max(0, Math.min(column - 1, line.length));
  let from = 0;
  let to = line.length;
  if (line.length > MAX_EXCERPT) {
    from = Math.max(0, at - 60);
    to = Math.min(line.length, from + MAX_EXCERPT);
  }
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  while (lo > 0 && spans[lo - 1]!.end > from) lo--;
  // A secret spanning lines has a span that starts before this line or ends after it: clip it to the
  // line, so the part on this line is masked like the rest.
  const near: Array<{ start: number; end: number; secret: string }> = [];
  for (let k = lo; k < spans.length && spans[k]!.start < to; k++) {
    const sp = spans[k]!;
    const start = Math.max(0, sp.start);
    const end = Math.min(line.length, sp.end);
    if (end > start && end > from) near.push({ start, end, secret: sp.secret });
  }
  // Never cut a secret at the window's edges.
  for (const sp of near) {
    if (sp.start < from && sp.end > from) from = sp.start;
    if (sp.start < to && sp.end > to) to = sp.end;
  }
  let out = '';
  let pos = from;
  for (const sp of near) {
    if (sp.end <= pos) continue; // inside a span already masked
    const start = Math.max(sp.start, pos);
    out += line.slice(pos, start) + redact(sp.secret);
    pos = sp.end;
  }
  if (pos < to) out += line.slice(pos, to);
  out = redactAll(
    out,
    near.map((sp) => sp.secret),
  );
  return ((from > 0 ? '…' : '') + maskStrays(out) + (to < line.length ? '…' : '')).trim();
}

/** A run that could be a key: 20 or more characters of base64/hex/base64url. */
const RUN = /(?<![\w+/=-])[A-Za-z0-9+/_-]{20,}={0,2}/g;
/** Words and numbers as names are written (`loadConfigurationValues2`, `api_v2_user_settings`). */
const WORDS = /^(?:[A-Za-z]?[a-z]{2,}|[A-Z]{2,}(?![a-z])|\d{1,4}|[_/-])+$/;

/**
 * Secret-shaped runs that no rule reported masked too: the line of a finding may hold a second key that
 * this scan did not judge one (an iOS key beside the Android key it reported, a value graded too weak), and
 * an excerpt goes to check runs, issues and logs. A run is masked when it mixes letters with at least two
 * digits and is not words (keys, tokens, digests); words, paths and identifiers stay readable.
 */
function maskStrays(text: string): string {
  return text.replace(RUN, (run) => {
    let digits = 0;
    let letters = 0;
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else if ((c | 32) >= 97 && (c | 32) <= 122) letters++;
    }
    if (digits < 2 || letters < 2 || WORDS.test(run)) return run;
    return shannonEntropy(run) >= 3 ? redact(run) : run;
  });
}
