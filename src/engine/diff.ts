/**
 * Unified diffs → the lines each file gained, with their numbers in the new file. Pure: the CLI feeds
 * it `git diff` output, the App feeds it one PR file's `patch` (hunks without file headers).
 */
import type { SourceFile } from './scan.js';

export interface AddedLine {
  /** 1-based line number in the new version of the file. */
  line: number;
  text: string;
}

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

export interface DiffFile {
  /** Path before the change; null for a new file. */
  oldPath: string | null;
  /** Path after the change; null for a deleted file. */
  newPath: string | null;
  status: FileStatus;
  /** Git reported "Binary files … differ" or a binary patch: the added content is not in the diff. */
  binary: boolean;
  added: AddedLine[];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Split into lines, dropping CR of CRLF (from a CRLF file or a diff saved on Windows). */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/**
 * Read the hunk starting at `lines[i]` (its `@@` header) into `out`; return the index after it.
 * Lines are consumed by the header's counts, so a removed line reading `-- x` (shown as `--- x`)
 * is not mistaken for the next file's header.
 */
function readHunk(lines: string[], i: number, out: AddedLine[], removed?: AddedLine[]): number {
  const m = HUNK.exec(lines[i]!)!;
  let oldLeft = m[2] === undefined ? 1 : Number(m[2]);
  let newLeft = m[4] === undefined ? 1 : Number(m[4]);
  let n = Number(m[3]);
  let o = Number(m[1]);
  i++;
  while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
    const l = lines[i]!;
    const c = l.charCodeAt(0);
    if (c === 43 /* + */) {
      out.push({ line: n++, text: l.slice(1) });
      newLeft--;
    } else if (c === 45 /* - */) {
      removed?.push({ line: o, text: l.slice(1) });
      o++;
      oldLeft--;
    } else if (c === 32 /* space */ || l === '') {
      // Some tools strip the space of an empty context line.
      n++;
      o++;
      oldLeft--;
      newLeft--;
    } else if (c !== 92 /* \ No newline at end of file */) {
      break; // a truncated or hand-edited hunk: stop rather than misread what follows
    }
    i++;
  }
  // A trailing "\ No newline at end of file" belongs to this hunk.
  while (i < lines.length && lines[i]!.startsWith('\\')) i++;
  return i;
}

/**
 * One PR file's `patch` from the GitHub API: hunks only, no file headers. `removed`, when given,
 * receives the lines the patch removes, numbered in the old file (history: where a secret was deleted).
 */
export function parsePatch(patch: string, removed?: AddedLine[]): AddedLine[] {
  const lines = splitLines(patch);
  const out: AddedLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (HUNK.test(lines[i]!)) i = readHunk(lines, i, out, removed);
    else i++;
  }
  return out;
}

/** Undo git's C-style quoting of a path (`"a/caf\303\251 b.txt"`); octal escapes are UTF-8 bytes. */
export function unquotePath(s: string): string {
  if (!s.startsWith('"') || !s.endsWith('"') || s.length < 2) return s;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!;
      if (cp > 0xffff) i++;
      bytes.push(...enc.encode(String.fromCodePoint(cp)));
      continue;
    }
    const next = body[i + 1] ?? '';
    const oct = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (oct) {
      bytes.push(parseInt(oct[0], 8));
      i += 3;
    } else if (next in simple) {
      bytes.push(simple[next]!);
      i += 1;
    } else {
      bytes.push(92);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** A path from a `---`/`+++` line: unquoted, without a trailing tab + timestamp (plain `diff -u`). */
function headerPath(raw: string): string | null {
  let s = raw;
  if (s.startsWith('"')) {
    const end = closingQuote(s, 0);
    s = unquotePath(s.slice(0, end + 1));
  } else {
    const tab = s.indexOf('\t');
    if (tab !== -1) s = s.slice(0, tab);
  }
  return s === '/dev/null' ? null : s;
}

function closingQuote(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}

/** `diff --git a/x b/y`: used only when no `---`/`+++`/rename lines say better (binary, empty, mode-only). */
function gitHeaderPaths(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const end = closingQuote(rest, 0);
    const a = unquotePath(rest.slice(0, end + 1));
    const tail = rest.slice(end + 1).trimStart();
    return [a, tail.startsWith('"') ? unquotePath(tail) : tail];
  }
  // Unquoted paths may hold spaces: prefer the split where both sides name the same file.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') {
    const a = rest.slice(0, half),
      b = rest.slice(half + 1);
    if (a.slice(2) === b.slice(2)) return [a, b];
  }
  const q = rest.indexOf(' "');
  if (q !== -1) return [rest.slice(0, q), unquotePath(rest.slice(q + 1))];
  const sp = rest.indexOf(' b/');
  return sp === -1 ? undefined : [rest.slice(0, sp), rest.slice(sp + 1)];
}

