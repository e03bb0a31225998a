/**
 * The scanner: files + policy → findings. Pure (no I/O, no network, no clock): callers pass text and
 * "today". One keyword pass per file decides which rules run and where.
 */
import { collapseRepeats } from './repeats.js';
import type { Minimatch } from 'minimatch';
import type { Confidence, Finding, Level } from './finding.js';
import { compareFindings, CONFIDENCES } from './finding.js';
import { isLocked, levelFor } from './policy/level.js';
import type { FileView, RawFinding, RepoView, Rule, Segment } from './rule.js';
import type { PolicyException, ResolvedPolicy } from './policy/types.js';
import type { Skipped } from './decode.js';
import { keywordMatcher, type KeywordMatcher } from './keywords.js';
import { LONG_LINE, LongLine } from './window.js';
import { LineIndex } from './lines.js';
import { decodedPieces, joinsAdjacentLiterals } from './encoded.js';
import { SpanIndex } from './span-index.js';
import { excerptAt, redact } from './redact.js';
import { fingerprint, secretHash } from './hash.js';
import { isSuppressed } from './suppress.js';
import { compileGlob, globMatches } from './glob.js';
import { isLimitExceeded } from './limits.js';

export interface SourceFile {
  path: string;
  text: string;
  /** When `text` holds only some lines of a file (added lines of a diff): the real 1-based number of each. */
  lineNumbers?: number[];
}

export interface ExceptedFinding {
  finding: Finding;
  exception: PolicyException;
}

export interface ScanResult {
  /** What the policy reports (level warn or fail), sorted by path and line. */
  findings: Finding[];
  /** Findings covered by a live exception: kept for the audit trail. */
  excepted: ExceptedFinding[];
  /** Findings whose exception has expired: they are in `findings` too, with a note. */
  expired: ExceptedFinding[];
  suppressed: number;
  baselined: number;
  skipped: Skipped[];
  stats: { files: number; bytes: number };
}

export interface ScannerOptions {
  policy: ResolvedPolicy;
  rules: readonly Rule[];
  today: Date;
  /** Fingerprints accepted when the tool was adopted: reported no more. */
  baseline?: ReadonlySet<string>;
  /**
   * Files outside the scan that cross-file rules may read (e.g. the token inventory when only a
   * workflow changed). The scan's own whole files (not diff excerpts) take precedence.
   */
  repo?: RepoView;
  /** Run the secret rules on base64, percent-encoded and escaped text too (default: the policy's `decode_encoded`). */
  decode?: boolean;
}

/**
 * A rule as the scanner runs it. What the per-file loop reads is copied here, into objects of one
 * shape: rule objects come in many shapes (factories, wrappers), and reading them in the hot loop made
 * its optimised code bail out and be recompiled again and again (V8 "wrong map").
 */
interface CompiledRule {
  rule: Rule;
  id: string;
  check: Rule['check'];
  fileScope: boolean;
  appliesTo: ((path: string) => boolean) | undefined;
  context: Rule['context'];
  /** Under a policy lock: soft-ignore globs do not skip it. */
  locked: boolean;
  paths: Globs | undefined;
  ignore: Globs | undefined;
  options: Record<string, unknown>;
}

const SEVERITY_STRENGTH = { critical: 4, high: 3, medium: 2, low: 1, info: 0 } as const;
const CONFIDENCE_STRENGTH = { high: 2, medium: 1, low: 0 } as const;
/** Which of two findings on one secret to keep: severity first, then confidence. */
const strength = (r: { c: CompiledRule; raw: RawFinding }): number =>
  SEVERITY_STRENGTH[r.raw.severity ?? r.c.rule.meta.severity] * 4 + CONFIDENCE_STRENGTH[r.raw.confidence ?? r.c.rule.meta.confidence];

/**
 * A policy's path globs. The loader rejects costly globs; one that reaches the scanner anyway (a
 * policy built in code) fails closed instead of being compiled: as `paths` it matches every file (the
 * rule runs), as `ignore` none (the file is scanned). An over-long path likewise.
 */
interface Globs {
  ms: Minimatch[];
  /** What a rejected glob or an over-long path counts as. */
  otherwise: boolean;
  rejected: boolean;
}
const globs = (patterns: readonly string[] | undefined, otherwise: boolean): Globs => {
  const ms: Minimatch[] = [];
  let rejected = false;
  for (const p of patterns ?? []) {
    const m = typeof p === 'string' ? compileGlob(p, { matchBase: !p.includes('/') }) : undefined;
    if (m) ms.push(m);
    else rejected = true;
  }
  return { ms, otherwise, rejected };
};
const matchesAny = (path: string, g: Globs): boolean => (g.rejected && g.otherwise) || g.ms.some((m) => globMatches(m, path, g.otherwise));
const isEmpty = (g: Globs): boolean => g.ms.length === 0 && !g.rejected;

