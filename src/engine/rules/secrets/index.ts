/** Every secret rule, by group. Each group file is the registry line of its rules. */
import type { Rule } from '../../rule.js';
import { rules as cloud } from './groups/cloud.js';
import { rules as codeHosting } from './groups/code-hosting.js';
import { rules as saas } from './groups/saas.js';
import { rules as structure } from './groups/structure.js';
import { guardPlaceholders } from './lib/placeholder-guard.js';

// Every rule, provider-prefixed or not, drops evident placeholders the same way (lib/placeholder-guard.ts).
export const secretRules: Rule[] = [...cloud, ...codeHosting, ...saas, ...structure].map(guardPlaceholders);
