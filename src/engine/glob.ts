/**
 * Globs from a policy, with bounded work. minimatch compiles each path segment to a backtracking
 * regular expression, so `*a*a*a*a*b` against a long segment runs for minutes, an extglob such as
 * `+(a|aa)` is exponential, and brace expansion (`{1..100000}`, `{a,b}{a,b}…`) multiplies patterns.
 *
 * - `checkGlob` says what is wrong with a glob (the policy loader reports it at file:line);
 * - `compileGlob` compiles a glob that passes it (cached), never one that does not;
 * - `globMatches` matches a compiled glob, with a bound on the subject's length;
 * - `wildcardMatch` is the IAM-style `*` / `?` match on names, in linear time (no regular expression).
 */
import { braceExpand, Minimatch } from 'minimatch';
import { DEFAULT_GLOB_LIMITS, type GlobLimits } from './limits.js';

export interface GlobProblem {
  message: string;
  fix: string;
}

/**
 * Subjects (paths, names) longer than this match no glob: with at most `maxStarsPerSegment` stars a
 * segment costs minimatch O(length²), a few milliseconds at this length. Callers choose what "no
 * match" means so that it fails closed (an over-long path is not ignored, but does get scanned).
 */
export const MAX_GLOB_SUBJECT = 4096;

const EXTGLOB = /(?:^|[^\\])[?*+@!]\(/;
const RANGE = /\{[^{}]*\.\.[^{}]*\}/;
const MAX_BRACE_NESTING = 8;

/**
 * How many patterns brace expansion makes of `s` (an upper bound, saturating above `cap`), in linear
 * time: braces are paired in one pass first (an unpaired one is a literal character), so a run of
 * unbalanced `{` is not re-scanned once per level.
 */
function braceCount(s: string, cap: number): number | 'too-deep' {
  const close = new Int32Array(s.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '{') open.push(i);
    else if (c === '}' && open.length) close[open.pop()!] = i;
  }
  let tooDeep = false;
  // The product of the groups in s[from, to).
  const sequence = (from: number, to: number, depth: number): number => {
    let n = 1;
    for (let i = from; i < to; i++) {
      const c = s[i];
      if (c === '\\') i++;
      else if (c === '{' && close[i]! > i) {
        n = Math.min(cap + 1, n * group(i, close[i]!, depth + 1));
        i = close[i]!;
      }
    }
    return n;
  };
  // The sum of the alternatives between a paired `{` and `}` (no comma: literal braces, one pattern).
  const group = (from: number, to: number, depth: number): number => {
    if (depth > MAX_BRACE_NESTING) {
      tooDeep = true;
      return 1;
    }
    let sum = 0;
    let start = from + 1;
    for (let i = from + 1; i < to; i++) {
      const c = s[i];
      if (c === '\\') i++;
      else if (c === '{' && close[i]! > i) i = close[i]!;
      else if (c === ',') {
        sum = Math.min(cap + 1, sum + sequence(start, i, depth));
        start = i + 1;
      }
    }
    return Math.max(1, Math.min(cap + 1, sum + sequence(start, to, depth)));
  };
  const n = sequence(0, s.length, 0);
  return tooDeep ? 'too-deep' : n;
}

/** Unescaped `*` runs in one path segment, outside `[…]` classes. */
function starRuns(segment: string): number {
  let runs = 0;
  let inClass = false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '*' && segment[i - 1] !== '*') runs++;
  }
  return runs;
}

/** What makes a glob too costly to match, or `undefined` when it is fine. */
export function checkGlob(pattern: unknown, limits: GlobLimits = DEFAULT_GLOB_LIMITS): GlobProblem | undefined {
  if (typeof pattern !== 'string') return { message: 'A glob must be a string.', fix: 'Quote the glob.' };
  const shown = pattern.length > 60 ? `${pattern.slice(0, 57)}…` : pattern;
  if (pattern.length > limits.maxGlobLength) {
    return { message: `Glob \`${shown}\` is ${pattern.length} characters long (limit ${limits.maxGlobLength}).`, fix: 'Use a shorter glob, e.g. a directory followed by `/**`.' };
  }
  if (EXTGLOB.test(pattern)) {
    return {
      message: `Glob \`${shown}\` uses an extended glob (\`+(…)\`, \`*(…)\`, \`?(…)\`, \`@(…)\`, \`!(…)\`), which is not accepted.`,
      fix: 'List the alternatives in braces, `{a,b}`, or as separate globs.',
    };
  }
  if (RANGE.test(pattern)) {
    return { message: `Glob \`${shown}\` uses a brace range (\`{1..9}\`), which is not accepted.`, fix: 'List the values in braces, `{1,2,3}`, or use `*`.' };
  }
  const count = braceCount(pattern, limits.maxBraceExpansion);
  if (count === 'too-deep') return { message: `Glob \`${shown}\` nests braces more than ${MAX_BRACE_NESTING} deep.`, fix: 'Write the alternatives as separate globs.' };
  if (count > limits.maxBraceExpansion) {
    return { message: `Glob \`${shown}\` expands to more than ${limits.maxBraceExpansion} patterns.`, fix: 'Use fewer `{a,b}` alternatives, or `*`.' };
  }
  let globstars = 0;
  for (const p of braceExpand(pattern)) {
    let here = 0;
    for (const seg of p.split('/')) {
      if (seg === '**') {
        here++;
        continue;
      }
      if (starRuns(seg) > limits.maxStarsPerSegment) {
        return {
          message: `Glob \`${shown}\` has more than ${limits.maxStarsPerSegment} \`*\` in the path segment \`${seg.length > 40 ? `${seg.slice(0, 37)}…` : seg}\` (each one multiplies the cost of matching a long name).`,
          fix: `Use at most ${limits.maxStarsPerSegment} \`*\` per segment, e.g. \`*.test.ts\` or \`release-*.yml\`; split the glob into several if needed.`,
        };
      }
    }
    globstars = Math.max(globstars, here);
  }
  if (globstars > limits.maxGlobstars) {
    return { message: `Glob \`${shown}\` has more than ${limits.maxGlobstars} \`**\` segments.`, fix: 'Use fewer `**`: `docs/**` already matches everything under `docs/`.' };
  }
  return undefined;
}

