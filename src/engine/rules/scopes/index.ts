/** Every scope (least-privilege) rule. */
import type { Rule } from '../../rule.js';

export const scopeRules: Rule[] = [];