/** The policy's global ignore globs as a predicate, for callers deciding what to fetch before a scan. */
export function ignoredBy(policy: ResolvedPolicy): (path: string) => boolean {
  const ms = globs(policy.ignore, false);
  return (path) => matchesAny(path, ms);
}

/** A construct a cross-file rule could not judge (`RuleContext.notJudged`). */
export interface Unjudged {
  ruleId: string;
  path: string;
  construct: string;
  detail: string;
}

/** The constructs a rule could not judge, as one not-judged entry per file and rule (the first one named). */
function unjudgedSkipped(list: readonly Unjudged[]): Skipped[] {
  const byFile = new Map<string, { first: Unjudged; n: number }>();
  for (const u of list) {
    const k = `${u.path}\0${u.ruleId}`;
    const g = byFile.get(k);
    if (g) g.n++;
    else byFile.set(k, { first: u, n: 1 });
  }
  return [...byFile.values()].map(({ first, n }) => ({
    path: first.path,
    reason: 'limit',
    detail: n > 1 ? `${first.detail} (and ${n - 1} more such in this file)` : first.detail,
  }));
}

/** What a parallel scan hands back: the findings, skips and counts of the files given to one scanner. */
export interface ScannerPart {
  collected: Finding[];
  skipped: Skipped[];
  files: number;
  bytes: number;
  suppressed: number;
  retained: Array<[string, string]>;
  deferred: Array<{ file: SourceFile; runs: Array<{ ri: number; segments: Segment[] }> }>;
  /** Causes already listed (so a cross-file check failing the same way is not listed twice). */
  failures: string[];
}

export class Scanner {
  private readonly compiled: CompiledRule[];
  /** Built on the first file (a scan of nothing does not pay for it), once per keyword list per process. */
  private matcherBuilt: KeywordMatcher | undefined;
  /** scanFile's scratch: each rule's verdict on the current path (0 undecided, 1 eligible, 2 not) … */
  private eligibility = new Uint8Array(0);
  /** … the rules decided for it (to reset), and each rule's ranges [start, end, …] in it. */
  private decided: number[] = [];
  private rangeLists: number[][] = [];
  private readonly keywords: string[];
  /** keyword index → indexes into `compiled` */
  private readonly keywordRules: number[][];
  private readonly alwaysRules: number[];
  private readonly ignore: Globs;
  /** Globs declared under a lock: they skip a file for every rule but the locked ones. */
  private readonly softIgnore: Globs;
  private readonly minConfidence: number;
  private readonly state = { suppressed: 0, files: 0, bytes: 0 };
  private readonly collected: Finding[] = [];
  private readonly skipped: Skipped[] = [];
  /** Cross-file rules (with `context`): indexes into `compiled`. */
  private readonly contextRules: number[];
  /** Whole texts of scanned files a cross-file rule reads, by path. */
  private readonly retained = new Map<string, string>();
  /** Cross-file checks, run once every file was seen. */
  private readonly deferred: Array<{ file: SourceFile; runs: Array<{ ri: number; segments: Segment[] }> }> = [];
  private finished = false;
  /** Constructs cross-file rules could not judge (`notJudged`), in the order reported. */
  private readonly unjudgedList: Unjudged[] = [];
  private readonly unjudgedKeys = new Set<string>();
  /** Causes already listed by `failed`. */
  private readonly failures = new Set<string>();
  /** Causes listed since the last `drain`. */
  private failuresNew: string[] = [];

