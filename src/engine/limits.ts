/**
 * Bounds on the work one untrusted file may cost the engine, and the typed outcome when a file
 * exceeds one. A pull request's files are hostile input: a YAML alias bomb, a deeply nested document
 * or a pathological glob must cost that file (reported as "not judged: exceeds limit X"), never the
 * process, and never look like a clean file.
 *
 * Parsers throw `LimitExceeded`; the scanner catches it per rule and lists the file as skipped with
 * reason `limit` (findings from other rules and files are kept); the policy loader turns it into a
 * `PolicyError` at file:line; `parseInventory` and `referencedSecrets` return it as data.
 */

/** Which bound a file exceeded (stable names: reports and tests use them). */
export type LimitName =
  /** More characters than a structural parser reads. */
  | 'text-size'
  /** Collections nested deeper than `maxDepth` (aliases included). */
  | 'nesting-depth'
  /** More YAML alias nodes (`*name`) than `maxAliases`. */
  | 'alias-count'
  /** Aliases and merge keys that would expand to more than `maxAliasExpansion` nodes (billion laughs). */
  | 'alias-expansion'
  /** An alias inside the node its anchor names: an infinite structure. */
  | 'recursive-alias'
  /** The walk helpers resolved more aliases and merged entries than `maxWalkSteps` in one document. */
  | 'walk-steps'
  /** The HCL parser ran past its deadline (its error recovery is super-linear on some garbage). */
  | 'parse-time';

export interface ParseLimits {
  /** Characters (UTF-16 code units) a YAML / JSON document may have to be parsed structurally. */
  maxChars: number;
  /** Characters an HCL / Terraform file may have (the WASM tree is slower to convert than YAML). */
  maxHclChars: number;
  /** Nesting of collections (YAML, JSON, HCL values and blocks), aliases expanded. */
  maxDepth: number;
  /** Alias nodes per YAML file. */
  maxAliases: number;
  /** Nodes that aliases and merge keys add to a YAML document when expanded. */
  maxAliasExpansion: number;
  /** Alias resolutions plus merged entries the YAML walk helpers may produce per document and caller. */
  maxWalkSteps: number;
  /** Wall-clock budget of one HCL parse (milliseconds). */
  maxHclParseMs: number;
}

export interface GlobLimits {
  /** Characters of one glob. */
  maxGlobLength: number;
  /** `*` runs in one path segment (each one multiplies minimatch's backtracking by the segment length). */
  maxStarsPerSegment: number;
  /** `**` segments in one glob. */
  maxGlobstars: number;
  /** Patterns a glob's `{a,b}` alternatives may expand to. */
  maxBraceExpansion: number;
}

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxChars: 2 * 1024 * 1024,
  maxHclChars: 512 * 1024,
  maxDepth: 128,
  maxAliases: 10_000,
  maxAliasExpansion: 100_000,
  maxWalkSteps: 1_000_000,
  maxHclParseMs: 3_000,
});

export const DEFAULT_GLOB_LIMITS: Readonly<GlobLimits> = Object.freeze({
  maxGlobLength: 256,
  maxStarsPerSegment: 2,
  maxGlobstars: 4,
  maxBraceExpansion: 32,
});

/** A file (or policy) exceeded a bound: it was not judged. */
export class LimitExceeded extends Error {
  override readonly name = 'LimitExceeded';

  constructor(
    readonly limit: LimitName,
    /** What was exceeded, for a person: "YAML nesting deeper than 128 levels". */
    message: string,
    /** Where, when known (1-based). */
    readonly line?: number,
    /** The file that exceeded it, when it is not the file being checked (a cross-file read). */
    readonly path?: string,
  ) {
    super(message);
  }

  /** The same outcome, naming the file it came from. */
  inFile(path: string): LimitExceeded {
    return this.path === undefined ? new LimitExceeded(this.limit, this.message, this.line, path) : this;
  }

  /** "exceeds limit nesting-depth: YAML nesting deeper than 128 levels (line 130)[ in <path>]". */
  get detail(): string {
    return this.detailFor();
  }

  /** `detail` as seen from the file `from`: its own path is not repeated. */
  detailFor(from?: string): string {
    const where = this.path !== undefined && this.path !== from ? ` in ${this.path}` : '';
    return `exceeds limit ${this.limit}: ${this.message}${this.line !== undefined ? ` (line ${this.line})` : ''}${where}`;
  }
}

export const isLimitExceeded = (e: unknown): e is LimitExceeded => e instanceof LimitExceeded;

/** What to tell the author of a file that exceeded a limit. */
export function limitFix(limit: LimitName): string {
  switch (limit) {
    case 'text-size':
      return 'Split the file into smaller files.';
    case 'nesting-depth':
      return 'Flatten the structure: no configuration needs collections nested this deep.';
    case 'alias-count':
    case 'alias-expansion':
    case 'walk-steps':
      return 'Write the values out instead of expanding anchors (`&`), aliases (`*`) and merge keys (`<<`) this much.';
    case 'recursive-alias':
      return 'Remove the alias that refers to the node containing it.';
    case 'parse-time':
      return 'Fix the syntax of the file (the parser spent its whole budget recovering from errors) or split it.';
  }
}
