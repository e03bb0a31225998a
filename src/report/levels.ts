/** Which rules a policy turns on, for renderers that describe them (SARIF's rule list). */
import type { Rule } from '../engine/rule.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import { levelFor } from '../engine/policy/level.js';

export { levelFor };

/** Rules the scanner runs under this policy, in registry order. */
export function activeRules(policy: ResolvedPolicy, rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => levelFor(policy, r.meta.id, r.meta.family, r.meta.severity) !== 'off');
}