export interface GlobOptions {
  /** A glob without `/` matches the file name in any directory (`*.pem`). */
  matchBase?: boolean;
  nocase?: boolean;
}

const compiled = new Map<string, Minimatch | null>();

/**
 * minimatch for a glob that passes `checkGlob`, `undefined` for one that does not (the caller
 * decides what a rejected glob means, failing closed). Files and dotfiles alike (`dot`); extglobs
 * off even though `checkGlob` rejects them, so nothing compiles one by mistake.
 */
export function compileGlob(pattern: string, opts: GlobOptions = {}): Minimatch | undefined {
  const key = `${opts.matchBase ? 'b' : '-'}${opts.nocase ? 'i' : '-'}${pattern}`;
  let m = compiled.get(key);
  if (m === undefined) {
    m = checkGlob(pattern) ? null : new Minimatch(pattern, { dot: true, noext: true, matchBase: !!opts.matchBase, nocase: !!opts.nocase });
    if (compiled.size >= 2000) compiled.clear();
    compiled.set(key, m);
  }
  return m ?? undefined;
}

/** Whether `subject` matches; a subject longer than `MAX_GLOB_SUBJECT` gives `tooLong`. */
export function globMatches(m: Minimatch, subject: string, tooLong: boolean): boolean {
  if (subject.length > MAX_GLOB_SUBJECT) return tooLong;
  let fast = shortcuts.get(m);
  if (fast === undefined) shortcuts.set(m, (fast = shortcut(m)));
  return fast && PLAIN_PATH(subject) ? fast(subject) : m.match(subject);
}

// The shapes most policies are made of (the default's `**/node_modules/**`, `**/go.sum`,
// `**/*.min.js.map`, `docs/**`) as string tests: minimatch's regular expressions cost a scan of
// thousands of small files more than reading them. Same answers as minimatch for plain relative paths
// (test/engine/glob-shortcut.test.ts compares them); anything else — other shapes, `nocase`,
// `matchBase`, subjects with empty, `.` or `..` segments — goes to minimatch.
const shortcuts = new WeakMap<Minimatch, ((s: string) => boolean) | null>();
const LITERAL = /^[^*?[\]{}\\!+@()#]+$/;
const PLAIN_PATH = (s: string): boolean => s.length > 0 && !/(?:^|\/)\.{0,2}(?:\/|$)/.test(s);

function shortcut(m: Minimatch): ((s: string) => boolean) | null {
  const o = m.options;
  if (o.nocase || o.matchBase || m.negate || m.comment || m.empty) return null;
  const p = m.pattern;
  if (
    !LITERAL.test(
      p
        .replace(/^\*\*\//, '')
        .replace(/\/\*\*$/, '')
        .replace(/^\*(?=[^/]*$)/, ''),
    )
  )
    return null;
  let mid: RegExpExecArray | null;
  if ((mid = /^\*\*\/([^/]+)\/\*\*$/.exec(p))) {
    const dir = mid[1]!;
    return (s) => s.startsWith(`${dir}/`) || s.includes(`/${dir}/`);
  }
  if ((mid = /^\*\*\/\*([^/]+)$/.exec(p))) {
    const suffix = mid[1]!;
    return (s) => s.endsWith(suffix) && s.lastIndexOf('/') <= s.length - suffix.length - 1;
  }
  if ((mid = /^\*\*\/([^/*]+)$/.exec(p))) {
    const name = mid[1]!;
    return (s) => s === name || s.endsWith(`/${name}`);
  }
  if ((mid = /^([^*]+)\/\*\*$/.exec(p))) {
    const head = mid[1]!;
    return (s) => s.startsWith(`${head}/`);
  }
  if (!p.includes('*')) return (s) => s === p;
  return null;
}

/**
 * A policy glob on a name (not a path): minimatch semantics for globs that pass `checkGlob`; a glob
 * that does not, or a name longer than `MAX_GLOB_SUBJECT`, matches nothing (so nothing is exempted).
 */
export function nameMatches(pattern: string, name: string, opts: { nocase?: boolean } = {}): boolean {
  const m = compileGlob(pattern, opts);
  return m !== undefined && globMatches(m, name, false);
}

/**
 * `*` (any run of characters, `/` included) and `?` (one character); everything else literal. The
 * greedy match with one backtrack point: O(pattern × value) at worst, no regular expression.
 */
export function wildcardMatch(pattern: string, value: string, nocase = false): boolean {
  const p = nocase ? pattern.toLowerCase() : pattern;
  const v = nocase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    const c = p[pi];
    if (c === '*') {
      star = pi++;
      resume = vi;
    } else if (c !== undefined && (c === '?' || c === v[vi])) {
      pi++;
      vi++;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++resume;
    } else return false;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
