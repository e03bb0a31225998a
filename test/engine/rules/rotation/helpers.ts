/** Helpers for the rotation rule tests: multi-file scans through the real scanner. */
import type { Finding } from '../../../../src/engine/finding.js';
import type { Rule } from '../../../../src/engine/rule.js';
import type { SourceFile } from '../../../../src/engine/scan.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';
import { allRules } from '../../../../src/engine/registry.js';
import { TODAY } from '../../../helpers/rule-tester.js';

export { y } from '../scopes/helpers.js';
export { TODAY };
export const INV = '.github/token-inventory.yml';

/** Scan several files with some rules (default: every rotation rule), every rotation finding reported. */
export function scanRepo(files: Record<string, string> | SourceFile[], opts: { rules?: readonly Rule[]; options?: Record<string, Record<string, unknown>>; today?: Date } = {}): Finding[] {
  const policy = basePolicy();
  policy.families = { secrets: 'off', scopes: 'off', rotation: 'warn' };
  for (const [id, options] of Object.entries(opts.options ?? {})) policy.rules[id] = { options };
  const list = Array.isArray(files) ? files : Object.entries(files).map(([path, text]) => ({ path, text }));
  const rules = opts.rules ?? allRules.filter((r) => r.meta.family === 'rotation');
  return scanFiles(list, { policy, rules, today: opts.today ?? TODAY }).findings;
}

/** `rule id  path:line` lines, for compact expectations. */
export const brief = (fs: Finding[]): string[] => fs.map((f) => `${f.ruleId} ${f.path}:${f.startLine}`);
