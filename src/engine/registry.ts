/** The rule registry: every rule the engine knows, in a stable order. */
import type { Rule } from './rule.js';
import { secretRules } from './rules/secrets/index.js';
import { scopeRules } from './rules/scopes/index.js';
import { rotationRules } from './rules/rotation/index.js';

export const allRules: readonly Rule[] = [...secretRules, ...scopeRules, ...rotationRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
