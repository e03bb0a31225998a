/**
 * A login of a demo account, and why: a password of one plain word (`morty:pickle` in a web framework's
 * examples, docs and tests; `alice:wrong` in a CI check that expects a 401), or a short one sent to the
 * developer's own machine (`localhost`, `127.0.0.1`). A real account's password is rarely one short
 * word; an example's nearly always is. Reported low with the reason, not dropped: a reviewer confirms.
 */
export function demoLoginReason(password: string, context: string): string | undefined {
  if (/^[A-Za-z][a-z]{2,9}$/.test(password)) return 'its password is one plain word';
  // A short password sent to the developer's own machine; a generated key (`api:<40 hex>`) is a key wherever it goes.
  if (password.length < 16 && /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\[::1\]/.test(context)) return 'a request to localhost';
  return undefined;
}