  constructor(private readonly opts: ScannerOptions) {
    const { policy } = opts;
    this.compiled = opts.rules
      .filter((rule) => this.ruleLevel(rule.meta.id, rule.meta.family, rule.meta.severity) !== 'off')
      .map((rule) => {
        const rp = policy.rules[rule.meta.id];
        const ignore = globs(rp?.ignore, false);
        const c: CompiledRule = {
          rule,
          id: rule.meta.id,
          check: rule.check.bind(rule),
          fileScope: rule.scope === 'file',
          appliesTo: rule.appliesTo ? rule.appliesTo.bind(rule) : undefined,
          context: rule.context ? rule.context.bind(rule) : undefined,
          locked: isLocked(policy.locked, rule.meta.id),
          paths: rp?.paths?.length ? globs(rp.paths, true) : undefined,
          ignore: isEmpty(ignore) ? undefined : ignore,
          options: rp?.options ?? {},
        };
        return c;
      });
    const keywords: string[] = [];
    const keywordIndex = new Map<string, number>();
    this.keywordRules = [];
    this.alwaysRules = [];
    this.compiled.forEach((c, ri) => {
      if (c.rule.keywords.length === 0) this.alwaysRules.push(ri);
      for (const raw of c.rule.keywords) {
        const k = raw.toLowerCase();
        let ki = keywordIndex.get(k);
        if (ki === undefined) {
          ki = keywords.length;
          keywords.push(k);
          keywordIndex.set(k, ki);
          this.keywordRules.push([]);
        }
        const list = this.keywordRules[ki]!;
        if (!list.includes(ri)) list.push(ri);
      }
    });
    this.keywords = keywords;
    this.contextRules = this.compiled.flatMap((c, ri) => (c.rule.context ? [ri] : []));
    this.ignore = globs(policy.ignore, false);
    this.softIgnore = globs(policy.softIgnore, false);
    this.minConfidence = CONFIDENCES.indexOf(policy.settings.minConfidence);
  }

  private get matcher(): KeywordMatcher {
    return (this.matcherBuilt ??= keywordMatcher(this.keywords));
  }

  private ruleLevel(id: string, family: Finding['family'], severity: Finding['severity']): Level {
    return levelFor(this.opts.policy, id, family, severity);
  }

  /** True when the policy's global ignore globs exclude this path. */
  isIgnored(path: string): boolean {
    return matchesAny(path, this.ignore);
  }

  /** The policy's ignore glob that excludes this path, if one does (for telling the user why). */
  ignoreGlobFor(path: string): string | undefined {
    if (!matchesAny(path, this.ignore)) return undefined;
    return this.ignore.ms.find((m) => globMatches(m, path, false))?.pattern ?? '(a glob the policy loader rejects)';
  }

  /**
   * The glob that excludes every path under `dir` (one ending in `/**` whose head matches the
   * directory), so a walk can leave the whole folder out without listing it; else undefined.
   */
  ignoreGlobForDir(dir: string): string | undefined {
    for (const m of this.ignore.ms) {
      const p = m.pattern;
      if (!p.endsWith('/**') || p.startsWith('!')) continue;
      // `head/**` has a slash, so it was compiled without matchBase: the head is matched the same way.
      const head = compileGlob(p.slice(0, -3));
      if (head && globMatches(head, dir, false)) return p;
    }
    return undefined;
  }

  /**
   * The constructs cross-file rules could not judge (`RuleContext.notJudged`), after the last file;
   * `result()` lists their files as not judged. `structuralChange` compares them between two sides.
   */
  unjudged(): readonly Unjudged[] {
    this.finish();
    return this.unjudgedList;
  }

  /** Record a file that could not be scanned, so the report lists it. */
  skip(s: Skipped): void {
    this.skipped.push(s);
  }

  /**
   * Scan one file. A file the policy's ignore globs exclude is left out, unless `named`: a path the
   * user named on the command line is scanned whatever the globs say.
   */
  scanFile(file: SourceFile, named = false): void {
    if (!named && this.isIgnored(file.path)) return;
    this.state.files++;
    this.state.bytes += file.text.length;
    const text = file.text;
    if (!file.lineNumbers) {
      for (const ri of this.contextRules) {
        if (this.compiled[ri]!.context!(file.path, text)) {
          this.retained.set(file.path, text);
          break;
        }
      }
    }
    const path = file.path;
    const soft = !isEmpty(this.softIgnore) && matchesAny(path, this.softIgnore);
    const lineNumbers = file.lineNumbers;
    const { raws, later } = this.runRules(path, text, lineNumbers, soft, false);
    if (later) this.deferred.push({ file, runs: later });
    const plain = raws.length;
    if (this.opts.decode ?? this.opts.policy.settings.decodeEncoded ?? true) this.decodedFindings(path, text, soft, raws);
    if (raws.length > plain) collapseDecodedRepeats(raws, plain, file);
    if (raws.length) this.materialise(file, raws);
  }

