/**
 * The rule contract. A rule is one module exporting its metadata and a pure `check`; the scanner owns
 * I/O, prefiltering, line numbers, redaction, suppression and policy so that rules stay small.
 */
import type { Confidence, Family, Severity } from './finding.js';

export interface RevokeGuide {
  /** Human name of the issuer, e.g. "GitHub" or "AWS IAM". */
  provider: string;
  /** Where the credential is revoked or rotated. */
  url?: string;
  /** Ordered steps, each a sentence. */
  steps: string[];
}

export interface RuleMeta {
  id: string;
  family: Family;
  severity: Severity;
  confidence: Confidence;
  description: string;
  /** Regulatory controls this rule evidences, e.g. `PCI-DSS-8.6.2`. */
  controls: string[];
  remediation: string;
  revoke?: RevokeGuide;
  /**
   * The options the rule reads from `ctx.options`, by name, each a JSON Schema (draft-07) fragment like
   * ESLint's `meta.schema` (helpers in option-schema.ts). The policy schema is generated from them
   * (`npm run schema` → policies/tokenwarden.schema.json), so an unknown option or a wrong value is a
   * policy error at its line; `tokenwarden rules ID` lists them. A rule without `options` takes none.
   * test/helpers/rule-tester.ts checks that what `check` reads and what is declared here agree.
   */
  options?: Readonly<Record<string, RuleOptionSchema>>;
}

/** One rule option: a JSON Schema (draft-07) fragment with a description and, where there is one, its default. */
export interface RuleOptionSchema {
  /** What the option does (editors show it on hover; so does `tokenwarden rules ID`). */
  description: string;
  /** The value the rule uses when the policy does not set the option. */
  default?: unknown;
  /** The JSON Schema keywords: `type`, `items`, `anyOf`, `enum`, `minimum`, `additionalProperties`, … */
  [keyword: string]: unknown;
}

/** A stretch of a file a rule should look at; `offset` is where `text` starts in the whole file. */
export interface Segment {
  text: string;
  offset: number;
}

export interface FileView {
  path: string;
  /** The whole (possibly synthetic, for diffs) text being scanned. */
  text: string;
  /**
   * For `line` rules: the lines (or windows of very long lines) that hold one of the rule's keywords.
   * For `file` rules: one segment, the whole text.
   */
  segments: Segment[];
  /**
   * Set when `text` holds only some lines of the file (the lines a diff adds): the real 1-based line
   * number of each line of `text`. Structural rules use it to judge only constructs added whole.
   */
  lineNumbers?: readonly number[];
}

/**
 * Read-only access to other files of the repository, for rules that judge one file against another
 * (a workflow against the token inventory). The scanner builds it from the fully scanned files some
 * rule's `context` asked for, then falls back to `ScannerOptions.repo` (what the caller can read).
 */
export interface RepoView {
  /** The whole text of a file at the revision being checked, or `undefined` when not known. */
  read(path: string): string | undefined;
  /** Every path `read` can answer for, sorted. */
  paths(): readonly string[];
  /**
   * Set when the view may lack a file a cross-file rule looks for (a search cut short at a limit), saying
   * why, for a person. What a rule then does not find is unknown, not absent: see `RuleContext.notJudged`.
   */
  incomplete?: string;
  /**
   * Whether `path` is one of the scan's own whole files — its findings are reported by this scan — rather
   * than a file only read from the caller's view (the unchanged files of a diff). Absent: not known.
   */
  own?(path: string): boolean;
}

export interface RuleContext {
  /** "Today", passed in so results are reproducible (the App passes the clock, tests a fixed date). */
  today: Date;
  /** The rule's options from the policy (validated against `RuleMeta.options` when the policy loaded). */
  options: Record<string, unknown>;
  /** Only for rules with `context` (cross-file rules): the other files of the repository. */
  repo?: RepoView;
  /**
   * Only for rules with `context`: a construct of this file could not be judged, because what it refers
   * to was not found and `repo` is `incomplete`. The file is listed as not judged (reason `limit`, with
   * `detail`), the rule's findings stand. `construct` is what a finding on it would carry
   * (`RawFinding.construct`), so a change is not held to a construct its base had unchanged.
   */
  notJudged?: (construct: string, detail: string) => void;
}

/** What a rule reports; the scanner turns it into a full `Finding`. */
export interface RawFinding {
  /** Offset range in `FileView.text` … */
  start?: number;
  end?: number;
  /** … or a 1-based line (and optional column) for rules that work on parsed structure. */
  line?: number;
  column?: number;
  endLine?: number;
  /** The secret value, if any: it is redacted everywhere and hashed into the fingerprint. */
  secret?: string;
  /** For non-secret findings: what identifies the construct (e.g. `job:build permissions:write-all`). */
  construct?: string;
  /**
   * The same construct restated in other files (a generated bundle repeating a role defined elsewhere):
   * the rule's findings with an equal key are one finding, reported at the first path, its message
   * naming the other files. Keyed by content, not path.
   */
  sameAs?: string;
  message: string;
  /**
   * Spans of the same credential that this finding stands for (a service-account file's private key):
   * another rule's finding there is this credential again, and is dropped rather than reported twice.
   */
  covers?: ReadonlyArray<{ start: number; end: number }>;
  /** Overrides of the rule's defaults for this one finding. */
  severity?: Severity;
  confidence?: Confidence;
  remediation?: string;
}

export interface Rule {
  meta: RuleMeta;
  /** Lower-case literals; `check` runs only where one occurs. Empty means every file. */
  keywords: readonly string[];
  scope: 'line' | 'file';
  /** A catch-all (e.g. generic high-entropy): dropped where a specific rule reports the same span. */
  fallback?: boolean;
  /** Optional path filter (e.g. only `.npmrc`); cheap, called before anything else. */
  appliesTo?(path: string): boolean;
  /**
   * Cross-file rules only: which other files `check` reads through `ctx.repo` (asked once for every
   * fully scanned file, path first; keep it cheap). A rule that has `context` runs after the last
   * file, in `Scanner.result()`, so what it reads is known whatever order the files came in.
   */
  context?(path: string, text: string): boolean;
  /**
   * Options that hold globs, so the policy loader can reject a glob too costly to match at the
   * policy's line: `allowRoles` (a string or a list of strings), `allow[].workflow` (that key in each
   * item of the `allow` list).
   */
  globOptions?: readonly string[];
  check(file: FileView, ctx: RuleContext): RawFinding[];
}
