/**
 * The base64 body of an ASCII-armoured key (PEM, OpenSSH, PGP, SSH2), wherever it was pasted: a file,
 * a YAML block, a JSON string with `\n` escapes, or a string concatenated across lines of code.
 */
import { shannonEntropy } from '../../../entropy.js';
import { isPlaceholder } from '../../../placeholder.js';

export interface ArmoredBody {
  /** The base64 payload, whitespace and wrapping removed. */
  base64: string;
  /** `Key: value` armour headers (Proc-Type, DEK-Info, Comment, Version …), lower-cased keys. */
  headers: Record<string, string>;
}

/** Extract the base64 payload; `undefined` if the body is not base64 (a placeholder, `...`, prose). */
export function parseArmoredBody(raw: string): ArmoredBody | undefined {
  const headers: Record<string, string> = {};
  const parts: string[] = [];
  const lines = raw
    .replace(/\\+[rn]/g, '\n')
    .replace(/\\\//g, '/')
    .split(/\r?\n|\r/);
  for (const line of lines) {
    // Strip what code and config wrap around each line: indentation, comment leaders, quotes, `+`, `,`.
    const t = line
      .trim()
      .replace(/^(?:[#*;]|\/\/)+\s*/, '')
      .replace(/^(?:\+\s*)?["'`]/, '')
      .replace(/["'`]\s*(?:\+|,|;|\)|\.\.)?\s*\\?$/, '')
      .replace(/\\$/, '')
      .trim();
    // What is left of `"…\n" +` once the escape became a line break: the closing quote's operator.
    if (!t || /^(?:\+|,|;|\)|\.\.?|&)$/.test(t)) continue;
    const h = /^([A-Za-z][\w-]{1,40}):\s*(.*)$/.exec(t);
    if (h) {
      headers[h[1]!.toLowerCase()] = h[2]!;
      continue;
    }
    if (/^=[A-Za-z0-9+/]{4}$/.test(t)) continue; // PGP CRC-24 checksum line
    if (!/^[A-Za-z0-9+/=]+$/.test(t)) return undefined;
    parts.push(t);
  }
  const base64 = parts.join('');
  return { base64, headers };
}

/**
 * A body that could be a real key rather than a truncated or invented sample: long enough, random
 * enough, no placeholder runs. Real keys run from ~120 (EC P-256) to several thousand characters.
 */
export function isPlausibleKeyBody(base64: string, minLength = 48): boolean {
  if (base64.length < minLength) return false;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return false;
  if (shannonEntropy(base64) < 3.8) return false;
  return !isPlaceholder(base64, true);
}

export interface ArmorBlock {
  /** Offset of the BEGIN line's first dash and of the end of the END line, in the scanned text. */
  start: number;
  end: number;
  /** The label between BEGIN and the dashes, e.g. `RSA PRIVATE KEY`. */
  label: string;
  body: string;
}

/**
 * BEGIN…END blocks whose labels match, in one linear pass: every END position is collected first and
 * each BEGIN takes the next END (a lazy `[\s\S]*?` regex would rescan the rest of the file from every
 * BEGIN, which is quadratic on text full of BEGIN lines). A BEGIN without its END within `maxBody`
 * characters is ignored.
 */
export function findArmorBlocks(text: string, begin: RegExp, end: RegExp, maxBody: number): ArmorBlock[] {
  const ends: Array<{ at: number; stop: number; label: string }> = [];
  end.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = end.exec(text)) !== null) ends.push({ at: m.index, stop: m.index + m[0].length, label: m.groups!.label! });
  const out: ArmorBlock[] = [];
  if (ends.length === 0) return out;
  let e = 0;
  begin.lastIndex = 0;
  while ((m = begin.exec(text)) !== null) {
    const bodyStart = m.index + m[0].length;
    while (e < ends.length && ends[e]!.at < bodyStart) e++;
    if (e === ends.length) break;
    const next = ends[e]!;
    if (next.label !== m.groups!.label || next.at - bodyStart > maxBody) continue;
    // Another BEGIN before this END: this one is a header without a body (a doc sample); the next may be real.
    const resume = begin.lastIndex;
    const following = begin.exec(text);
    begin.lastIndex = resume;
    if (following && following.index < next.at) continue;
    out.push({ start: m.index, end: next.stop, label: next.label, body: text.slice(bodyStart, next.at) });
    begin.lastIndex = next.stop;
  }
  return out;
}