  /**
   * Every rule whose keywords occur in `text` (or that needs none), on the ranges it must look at. The
   * cross-file rules come back in `later`; with `decoded`, only the secret rules run and those are left
   * out (decoded text is not a file another rule reads).
   */
  private runRules(
    path: string,
    text: string,
    lineNumbers: readonly number[] | undefined,
    soft: boolean,
    decoded: boolean,
  ): { raws: Array<{ c: CompiledRule; raw: RawFinding }>; later: Array<{ ri: number; segments: Segment[] }> | undefined } {
    // Path filters are decided lazily, only for rules whose keywords occur: most rules never get
    // past the prefilter on a given file. 0 = not decided yet, 1 = eligible, 2 = not.
    const compiled = this.compiled;
    // Scratch reused from run to run (runs never overlap): a fresh table per file was most of this
    // function's allocation, for a few hundred files a second.
    if (this.eligibility.length !== compiled.length) {
      this.eligibility = new Uint8Array(compiled.length);
      this.rangeLists = compiled.map(() => []);
    } else for (const ri of this.decided) this.eligibility[ri] = 0;
    this.decided.length = 0;
    const eligibility = this.eligibility;
    const decided = this.decided;
    // Where each eligible rule needs to look: flat [start, end, start, end, …] per rule, in the order
    // rules were first reached (the order they run in).
    const ranges = this.rangeLists;
    const reached: number[] = [];
    const touch = (ri: number): number[] | undefined => {
      let e = eligibility[ri]!;
      if (e === 0) {
        const c = compiled[ri]!;
        const ok =
          (!decoded || (c.rule.meta.family === 'secrets' && c.context === undefined)) &&
          (!soft || c.locked) &&
          (c.appliesTo === undefined || c.appliesTo(path)) &&
          (c.paths === undefined || matchesAny(path, c.paths)) &&
          !(c.ignore !== undefined && matchesAny(path, c.ignore));
        eligibility[ri] = e = ok ? 1 : 2;
        decided.push(ri);
        if (ok) {
          ranges[ri]!.length = 0;
          reached.push(ri);
        }
      }
      return e === 1 ? ranges[ri] : undefined;
    };
    const addRange = (list: number[], start: number, end: number): void => {
      const n = list.length;
      if (n > 0 && start <= list[n - 1]!) {
        if (end > list[n - 1]!) list[n - 1] = end;
      } else list.push(start, end);
    };

    // One pass over the text for every keyword; hits come back in a buffer (no callback per hit).
    const matcher = this.matcher;
    const hitCount = matcher.collect(text);
    const hits = matcher.hits;
    let lineStart = -1,
      lineEnd = -1;
    /** The current line when it is long: windows around hits, in time linear in the line. */
    let long: LongLine | undefined;
    for (let h = 0; h < hitCount; h++) {
      const k = hits[2 * h]!;
      const offset = hits[2 * h + 1]!;
      const rules = this.keywordRules[k]!;
      for (let j = 0; j < rules.length; j++) {
        const ri = rules[j]!;
        const list = touch(ri);
        if (list === undefined) continue;
        if (compiled[ri]!.fileScope) {
          addRange(list, 0, text.length);
          continue;
        }
        // The hit's line, looked up only for a rule that wants it: a keyword whose rules do not apply
        // to this path costs nothing more.
        if (offset < lineStart || offset > lineEnd) {
          lineStart = text.lastIndexOf('\n', offset) + 1;
          lineEnd = text.indexOf('\n', offset);
          if (lineEnd === -1) lineEnd = text.length;
          long = lineEnd - lineStart > LONG_LINE ? new LongLine(text, lineStart, lineEnd) : undefined;
        }
        if (long === undefined) addRange(list, lineStart, lineEnd);
        else {
          const w = long.window(offset);
          addRange(list, w[0], w[1]);
        }
      }
    }
    for (const ri of this.alwaysRules) {
      const list = touch(ri);
      if (list !== undefined) addRange(list, 0, text.length);
    }
    const raws: Array<{ c: CompiledRule; raw: RawFinding }> = [];
    if (reached.length === 0) return { raws, later: undefined };

    let later: Array<{ ri: number; segments: Segment[] }> | undefined;
    for (const ri of reached) {
      const c = compiled[ri]!;
      const list = ranges[ri]!;
      const segments: Segment[] = [];
      for (let i = 0; i < list.length; i += 2) segments.push({ text: text.slice(list[i], list[i + 1]), offset: list[i]! });
      if (c.context !== undefined) {
        (later ??= []).push({ ri, segments });
        continue;
      }
      // One shape for every view (lineNumbers present, maybe undefined): rules see one map.
      const view: FileView = { path, text, segments, lineNumbers };
      // A rule that throws costs its own verdict on this file (listed as not judged), not the findings
      // of the other rules: a leak next to content that trips one rule is still reported.
      try {
        appendFound(raws, c, c.check(view, { today: this.opts.today, options: c.options }));
      } catch (e) {
        this.failed(path, c.id, e);
      }
    }
    return { raws, later };
  }

