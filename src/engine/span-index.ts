/** Spans [start, end), asked whether any overlaps a span, in O(log n): sorted by start, with the largest end so far. */
export class SpanIndex {
  private readonly starts: number[] = [];
  private readonly maxEnd: number[] = [];
  constructor(spans: Array<[number, number]>) {
    spans.sort((a, b) => a[0] - b[0]);
    let m = -Infinity;
    for (const [s, e] of spans) {
      this.starts.push(s);
      this.maxEnd.push((m = Math.max(m, e)));
    }
  }

  overlaps(s: number, e: number): boolean {
    let lo = 0,
      hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1]! > s;
  }
}
