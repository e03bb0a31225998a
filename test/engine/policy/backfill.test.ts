/** `backfill:` (the App's backfill reads history): validated at its line, merged, kept on by an org lock. */
import { describe, expect, it } from 'vitest';
import { resolvePolicy, type PolicyResult } from '../../../src/engine/policy/load.js';
import { DEFAULT_BACKFILL_POLICY } from '../../../src/engine/policy/types.js';
import { describePolicyDiff } from '../../../src/app/pipeline/policy-diff.js';

const today = new Date('2026-06-15T00:00:00Z');
const known = ['secrets/github-token'];
const ORG = 'acme/.github:.github/tokenwarden.yml';
const REPO = '.github/tokenwarden.yml';
/** One text: the repository's policy; two: the org's, then the repository's. */
const load = (...texts: string[]): PolicyResult => {
  const sources = texts.length > 1 ? [ORG, REPO] : [REPO];
  return resolvePolicy(
    texts.map((text, i) => ({ source: sources[i]!, text })),
    { today, knownRules: known },
  );
};

describe('policy: backfill', () => {
  it('is off by default, 1000 commits deep, and leaves the hash of a policy without it alone', () => {
    expect(DEFAULT_BACKFILL_POLICY).toEqual({ history: false, maxCommits: 1000 });
    const plain = load('extends: default\n');
    expect(plain.ok && plain.policy.backfill).toBeUndefined();
    const on = load('extends: default\nbackfill:\n  history: true\n  max_commits: 250\n');
    expect(on.ok && on.policy.backfill).toEqual({ history: true, maxCommits: 250 });
    expect(plain.ok && on.ok && plain.policy.hash !== on.policy.hash).toBe(true);
  });

  it('names a typo, a wrong type and a depth past the cap at their line', () => {
    const typo = load('extends: default\nbackfill:\n  histroy: true\n');
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.errors[0]).toMatchObject({ source: REPO, line: 3, message: expect.stringContaining('histroy'), fix: expect.stringContaining('`history`') });
    const type = load('extends: default\nbackfill:\n  history: yes please\n');
    expect(!type.ok && type.errors[0]!.line).toBe(3);
    const deep = load('extends: default\nbackfill:\n  history: true\n  max_commits: 50000\n');
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.errors[0]).toMatchObject({ line: 4, fix: 'Use a value <= 10000.' });
  });

  it('an org that locks secrets and reads history keeps it on and at least as deep', () => {
    const r = load('backfill:\n  history: true\n  max_commits: 2000\nlock: [secrets]\n', 'backfill:\n  history: false\n  max_commits: 10\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.backfill).toEqual({ history: true, maxCommits: 2000 });
    expect(r.warnings.map((w) => [w.source, w.line])).toEqual([
      [REPO, 2],
      [REPO, 3],
    ]);
    // Without the lock, the repository decides; deeper is always allowed.
    const free = load('backfill:\n  history: true\n', 'backfill:\n  history: false\n');
    expect(free.ok && free.policy.backfill?.history).toBe(false);
    const deeper = load('backfill:\n  history: true\nlock: [secrets]\n', 'backfill:\n  max_commits: 5000\n');
    expect(deeper.ok && deeper.policy.backfill).toEqual({ history: true, maxCommits: 5000 });
  });

  it('a proposed policy shows the change in its preview', () => {
    const a = load('extends: default\n');
    const b = load('extends: default\nbackfill:\n  history: true\n');
    if (!a.ok || !b.ok) throw new Error('policies must load');
    expect(describePolicyDiff(a.policy, b.policy)).toEqual(['`backfill.history`: false → true']);
  });
});
