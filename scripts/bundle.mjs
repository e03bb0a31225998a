// Bundles the CLI into one ES module, dist/cli.js (package.json `bin`): one file to read and compile
// instead of ~400 modules, the rule set included. Run by `npm run build` after tsc.
//
// Left outside the bundle (loaded from node_modules at run time, and only when needed):
// - web-tree-sitter and the HCL grammar: WebAssembly files located next to their packages; loaded by
//   the first Terraform file a scan sees (src/engine/parse/hcl.ts resolves the .wasm with require).
// - `tokenwarden audit` and the store under it (PGlite ships WebAssembly and data files; pg has an
//   optional native part): the bundle imports tsc's dist/src/cli/audit.js on demand. In an ES module
//   an external package is a static import, evaluated at start-up even for `--version`; a dynamic
//   import of a file outside the bundle is not.
// The `--jobs` workers run this same file (src/cli/main.ts branches on isMainThread).
import { build } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = ['web-tree-sitter', '@tree-sitter-grammars/*'];
/** `import('./audit.js')` (and `./org.js`: the GitHub client) in src/cli/run.ts → dist/src/cli/*.js, outside the bundle. */
const auditOutside = {
  name: 'audit-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/(audit|org)\.js$/ }, (args) => (args.importer.endsWith('/src/cli/run.ts') ? { path: `./src/cli/${args.path.slice(2)}`, external: true } : undefined));
  },
};

const result = await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cli.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${pkg.engines.node.replace(/^[^0-9]*/, '').split('.')[0]}`,
  external,
  plugins: [auditOutside],
  // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __twCreateRequire } from 'node:module';\nconst require = __twCreateRequire(import.meta.url);" },
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  metafile: true,
});
const out = Object.keys(result.metafile.outputs).find((f) => f.endsWith('cli.js'));
console.log(`bundle: ${out} (${(statSync(out).size / 1024).toFixed(0)} KB, ${Object.keys(result.metafile.inputs).length} modules)`);
