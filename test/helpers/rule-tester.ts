/**
 * ESLint's RuleTester habit for Token Warden: each rule lists what it must flag and what it must not.
 * Cases run through the real scanner (prefilter, segments, suppression, redaction), not `check` alone.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/engine/rule.js';
import type { Finding } from '../../src/engine/finding.js';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { redact } from '../../src/engine/redact.js';

export interface ValidCase {
  code: string;
  path?: string;
  name?: string;
  options?: Record<string, unknown>;
}
export interface InvalidCase extends ValidCase {
  /** The exact secret the rule must report (checks redaction and span). */
  secret?: string;
  /** How many findings this rule must report (default: at least one). */
  count?: number;
  line?: number;
}

export const TODAY = new Date('2026-06-15T12:00:00Z');

export function runRule(rule: Rule, c: ValidCase): Finding[] {
  const policy = basePolicy();
  policy.families = { secrets: 'warn', scopes: 'warn', rotation: 'warn' };
  policy.rules[rule.meta.id] = { level: 'warn', options: c.options ?? {} };
  const result = scanFiles([{ path: c.path ?? 'src/config.ts', text: c.code }], { policy, rules: [rule], today: TODAY });
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

const label = (c: ValidCase, i: number): string => c.name ?? `#${i} ${c.path ?? ''} ${c.code.slice(0, 60).replace(/\s+/g, ' ')}`;

export function ruleTester(rule: Rule, cases: { valid: Array<string | ValidCase>; invalid: Array<string | InvalidCase> }): void {
  const norm = <T extends ValidCase>(c: string | T): T => (typeof c === 'string' ? ({ code: c } as T) : c);
  describe(rule.meta.id, () => {
    it('has cases on both sides', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    cases.valid.map(norm).forEach((c, i) => {
      it(`does not flag ${label(c, i)}`, () => {
        const found = runRule(rule, c);
        expect(found.map((f) => `${f.startLine}: ${f.excerpt}`)).toEqual([]);
      });
    });
    cases.invalid
      .map((c) => norm<InvalidCase>(c))
      .forEach((c, i) => {
        it(`flags ${label(c, i)}`, () => {
          const found = runRule(rule, c);
          if (c.count !== undefined) expect(found).toHaveLength(c.count);
          else expect(found.length).toBeGreaterThan(0);
          if (c.line !== undefined) expect(found[0]!.startLine).toBe(c.line);
          for (const f of found) {
            expect(f.message.length).toBeGreaterThan(0);
            if (c.secret) expect(f.excerpt).not.toContain(c.secret);
          }
          if (c.secret) expect(found.map((f) => f.redacted)).toContain(redact(c.secret));
        });
      });
  });
}
