/**
 * JSON Schema validation of the token inventory (`policies/token-inventory.schema.json`, the same ajv
 * set-up as the policy), with each error turned into "what is wrong / how to fix it".
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { pointerPath, readSchema, schemaValidator } from '../json-schema.js';
import { CREDENTIAL_KINDS } from './kinds.js';

export interface InventoryShapeError {
  /** Where in the data: keys and indexes. */
  path: (string | number)[];
  /** Point at the key rather than the value (unknown keys). */
  atKey: boolean;
  message: string;
  fix: string;
}

/** The inventory's JSON Schema, as shipped in `policies/`. */
export function inventorySchema(): Record<string, unknown> {
  return readSchema('token-inventory.schema.json');
}

const compile = (): ValidateFunction => schemaValidator('token-inventory.schema.json');

const toPath = pointerPath;

const FIELD_FIX: Record<string, string> = {
  name: 'Use the GitHub secret name (letters, digits, `_`; e.g. `NPM_TOKEN`) or, for a credential kept elsewhere, an identifier without spaces.',
  secrets: 'List GitHub secret names: letters, digits and `_`, not starting with a digit (e.g. `AWS_SECRET_ACCESS_KEY`).',
  kind: `Use one of: ${CREDENTIAL_KINDS.join(', ')}.`,
  provider: 'Name the issuer, e.g. `aws`, `gcp`, `azure`, `npm`, `pypi`, `slack`.',
  owner: 'Write the owner as a GitHub user (`@alice`) or team (`@acme/platform`), quoted: `owner: "@acme/platform"`.',
  scopes: 'List the scopes as strings, e.g. `scopes: [contents:read, packages:write]`.',
  rotation_days: 'Give a whole number of days between 1 and 3660, e.g. `rotation_days: 90`.',
  last_rotated: 'Write the date as YYYY-MM-DD, e.g. `last_rotated: 2026-03-01`.',
  expires: 'Write the date as YYYY-MM-DD (e.g. `expires: 2026-12-31`), or `never` if the issuer cannot set one.',
  used_in: 'List where it is used, e.g. `used_in: [.github/workflows/release.yml]`.',
  environment: 'Name the GitHub environment, e.g. `environment: production`.',
  notes: 'Write the notes as text.',
  version: 'Use `version: 1`.',
  credentials: 'Make `credentials:` a list of entries (`- name: …`).',
};

function fieldOf(path: (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

function where(path: (string | number)[]): string {
  if (!path.length) return 'the top level';
  return `\`${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('')}\``;
}

function describe(e: ErrorObject, path: (string | number)[]): { message: string; fix: string; extra?: string } {
  const at = where(path);
  const field = fieldOf(path);
  const value = JSON.stringify(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const norm = (s: string): string => s.toLowerCase().replace(/[_-]/g, '');
      const guess =
        allowed.find((a) => norm(a) === norm(key)) ??
        allowed.find((a) => norm(a).startsWith(norm(key).slice(0, 4)) || norm(key).startsWith(norm(a).slice(0, 4))) ??
        (
          {
            expiry: 'expires',
            expiration: 'expires',
            expires_at: 'expires',
            rotated: 'last_rotated',
            rotation: 'rotation_days',
            type: 'kind',
            team: 'owner',
            owners: 'owner',
            used_by: 'used_in',
            note: 'notes',
            tokens: 'credentials',
            secret: 'secrets',
          } as Record<string, string>
        )[key.toLowerCase()];
      return { message: `Unknown key \`${key}\` in ${at}.`, fix: `${guess ? `Did you mean \`${guess}\`? ` : ''}Allowed keys: ${allowed.join(', ')}.`, extra: key };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const fix =
        missing === 'credentials'
          ? 'Add `credentials:` with one entry per credential (see docs/token-inventory.md).'
          : missing === 'provider'
            ? `Add \`provider:\` (who issues this ${String((e.data as { kind?: string })?.kind ?? '')} credential, e.g. \`aws\` or \`npm\`).`
            : `Add \`${missing}:\`. ${FIELD_FIX[missing] ?? ''}`.trim();
      return { message: `${at} is missing \`${missing}\`.`, fix };
    }
    case 'enum':
      return { message: `${value} is not allowed for ${at}.`, fix: FIELD_FIX[field] ?? `Use one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}.` };
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const want = [t]
        .flat()
        .filter((x) => x !== 'null')
        .map((x) => (x === 'object' ? 'a mapping' : x === 'array' ? 'a list' : x === 'integer' ? 'a whole number' : `a ${x}`))
        .join(' or ');
      return { message: `${at} must be ${want}, not ${value}.`, fix: FIELD_FIX[field] ?? `Change ${at} to ${want}.` };
    }
    case 'format':
    case 'oneOf':
      return { message: `${value} is not valid for ${at}.`, fix: FIELD_FIX[field] ?? 'See policies/token-inventory.schema.json.' };
    case 'pattern':
      return { message: `${value} does not have the expected form for ${at}.`, fix: FIELD_FIX[field] ?? `Expected a value matching ${(e.params as { pattern: string }).pattern}.` };
    case 'minimum':
    case 'maximum':
      return { message: `${value} is out of range for ${at}.`, fix: FIELD_FIX[field] ?? `Use a value ${e.keyword === 'minimum' ? '>=' : '<='} ${(e.params as { limit: number }).limit}.` };
    case 'minLength':
      return { message: `${at} is empty.`, fix: FIELD_FIX[field] ?? 'Give a value, or remove the key.' };
    case 'uniqueItems':
      return { message: `${at} lists the same item twice.`, fix: 'Remove the duplicate.' };
    default:
      return { message: `${at}: ${e.message ?? 'invalid'}.`, fix: 'See policies/token-inventory.schema.json for the allowed shape.' };
  }
}

/** Validate plain data (the YAML as JS); one error per problem, the most specific one. */
export function validateInventoryShape(data: unknown): InventoryShapeError[] {
  const validate = compile();
  if (validate(data)) return [];
  const errs = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
  // A `oneOf` failure explains itself better than the failures of its branches.
  const oneOfPaths = new Set(errs.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const kept = errs.filter((e) => !oneOfPaths.has(e.instancePath) || e.keyword === 'oneOf');
  const out: InventoryShapeError[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const path = toPath(e.instancePath);
    const d = describe(e, path);
    const id = `${e.instancePath}|${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ path: d.extra ? [...path, d.extra] : path, atKey: !!d.extra, message: d.message, fix: d.fix });
  }
  return out;
}
