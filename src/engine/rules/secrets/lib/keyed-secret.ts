/**
 * The "provider-name assignment" shape for SaaS and payment rules, built on the shared `assignment()`
 * pattern: a context-dependent value (32 hex, 40 alphanumerics, a UUID) is a secret only right after an
 * identifier that names both the provider and a credential (`DATADOG_API_KEY=…`, `twilio auth token - '…'`,
 * `<zendeskToken>\n  …`). Peers write the identifier with spaces too (`new relic user key = …`), so the
 * words may be separated by spaces as well as `_`, `-`, `.` or camelCase.
 */
import { assignment, names, type AssignmentOptions } from './assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './provider-names.js';

/**
 * Regex source: one of `providers` (case-insensitive literals), up to `gap` identifier characters or
 * spaces, then a credential word (`token`, `secret`, `key`, …).
 */
export function credentialNamed(providers: readonly string[], words: readonly string[] = CREDENTIAL_WORDS, gap = 24): string {
  return `${names(...providers)}[\\w.\\- \\t]{0,${gap}}?${NOT_PUBLIC}${names(...words)}`;
}

/**
 * `<name> <operator> <value>` where the operator may also be a plain space (`mailgun '<value>'`,
 * `ENV DATADOG_API_KEY <value>`). `name` and `value` are regex sources; `value` must be bounded.
 */
export function keyedSecret(name: string, value: string, opts: AssignmentOptions = {}): RegExp {
  return assignment(name, value, { spaceOperator: true, ...opts });
}

/** Lower-cased literals for the prefilter: every spelling `names()` accepts lower-cases to one of these. */
export function keywordsOf(...literals: string[]): string[] {
  return [...new Set(literals.map((l) => l.toLowerCase()))];
}
