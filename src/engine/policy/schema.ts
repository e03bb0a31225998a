/** JSON Schema validation of one policy layer, with errors turned into "what is wrong / how to fix". */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { pointerPath, readSchema, schemaValidator } from '../json-schema.js';

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

export function validatePolicyShape(data: unknown): ShapeError[] {
  const validate = compile();
  if (validate(data)) return [];
  const errs = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
  // Keep the most specific error: drop an error when another one points deeper inside the same value.
  const specific = errs.filter((e) => !errs.some((o) => o !== e && o.instancePath.startsWith(e.instancePath + '/')));
  const out: ShapeError[] = [];
  const seen = new Set<string>();
  for (const e of specific) {
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
