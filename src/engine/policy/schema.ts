/** JSON Schema validation of one policy layer, with errors turned into "what is wrong / how to fix". */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { pointerPath, readSchema, schemaValidator } from '../json-schema.js';
import { typeText } from '../option-schema.js';
import { ruleById } from '../registry.js';
import type { RuleOptionSchema } from '../rule.js';
import { closest } from '../suggest.js';
import { ruleOptionErrors } from './rule-options-check.js';

export interface ShapeError {
  path: (string | number)[];
  /** Point at the key rather than the value (unknown keys). */
  atKey: boolean;
  message: string;
  fix: string;
}

export function policySchema(): Record<string, unknown> {
  return readSchema('tokenwarden.schema.json');
}

const compile = (): ValidateFunction => schemaValidator('tokenwarden.schema.json');

const toPath = pointerPath;

const ONE_OF_FIX: Record<string, string> = {
  extends: 'Use a built-in pack name (default, sox, finra, ffiec, pci-dss, soc2) or a list of them.',
  max_file_size: 'Use a number of bytes (at least 1024) or a size such as `2MB` or `512KB`.',
  rules: 'Use `off`, `warn` or `fail`, or a mapping with `level`, `paths`, `ignore` and `options`.',
};

function describe(e: ErrorObject): { message: string; fix: string; extra?: string } {
  const where = e.instancePath ? `\`${toPath(e.instancePath).join('.')}\`` : 'the top level';
  const value = JSON.stringify(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const guess = allowed.find((a) => a.replace(/[_-]/g, '') === key.toLowerCase().replace(/[_-]/g, '')) ?? allowed.find((a) => a.startsWith(key.slice(0, 3)));
      return { message: `Unknown key \`${key}\` in ${where}.`, fix: `${guess ? `Did you mean \`${guess}\`? ` : ''}Allowed keys: ${allowed.join(', ')}.`, extra: key };
    }
    case 'enum':
      return { message: `${value} is not allowed for ${where}.`, fix: `Use one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}.` };
    case 'type':
      return {
        message: `${where} must be ${(e.params as { type: string }).type === 'object' ? 'a mapping' : `a ${(e.params as { type: string }).type}`}, not ${value}.`,
        fix: `Change ${where} to a ${(e.params as { type: string }).type === 'object' ? 'mapping (key: value lines)' : (e.params as { type: string }).type}.`,
      };
    case 'required':
      return {
        message: `${where} is missing \`${(e.params as { missingProperty: string }).missingProperty}\`.`,
        fix: `Add \`${(e.params as { missingProperty: string }).missingProperty}:\` — exceptions need a justification, who approved them (approved_by) and an expiry date (expires).`,
      };
    case 'format':
      return { message: `${value} is not a valid ${(e.params as { format: string }).format} for ${where}.`, fix: 'Write the date as YYYY-MM-DD, e.g. 2026-12-31.' };
    case 'pattern':
      if (e.instancePath === '/issues/repository') return { message: `${value} is not an owner/name repository.`, fix: 'Write it as owner/name, e.g. `acme/security`.' };
      if (e.instancePath.endsWith('/fingerprint'))
        return { message: `${value} is not a finding fingerprint.`, fix: 'Copy the 16-hex-character fingerprint from the report or `tokenwarden scan --format json`.' };
      return {
        message: `${value} does not have the expected form for ${where}.`,
        fix: `Expected a value matching ${(e.params as { pattern: string }).pattern}; rule ids look like \`secrets/github-token\`.`,
      };
    case 'propertyNames':
      return { message: `${where} has a key that is not a rule id.`, fix: 'Rule ids look like `secrets/github-token`; run `tokenwarden rules` for the list.' };
    case 'minLength':
      return {
        message: `${where} is too short.`,
        fix: e.instancePath.endsWith('/justification') ? 'Say why the exception is acceptable, in a sentence (an auditor will read it).' : 'Give a non-empty value.',
      };
    case 'minimum':
    case 'maximum':
      return { message: `${value} is out of range for ${where}.`, fix: `Use a value ${e.keyword === 'minimum' ? '>=' : '<='} ${(e.params as { limit: number }).limit}.` };
    case 'anyOf':
      return { message: `An exception in ${where} names nothing to match.`, fix: 'Give a `fingerprint`, or a `rule` and/or a `path` glob.' };
    case 'uniqueItems':
      return { message: `${where} lists the same item twice.`, fix: 'Remove the duplicate.' };
    default:
      return { message: `${where}: ${e.message ?? 'invalid'}.`, fix: 'See policies/tokenwarden.schema.json for the allowed shape.' };
  }
}

