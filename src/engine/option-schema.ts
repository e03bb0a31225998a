/**
 * Building blocks for `RuleMeta.options` (JSON Schema draft-07 fragments), shaped like what the option
 * readers accept (src/engine/rules/scopes/lib/rule-options.ts, src/engine/inventory/policy.ts), and the
 * words for a schema's type that policy errors and `tokenwarden rules ID` use.
 */
import { SEVERITIES } from './finding.js';
import type { RuleOptionSchema } from './rule.js';

type Schema = Record<string, unknown>;

/** `optList`: one string or a list of strings. */
export const stringList = (description: string, dflt: readonly string[] = []): RuleOptionSchema => ({
  description,
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  default: [...dflt],
});

/** A list (a single string is not read as one); `items` defaults to strings. */
export const listOf = (description: string, dflt: readonly unknown[] | undefined, items: Schema = { type: 'string' }): RuleOptionSchema => ({
  description,
  type: 'array',
  items,
  ...(dflt ? { default: [...dflt] } : {}),
});

/** `optBool` and `=== true` / `=== false` tests. */
export const boolean = (description: string, dflt: boolean): RuleOptionSchema => ({ description, type: 'boolean', default: dflt });

/** A number of days or the like: read only when it is a number greater than 0. */
export const positive = (description: string, dflt?: number): RuleOptionSchema => ({ description, type: 'number', exclusiveMinimum: 0, ...(dflt !== undefined ? { default: dflt } : {}) });

/** A finding severity (lower case, as the rule compares it). */
export const severity = (description: string, dflt: string): RuleOptionSchema => ({ description, enum: [...SEVERITIES], default: dflt });

/** One of a fixed set of strings. */
export const oneOfValues = (description: string, values: readonly string[], dflt?: string): RuleOptionSchema => ({
  description,
  enum: [...values],
  ...(dflt !== undefined ? { default: dflt } : {}),
});

const isStringList = (s: Schema): boolean => s.type === 'array' && (s.items as Schema | undefined)?.type === 'string' && !(s.items as Schema).enum;

const values = (v: readonly unknown[]): string => {
  const shown = v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  return shown.length > 8 ? `${shown.slice(0, 8).join(', ')}, …` : shown.join(', ');
};

/** The type of a value a schema accepts, in words: "a list of strings", "true or false", … */
export function typeText(schema: Schema, plural = false): string {
  if (Array.isArray(schema.enum)) return plural ? `values from: ${values(schema.enum)}` : `one of: ${values(schema.enum)}`;
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.anyOf)) {
    const alts = schema.anyOf as Schema[];
    // `optList`: a string is read as a list of one, so the list is what to write.
    if (alts.length === 2 && alts.some((a) => a.type === 'string' && !a.enum) && alts.some(isStringList)) return plural ? 'lists of strings' : 'a list of strings';
    // A string beside a list of strings is the list's short form; `true or false` among others is `true, false`.
    const parts = alts.filter((a) => !(a.type === 'string' && alts.some(isStringList)) || a.enum).map((a) => (a.type === 'boolean' && !plural ? 'true, false' : typeText(a, plural)));
    return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}` : (parts[0] ?? 'a value');
  }
  switch (schema.type) {
    case 'boolean':
      return plural ? 'booleans (true or false)' : 'true or false';
    case 'string':
      return plural ? 'strings' : 'a string';
    case 'number':
    case 'integer': {
      const whole = schema.type === 'integer';
      const noun = whole ? (plural ? 'whole numbers' : 'a whole number') : plural ? 'numbers' : 'a number';
      if (typeof schema.exclusiveMinimum === 'number') return `${noun} greater than ${schema.exclusiveMinimum}`;
      if (typeof schema.minimum === 'number') return `${noun} of at least ${schema.minimum}`;
      return noun;
    }
    case 'array':
      return `${plural ? 'lists' : 'a list'} of ${schema.items ? typeText(schema.items as Schema, true) : 'values'}`;
    case 'object': {
      const noun = plural ? 'mappings' : 'a mapping';
      const props = Object.keys((schema.properties as Schema | undefined) ?? {});
      if (props.length) return `${noun} with ${props.map((p) => `\`${p}\``).join(', ')}`;
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') return `${noun} of names to ${typeText(schema.additionalProperties as Schema, true)}`;
      return noun;
    }
    default:
      return 'a value';
  }
}
