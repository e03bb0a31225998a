/**
 * The scanner's cross-file context: a rule with `context` runs after the last file, reads the files it
 * asked for through `ctx.repo` whatever order they came in, and falls back to the caller's view.
 */
import { describe, expect, it } from 'vitest';
import type { RepoView, Rule } from '../../../../src/engine/rule.js';
import { Scanner, scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';

const TODAY = new Date('2026-06-15T12:00:00Z');

/** Flags each `needs:NAME` line whose NAME is not a line of `names.txt`. */
const probe: Rule = {
  meta: { id: 'rotation/probe', family: 'rotation', severity: 'high', confidence: 'high', description: 'test probe', controls: ['TEST'], remediation: 'none' },
  keywords: ['needs:'],
  scope: 'file',
  appliesTo: (p) => p.endsWith('.cfg'),
  context: (p) => p === 'names.txt',
  check(file, ctx) {
    const names = ctx.repo?.read('names.txt');
    if (names === undefined) return [];
    const known = new Set(names.split('\n'));
    const out = [];
    for (const m of file.text.matchAll(/needs:(\w+)/g))
      if (!known.has(m[1]!)) out.push({ start: m.index, end: m.index + m[0].length, construct: m[1]!, message: `${m[1]} missing; seen ${ctx.repo!.paths().join(',')}` });
    return out;
  },
};

const policy = () => {
  const p = basePolicy();
  p.families.rotation = 'warn';
  return p;
};

describe('cross-file rules', () => {
  it('see a file scanned after them', () => {
    const r = scanFiles(
      [
        { path: 'a.cfg', text: 'needs:x\nneeds:y\n' },
        { path: 'names.txt', text: 'x\n' },
      ],
      { policy: policy(), rules: [probe], today: TODAY },
    );
    expect(r.findings.map((f) => [f.path, f.startLine, f.message])).toEqual([['a.cfg', 2, 'y missing; seen names.txt']]);
  });

  it('read the caller view when the file is not in the scan, and the scan first when it is', () => {
    const outer: RepoView = { read: (p) => (p === 'names.txt' ? 'x\ny\n' : undefined), paths: () => ['names.txt', 'other'] };
    const only = scanFiles([{ path: 'a.cfg', text: 'needs:x\nneeds:y\n' }], { policy: policy(), rules: [probe], today: TODAY, repo: outer });
    expect(only.findings).toEqual([]);
    const both = scanFiles(
      [
        { path: 'names.txt', text: 'y\n' },
        { path: 'a.cfg', text: 'needs:x\nneeds:y\n' },
      ],
      { policy: policy(), rules: [probe], today: TODAY, repo: outer },
    );
    expect(both.findings.map((f) => f.message)).toEqual(['x missing; seen names.txt,other']);
  });

  it('do not take diff excerpts as whole files, keep real line numbers, and run once', () => {
    const s = new Scanner({ policy: policy(), rules: [probe], today: TODAY });
    s.scanFile({ path: 'names.txt', text: 'x\n', lineNumbers: [7] });
    s.scanFile({ path: 'a.cfg', text: 'needs:z\n', lineNumbers: [40] });
    expect(s.result().findings).toEqual([]);
    const s2 = new Scanner({ policy: policy(), rules: [probe], today: TODAY });
    s2.scanFile({ path: 'a.cfg', text: 'needs:z\n', lineNumbers: [40] });
    s2.scanFile({ path: 'names.txt', text: 'x\n' });
    expect(s2.result().findings.map((f) => f.startLine)).toEqual([40]);
    expect(s2.result().findings).toHaveLength(1);
  });

  it('cost a failing check its file, not the scan', () => {
    const broken: Rule = {
      ...probe,
      check: () => {
        throw new Error('boom');
      },
    };
    const r = scanFiles([{ path: 'a.cfg', text: 'needs:x\n' }], { policy: policy(), rules: [broken], today: TODAY });
    expect(r.skipped).toEqual([{ path: 'a.cfg', reason: 'error', detail: 'internal error in rotation/probe (Error)' }]);
  });

  it('are dropped with the rest when the policy turns them off', () => {
    const p = policy();
    p.rules['rotation/probe'] = { level: 'off' };
    const r = scanFiles(
      [
        { path: 'a.cfg', text: 'needs:y\n' },
        { path: 'names.txt', text: '' },
      ],
      { policy: p, rules: [probe], today: TODAY },
    );
    expect(r.findings).toEqual([]);
  });
});
