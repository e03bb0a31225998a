/** The one ajv set-up (draft-07, all errors, formats) for the JSON Schemas shipped in `policies/`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule, { type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { policiesDir } from './policy/packs.js';

// Both are CommonJS modules whose class/function is also exported as `default`.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const validators = new Map<string, ValidateFunction>();

/** A schema file of `policies/`, parsed. */
export function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(policiesDir(), file), 'utf8')) as Record<string, unknown>;
}

/** The compiled validator of a schema file of `policies/` (compiled once). */
export function schemaValidator(file: string): ValidateFunction {
  let v = validators.get(file);
  if (!v) {
    // validateSchema: false — checking our own shipped schema against the draft-07 meta-schema took
    // two thirds of a CLI scan's start-up (compiling the meta-schema); test/engine/schemas.test.ts
    // checks every schema of policies/ against it instead.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false });
    addFormats(ajv);
    validators.set(file, (v = ajv.compile(readSchema(file))));
  }
  return v;
}

/** A JSON pointer (`/rules/secrets~1x/0`) as keys and indexes. */
export const pointerPath = (pointer: string): (string | number)[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