/** `rules.<id>.options` and what is inside it. */
const IN_OPTIONS = /^\/rules\/[^/]+\/options(?:\/|$)/;

/** A value as a policy error shows it: JSON, cut short. */
function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(seg)] : undefined;
  return v;
}

/** The nearest of `allowed` to a mistyped `word` (any case, `_`/`-` ignored first), if near enough. */
function guess(word: string, allowed: readonly string[]): string | undefined {
  const norm = (x: string): string => x.toLowerCase().replace(/[_-]/g, '');
  return allowed.find((a) => norm(a) === norm(word)) ?? closest(word.toLowerCase(), allowed) ?? closest(word, allowed);
}

/**
 * Errors in rules' options, in the words of the options each rule declares (`meta.options`): an unknown
 * option with the nearest one, options on a rule that takes none, a value of the wrong type named by
 * the option's type ("a list of strings"), at the key or the value in the policy.
 */
function optionErrors(errs: ErrorObject[], data: unknown): ShapeError[] {
  const out: ShapeError[] = [];
  const seen = new Set<string>();
  const once = (key: string, e: ShapeError): void => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  // A key at fault (unknown, or not an allowed name) counts as a place of its own, below its mapping.
  const at = (e: ErrorObject): string => {
    const key =
      (e.params as { additionalProperty?: string; propertyName?: string }).additionalProperty ?? (e.params as { propertyName?: string }).propertyName ?? (e as { propertyName?: string }).propertyName;
    return key === undefined ? e.instancePath : `${e.instancePath}/${key}`;
  };
  const deepest = errs.filter((e) => !errs.some((o) => o !== e && at(o).startsWith(at(e) + '/')));
  for (const e of deepest) {
    const path = pointerPath(e.instancePath);
    const id = String(path[1]);
    const declared: Readonly<Record<string, RuleOptionSchema>> = ruleById(id)?.meta.options ?? {};
    const names = Object.keys(declared);
    const optionsPath = path.slice(0, 3);
    if (!names.length) {
      once(`${id}|none`, {
        path: optionsPath,
        atKey: true,
        message: `Rule \`${id}\` takes no options; remove \`options\`.`,
        fix: `A rule without options takes \`level\`, \`paths\` and \`ignore\` only; \`tokenwarden rules ${id}\` shows it.`,
      });
      continue;
    }
    if (path.length === 3) {
      if (e.keyword === 'additionalProperties') {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const near = guess(key, names);
        once(`${e.instancePath}|${key}`, {
          path: [...path, key],
          atKey: true,
          message: `Unknown option \`${key}\` for rule \`${id}\`.`,
          fix: `${near ? `Did you mean \`${near}\`? ` : ''}Options: ${names.join(', ')}.`,
        });
      } else
        once(e.instancePath, {
          path,
          atKey: false,
          message: `\`${path.join('.')}\` must be a mapping of options, not ${shown(valueAt(data, path))}.`,
          fix: `Write it as \`options: { ${names[0]}: … }\`; options: ${names.join(', ')} (\`tokenwarden rules ${id}\` describes them).`,
        });
      continue;
    }
    const name = String(path[3]);
    const option = declared[name];
    if (!option) continue;
    const where = `\`${path.join('.')}\``;
    if (e.keyword === 'additionalProperties' || e.keyword === 'propertyNames' || 'propertyName' in e) {
      // A key inside an option's mapping: `wokflow` in an `allow` entry, `clasic-pat` in `maxRotationDays`.
      const key =
        e.keyword === 'additionalProperties'
          ? (e.params as { additionalProperty: string }).additionalProperty
          : String((e.params as { propertyName?: string }).propertyName ?? (e as { propertyName?: string }).propertyName);
      const parent = e.parentSchema as { properties?: object; enum?: unknown[]; propertyNames?: { enum?: unknown[] } } | undefined;
      const allowed = e.keyword === 'additionalProperties' ? Object.keys(parent?.properties ?? {}) : (parent?.enum ?? parent?.propertyNames?.enum ?? []).map(String);
      const near = guess(key, allowed);
      once(`${e.instancePath}|${key}`, {
        path: [...path, key],
        atKey: true,
        message: `Unknown key \`${key}\` in ${where}.`,
        fix: `${near ? `Did you mean \`${near}\`? ` : ''}Allowed keys: ${allowed.join(', ')}.`,
      });
      continue;
    }
    // A value of the wrong type: the option's own (or an item of its list) is reported as the option.
    const rel = path.slice(4);
    const whole = rel.length === 0 || (rel.length === 1 && typeof rel[0] === 'number');
    const target = whole ? path.slice(0, 4) : path;
    const here = errs.filter((o) => o.instancePath === e.instancePath);
    const schema = whole ? option : ((here.find((o) => o.keyword === 'anyOf') ?? e).parentSchema as Record<string, unknown>);
    const value = valueAt(data, target);
    const enums = (here.find((o) => o.keyword === 'enum')?.parentSchema as { enum?: unknown[] } | undefined)?.enum;
    const bad = valueAt(data, path);
    const near = enums && typeof bad === 'string' ? guess(bad, enums.map(String)) : undefined;
    once(target.join('\u0000'), {
      path,
      atKey: false,
      message: `\`${target.join('.')}\` must be ${typeText(schema)}, not ${shown(value)}.`,
      fix: `${near ? `Did you mean \`${near}\`? ` : ''}${whole ? `\`${name}\`: ${option.description}` : `Use ${typeText(schema)}.`}`,
    });
  }
  return out;
}

export function validatePolicyShape(data: unknown): ShapeError[] {
  const validate = compile();
  const valid = validate(data);
  // The compiled schema checks the shape every rule shares; each rule's options are checked from its metadata.
  const errs = [...(valid ? [] : (validate.errors ?? [])), ...ruleOptionErrors(data, (id) => ruleById(id)?.meta)].filter((e) => e.keyword !== 'if');
  if (!errs.length) return [];
  // Keep the most specific error: drop an error when another one points deeper inside the same value.
  const specific = errs.filter((e) => !errs.some((o) => o !== e && o.instancePath.startsWith(e.instancePath + '/')));
  const out: ShapeError[] = optionErrors(
    errs.filter((e) => IN_OPTIONS.test(e.instancePath)),
    data,
  );
  const seen = new Set<string>();
  for (const e of specific) {
    if (IN_OPTIONS.test(e.instancePath)) continue;
    const path = toPath(e.instancePath);
    const key = e.instancePath;
    const oneOf = specific.some((o) => o.instancePath === key && o.keyword === 'oneOf');
    if (oneOf) {
      if (seen.has(key)) continue;
      seen.add(key);
      const parent = String(path.length > 1 && path[0] === 'rules' ? 'rules' : path[path.length - 1]);
      out.push({ path, atKey: false, message: `${JSON.stringify(e.data)} is not valid for \`${path.join('.')}\`.`, fix: ONE_OF_FIX[parent] ?? 'See policies/tokenwarden.schema.json.' });
      continue;
    }
    const d = describe(e);
    const id = `${key}|${e.keyword}|${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ path: d.extra ? [...path, d.extra] : path, atKey: !!d.extra || e.keyword === 'propertyNames', message: d.message, fix: d.fix });
  }
  return out;
}
