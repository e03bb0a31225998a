import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

function recorder() {
  let text = '';
  return { out: { write: (s: string) => (text += s), isTTY: true }, text: () => text };
}

describe('progress on stderr', () => {
  it('stays silent for a quick scan', () => {
    const r = recorder();
    let now = 0;
    const p = new Progress(r.out, true, () => now);
    for (let i = 0; i < 100; i++) {
      p.tick(1000);
      now += 1;
    }
    p.done();
    expect(r.text()).toBe('');
  });

  it('reports files and size once a scan runs long, then clears the line', () => {
    const r = recorder();
    let now = 0;
    const p = new Progress(r.out, true, () => now);
    for (let i = 0; i < 10; i++) {
      now += 500;
      p.tick(512 * 1024);
    }
    expect(r.text()).toContain('scanned 10 files, 5.0 MB');
    p.done();
    expect(r.text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('never writes when disabled (stderr not a terminal, or --quiet)', () => {
    const r = recorder();
    let now = 0;
    const p = new Progress(r.out, false, () => now);
    for (let i = 0; i < 10; i++) {
      now += 1000;
      p.tick(1);
    }
    p.done();
    expect(r.text()).toBe('');
  });
});
