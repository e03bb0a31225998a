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
 * Regex source: one of `providers` (case-insensitive literals) starting a word or a camelCase hump, up to
 * `gap` identifier characters or spaces, then a credential word (`token`, `secret`, `key`, …). Not inside
 * another word: `add_api_key` is no `dd_api_key`, `nonlinear_key` no Linear key.
 */
export function credentialNamed(providers: readonly string[], words: readonly string[] = CREDENTIAL_WORDS, gap = 24): string {
  return `${IDENTIFIER_START}${names(...providers)}[\\w.\\- \\t]{0,${gap}}?${NOT_PUBLIC}${names(...words)}`;
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

/** Child lines after the parent's that a nested key may be on (`nestedUnder`). */
export const BLOCK_LINES = 8;

/**
 * Each nested form's test for the end of a parent's line (the provider's name and what may follow it)
 * and the longest such end. A form's number is in its group names (`nestedIndent<n>`), so a pattern
 * built on it, recompiled or inside a larger source, still leads to it.
 */
const nestedForms: Array<{ parentEnd: RegExp; reach: number; childKey: RegExp }> = [];
const formNumbers = new Map<string, number>();
const FORM_GROUP = /\(\?<nestedIndent(\d+)>/;

/** Characters a parent's line may hold after the provider's name (`nestedUnder`: `_API.`, `"]`, `: {`). */
const AFTER_NAME = 40;

export interface BlockRead {
  /** Lines after a parent's line the pattern reads. */
  lines: number;
  /** False when no line of `text` can be a parent's. */
  mayOpen: (text: string) => boolean;
  /**
   * False when a parent's block (`text`, a segment extended by `lines`) holds none of the credential
   * words a child's key needs: the pattern is not run there (each one costs about a millisecond to
   * compile at its first search, and 29 MB of node_modules reached 72 of them).
   */
  mayHold: (text: string) => boolean;
}

/**
 * For a pattern built on `nestedUnder` (also inside a larger source), what it reads: `defineSecretRule`
 * runs it on the segments that may hold a parent's line (no other can match), each with the `lines`
 * after it.
 */
export function blockRead(pattern: RegExp): BlockRead | undefined {
  const form = nestedForms[Number(FORM_GROUP.exec(pattern.source)?.[1] ?? -1)];
  if (form === undefined) return undefined;
  const { parentEnd, reach, childKey } = form;
  return { lines: BLOCK_LINES, mayOpen: (text) => endsAParent(text, parentEnd, reach), mayHold: (text) => childKey.test(text) };
}

/**
 * Whether a line of `text` ends as a parent's line does (`parentEnd`, anchored at the end, on the last
 * `reach` characters of each line and one before them for its look-behind): a test of bounded cost a line.
 */
function endsAParent(text: string, parentEnd: RegExp, reach: number): boolean {
  for (let end = text.length; ;) {
    const stop = text.charCodeAt(end - 1) === 13 /* \r */ ? end - 1 : end;
    // A parent's line says so with a `:`, `=`, `{`, a `[section]` or a comment (`# meraki`): a line of
    // prose or code that merely ends with the name (`… from npm`) is not one, and each block-reading
    // pattern that runs costs about a millisecond to compile (77 of them on 29 MB of node_modules).
    if (parentEnd.test(text.slice(Math.max(0, stop - reach - 1), stop)) && PARENT_MARK.test(text.slice(text.lastIndexOf('\n', stop - 1) + 1, stop))) return true;
    if (end === 0) return false;
    end = text.lastIndexOf('\n', end - 1);
    if (end === -1) return false;
  }
}

const PARENT_MARK = /[:={[#]|\/\//;

/** Regex source: the rest of a line and its `\n` (a `\r` is part of the line; extended lines are at most 4,096 characters). */
const REST_OF_LINE = String.raw`[^\n]{0,4096}\n`;
/** Regex source: at the start of a line (or of the text searched). */
const LINE_START = String.raw`(?<![^\n])`;
/** Regex source: a line's indentation, all of it (what the child lines must go deeper than). */
const INDENT = String.raw`[ \t]{0,64}(?![ \t])`;
/** Longest parent line, indentation aside. */
const PARENT_LINE = 200;

/**
 * Regex source: a line of the block that may come between a parent and its credential key: indented
 * deeper than the parent (`indent`, the backreference to the parent's indentation; with `items`, a
 * YAML list item at the parent's own indentation counts as deeper), or blank, or a comment at any
 * indentation. The alternatives exclude each other, so the engine has one way to read a line: a failed
 * match costs a try per line, not one per combination.
 */
function blockLine(indent: string, items: boolean): string {
  const deeper = items ? String.raw`${indent}(?:[ \t]|-[ \t])` : String.raw`${indent}[ \t]`;
  return String.raw`(?:${deeper}${REST_OF_LINE}|(?!${deeper})[ \t]{0,64}(?:(?:#|//)${REST_OF_LINE}|\r?\n))`;
}

/**
 * Regex source up to a value: one of `providers` as a parent key and a credential-named key among its
 * first `BLOCK_LINES` (8) child lines, the provider's name being on the parent's line only:
 *
 *     meraki:                    [meraki]          meraki: {                  bittrex:
 *       url: https://…           host = x            baseUrl: 'https://…',      - secret: <value>
 *       api_key: <value>         api_key = <value>   apiKey: '<value>',
 *
 * The parent is a YAML key or list item, a TOML/INI `[section]` or a JS/JSON object (`x: {`, `"x": {`);
 * the child line may start a YAML list item and quote its key. The child stays in the parent's block:
 * under a `[section]`, no other `[section]` line comes between them; under a key, every line between is
 * indented deeper than the parent's line (so is a YAML list item at the parent's own indentation, unless
 * the parent is itself a list item), blank or a comment, and the child is deeper too — except right
 * under the parent, where it may be at the parent's own indentation, as before (`# Meraki` over
 * `API_KEY=…`). A sibling of the parent or a new section ends the block: a key under the next parent is
 * not this provider's. Ends after the child's operator and an optional opening quote: append the value.
 * The child's key holds one of `words` (default `CREDENTIAL_WORDS`).
 *
 * A match starts at the provider's name, as it did when the child had to be on the next line; the
 * parent line's start and indentation are read behind it, once the name is found to end the line.
 * `defineSecretRule` gives a pattern built on this source the `BLOCK_LINES` lines after each of its
 * segments that holds a line that may be the parent's (`blockRead`), and its validators the parent's
 * line and the child's, without the lines between. Every part is bounded and each line has one
 * reading: a search stays linear in the text. Under one parent, the first credential key whose value
 * fits is the one reported.
 */
export function nestedUnder(providers: readonly string[], words: readonly string[] = CREDENTIAL_WORDS): string {
  const name = String.raw`${IDENTIFIER_START}${names(...providers)}[\w.-]{0,24}`;
  const id = `${providers.join('\0')}\n${words.join('\0')}`;
  let n = formNumbers.get(id);
  if (n === undefined) {
    formNumbers.set(id, (n = nestedForms.length));
    const parentEnd = new RegExp(String.raw`${name}(?:["']?\]{1,2}|["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?)[ \t]{0,4}$`);
    // What the child's key needs (its credential word, then its operator), in a small pattern of its own.
    const childKey = new RegExp(String.raw`(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\w.-]{0,12}["']?[ \t]{0,4}[:=]`, 'i');
    nestedForms.push({ parentEnd, reach: AFTER_NAME + Math.max(...providers.map((p) => p.length)), childKey });
  }
  const wordsKey = words.join('\0');
  let tail = tails.get(wordsKey);
  if (tail === undefined) tails.set(wordsKey, (tail = nestedTail(words)));
  return name + tail.replaceAll(FORM_MARK, String(n));
}

/** Stands for a form's number in a cached tail (`nestedIndent<n>`): a character no source holds. */
const FORM_MARK = '\u0001';
/** What follows the provider's name, by credential words: the same for the ~120 rules but their form number. */
const tails = new Map<string, string>();

function nestedTail(words: readonly string[]): string {
  const key = String.raw`["']?[\w.-]{0,24}?${NOT_PUBLIC}${names(...words)}[\w.-]{0,12}["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["']?`;
  const item = String.raw`(?:-[ \t]{1,4})?`;
  const between = BLOCK_LINES - 1;
  const eol = String.raw`(?=\r?\n)`;
  // The parent's line, read behind its end: from the line's start, its indentation, then what it starts with.
  const lineBehind = (start: string): string => String.raw`(?<=${LINE_START}${start}[^\n]{0,${PARENT_LINE}})\r?\n`;
  // `[section]`: the child at any indentation, with no other section's line before it.
  const section = String.raw`["']?\]{1,2}[ \t]{0,4}${eol}${lineBehind(String.raw`[ \t]{0,64}\[`)}(?:(?![ \t]{0,64}\[)${REST_OF_LINE}){0,${between}}?[ \t]{0,16}${item}`;
  // A key (`meraki:`, `"meraki": {`, `# meraki`) or a list item (`- meraki:`, `- name: meraki`), and a
  // child right under it at least as deep, or further down in the block and deeper.
  const underKey = (group: string, start: string, items: boolean): string => {
    const indent = String.raw`\k<${group}>`;
    const deeper = String.raw`[ \t]{1,16}${item}${items ? String.raw`|-[ \t]{1,4}` : ''}`;
    return String.raw`${lineBehind(String.raw`(?<${group}>${INDENT})${start}`)}(?:${indent}[ \t]{0,16}${item}|${blockLine(indent, items)}{1,${between}}?${indent}(?:${deeper}))`;
  };
  const keyed = String.raw`["'\]]{0,2}[ \t]{0,4}(?:[:=][ \t]{0,4}\{?)?[ \t]{0,4}${eol}(?:${underKey(`nestedIndent${FORM_MARK}`, String.raw`(?!\[|-[ \t])`, true)}|${underKey(`nestedItemIndent${FORM_MARK}`, String.raw`-[ \t]{1,4}`, false)})`;
  // Every way to the child's line ends at its key: written once, after them (a fifth of the source, which
  // the RegExp constructor parses for each of ~120 rules at start-up).
  return String.raw`(?:${section}|${keyed})${key}`;
}

export interface NestedSecretOptions {
  /** The credential words the child's key must hold (default `CREDENTIAL_WORDS`). */
  words?: readonly string[];
  /** Characters the value must not be followed by, a character-class body (default word characters and `-`). */
  notFollowedBy?: string;
}

/**
 * `nestedUnder(providers, words)` then `value` (a bounded regex source) as the `secret` group, not followed
 * by one of `notFollowedBy`: built when the rule first searches (defineSecretRule), so that a process
 * builds only the ~1.4 KB patterns of the rules that run.
 */
export function nestedSecret(providers: readonly string[], value: string, { words, notFollowedBy = String.raw`A-Za-z0-9_\-` }: NestedSecretOptions = {}): () => RegExp {
  return () => new RegExp(nestedUnder(providers, words) + String.raw`(?<secret>${value})(?![${notFollowedBy}])`, 'g');
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
    { ...variant, pattern: () => keyedSecret(providerNamed(providers, { words, camelCase }), value), nextLine: true },
    { ...variant, keywords: nestedKeywords ?? variant.keywords, pattern: nestedSecret(providers, value), nextLine: true },
  ];
}