const stripPrefix = (p: string | null, prefix: string): string | null => (p !== null && p.startsWith(prefix) ? p.slice(prefix.length) : p);

interface Building {
  file: DiffFile;
  git: boolean;
  /** Paths from `rename from/to` or `copy from/to`: already without a/ b/ prefixes. */
  exact: boolean;
}

function finish(b: Building): DiffFile {
  const f = b.file;
  // git always writes a/ and b/ (we force them); plain diffs often do too, on both sides.
  if (!b.exact) {
    const prefixed = (f.oldPath === null || f.oldPath.startsWith('a/')) && (f.newPath === null || f.newPath.startsWith('b/'));
    if (b.git || prefixed) {
      f.oldPath = stripPrefix(f.oldPath, 'a/');
      f.newPath = stripPrefix(f.newPath, 'b/');
    }
  }
  if (f.oldPath === null && f.status === 'modified') f.status = 'added';
  if (f.newPath === null) f.status = 'deleted';
  return f;
}

const isBinaryMarker = (l: string): boolean => l === 'GIT binary patch' || (l.startsWith('Binary files ') && l.endsWith(' differ'));

/** git's extended header lines between `diff --git` and the hunks. */
function extendedHeader(cur: Building, l: string): void {
  const f = cur.file;
  const set = (side: 'oldPath' | 'newPath', value: string, status: FileStatus): void => {
    f[side] = unquotePath(value);
    f.status = status;
    cur.exact = true;
  };
  if (l.startsWith('new file mode')) {
    f.oldPath = null;
    f.status = 'added';
  } else if (l.startsWith('deleted file mode')) {
    f.newPath = null;
    f.status = 'deleted';
  } else if (l.startsWith('rename from ')) set('oldPath', l.slice(12), 'renamed');
  else if (l.startsWith('rename to ')) set('newPath', l.slice(10), 'renamed');
  else if (l.startsWith('copy from ')) set('oldPath', l.slice(10), 'copied');
  else if (l.startsWith('copy to ')) set('newPath', l.slice(8), 'copied');
  else if (isBinaryMarker(l)) f.binary = true;
}

/** A whole unified diff (`git diff`, `git format-patch`, `diff -ru`) → one entry per file. */
export function parseUnifiedDiff(text: string): DiffFile[] {
  const lines = splitLines(text);
  const files: DiffFile[] = [];
  let cur: Building | undefined;
  const start = (git: boolean, oldPath: string | null, newPath: string | null): Building => {
    if (cur) files.push(finish(cur));
    cur = { file: { oldPath, newPath, status: 'modified', binary: false, added: [] }, git, exact: false };
    return cur;
  };
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.startsWith('diff --git ')) {
      const paths = gitHeaderPaths(l.slice('diff --git '.length));
      start(true, paths?.[0] ?? null, paths?.[1] ?? null);
      i++;
      continue;
    }
    if (l.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      const oldPath = headerPath(l.slice(4));
      const newPath = headerPath(lines[i + 1]!.slice(4));
      // Inside a `diff --git` block these confirm (or null out) the header's paths.
      if (cur && cur.git && cur.file.added.length === 0 && !cur.exact) {
        cur.file.oldPath = oldPath;
        cur.file.newPath = newPath;
      } else if (cur?.exact) {
        if (oldPath === null) cur.file.oldPath = null;
        if (newPath === null) cur.file.newPath = null;
      } else {
        start(false, oldPath, newPath);
      }
      i += 2;
      continue;
    }
    if (cur && HUNK.test(l)) {
      i = readHunk(lines, i, cur.file.added);
      continue;
    }
    if (cur?.git) extendedHeader(cur, l);
    else if (cur && isBinaryMarker(l)) cur.file.binary = true;
    i++;
  }
  if (cur) files.push(finish(cur));
  return files;
}

/** One file's added lines as a `SourceFile`: the scanner sees only them, reported at their real lines. */
export function addedLinesSource(path: string, added: readonly AddedLine[]): SourceFile {
  return { path, text: added.map((a) => a.text).join('\n'), lineNumbers: added.map((a) => a.line) };
}
