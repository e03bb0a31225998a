import type { Rule } from '../../../rule.js';

export const rules: Rule[] = [];
