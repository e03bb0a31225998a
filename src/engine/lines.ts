/** Offset ↔ line/column for one text, computed once and only when a finding needs it. */
export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    let i = -1;
    while ((i = text.indexOf('\n', i + 1)) !== -1) starts.push(i + 1);
    this.starts = starts;
  }
  get count(): number {
    return this.starts.length;
  }
  /** 0-based line holding `offset`. */
  lineAt(offset: number): number {
    const s = this.starts;
    let lo = 0,
      hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }
  /** Text of a 0-based line, without its newline. */
  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    const start = this.starts[line]!;
    const next = this.starts[line + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}

/** The line of `text` around offset `at`, without its line break. */
export function lineAt(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? text.length : end);
}
