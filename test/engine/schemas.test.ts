/** The JSON Schemas shipped in policies/ are valid draft-07 (the runtime compiles them unchecked, for start-up). */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readSchema } from '../../src/engine/json-schema.js';
import { policiesDir } from '../../src/engine/policy/packs.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

describe('shipped JSON Schemas', () => {
  const files = readdirSync(policiesDir()).filter((f) => f.endsWith('.schema.json'));

  it('are there', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s is valid against the draft-07 meta-schema and compiles', (file) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = readSchema(file);
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});
