/**
 * Context-dependent formats (a bare UUID, 40 base64 characters) are only secrets when they are
 * assigned to a provider-named identifier. This builds that "name … operator … value" pattern once,
 * the same way for every rule, so each rule states only its names and its value format.
 */

// Every rule builds its patterns from these at start-up, most of them from the same few dozen words
// (CREDENTIAL_WORDS in every keyed rule): each spelling is built once per process.
const ciCache = new Map<string, string>();
const namesCache = new Map<string, string>();

/** Regex source matching an ASCII literal case-insensitively (Node 20 has no inline `(?i:)`). */
export function ci(literal: string): string {
  let out = ciCache.get(literal);
  if (out === undefined) {
    out = '';
    for (const ch of literal) {
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      out += lo !== up ? `[${lo}${up}]` : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
    ciCache.set(literal, out);
  }
  return out;
}

/** Case-insensitive alternation of literal names, e.g. `names('heroku')`. */
export function names(...literals: string[]): string {
  const key = literals.join('\0');
  let out = namesCache.get(key);
  if (out === undefined) namesCache.set(key, (out = `(?:${literals.map(ci).join('|')})`));
  return out;
}

/**
 * Assignment operators seen in config and code: `=`, `:=`, `::=`, `?=`, `.=`, `+=`, `=>`, `==`, `:`,
 * `,` (a call or a tuple), `>` (an XML element), `||` (a JS default).
 */
const OPERATOR = String.raw`(?:\|\||[:?.+]{0,3}={1,3}>?|:|,|>)`;

export interface AssignmentOptions {
  /** Identifier characters allowed between the name and the operator (`_API_KEY`, ` token`). */
  gap?: number;
  /** Accept a bare space as the operator too (`--softlayer-api-key <key>`). */
  spaceOperator?: boolean;
  /** Characters the value must not be followed by; defaults to word characters and `-`. */
  notFollowedBy?: string;
  /** Characters the value must not be preceded by (applies when no quote precedes it). */
  notPrecededBy?: string;
}

/**
 * `<name>[identifier rest][quote/bracket] <op> [quotes] (?<secret><value>)`, global.
 * `name` and `value` are regex sources; `value` must be bounded (no open-ended quantifiers).
 */
export function assignment(name: string, value: string, opts: AssignmentOptions = {}): RegExp {
  const gap = opts.gap ?? 30;
  const op = opts.spaceOperator ? `(?:${OPERATOR}|(?=[ \\t]))` : OPERATOR;
  const after = opts.notFollowedBy ?? 'A-Za-z0-9_\\-';
  const before = opts.notPrecededBy ?? 'A-Za-z0-9_\\-';
  const source = `${name}[\\w.\\- \\t]{0,${gap}}?["'\`\\]]{0,3}\\s{0,6}${op}` + `[\\s"'\`]{0,6}(?<![${before}])(?<secret>${value})(?![${after}])`;
  return new RegExp(source, 'g');
}

/** The text of a match before its secret: the identifier and operator, for name-based filters. */
export function nameOf(match: RegExpExecArray, secret: string): string {
  const at = match[0].indexOf(secret);
  return at > 0 ? match[0].slice(0, at) : '';
}

/**
 * True when the assigned name says the value is an identifier (`HEROKU_APP_ID`, `scwProjectId`,
 * `railway_project_uuid`): UUID-shaped values under such names are ids, not credentials.
 */
export function namesAnIdentifier(name: string): boolean {
  return /(?:^|[^A-Za-z])(?:id|uuid|guid)(?![A-Za-z])/i.test(name) || /[a-z](?:Id|ID|Uuid|UUID|Guid|GUID)(?![a-z])/.test(name);
}

/**
 * Every spelling of a compound name for the keyword prefilter: each part is a list of alternatives,
 * joined by each of `separators` independently at every junction (`secret`,`access`,`key` →
 * secretaccesskey, secret_access-key, …). Keeps a rule's keywords in step with its `[_.-]?` regex.
 */
export function spellings(parts: readonly (readonly string[])[], separators: readonly string[] = ['', '_', '-', '.']): string[] {
  let out = [''];
  parts.forEach((alternatives, i) => {
    const next: string[] = [];
    for (const prefix of out) {
      for (const alt of alternatives) {
        if (i === 0) next.push(alt.toLowerCase());
        else for (const sep of separators) next.push(prefix + sep + alt.toLowerCase());
      }
    }
    out = next;
  });
  return [...new Set(out)];
}
