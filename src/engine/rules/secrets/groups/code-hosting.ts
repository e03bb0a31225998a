/** Code hosting, package registries and CI. */
import type { Rule } from '../../../rule.js';
import githubToken from '../github-token.js';
import githubFineGrainedPat from '../github-fine-grained-pat.js';

export const rules: Rule[] = [githubToken, githubFineGrainedPat];