  /**
   * The secret rules again on text decoded from base64, percent-encoding and escapes (two levels:
   * base64 inside base64 is how Kubernetes carries a Docker config). A finding is reported at the
   * encoded span it came from, under the rule that found it, unless a specific rule already reported
   * something there in plain text.
   */
  private decodedFindings(path: string, text: string, soft: boolean, raws: Array<{ c: CompiledRule; raw: RawFinding }>): void {
    // Spans already reported in plain text: by a specific rule (any finding there stands), or by the
    // same rule (an escape elsewhere on the line does not make its finding new).
    const specific: Array<[number, number]> = [];
    const byRule = new Map<CompiledRule, Array<[number, number]>>();
    for (const { c, raw } of raws) {
      if (raw.start === undefined) continue;
      const span: [number, number] = [raw.start, raw.end ?? raw.start + 1];
      if (!c.rule.fallback) specific.push(span);
      let list = byRule.get(c);
      if (!list) byRule.set(c, (list = []));
      list.push(span);
    }
    const specificIndex = new SpanIndex(specific);
    const ruleIndex = new Map<CompiledRule, SpanIndex>();
    const covered = (c: CompiledRule, s: number, e: number): boolean => {
      if (specificIndex.overlaps(s, e)) return true;
      const list = byRule.get(c);
      if (!list) return false;
      let index = ruleIndex.get(c);
      if (!index) ruleIndex.set(c, (index = new SpanIndex(list)));
      return index.overlaps(s, e);
    };
    const found: Array<{ c: CompiledRule; raw: RawFinding & { start: number; end: number }; depth: number }> = [];
    const implicit = joinsAdjacentLiterals(path);
    const visit = (t: string, toSource: (a: number, b: number) => [number, number], depth: number, via: string): void => {
      for (const piece of decodedPieces(t, 0, t.length, implicit && depth === 1)) {
        const at = (a: number, b: number): [number, number] => {
          const [s, e] = piece.span(a, b);
          return toSource(s, e);
        };
        const how = via ? `${piece.encoding} inside ${via}` : piece.encoding;
        const run = this.runRules(path, piece.text, undefined, soft, true).raws;
        let lines: LineIndex | undefined;
        for (const { c, raw } of run) {
          let a = raw.start;
          if (a === undefined) {
            lines ??= new LineIndex(piece.text);
            a = lines.lineStart((raw.line ?? 1) - 1) + (raw.column ?? 1) - 1;
          }
          const b = raw.end ?? a + (raw.secret?.length ?? 1);
          if (!piece.encodedAt(a, b)) continue;
          const [s, e] = at(a, b);
          if (covered(c, s, e)) continue;
          const { line: _l, column: _c, endLine: _e, ...rest } = raw;
          found.push({ c, raw: { ...rest, start: s, end: Math.max(e, s + 1), message: `${raw.message} (found ${how})` }, depth });
        }
        if (depth < 2 && piece.encoding === 'base64') visit(piece.text, at, depth + 1, how);
      }
    };
    visit(text, (a, b) => [a, b], 1, '');
    // What a specific rule found one level up stands for what is nested in it (a Docker config's `auth`
    // is reported as the config's credential, not again as the token inside it).
    const outer = new SpanIndex(found.filter((f) => f.depth === 1 && !f.c.rule.fallback).map((f) => [f.raw.start, f.raw.end]));
    for (const f of found) if (f.depth === 1 || !outer.overlaps(f.raw.start, f.raw.end)) raws.push({ c: f.c, raw: f.raw });
  }

  /**
   * A rule could not judge a file: a parser limit (hostile or oversized content) or a failure. The
   * file is listed as not judged, once per path and cause; other rules' findings on it are kept.
   */
  private failed(path: string, ruleId: string, e: unknown): void {
    const s: Skipped = isLimitExceeded(e)
      ? { path, reason: 'limit', detail: `not judged: ${e.detailFor(path)}` }
      : // The name only: a message may quote the file.
        { path, reason: 'error', detail: `internal error in ${ruleId} (${(e as Error)?.name ?? 'Error'})` };
    const key = `${path}\0${s.reason}\0${isLimitExceeded(e) ? e.limit + (e.path ?? '') : ruleId}`;
    if (this.failures.has(key)) return;
    this.failures.add(key);
    this.failuresNew.push(key);
    this.skipped.push(s);
  }

  /** A construct a cross-file rule could not judge: its file is listed once per rule and construct. */
  private notJudged(path: string, ruleId: string, construct: string, detail: string): void {
    const key = `${path}\0${ruleId}\0${construct}`;
    if (this.unjudgedKeys.has(key)) return;
    this.unjudgedKeys.add(key);
    this.unjudgedList.push({ ruleId, path, construct, detail });
  }

