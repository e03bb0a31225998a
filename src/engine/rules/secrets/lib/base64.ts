/** Strict base64 / base64url decoding for validators: a look-alike that does not decode is not a secret. */

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const B64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Decode standard or URL-safe base64 (padding optional); `undefined` when it is not base64 at all. */
export function decodeBase64(value: string): Buffer | undefined {
  const s = value.trim();
  if (s.length < 2) return undefined;
  const url = !B64.test(s);
  if (url && !B64URL.test(s)) return undefined;
  const body = s.replace(/=+$/, '');
  if (body.length % 4 === 1) return undefined;
  return Buffer.from(body, url ? 'base64url' : 'base64');
}

/** Decode to text; `undefined` unless it decodes and is mostly printable (credentials are text). */
export function decodeBase64Text(value: string, minPrintable = 0.95): string | undefined {
  const buf = decodeBase64(value);
  if (!buf || buf.length === 0) return undefined;
  const text = buf.toString('utf8');
  return printableRatio(text) >= minPrintable ? text : undefined;
}

/** Share of characters that are printable (tab, newline and CR count as printable). */
export function printableRatio(text: string): number {
  if (!text.length) return 0;
  let ok = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) continue; // replacement character: invalid UTF-8
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) ok++;
  }
  return ok / [...text].length;
}

/** Parse base64url-encoded JSON (a JWT segment); `undefined` when either step fails. */
export function decodeJsonSegment(segment: string): unknown {
  const text = decodeBase64Text(segment, 0.9);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
