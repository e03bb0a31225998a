/**
 * Is a value inside an `example:` / `examples:` block of a YAML or pretty-printed JSON document (an OpenAPI
 * or AsyncAPI response example, a JSON Schema's `examples`), or in the documentation strings of an Ansible
 * module (`EXAMPLES = r'''…'''`, `DOCUMENTATION`, `RETURN`), on a comment line that lists examples of a setting
 * (`# Examples: ["AKIA…","miniouser"]` in a shipped config template), or in a Markdown code block that shows what an API
 * returned (`**Response:**` then a JSON block, as SDK documentation writes every endpoint)? Such values illustrate a format: a token there
 * is graded low, not dropped (a real one pasted from a live system is still shown).
 */

const DOCUMENT = /\.(?:ya?ml|json)$/i;
/** An ancestor line that opens an example: `example:`, `examples:`, `x-example:`, `"examples": {` / `[`. */
const EXAMPLE_KEY = /^[ \t]*(?:-[ \t]+)?["']?(?:x-)?examples?["']?[ \t]*:/;
/** How far back the ancestors are looked for (a response example is a few dozen lines). */
const MAX_LINES = 200;
const MAX_CHARS = 16_384;

/** A comment line that lists examples of a setting's value: `# Examples: ["…","miniouser"]`, `// e.g. …`, `; Example: …`. */
const EXAMPLE_COMMENT = /^[ \t]*(?:#+|\/\/+|;+|--|\*)[ \t]*(?:examples?|e\.g\.|eg|for example|sample values?)\b[ \t]*:?/i;

const INLINE_EXAMPLE = /(?:^|[\s(;'"])(?:ex[.:]|e\.g\.?,?|eg[.:,]|example:|for example[:,]?|for instance[:,]?|such as)[ \t]+[\w.-]{0,40}[ \t]*[:=]?[ \t]*["'`]?$/i;

export function isInExample(path: string, text: string, offset: number): boolean {
  const ownLine = text.lastIndexOf('\n', offset - 1) + 1;
  if (offset - ownLine <= 400 && EXAMPLE_COMMENT.test(text.slice(ownLine, offset))) return true;
  // Help text that shows the format inline (`'Your API secret (in account settings). Ex: api_secret=5f…'`).
  if (INLINE_EXAMPLE.test(text.slice(Math.max(ownLine, offset - 60), offset))) return true;
  if (/\.py$/i.test(path)) return isInDocumentationString(text, offset);
  if (MARKDOWN.test(path)) return isInResponseSample(text, offset);
  if (!DOCUMENT.test(path)) return false;
  let end = text.lastIndexOf('\n', offset - 1); // the end of the line before the value's
  const lineStart = end + 1;
  let indent = indentation(text, lineStart);
  if (indent === 0) return false;
  const floor = Math.max(0, offset - MAX_CHARS);
  for (let n = 0; n < MAX_LINES && end > floor; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const own = indentation(text, start);
    // Ancestors are the lines indented less than every line seen below them; blank lines are not.
    if (own < indent && start < end && !/^[ \t]*(?:#|\r?$)/.test(text.slice(start, Math.min(end, start + 200)))) {
      if (EXAMPLE_KEY.test(text.slice(start, Math.min(end, start + 200)))) return true;
      indent = own;
      if (indent === 0) return false;
    }
    end = start - 1;
  }
  return false;
}

function indentation(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i - at;
}

/** Ansible's module documentation: a module-level triple-quoted string under one of these names. */
const DOC_STRING = /^(?:EXAMPLES|DOCUMENTATION|RETURN)[ \t]*=[ \t]*[rRuU]?(?:'''|\"\"\")/gm;
const DOC_REACH = 131_072;

function isInDocumentationString(text: string, offset: number): boolean {
  const from = Math.max(0, offset - DOC_REACH);
  const before = text.slice(from, offset);
  DOC_STRING.lastIndex = 0;
  let open: RegExpExecArray | null = null;
  for (let m = DOC_STRING.exec(before); m !== null; m = DOC_STRING.exec(before)) open = m;
  if (!open) return false;
  const quote = open[0].slice(-3);
  // Still open at the value: no closing quotes between the opening and the value.
  return !before.includes(quote, open.index + open[0].length);
}

const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
/** A fence line: three or more backticks or tildes, indented at most three blanks (CommonMark). */
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
/** What a documentation page writes before a sample of output: `**Response:**`, `Example response`, `Sample output:`. */
const RESPONSE_LEAD = /^[\s#*_>|-]*(?:(?:an?|the|sample|example|successful|success|typical)\s+){0,2}(?:json\s+)?(?:responses?|output|results?|returns?|returned)\b[^\n]{0,40}$/i;
const RESPONSE_INFO = /\b(?:responses?|output)\b/i;

/** The offsets of the fence lines of the last Markdown text asked about (a page's findings ask in turn). */
let fences: { text: string; at: number[] } | undefined;
function fenceLines(text: string): number[] {
  if (fences?.text === text) return fences.at;
  const at: number[] = [];
  for (let i = 0; i < text.length;) {
    const eol = text.indexOf('\n', i);
    const end = eol === -1 ? text.length : eol;
    if (FENCE.test(text.slice(i, Math.min(end, i + 8)))) at.push(i);
    i = end + 1;
  }
  fences = { text, at };
  return at;
}

/** Inside a fenced block whose lead-in (the fence's info string or the line above) says it shows a response. */
function isInResponseSample(text: string, offset: number): boolean {
  // Fences pair up from the top: an odd number of them before the value means it is inside a block.
  const all = fenceLines(text);
  let before = 0;
  while (before < all.length && all[before]! < offset) before++;
  if (before % 2 === 0) return false;
  const opener = all[before - 1]!;
  const eol = text.indexOf('\n', opener);
  if (eol === -1 || eol >= offset) return false; // the value is on the fence line itself
  if (RESPONSE_INFO.test(text.slice(opener, eol))) return true;
  // The nearest non-blank line above the fence, within three lines.
  let end = opener - 1;
  for (let n = 0; n < 3 && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line) return line.length <= 80 && RESPONSE_LEAD.test(line);
    end = start - 1;
  }
  return false;
}
