import { describe, expect, it } from 'vitest';
import { Scanner } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { allRules } from '../../src/engine/registry.js';
import type { Rule } from '../../src/engine/rule.js';
import { scanDiff } from '../../src/cli/collect.js';
import { Progress } from '../../src/cli/progress.js';
import { githubToken } from '../helpers/tokens.js';

const today = new Date('2026-06-15T12:00:00Z');
const quiet = (): Progress => new Progress({ write: () => true }, false);
const diffAdding = (path: string, ...added: string[]): string =>
  [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`, `@@ -3,0 +4,${added.length} @@`, ...added.map((l) => `+${l}`), ''].join('\n');

describe('scanDiff', () => {
  it('a rule that throws costs one file, listed as not scanned, and the run goes on', () => {
    const broken: Rule = {
      meta: { id: 'secrets/broken', family: 'secrets', severity: 'high', confidence: 'high', description: 'broken', controls: [], remediation: 'x' },
      keywords: ['boom'],
      scope: 'line',
      check: () => {
        throw new Error('rule bug');
      },
    };
    const scanner = new Scanner({ policy: basePolicy(), rules: [...allRules, broken], today });
    const token = githubToken('ghp', 'collect');
    scanDiff(scanner, diffAdding('a.txt', 'boom') + diffAdding('b.txt', `t=${token}`), 1 << 20, quiet());
    const r = scanner.result();
    expect(r.skipped).toEqual([{ path: 'a.txt', reason: 'error', detail: 'internal error in secrets/broken (Error)' }]);
    expect(r.findings.map((f) => `${f.path}:${f.startLine}`)).toEqual(['b.txt:4']);
  });

  it('skips added text larger than the limit and policy-ignored paths', () => {
    const policy = basePolicy();
    policy.ignore = ['vendor/**'];
    const scanner = new Scanner({ policy, rules: allRules, today });
    scanDiff(scanner, diffAdding('big.txt', 'x'.repeat(2000)) + diffAdding('vendor/lib.js', 'y'), 1024, quiet());
    expect(scanner.result().skipped).toEqual([{ path: 'big.txt', reason: 'too-large', detail: 'added lines exceed 1024 bytes' }]);
  });
});
