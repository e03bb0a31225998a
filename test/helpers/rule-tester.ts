/**
 * ESLint's RuleTester habit for Token Warden: each rule lists what it must flag and what it must not.
 * Cases run through the real scanner (prefilter, segments, suppression, redaction), not `check` alone.
 *
 * The same cases check the rule's options: each case runs with a Proxy as `ctx.options` that records
 * the keys the rule reads, and a last test per rule compares them with `meta.options` — every key read
 * must be declared (or the policy schema would reject it), every declared key must be read by some
 * case (or the schema would accept an option that does nothing). A case's own options must pass the
 * declared schema, as they would have to in a policy.
 */
import { describe, expect, it } from 'vitest';
import AjvModule, { type ValidateFunction } from 'ajv';
import type { Rule } from '../../src/engine/rule.js';
import type { Finding } from '../../src/engine/finding.js';
import { scanFiles } from '../../src/engine/scan.js';
import { basePolicy } from '../../src/engine/policy/builtin.js';
import { redact } from '../../src/engine/redact.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
  /** The severity of the first finding. */
  severity?: Finding['severity'];
}

export const TODAY = new Date('2026-06-15T12:00:00Z');

/** `wrap` replaces the case's options as the rule sees them (a recording Proxy, below). */
export function runRule(rule: Rule, c: ValidCase, wrap: (options: Record<string, unknown>) => Record<string, unknown> = (o) => o): Finding[] {
  if (process.env.TW_DUMP_CASES) dumpCase(process.env.TW_DUMP_CASES, rule, c);
  const policy = basePolicy();
  policy.families = { secrets: 'warn', scopes: 'warn', rotation: 'warn' };
  policy.rules[rule.meta.id] = { level: 'warn', options: wrap(c.options ?? {}) };
  const result = scanFiles([{ path: c.path ?? 'src/config.ts', text: c.code }], { policy, rules: [rule], today: TODAY });
  return result.findings.filter((f) => f.ruleId === rule.meta.id);
}

let dumped = 0;
/**
 * With TW_DUMP_CASES=DIR, every case is also written to DIR/<rule>/<n>/<path>: a corpus of thousands of
 * must-flag and must-not-flag files on which two builds of the CLI must print the same report, byte
 * for byte (a speed change must not change a finding). Tokens are assembled at run time, so the
 * corpus exists only where it is written, never in the repository.
 */
function dumpCase(dir: string, rule: Rule, c: ValidCase): void {
  const file = join(dir, rule.meta.id.replace(/\//g, '_'), String(dumped++), c.path ?? 'src/config.ts');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, c.code);
}

/** Every key the rule reads from `options` goes into `read` (`Object.keys` and the like as `*`). */
export function recordingOptions(options: Record<string, unknown>, read: Set<string>): Record<string, unknown> {
  return new Proxy(options, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      read.add('*');
      return Reflect.ownKeys(target);
    },
  });
}

const Ajv = AjvModule.default;

/** The validator of a rule's options as the policy schema declares them (no options: none allowed). */
export function optionsValidator(rule: Rule): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false }).compile({ type: 'object', additionalProperties: false, properties: rule.meta.options ?? {} });
}

const label = (c: ValidCase, i: number): string => c.name ?? `#${i} ${c.path ?? ''} ${c.code.slice(0, 60).replace(/\s+/g, ' ')}`;

export function ruleTester(rule: Rule, cases: { valid: Array<string | ValidCase>; invalid: Array<string | InvalidCase> }): void {
  const norm = <T extends ValidCase>(c: string | T): T => (typeof c === 'string' ? ({ code: c } as T) : c);
  const read = new Set<string>();
  const total = cases.valid.length + cases.invalid.length;
  let ran = 0;
  let validOptions: ValidateFunction | undefined;
  const run = (c: ValidCase): Finding[] => {
    if (c.options) {
      validOptions ??= optionsValidator(rule);
      expect(validOptions(c.options), `the case's options do not pass meta.options: ${JSON.stringify(validOptions.errors)}`).toBe(true);
    }
    const found = runRule(rule, c, (o) => recordingOptions(o, read));
    ran++;
    return found;
  };
  describe(rule.meta.id, () => {
    it('has cases on both sides', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    cases.valid.map(norm).forEach((c, i) => {
      it(`does not flag ${label(c, i)}`, () => {
        const found = run(c);
        expect(found.map((f) => `${f.startLine}: ${f.excerpt}`)).toEqual([]);
      });
    });
    cases.invalid
      .map((c) => norm<InvalidCase>(c))
      .forEach((c, i) => {
        it(`flags ${label(c, i)}`, () => {
          const found = run(c);
          if (c.count !== undefined) expect(found).toHaveLength(c.count);
          else expect(found.length).toBeGreaterThan(0);
          if (c.line !== undefined) expect(found[0]!.startLine).toBe(c.line);
          if (c.severity !== undefined) expect(found[0]!.severity).toBe(c.severity);
          for (const f of found) {
            expect(f.message.length).toBeGreaterThan(0);
            if (c.secret) expect(f.excerpt).not.toContain(c.secret);
          }
          if (c.secret) {
            expect(found.map((f) => f.redacted)).toContain(redact(c.secret));
            // The span is the secret's own: the line holds it where the finding says it starts.
            const f = found.find((x) => x.redacted === redact(c.secret!))!;
            const lines = c.code.split('\n');
            if (!c.secret.includes('\n') && f.startLine === f.endLine && lines[f.startLine - 1]?.includes(c.secret)) {
              expect(lines[f.startLine - 1]!.slice(f.startColumn - 1, f.startColumn - 1 + c.secret.length), 'the reported span').toBe(c.secret);
            }
          }
        });
      });
    // After the cases (a file's tests run in order); with only some cases run (-t), only the first half.
    it('reads the options meta.options declares, and only those', () => {
      const declared = Object.keys(rule.meta.options ?? {});
      expect(
        [...read].filter((k) => !declared.includes(k)).sort(),
        `${rule.meta.id} reads options it does not declare: add them to meta.options (src/engine/option-schema.ts), then npm run schema`,
      ).toEqual([]);
      if (ran < total) return;
      expect(
        declared.filter((k) => !read.has(k)),
        `${rule.meta.id} declares options no case reads: add a case that reaches them (one with \`options\`), or drop them from meta.options`,
      ).toEqual([]);
    });
  });
}
