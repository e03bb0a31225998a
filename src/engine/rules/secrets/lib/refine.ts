/**
 * Small combinators over `Rule`s built with `defineSecretRule`, for what one spec cannot say:
 * per-finding confidence or message, and one rule that is several patterns.
 */
import type { FileView, RawFinding, Rule, RuleContext } from '../../../rule.js';

/** The same rule with each finding adjusted, or dropped when `fn` returns null. */
export function refine(rule: Rule, fn: (raw: RawFinding, file: FileView, ctx: RuleContext) => RawFinding | null): Rule {
  return {
    ...rule,
    check(file, ctx) {
      const out: RawFinding[] = [];
      for (const raw of rule.check(file, ctx)) {
        const r = fn(raw, file, ctx);
        if (r) out.push(r);
      }
      return out;
    },
  };
}

/**
 * One rule (metadata and scope of `primary`) that reports what any of the given rules report; a span
 * found by several is reported once. Keywords are the union, so each part keeps its prefilter.
 */
export function anyOf(primary: Rule, ...more: Rule[]): Rule {
  const parts = [primary, ...more];
  return {
    ...primary,
    keywords: [...new Set(parts.flatMap((r) => [...r.keywords]))],
    check(file, ctx) {
      const seen = new Set<number>();
      const out: RawFinding[] = [];
      for (const part of parts) {
        for (const raw of part.check(file, ctx)) {
          const key = raw.start ?? -1;
          if (key >= 0 && seen.has(key)) continue;
          seen.add(key);
          out.push(raw);
        }
      }
      return out;
    },
  };
}
