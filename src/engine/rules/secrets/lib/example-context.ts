/**
 * Is a value inside an `example:` / `examples:` block of a YAML or pretty-printed JSON document (an OpenAPI
 * or AsyncAPI response example, a JSON Schema's `examples`), or in the documentation strings of an Ansible
 * module (`EXAMPLES = r'''…'''`, `DOCUMENTATION`, `RETURN`)? Such values illustrate a format: a token there
 * is graded low, not dropped (a real one pasted from a live system is still shown).
 */

const DOCUMENT = /\.(?:ya?ml|json)$/i;
/** An ancestor line that opens an example: `example:`, `examples:`, `x-example:`, `"examples": {` / `[`. */
const EXAMPLE_KEY = /^[ \t]*(?:-[ \t]+)?["']?(?:x-)?examples?["']?[ \t]*:/;
/** How far back the ancestors are looked for (a response example is a few dozen lines). */
const MAX_LINES = 200;
const MAX_CHARS = 16_384;

export function isInExample(path: string, text: string, offset: number): boolean {
  if (/\.py$/i.test(path)) return isInDocumentationString(text, offset);
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
