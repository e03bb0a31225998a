/**
 * Compiling a JSON Schema of `policies/` with ajv at run time (draft-07, all errors, formats). Used
 * when running from source or tsc's build; the bundled CLI (dist/cli-main.js) carries the same
 * validators compiled at build time instead (scripts/bundle.mjs replaces this module and
 * json-schema-precompiled.ts), which saves ajv's code generation (~50 ms) at every start.
 */
import AjvModule, { type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** What of a schema file is compiled (scripts/bundle.mjs reads it from here too). */
export { validatorSchema } from './policy/rule-options-check.js';

// Both are CommonJS modules whose class/function is also exported as `default`.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/**
 * The options, shared with the build's precompilation. validateSchema: false — checking our own
 * shipped schema against the draft-07 meta-schema took two thirds of a CLI scan's start-up;
 * test/engine/schemas.test.ts checks every schema of policies/ against it instead.
 */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: false, validateSchema: false };

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  return ajv.compile(schema);
}
