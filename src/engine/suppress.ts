/** Inline suppressions. We honour peers' markers so teams can migrate without touching every line. */

const SAME_LINE = /tokenwarden:allow|gitleaks:allow|pragma:\s*allowlist[ -]secret|nosec(?:\b|:)|trufflehog:ignore|detect-secrets:\s*allow/i;
const NEXT_LINE = /tokenwarden:allow-next-line|pragma:\s*allowlist[ -]nextline[ -]secret/i;

export function isSuppressed(line: string, previousLine: string | undefined): boolean {
  if (SAME_LINE.test(line) && !NEXT_LINE.test(line)) return true;
  return previousLine !== undefined && NEXT_LINE.test(previousLine);
}
