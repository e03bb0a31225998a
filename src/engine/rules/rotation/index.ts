/** Every rotation rule. */
import type { Rule } from '../../rule.js';

export const rotationRules: Rule[] = [];
