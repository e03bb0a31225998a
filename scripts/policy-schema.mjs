// `npm run schema`: fills the `rules:` section of policies/tokenwarden.schema.json from the rules'
// metadata (each rule's `meta.options`), so editors and the policy validator read one file that matches
// the code. The rest of the file is kept as it is. src/engine/policy/rule-options-schema.ts does the
// work; it is bundled here with esbuild (as scripts/bundle.mjs compiles json-schema-compile.ts), so the
// script runs without a tsc build. `--check` writes nothing and exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { importTs } from './import-ts.mjs';

const file = new URL('../policies/tokenwarden.schema.json', import.meta.url);
const { withRuleOptions } = await importTs('src/engine/policy/rule-options-schema.ts');

/**
 * JSON with a container on one line when it fits in `width` columns (200, as prettier in this repository; people read the file too).
 * `indent`: the line's indentation; `column`: where the value starts on its line.
 */
function format(value, indent = '', column = 0, width = 200) {
  const inline = JSON.stringify(value, null, 1)
    .replace(/\n\s*/g, ' ')
    .replace(/([[{]) ([\]}])/g, '$1$2')
    .replace(/\[ /g, '[')
    .replace(/ \]/g, ']');
  if (value === null || typeof value !== 'object' || column + inline.length <= width) return inline;
  const inner = indent + '  ';
  const items = Array.isArray(value)
    ? value.map((v) => inner + format(v, inner, inner.length, width))
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, inner.length + JSON.stringify(k).length + 2, width)}`);
  return Array.isArray(value) ? `[\n${items.join(',\n')}\n${indent}]` : `{\n${items.join(',\n')}\n${indent}}`;
}

const before = readFileSync(file, 'utf8');
const text = format(withRuleOptions(JSON.parse(before))) + '\n';
if (process.argv.includes('--check')) {
  if (text !== before) {
    console.error('policies/tokenwarden.schema.json is stale: run npm run schema');
    process.exit(1);
  }
} else if (text !== before) {
  writeFileSync(file, text);
  console.log(`schema: policies/tokenwarden.schema.json (${(text.length / 1024).toFixed(0)} KB)`);
} else console.log('schema: policies/tokenwarden.schema.json is up to date');
