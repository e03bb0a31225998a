/**
 * One provider often issues several shapes of credential (a prefixed token, plus a legacy value that is
 * only a secret next to the provider's name), each deserving its own confidence. `defineSecretRuleSet`
 * composes those shapes into one rule: one id, one revoke guide, one finding per span.
 */
import type { Confidence } from '../../../finding.js';
import type { RawFinding, Rule } from '../../../rule.js';
import { SpanIndex } from '../../../span-index.js';
import { defineSecretRule, type SecretRuleSpec } from '../define.js';
import { extendSegments } from './next-line.js';

export interface Grade {
  confidence: Confidence;
  message?: string;
}

export interface SecretVariant {
  /** Lower-case literals, one of which occurs in every match of this variant. */
  keywords: string[];
  /** Global; the secret is the named group `secret`. A function: built at the variant's first search. */
  pattern: SecretRuleSpec['pattern'];
  minEntropy?: number;
  placeholders?: SecretRuleSpec['placeholders'];
  validate?: SecretRuleSpec['validate'];
  /** Confidence of this shape (default: the rule's). */
  confidence?: Confidence;
  /** Per-secret grading, e.g. checksum verified → high, else medium; `null` drops the match. */
  grade?(secret: string): Grade | null;
  message?: string;
  /**
   * Also look at the line after each keyword line (a value under its XML element), or at this many lines
   * after it (a value a few lines under the keyword, found by a look-behind to it).
   */
  nextLine?: boolean | number;
}

export interface SecretRuleSetSpec extends Omit<SecretRuleSpec, 'keywords' | 'pattern' | 'minEntropy' | 'validate' | 'scope'> {
  /** Tried in order; where two variants report the same span, the first wins. */
  variants: SecretVariant[];
}

export function defineSecretRuleSet(spec: SecretRuleSetSpec): Rule {
  const { variants, ...common } = spec;
  if (variants.length === 0) throw new Error(`${spec.id}: no variants`);
  const parts = variants.map((v) => ({
    v,
    keys: [...new Set(v.keywords.map((k) => k.toLowerCase()))],
    rule: defineSecretRule({
      ...common,
      keywords: v.keywords,
      pattern: v.pattern,
      ...(v.minEntropy !== undefined ? { minEntropy: v.minEntropy } : {}),
      ...(v.placeholders ? { placeholders: v.placeholders } : {}),
      ...(v.validate ? { validate: v.validate } : {}),
      ...(v.message ? { message: v.message } : {}),
    }),
  }));
  const meta = parts[0]!.rule.meta;
  const rule: Rule = {
    meta,
    keywords: [...new Set(variants.flatMap((v) => v.keywords.map((k) => k.toLowerCase())))],
    scope: 'line',
    check(file, ctx) {
      const out: RawFinding[] = [];
      // Spans reported by earlier variants, indexed once per variant: a scan of every earlier span per
      // finding was quadratic in a file holding thousands of one provider's tokens.
      const taken: Array<[number, number]> = [];
      let index = new SpanIndex([]);
      let extended: typeof file | undefined;
      // Each variant sees only the lines that hold one of its own keywords, as it would as a rule of
      // its own: the scanner gives the set the lines of all of them, and a nested-form variant keyed
      // by a provider's name has no business on the lines another variant's value prefix brought.
      let lower: string[] | undefined;
      for (const { v, rule: part, keys } of parts) {
        lower ??= file.segments.map((seg) => seg.text.toLowerCase());
        // (A variant without keywords keeps every line, as before.)
        const mine = keys.length ? file.segments.filter((_, i) => keys.some((k) => lower![i]!.includes(k))) : file.segments;
        if (mine.length === 0) continue;
        let view: typeof file;
        if (mine.length === file.segments.length && typeof v.nextLine !== 'number') view = v.nextLine ? (extended ??= { ...file, segments: extendSegments(file) }) : file;
        else {
          const own = { ...file, segments: mine };
          view = v.nextLine ? { ...file, segments: extendSegments(own, v.nextLine === true ? 1 : v.nextLine) } : own;
        }
        const before = taken.length;
        // This variant's own spans come in order of start (lines overlap where `nextLine` extends them,
        // and repeat a match): one that starts before the furthest end so far overlaps one of them.
        let lastStart = -1,
          furthest = -1;
        for (const f of part.check(view, ctx)) {
          const start = f.start ?? 0;
          const end = f.end ?? start;
          if (index.overlaps(start, end)) continue;
          if (start >= lastStart ? start < furthest : taken.slice(before).some(([s, e]) => start < e && s < end)) continue;
          let confidence = v.confidence;
          let message = f.message;
          if (v.grade) {
            const g = v.grade(f.secret ?? '');
            if (!g) continue;
            confidence = g.confidence;
            if (g.message) message = g.message;
          }
          taken.push([start, end]);
          lastStart = Math.max(lastStart, start);
          furthest = Math.max(furthest, end);
          out.push({
            ...f,
            message,
            ...(confidence && confidence !== meta.confidence ? { confidence } : {}),
          });
        }
        if (taken.length > before) index = new SpanIndex([...taken]);
      }
      return out;
    },
  };
  if (spec.appliesTo) rule.appliesTo = spec.appliesTo;
  return rule;
}
