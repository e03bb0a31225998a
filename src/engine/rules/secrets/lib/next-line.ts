/**
 * The scanner hands a `line` rule only the lines that hold its keyword, but a name and its value are
 * sometimes split over two lines (`<herokuToken>\n  <value>\n</herokuToken>`, `KEY\n    = "…"`,
 * `key: |\n  …`). This wrapper lets a keyword-assigned rule see the line after each of its lines too.
 */
import type { FileView, Rule, Segment } from '../../../rule.js';

/** Lines longer than this are not appended (minified code: the scanner windows those already). */
const MAX_NEXT_LINE = 4096;

export function extendSegments(file: FileView, lines = 1): Segment[] {
  const text = file.text;
  const out: Segment[] = [];
  for (const seg of file.segments) {
    const start = seg.offset;
    let end = seg.offset + seg.text.length;
    // Only whole lines (not windows of a long line) are extended, by up to `lines` following lines.
    for (let n = 0; n < lines && text.charCodeAt(end) === 10 /* \n */; n++) {
      let next = text.indexOf('\n', end + 1);
      if (next === -1) next = text.length;
      if (next - end - 1 > MAX_NEXT_LINE) break;
      end = next;
    }
    const last = out[out.length - 1];
    if (last && start <= last.offset + last.text.length) {
      const lastEnd = last.offset + last.text.length;
      if (end > lastEnd) out[out.length - 1] = { offset: last.offset, text: text.slice(last.offset, end) };
      continue;
    }
    out.push({ offset: start, text: text.slice(start, end) });
  }
  return out;
}

/** The same rule, looking `lines` (default one) lines past each line that holds a keyword. */
export function withNextLine(rule: Rule, lines = 1): Rule {
  return {
    ...rule,
    check: (file, ctx) => rule.check({ ...file, segments: extendSegments(file, lines) }, ctx),
  };
}
