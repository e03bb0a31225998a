// Bundles the CLI into one ES module, dist/cli.js (package.json `bin`): one file to read and compile
// instead of ~400 modules, the rule set included. Run by `npm run build` after tsc.
//
// Left outside the bundle (loaded from node_modules at run time, and only when needed):
// - web-tree-sitter and the HCL grammar: WebAssembly files located next to their packages; loaded by
//   the first Terraform file a scan sees (src/engine/parse/hcl.ts resolves the .wasm with require).
// - `tokenwarden audit`, `org`, `report` and what they need (the store: PGlite ships WebAssembly and
//   data files, pg an optional native part; the GitHub client): the bundle imports tsc's
//   dist/src/cli/<command>.js on demand. In an ES module
//   an external package is a static import, evaluated at start-up even for `--version`; a dynamic
//   import of a file outside the bundle is not.
// The `--jobs` workers run this same file (src/cli/main.ts branches on isMainThread).
import { build } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = ['web-tree-sitter', '@tree-sitter-grammars/*'];
/**
 * Commands run.ts loads on demand (`import('./audit.js')`, `./org.js`, `./report.js`: the store, the
 * GitHub client) stay outside: dist/src/cli/*.js from tsc, imported when the command runs.
 */
const commandsOutside = {
  name: 'commands-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith('/src/cli/run.ts') ? { path: `./src/cli/${args.path.slice(2)}`, external: true } : undefined,
    );
  },
};

const result = await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  // `--outfile PATH` (tests build their own copy; it must sit under this checkout for node_modules).
  outfile: process.argv.includes('--outfile') ? process.argv[process.argv.indexOf('--outfile') + 1] : new URL('../dist/cli.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${pkg.engines.node.replace(/^[^0-9]*/, '').split('.')[0]}`,
  external,
  plugins: [commandsOutside],
  // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __twCreateRequire } from 'node:module';\nconst require = __twCreateRequire(import.meta.url);" },
  legalComments: 'none',
  // Less to read and pre-parse at every start (names kept: errors and reports show class names).
  minifyWhitespace: process.env.TW_BUNDLE_MINIFY !== '0',
  minifySyntax: process.env.TW_BUNDLE_MINIFY !== '0',
  keepNames: true,
  sourcemap: false,
  logLevel: 'warning',
  metafile: true,
});
// Start-up guard: what only some commands need must not be in the bundle (an external package in an
// ES module is a static import, loaded even for --version).
const heavy = Object.keys(result.metafile.inputs).filter((f) => /node_modules\/(@electric-sql\/pglite|pg|probot|@octokit\/[^/]+)\//.test(f) || /^src\/(store|app)\//.test(f));
if (heavy.length) {
  console.error(`bundle: ${heavy.length} modules that only audit/org/report or the App need got into dist/cli.js, e.g. ${heavy.slice(0, 3).join(', ')}: load them with a dynamic import from run.ts`);
  process.exit(1);
}
const out = Object.keys(result.metafile.outputs).find((f) => f.endsWith('cli.js'));
console.log(`bundle: ${out} (${(statSync(out).size / 1024).toFixed(0)} KB, ${Object.keys(result.metafile.inputs).length} modules)`);
