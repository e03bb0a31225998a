/**
 * A rule set's variants each see only the lines that hold one of their own keywords, as each would as a
 * rule of its own (src/engine/rules/secrets/lib/rule-set.ts); a variant without keywords sees them all.
 */
import { describe, expect, it } from 'vitest';
import { defineSecretRuleSet } from '../../../../../src/engine/rules/secrets/lib/rule-set.js';
import { runRule } from '../../../../helpers/rule-tester.js';

const rule = defineSecretRuleSet({
  id: 'secrets/test-rule-set',
  description: 'Test rule set',
  variants: [
    { keywords: ['alpha'], pattern: /\balpha-(?<secret>[A-Za-z0-9]{12})\b/g },
    // Its pattern does not hold its keyword: only lines naming `beta` may report it.
    { keywords: ['beta'], pattern: /\bgamma-(?<secret>[A-Za-z0-9]{12})\b/g, nextLine: true },
    { keywords: [], pattern: /\bdelta-(?<secret>[A-Za-z0-9]{12})\b/g },
  ],
});

// The first two characters of each secret found (the rest is redacted): Q7 alpha, Vb/Hc gamma, Zt delta.
const secrets = (code: string): string[] => runRule(rule, { code, path: 'src/a.ts' }).map((f) => (f.redacted ?? '').slice(0, 2));

describe('defineSecretRuleSet', () => {
  it("runs each variant on its own keywords' lines only", () => {
    // The `alpha` line reaches the set, but not the `beta` variant.
    expect(secrets('x = "alpha-Q7f2Kd9LmZ3p gamma-Vb8Nw4Rt6Yx1"')).toEqual(['Q7']);
    // The `beta` variant on its line and the next one (nextLine), not on an `alpha` line elsewhere.
    expect(secrets('beta:\n  k: gamma-Vb8Nw4Rt6Yx1\nalpha-Q7f2Kd9LmZ3p gamma-Hc3Jm9Lp2Qs5').sort()).toEqual(['Q7', 'Vb']);
  });

  it('runs a variant without keywords on every line the set was given', () => {
    expect(secrets('alpha-Q7f2Kd9LmZ3p delta-Zt5Rw8Yq2Lm4').sort()).toEqual(['Q7', 'Zt']);
  });
});
