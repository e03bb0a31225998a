/**
 * The one place every secret rule's candidates pass through before the scanner sees them: a value that
 * is evidently a placeholder (an alphabet or digit run, a repeated character or unit, an `xxxx` mask, in
 * any case, after the provider's prefix) is dropped, and one that is mostly such runs is graded low.
 * Rules keep their own, format-specific checks; this makes the floor the same for all of them.
 */
import type { RawFinding, Rule } from '../../../rule.js';
import { placeholderGrade } from '../../../placeholder.js';

export function guardPlaceholders(rule: Rule): Rule {
  return {
    ...rule,
    check(file, ctx) {
      const out: RawFinding[] = [];
      for (const raw of rule.check(file, ctx)) {
        const grade = raw.secret ? placeholderGrade(raw.secret) : undefined;
        if (grade === 'drop') continue;
        out.push(
          grade === 'low'
            ? { ...raw, confidence: 'low', message: `${raw.message.replace(/\.$/, '')} (the value looks partly like a placeholder: check it).` }
            : raw,
        );
      }
      return out;
    },
  };
}