  /** The files cross-file rules read: the scan's retained whole files, then the caller's view. */
  private repoView(): RepoView {
    const own = this.retained;
    const outer = this.opts.repo;
    let paths: string[] | undefined;
    return {
      read: (path) => own.get(path) ?? outer?.read(path),
      paths: () => (paths ??= [...new Set([...own.keys(), ...(outer?.paths() ?? [])])].sort()),
      own: (path) => own.has(path),
      ...(outer?.incomplete ? { incomplete: outer.incomplete } : {}),
    };
  }

  /** Run the cross-file checks once, after the last file. A failing check costs its file, not the scan. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.deferred.length) return;
    const repo = this.repoView();
    for (const { file, runs } of this.deferred) {
      const raws: Array<{ c: CompiledRule; raw: RawFinding }> = [];
      for (const { ri, segments } of runs) {
        const c = this.compiled[ri]!;
        try {
          const view: FileView = { path: file.path, text: file.text, segments };
          if (file.lineNumbers) view.lineNumbers = file.lineNumbers;
          const notJudged = (construct: string, detail: string): void => this.notJudged(file.path, c.rule.meta.id, construct, detail);
          const found = c.check(view, { today: this.opts.today, options: c.options, repo, notJudged });
          for (const raw of found) raws.push({ c, raw });
        } catch (e) {
          this.failed(file.path, c.rule.meta.id, e);
        }
      }
      if (raws.length) this.materialise(file, raws);
    }
    this.deferred.length = 0;
    this.retained.clear();
  }

  private materialise(file: SourceFile, raws: Array<{ c: CompiledRule; raw: RawFinding }>): void {
    const lines = new LineIndex(file.text);
    const realLine = (l0: number): number => file.lineNumbers?.[l0] ?? l0 + 1;
    const located = raws.map(({ c, raw }) => {
      let l0: number, col: number, endL0: number, endCol: number;
      if (raw.start !== undefined) {
        l0 = lines.lineAt(raw.start);
        col = raw.start - lines.lineStart(l0) + 1;
        const end = raw.end ?? raw.start;
        endL0 = lines.lineAt(Math.max(raw.start, end - 1));
        endCol = end - lines.lineStart(endL0) + 1;
      } else {
        l0 = (raw.line ?? 1) - 1;
        col = raw.column ?? 1;
        endL0 = (raw.endLine ?? raw.line ?? 1) - 1;
        endCol = col;
      }
      const start = raw.start ?? lines.lineStart(l0) + col - 1;
      return { c, raw, l0, col, endL0, endCol, start, end: raw.end ?? start + 1, dropped: false };
    });
    // Overlapping spans, found with one sweep over findings sorted by start (no all-pairs compare):
    // a catch-all yields to a specific rule; one rule reports one span once; two specific rules on
    // the very same secret (a key and the key pair it belongs to) keep only the stronger finding.
    located.sort((a, b) => a.start - b.start);
    for (let i = 0; i < located.length; i++) {
      const a = located[i]!;
      for (let j = i + 1; j < located.length && located[j]!.start < a.end; j++) {
        const b = located[j]!;
        if (a.c.rule.fallback !== b.c.rule.fallback) (a.c.rule.fallback ? a : b).dropped = true;
        else if (a.c === b.c && a.start === b.start) b.dropped = true;
        else if (a.start === b.start && a.end === b.end && a.raw.secret !== undefined && a.raw.secret === b.raw.secret) {
          (strength(a) >= strength(b) ? b : a).dropped = true;
        }
      }
    }
    // A finding that stands for a whole credential (`covers`) absorbs other rules' findings on its parts.
    const covering = located.filter((r) => r.raw.covers && !r.dropped);
    if (covering.length) {
      for (const r of located) {
        if (r.dropped) continue;
        // A catch-all's cover (its repeats) never hides a specific rule's finding: that one is the stronger.
        for (const k of covering) if (k.c !== r.c && !(k.c.rule.fallback && !r.c.rule.fallback) && k.raw.covers!.some((s) => r.start < s.end && s.start < r.end)) r.dropped = true;
      }
    }
    // Every secret span per line, so an excerpt redacts all of them (not only its own).
    const spansByLine = new Map<number, Array<{ start: number; end: number; secret: string }>>();
    for (const r of located) {
      if (!r.raw.secret) continue;
      for (let l = r.l0; l <= r.endL0; l++) {
        let list = spansByLine.get(l);
        if (!list) spansByLine.set(l, (list = []));
        list.push({ start: r.start - lines.lineStart(l), end: r.end - lines.lineStart(l), secret: r.raw.secret });
      }
    }
    const suppressedLines = new Map<number, boolean>();
    for (const { c, raw, l0, col, endL0, endCol, dropped } of located) {
      if (dropped) continue;
      const meta = c.rule.meta;
      const confidence: Confidence = raw.confidence ?? meta.confidence;
      if (CONFIDENCES.indexOf(confidence) > this.minConfidence) continue;
      const lineText = lines.lineText(l0);
      // Once per line: a minified line can be megabytes long and hold hundreds of findings.
      let quiet = suppressedLines.get(l0);
      if (quiet === undefined) suppressedLines.set(l0, (quiet = isSuppressed(lineText, l0 > 0 ? lines.lineText(l0 - 1) : undefined)));
      if (quiet) {
        this.state.suppressed++;
        continue;
      }
      const severity = raw.severity ?? meta.severity;
      const level = this.ruleLevel(meta.id, meta.family, severity);
      if (level === 'off') continue;
      // Without a secret or construct, the real line number (not the index in a diff excerpt).
      const construct = raw.secret ?? raw.construct ?? `${realLine(l0)}:${raw.message}`;
      const f: Finding = {
        ruleId: meta.id,
        family: meta.family,
        severity,
        confidence,
        path: file.path,
        startLine: realLine(l0),
        endLine: realLine(endL0),
        startColumn: col,
        // On one line the end is never before the start; across lines it is its own line's column.
        endColumn: endL0 > l0 ? endCol : Math.max(endCol, col),
        excerpt: excerptAt(lineText, col, spansByLine.get(l0) ?? []),
        fingerprint: fingerprint(meta.id, file.path, construct),
        message: raw.message,
        remediation: raw.remediation ?? meta.remediation,
        controls: meta.controls,
        level,
      };
      if (raw.secret) {
        f.secretHash = secretHash(raw.secret);
        f.redacted = redact(raw.secret);
      }
      if (raw.sameAs !== undefined) f.sameAs = raw.sameAs;
      this.collected.push(f);
    }
  }

  /**
   * Hand over (and forget) what this scanner holds: a `--jobs` worker drains after each file, and the
   * scanner that reports absorbs the parts in file order, so the result is the same as one scanner's.
   */
  drain(): ScannerPart {
    const part: ScannerPart = {
      collected: this.collected.splice(0),
      skipped: this.skipped.splice(0),
      files: this.state.files,
      bytes: this.state.bytes,
      suppressed: this.state.suppressed,
      retained: [...this.retained],
      deferred: this.deferred.splice(0),
      failures: this.failuresNew,
    };
    this.failuresNew = [];
    this.state.files = this.state.bytes = this.state.suppressed = 0;
    this.retained.clear();
    return part;
  }

