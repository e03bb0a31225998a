/**
 * The "provider-name assignment" shape for SaaS and payment rules, built on the shared `assignment()`
 * pattern: a context-dependent value (32 hex, 40 alphanumerics, a UUID) is a secret only right after an
 * identifier that names both the provider and a credential (`DATADOG_API_KEY=…`, `twilio auth token - '…'`,
 * `<zendeskToken>\n  …`). Peers write the identifier with spaces too (`new relic user key = …`), so the
 * words may be separated by spaces as well as `_`, `-`, `.` or camelCase.
 */
import { assignment, names, type AssignmentOptions } from './assignment.js';
import { CREDENTIAL_WORDS, NOT_PUBLIC } from './provider-names.js';
import type { SecretVariant } from './rule-set.js';

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

/** Regex source: where a name may start: not right after a letter or digit (`XMERAKI_KEY` is not Meraki's). */
const WORD_START = String.raw`(?<![A-Za-z0-9])`;
/** Regex source: `WORD_START`, or at a camelCase hump (`configMerakiKey`, `myBittrexSecret`). */
const IDENTIFIER_START = String.raw`(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=[A-Z]))`;

export interface ProviderNamedOptions {
  /** The credential words the identifier must hold after the provider's name (default `CREDENTIAL_WORDS`). */
  words?: readonly string[];
  /** The provider's name may also start at a camelCase hump, after a lower-case letter (default true). */
  camelCase?: boolean;
}

/**
 * Regex source for `keyedSecret`'s name: an identifier that starts with one of `providers` and holds a
 * credential word (`credentialNamed`), starting a word or, unless `camelCase: false`, a camelCase hump
 * (`bittrex: { apiKey }` and `this.merakiApiKey` as well as `MERAKI_API_KEY`).
 */
export function providerNamed(providers: readonly string[], { words = CREDENTIAL_WORDS, camelCase = true }: ProviderNamedOptions = {}): string {
  return (camelCase ? IDENTIFIER_START : WORD_START) + credentialNamed(providers, words);
}

/**
 * Regex source up to a value: one of `providers` as a parent key on the line above and a credential-named
 * key under it, the provider's name being on the parent's line only:
 *
 *     meraki:                [meraki]            meraki: {               bittrex:
 *       api_key: <value>     api_key = <value>     apiKey: '<value>',     - secret: <value>
 *
 * The parent is a YAML key or list item, a TOML `[section]` or a JS/JSON object (`x: {`, `"x": {`); the
 * child line may start a YAML list item and quote its key. Ends after the child's operator and an
 * optional opening quote: append the value. The child's key holds one of `words` (default `CREDENTIAL_WORDS`).
 */
export function nestedUnder(providers: readonly string[], words: readonly string[] = CREDENTIAL_WORDS): string {
  const parent = String.raw`${IDENTIFIER_START}${names(...providers)}[\w.-]{0,24}["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}\r?\n`;
  const child = String.raw`[ \t]{0,16}(?:-[ \t]{1,4})?["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...words)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;
  return parent + child;
}

export interface NestedSecretOptions {
  /** The credential words the child's key must hold (default `CREDENTIAL_WORDS`). */
  words?: readonly string[];
  /** Characters the value must not be followed by, a character-class body (default word characters and `-`). */
  notFollowedBy?: string;
}

/** `nestedUnder(providers, words)` then `value` (a bounded regex source) as the `secret` group, not followed by one of `notFollowedBy`. */
export function nestedSecret(providers: readonly string[], value: string, { words, notFollowedBy = String.raw`A-Za-z0-9_\-` }: NestedSecretOptions = {}): RegExp {
  return new RegExp(nestedUnder(providers, words) + String.raw`(?<secret>${value})(?![${notFollowedBy}])`, 'g');
}

export interface KeyedAndNestedSpec extends Omit<SecretVariant, 'pattern' | 'nextLine'>, ProviderNamedOptions {
  /** Regex source of the value, bounded, without a `secret` group. */
  value: string;
  /** Keywords of the nested variant when not `keywords` (a same-line variant that prefilters on the value's prefix). */
  nestedKeywords?: string[];
}

/**
 * The standard pair of variants for a value that is a secret only next to the provider's name: on the
 * same line (`keyedSecret(providerNamed(providers, spec), value)`, `MERAKI_API_KEY=…`, or the value on the
 * next line under its XML element) and under a parent named after the provider (`nestedSecret`). Both
 * share the rest of `spec` (keywords, entropy, checks, confidence, message).
 */
export function keyedAndNested(providers: readonly string[], spec: KeyedAndNestedSpec): SecretVariant[] {
  const { value, words, camelCase, nestedKeywords, ...variant } = spec;
  return [
    { ...variant, pattern: keyedSecret(providerNamed(providers, { words, camelCase }), value), nextLine: true },
    { ...variant, keywords: nestedKeywords ?? variant.keywords, pattern: nestedSecret(providers, value), nextLine: true },
  ];
}
