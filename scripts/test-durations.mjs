// Writes test/durations.json from vitest's own timing cache (node_modules/.vite/vitest/*/results.json,
// left by the last `npm test`): how long each test file took, in seconds. vitest.config.ts orders a run
// that has no cache (a fresh clone, CI) by this table, longest first, as vitest orders a run that has one.
// Run it after `npm test` when files have been added or have grown slower.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const dir = new URL('../node_modules/.vite/vitest/', import.meta.url);
const caches = readdirSync(dir).map((d) => new URL(`${d}/results.json`, dir));
const table = {};
for (const file of caches) {
  for (const [key, { duration }] of JSON.parse(readFileSync(file, 'utf8')).results) {
    // Files under a second keep vitest's own order (by size) after the rest.
    if (!key.startsWith('e2e:') && duration >= 1000) table[key] = Math.round(duration / 100) / 10;
  }
}
const sorted = Object.fromEntries(Object.entries(table).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
writeFileSync(new URL('../test/durations.json', import.meta.url), JSON.stringify(sorted, null, 2) + '\n');
console.log(`test/durations.json: ${Object.keys(sorted).length} files`);