  /** Take in a part drained from a scanner with the same options (see `drain`). */
  absorb(part: ScannerPart): void {
    for (const f of part.collected) this.collected.push(f);
    for (const s of part.skipped) this.skipped.push(s);
    this.state.files += part.files;
    this.state.bytes += part.bytes;
    this.state.suppressed += part.suppressed;
    for (const [p, t] of part.retained) this.retained.set(p, t);
    for (const d of part.deferred) this.deferred.push(d);
    for (const k of part.failures) this.failures.add(k);
  }

  /**
   * Apply exceptions and the baseline; return everything, sorted. `listUnjudged` picks which of the
   * constructs cross-file rules could not judge count (all by default): their files are listed as not
   * judged, once per file and rule.
   */
  result(listUnjudged: (u: Unjudged) => boolean = () => true): ScanResult {
    this.finish();
    const { policy, today, baseline } = this.opts;
    const todayIso = today.toISOString().slice(0, 10);
    const findings: Finding[] = [];
    const excepted: ExceptedFinding[] = [];
    const expired: ExceptedFinding[] = [];
    let baselined = 0;
    // Folded in place: a second call to `result()` sees the same findings.
    const folded = foldSameAs(this.collected.sort(compareFindings));
    if (folded !== this.collected) {
      this.collected.length = 0;
      for (const f of folded) this.collected.push(f);
    }
    for (const f of this.collected) {
      if (baseline?.has(f.fingerprint)) {
        baselined++;
        continue;
      }
      // A live exception wins over an expired one for the same finding (renewing adds a new entry).
      const ex = policy.exceptions.find((e) => e.expires >= todayIso && exceptionMatches(e, f)) ?? policy.exceptions.find((e) => exceptionMatches(e, f));
      if (ex && ex.expires >= todayIso) {
        excepted.push({ finding: f, exception: ex });
        continue;
      }
      if (ex) {
        f.message += ` (Exception approved by ${ex.approvedBy} expired on ${ex.expires}: renew it with a new justification or fix the finding.)`;
        expired.push({ finding: f, exception: ex });
      }
      findings.push(f);
    }
    return {
      findings,
      excepted,
      expired,
      suppressed: this.state.suppressed,
      baselined,
      skipped: [...this.skipped, ...unjudgedSkipped(this.unjudgedList.filter(listUnjudged))],
      stats: { files: this.state.files, bytes: this.state.bytes },
    };
  }
}

