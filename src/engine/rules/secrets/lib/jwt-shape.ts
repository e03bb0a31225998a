import { decodeBase64Text } from './base64.js';

/**
 * Random text that starts like a JWT (`eyJ4tw1J….eyJE8R…`: a generated sample, a provider's own token)
 * but is not one the jwt rule reads: two or three whole segments of 20 characters or more, where the
 * header does not decode to text, or (with a signature) the claims do not. A cut or elided token (a short
 * segment) is not one, nor a documentation page's token with a few characters changed (`eyJ5bGciOiKI…`
 * decodes to JSON-like text that no parser accepts), nor a test's malformed token (a true header and junk).
 */
export function isJwtLookalike(v: string): boolean {
  const parts = v.split('.');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p.length < 20)) return false;
  const text = (p: string): boolean => decodeBase64Text(p, 0.85) !== undefined;
  return !text(parts[0]!) || (parts.length === 3 && !text(parts[1]!));
}
