/**
 * The `rules:` section of the policy schema, generated from the rule metadata: an entry for each rule
 * that takes options (its `meta.options`, nothing else allowed under `options:`), and the entry for
 * every other rule id, whose `options:` must be empty. `npm run schema` (scripts/policy-schema.mjs)
 * writes the result to policies/tokenwarden.schema.json, the file editors (yaml-language-server) read;
 * test/engine/policy/rule-options.test.ts fails when the file is stale. The validator checks the same
 * options from the same metadata (rule-options-check.ts).
 */
import type { Rule } from '../rule.js';
import { allRules } from '../registry.js';

type Schema = Record<string, unknown>;

/** A rule's value under `rules:`: a level, or a mapping of level, path globs and `options`. */
function ruleValue(options: Schema, description?: string): Schema {
  return {
    ...(description ? { description } : {}),
    oneOf: [
      { $ref: '#/definitions/level' },
      {
        type: 'object',
        additionalProperties: false,
        properties: { level: { $ref: '#/definitions/level' }, paths: { $ref: '#/definitions/globs' }, ignore: { $ref: '#/definitions/globs' }, options },
      },
    ],
  };
}

/** The schema of `rules.<id>.options` (no rule, or none declared: an empty mapping only). */
export function optionsSchema(rule: Pick<Rule, 'meta'> | undefined): Schema {
  const options = rule?.meta.options;
  if (!rule || !options || !Object.keys(options).length) return { description: 'This rule takes no options.', type: 'object', maxProperties: 0 };
  return {
    description: `The options of ${rule.meta.id} (\`tokenwarden rules ${rule.meta.id}\` lists them).`,
    type: 'object',
    additionalProperties: false,
    properties: structuredClone(options) as Schema,
  };
}

/**
 * `schema` (the policy schema) with its `rules` section filled from `rules`: the same result whatever
 * the section held before (idempotent). Everything else is kept as it is.
 */
export function withRuleOptions(schema: Schema, rules: readonly Rule[] = allRules): Schema {
  const out = structuredClone(schema);
  const props = out.properties as Record<string, Schema>;
  const before = props.rules ?? {};
  const withOptions = rules.filter((r) => r.meta.options && Object.keys(r.meta.options).length).sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  props.rules = {
    ...(before.description ? { description: before.description } : {}),
    type: 'object',
    propertyNames: before.propertyNames ?? { pattern: '^(secrets|scopes|rotation)/[a-z0-9][a-z0-9-]*$' },
    properties: Object.fromEntries(withOptions.map((r) => [r.meta.id, ruleValue(optionsSchema(r), r.meta.description)])),
    additionalProperties: ruleValue(optionsSchema(undefined)),
  };
  return out;
}
