/** The validators of the JSON Schemas shipped in `policies/`: compiled at build time in the bundle, else here. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { policiesDir } from './policy/packs.js';
import { compileSchema } from './json-schema-compile.js';
import { precompiled } from './json-schema-precompiled.js';
import { validatorSchema } from './policy/rule-options-check.js';

const validators = new Map<string, ValidateFunction>();

/** A schema file of `policies/`, parsed. */
export function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(policiesDir(), file), 'utf8')) as Record<string, unknown>;
}

/**
 * The compiled validator of a schema file of `policies/` (compiled once), of `validatorSchema`'s form
 * of it: the policy schema without each rule's options, which policy/rule-options-check.ts checks.
 */
export function schemaValidator(file: string): ValidateFunction {
  let v = validators.get(file) ?? precompiled.get(file);
  if (!v) validators.set(file, (v = compileSchema(validatorSchema(file, readSchema(file)))));
  return v;
}

/** A JSON pointer (`/rules/secrets~1x/0`) as keys and indexes. */
export const pointerPath = (pointer: string): (string | number)[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
