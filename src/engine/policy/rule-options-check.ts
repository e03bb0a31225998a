/**
 * `rules.<id>.options` checked against the rule's `meta.options`, with errors shaped as ajv's.
 *
 * policies/tokenwarden.schema.json holds each rule's options (generated from `meta.options` by
 * `npm run schema`) for editors; the validator compiled from it (at build time for the bundled CLI)
 * leaves them out — `validatorSchema` — and this module checks them from the same metadata instead.
 * Compiled by ajv, 33 rules' options were ~100 KB more code in every CLI start; checked here, the few
 * JSON Schema keywords options use are a page of code. test/engine/policy/rule-options.test.ts holds
 * the two to the same verdicts: ajv over the whole generated schema against this check.
 */
import type { ErrorObject } from 'ajv';
import type { RuleMeta } from '../rule.js';

type Schema = Record<string, unknown>;

/** The keywords an option schema may use (the check knows these; annotations are ignored). */
export const OPTION_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'enum',
  'const',
  'anyOf',
  'items',
  'properties',
  'additionalProperties',
  'propertyNames',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'maxProperties',
  'description',
  'default',
]);

/**
 * The policy schema as its validator is compiled: each rule's `options` only a mapping (no per-rule
 * entries); `ruleOptionErrors` checks what is in them. Other schema files are compiled as they are.
 */
export function validatorSchema(file: string, schema: Schema): Schema {
  if (file !== 'tokenwarden.schema.json') return schema;
  const out = structuredClone(schema);
  const rules = (out.properties as Record<string, Schema> | undefined)?.rules;
  if (!rules) return out;
  delete rules.properties;
  // `options` wherever the shared rule shape declares it (inside its oneOf) becomes any mapping.
  const loosen = (s: unknown): void => {
    if (!s || typeof s !== 'object') return;
    if (Array.isArray(s)) return s.forEach(loosen);
    const props = (s as Schema).properties as Record<string, unknown> | undefined;
    if (props && 'options' in props) props.options = { type: 'object' };
    for (const v of Object.values(s)) loosen(v);
  };
  loosen(rules.additionalProperties);
  return out;
}

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

const TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => !!v && typeof v === 'object' && !Array.isArray(v),
  null: (v) => v === null,
};

const equal = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** Validates `data` against `schema` as ajv (draft-07, allErrors) would, for `OPTION_KEYWORDS`. */
export function checkValue(data: unknown, schema: Schema, instancePath: string, schemaPath: string, out: ErrorObject[]): boolean {
  const before = out.length;
  const fail = (keyword: string, params: Record<string, unknown>, message: string, at = instancePath, value: unknown = data): void => {
    out.push({ instancePath: at, schemaPath: `${schemaPath}/${keyword}`, keyword, params, message, schema: schema[keyword], parentSchema: schema, data: value });
  };
  const type = schema.type as string | undefined;
  if (type && !TYPES[type]?.(data)) {
    fail('type', { type }, `must be ${type}`);
    return false;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => equal(e, data))) fail('enum', { allowedValues: schema.enum }, 'must be equal to one of the allowed values');
  if ('const' in schema && !equal(schema.const, data)) fail('const', { allowedValue: schema.const }, 'must be equal to constant');
  if (typeof data === 'number') {
    if (typeof schema.minimum === 'number' && data < schema.minimum) fail('minimum', { comparison: '>=', limit: schema.minimum }, `must be >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && data > schema.maximum) fail('maximum', { comparison: '<=', limit: schema.maximum }, `must be <= ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && data <= schema.exclusiveMinimum)
      fail('exclusiveMinimum', { comparison: '>', limit: schema.exclusiveMinimum }, `must be > ${schema.exclusiveMinimum}`);
  }
  if (Array.isArray(data) && schema.items && typeof schema.items === 'object') {
    data.forEach((item, i) => checkValue(item, schema.items as Schema, `${instancePath}/${i}`, `${schemaPath}/items`, out));
  }
  if (TYPES.object!(data)) {
    const obj = data as Record<string, unknown>;
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    if (typeof schema.maxProperties === 'number' && Object.keys(obj).length > schema.maxProperties)
      fail('maxProperties', { limit: schema.maxProperties }, `must NOT have more than ${schema.maxProperties} properties`);
    if (schema.propertyNames && typeof schema.propertyNames === 'object') {
      for (const key of Object.keys(obj)) {
        const inner: ErrorObject[] = [];
        if (!checkValue(key, schema.propertyNames as Schema, instancePath, `${schemaPath}/propertyNames`, inner)) {
          out.push(...inner.map((e) => ({ ...e, propertyName: key })));
          fail('propertyNames', { propertyName: key }, 'property name must be valid');
        }
      }
    }
    for (const [key, value] of Object.entries(obj)) {
      if (key in props) {
        if (value !== undefined) checkValue(value, props[key]!, `${instancePath}/${escape(key)}`, `${schemaPath}/properties/${escape(key)}`, out);
      } else if (schema.additionalProperties === false) fail('additionalProperties', { additionalProperty: key }, 'must NOT have additional properties');
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        checkValue(value, schema.additionalProperties as Schema, `${instancePath}/${escape(key)}`, `${schemaPath}/additionalProperties`, out);
    }
  }
  if (Array.isArray(schema.anyOf)) {
    const branches: ErrorObject[] = [];
    const ok = (schema.anyOf as Schema[]).some((s, i) => checkValue(data, s, instancePath, `${schemaPath}/anyOf/${i}`, branches));
    if (!ok) {
      out.push(...branches);
      fail('anyOf', {}, 'must match a schema in anyOf');
    }
  }
  return out.length === before;
}

/** The schema `rules.<id>.options` must match: the rule's options and nothing else (none declared: empty). */
export function ruleOptionsSchema(meta: Pick<RuleMeta, 'options'>): Schema {
  return { type: 'object', additionalProperties: false, properties: meta.options ?? {} };
}

/**
 * The errors in the `options` of each rule a policy layer sets, as ajv would report them against the
 * full policy schema. Rules `metaOf` does not know are left to the unknown-rule check; options that are
 * not a mapping, to the compiled validator (the shape every rule shares).
 */
export function ruleOptionErrors(data: unknown, metaOf: (id: string) => Pick<RuleMeta, 'options'> | undefined): ErrorObject[] {
  const rules = (data as { rules?: unknown } | null)?.rules;
  if (!TYPES.object!(rules)) return [];
  const out: ErrorObject[] = [];
  for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
    const options = TYPES.object!(value) ? (value as { options?: unknown }).options : undefined;
    const meta = metaOf(id);
    if (!meta || !TYPES.object!(options)) continue;
    checkValue(options, ruleOptionsSchema(meta), `/rules/${escape(id)}/options`, `#/properties/rules/properties/${escape(id)}/properties/options`, out);
  }
  return out;
}
