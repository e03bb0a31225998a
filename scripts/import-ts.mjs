// Import one TypeScript module of src/ from a build script without a tsc build: esbuild bundles it
// (packages left external, so they resolve from node_modules) into node_modules/.cache, then it is
// imported from there. Used by scripts/bundle.mjs and scripts/policy-schema.mjs.
import { build } from 'esbuild';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `source`: a path under the repository, e.g. 'src/engine/json-schema-compile.ts'. */
export async function importTs(source) {
  const out = new URL(`../node_modules/.cache/tokenwarden-build/${basename(source).replace(/\.ts$/, '.mjs')}`, import.meta.url).pathname;
  await build({ entryPoints: [new URL(`../${source}`, import.meta.url).pathname], outfile: out, bundle: true, packages: 'external', platform: 'node', format: 'esm', logLevel: 'warning' });
  return import(`${pathToFileURL(out).href}?${Date.now()}`);
}
