/** Windows on long lines: the linear `LongLine` gives exactly the windows of edge-by-edge widening. */
import { describe, expect, it } from 'vitest';
import { LONG_LINE, LongLine, WINDOW, widenNaive } from '../../src/engine/window.js';

function naiveWindow(text: string, start: number, end: number, offset: number): [number, number] {
  return [widenNaive(text, Math.max(start, offset - WINDOW), start, -1), widenNaive(text, Math.min(end, offset + WINDOW), end, 1)];
}

let seed = 11;
const rnd = (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};

/** A line of token runs of random lengths (some longer than a window) between separators. */
function randomLine(len: number): string {
  let s = '';
  while (s.length < len) {
    const run = rnd(4) === 0 ? rnd(3000) : rnd(60);
    s += 'A'.repeat(run) + ' ;"\n'[rnd(3)];
  }
  return s.slice(0, len);
}

describe('LongLine', () => {
  it('agrees with edge-by-edge widening for hits in order, out of order and repeated', () => {
    for (let round = 0; round < 20; round++) {
      const prefix = 'x=1\n'.repeat(rnd(3));
      const body = randomLine(LONG_LINE + rnd(20_000));
      const text = `${prefix}${body}\nafter`;
      const start = prefix.length,
        end = start + body.length;
      const line = new LongLine(text, start, end);
      // Hits by end offset, as the keyword automaton reports them: offsets may step back by a keyword's length.
      let at = start;
      while (at < end) {
        const offsets = [at, Math.max(start, at - rnd(40)), at];
        for (const o of offsets) expect(line.window(o)).toEqual(naiveWindow(text, start, end, o));
        at += 1 + rnd(rnd(2) ? 5 : 400);
      }
    }
  });

  it('on a line with no break at all, every window is the hit ± one window, widened by one more', () => {
    const body = 'A'.repeat(100_000);
    const line = new LongLine(body, 0, body.length);
    expect(line.window(50_000)).toEqual([50_000 - 2 * WINDOW, 50_000 + 2 * WINDOW]);
    expect(line.window(10)).toEqual([0, 10 + 2 * WINDOW]);
    expect(line.window(99_990)).toEqual([99_990 - 2 * WINDOW, 100_000]);
  });
});
