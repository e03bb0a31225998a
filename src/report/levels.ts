/** The level the policy gives a rule or finding (the scanner's rule, restated for renderers). */
import type { Family, Level, Severity } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';

export function levelFor(policy: ResolvedPolicy, id: string, family: Family, severity: Severity): Level {
  const explicit = policy.rules[id]?.level;
  if (explicit) return explicit;
  const fam = policy.families[family];
  return fam === 'auto' ? policy.severityLevels[severity] : fam;
}

/** Rules the scanner runs under this policy, in registry order. */
export function activeRules(policy: ResolvedPolicy, rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => levelFor(policy, r.meta.id, r.meta.family, r.meta.severity) !== 'off');
}