/**
 * One finding per rule and `sameAs` key (the same construct restated in several files): the first in
 * path order stays, its message naming the others; the key is removed from every finding.
 */
function foldSameAs(sorted: Finding[]): Finding[] {
  if (!sorted.some((f) => f.sameAs !== undefined)) return sorted;
  const first = new Map<string, { f: Finding; others: string[] }>();
  const out: Finding[] = [];
  for (const f of sorted) {
    const key = f.sameAs === undefined ? undefined : `${f.ruleId}\0${f.sameAs}`;
    delete f.sameAs;
    if (key === undefined) {
      out.push(f);
      continue;
    }
    const seen = first.get(key);
    if (!seen) {
      first.set(key, { f, others: [] });
      out.push(f);
    } else if (seen.f.path !== f.path && !seen.others.includes(f.path)) seen.others.push(f.path);
  }
  for (const { f, others } of first.values()) {
    if (!others.length) continue;
    const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
    f.message += ` (Also in ${others.length} other file${others.length === 1 ? '' : 's'}: ${shown}.)`;
  }
  return out;
}

/**
 * Rules return arrays of several kinds (empty literals, filtered and mapped arrays): reading them in
 * `scanFile` itself made its compiled code bail out at each new kind ("wrong map") and be rebuilt, a
 * large function each time. Here, a small one absorbs that.
 */
function appendFound(raws: Array<{ c: CompiledRule; raw: RawFinding }>, c: CompiledRule, found: readonly RawFinding[]): void {
  for (let i = 0; i < found.length; i++) raws.push({ c, raw: found[i]! });
}

export function exceptionMatches(e: PolicyException, f: Finding): boolean {
  // Declared by a layer under a lock: it cannot cover the locked rules.
  if (e.notFor && isLocked(e.notFor, f.ruleId)) return false;
  if (e.fingerprint) return e.fingerprint === f.fingerprint;
  if (e.rule && !(e.rule === f.ruleId || (e.rule.endsWith('/*') && f.ruleId.startsWith(e.rule.slice(0, -1))) || e.rule === f.family)) {
    return false;
  }
  if (e.path) {
    // A glob the loader would reject covers nothing: the finding stays.
    const m = compileGlob(e.path);
    if (!m || !globMatches(m, f.path, false)) return false;
  }
  return !!(e.rule || e.path);
}

/**
 * A secret found decoded (each JSON-escaped code sample of an API description decodes on its own) and
 * repeated in the file is one finding per rule, as in plain text (src/engine/repeats.ts): a repeat of a
 * secret the rule reported in plain text is left out, and the decoded repeats are collapsed.
 */
function collapseDecodedRepeats(raws: Array<{ c: CompiledRule; raw: RawFinding }>, firstDecoded: number, file: SourceFile): void {
  const plain = new Set<string>();
  for (let i = 0; i < firstDecoded; i++) {
    const { c, raw } = raws[i]!;
    if (!raw.secret) continue;
    plain.add(`${c.id}\0${raw.secret}`);
    // A value written percent-encoded in plain text (`sig=kD…%2F…%3D`) is found decoded too, as `kD…/…=`.
    if (raw.secret.includes('%')) plain.add(`${c.id}\0${percentDecoded(raw.secret)}`);
  }
  const byRule = new Map<CompiledRule, RawFinding[]>();
  for (let i = firstDecoded; i < raws.length; i++) {
    const { c, raw } = raws[i]!;
    if (raw.secret && plain.has(`${c.id}\0${raw.secret}`)) continue;
    const list = byRule.get(c);
    if (list) list.push(raw);
    else byRule.set(c, [raw]);
  }
  raws.length = firstDecoded;
  for (const [c, list] of byRule) for (const raw of list.length > 1 && c.rule.meta.family === 'secrets' ? collapseRepeats(list, file) : list) raws.push({ c, raw });
}

function percentDecoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Convenience for callers that have everything in memory. */
export function scanFiles(files: Iterable<SourceFile>, opts: ScannerOptions, skipped: Skipped[] = []): ScanResult {
  const s = new Scanner(opts);
  for (const sk of skipped) s.skip(sk);
  for (const f of files) s.scanFile(f);
  return s.result();
}
