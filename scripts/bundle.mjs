// Bundles the CLI into one ES module, dist/cli-main.js: one file to read and compile instead of ~400
// modules, the rule set included. Run by `npm run build` after tsc. In front of it, dist/cli.js
// (package.json `bin`) is a launcher of a few lines, written here:
// - `--version` is answered there, before the 1.2 MB bundle is read and compiled (that alone is
//   ~40-70 ms, more than Node's own start-up budget allows);
// - Node's compile cache (>= 22.1) is switched on *before* the bundle is imported, so the bundle
//   itself is cached; switched on from inside the bundle, it would only cover what loads later.
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
import { readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { importTs } from './import-ts.mjs';

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

// `--outfile PATH` (tests build their own copy; it must sit under this checkout for node_modules).
const launcherFile = process.argv.includes('--outfile') ? process.argv[process.argv.indexOf('--outfile') + 1] : new URL('../dist/cli.js', import.meta.url).pathname;
const bundleFile = launcherFile.replace(/\.js$/, '-main.js');

/**
 * The JSON Schemas of policies/ compiled at build time (ajv's standalone code): the bundle replaces
 * src/engine/json-schema-precompiled.ts with a map of them and src/engine/json-schema-compile.ts with a
 * stub, so neither ajv's compiler nor its code generation runs (or is even loaded) at start-up. The
 * options, and the form of each schema that is compiled (`validatorSchema`: the policy schema without
 * each rule's options, checked from the rules' metadata), are the ones the source compiles with:
 * json-schema-compile.ts itself, transpiled here (tests build the bundle before any tsc build exists).
 */
const compileModule = () => importTs('src/engine/json-schema-compile.ts');
const schemasPrecompiled = {
  name: 'schemas-precompiled',
  async setup(b) {
    const policies = new URL('../policies/', import.meta.url);
    const files = readdirSync(policies)
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    const [{ default: AjvModule }, { default: addFormats }, { default: standalone }, { AJV_OPTIONS, validatorSchema }] = await Promise.all([
      import('ajv'),
      import('ajv-formats'),
      import('ajv/dist/standalone/index.js'),
      compileModule(),
    ]);
    const root = new URL('..', import.meta.url).pathname;
    b.onLoad({ filter: /\/src\/engine\/json-schema-precompiled\.ts$/ }, () => ({
      contents: files.map((f, i) => `import v${i} from 'tw-schema:${f}';`).join('\n') + `\nexport const precompiled = new Map([${files.map((f, i) => `[${JSON.stringify(f)}, v${i}]`).join(', ')}]);\n`,
      loader: 'js',
      resolveDir: root,
    }));
    b.onLoad({ filter: /\/src\/engine\/json-schema-compile\.ts$/ }, () => ({
      contents: `export const AJV_OPTIONS = {};\nexport function compileSchema() { throw new Error('the bundled CLI compiles no JSON Schema at run time: rebuild it (npm run build)'); }\n`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^tw-schema:/ }, (args) => ({ path: args.path.slice('tw-schema:'.length), namespace: 'tw-schema' }));
    b.onLoad({ filter: /.*/, namespace: 'tw-schema' }, (args) => {
      const ajv = new AjvModule.default({ ...AJV_OPTIONS, code: { source: true, esm: true } });
      addFormats.default(ajv);
      const validate = ajv.compile(validatorSchema(args.path, JSON.parse(readFileSync(new URL(args.path, policies), 'utf8'))));
      // The generated code require()s ajv's small run-time helpers (and ajv-formats' formats): bundled.
      return { contents: standalone.default(ajv, validate), loader: 'js', resolveDir: root };
    });
  },
};

/**
 * The built-in packs parsed here, with the engine's own YAML reader, into src/engine/policy/pack-data.ts:
 * the bundle runs no YAML parser for them at start-up (a user's policy file is still parsed).
 */
const packsPrebuilt = {
  name: 'packs-prebuilt',
  async setup(b) {
    const { composeYaml } = await importTs('src/engine/parse/yaml.ts');
    const policies = new URL('../policies/', import.meta.url);
    b.onLoad({ filter: /\/src\/engine\/policy\/pack-data\.ts$/ }, () => {
      const packs = readdirSync(policies)
        .filter((f) => f.endsWith('.yml'))
        .sort()
        .map((f) => {
          const stream = composeYaml(readFileSync(new URL(f, policies), 'utf8'));
          const doc = stream.docs[0];
          if (stream.docs.length !== 1 || doc.errors.length || stream.streamErrors.length) throw new Error(`policies/${f} does not parse as one YAML document`);
          return [f.replace(/\.yml$/, ''), JSON.stringify(doc.doc.toJS({ maxAliasCount: -1 }))];
        });
      return { contents: `export const packData = new Map(${JSON.stringify(packs)});\n`, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [new URL('../src/cli/bundle-main.ts', import.meta.url).pathname],
  outfile: bundleFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${pkg.engines.node.replace(/^[^0-9]*/, '').split('.')[0]}`,
  external,
  plugins: [commandsOutside, schemasPrecompiled, packsPrebuilt],
  // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __twCreateRequire } from 'node:module';\nconst require = __twCreateRequire(import.meta.url);" },
  legalComments: 'none',
  // Less to read and pre-parse at every start. Identifiers are not minified, so classes and functions
  // keep their names without keepNames, whose helper ran Object.defineProperty on every closure the
  // scanner creates per file (about 4 % of a scan of many small files).
  minifyWhitespace: process.env.TW_BUNDLE_MINIFY !== '0',
  minifySyntax: process.env.TW_BUNDLE_MINIFY !== '0',
  keepNames: false,
  sourcemap: false,
  logLevel: 'warning',
  metafile: true,
});
// TW_BUNDLE_METAFILE=FILE: esbuild's metafile, for seeing what is in the bundle and why (esbuild's analyzer).
if (process.env.TW_BUNDLE_METAFILE) writeFileSync(process.env.TW_BUNDLE_METAFILE, JSON.stringify(result.metafile));
// The read-ahead thread's own file (src/cli/read-ahead.ts), next to the bundle: it must start in
// milliseconds, so it holds nothing but node:fs and the reader.
await build({
  entryPoints: [new URL('../src/cli/read-worker.ts', import.meta.url).pathname],
  outfile: join(dirname(bundleFile), 'read-worker.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${pkg.engines.node.replace(/^[^0-9]*/, '').split('.')[0]}`,
  minifyWhitespace: process.env.TW_BUNDLE_MINIFY !== '0',
  minifySyntax: process.env.TW_BUNDLE_MINIFY !== '0',
  legalComments: 'none',
  logLevel: 'warning',
});
// Start-up guard: what only some commands need must not be in the bundle (an external package in an
// ES module is a static import, loaded even for --version).
const heavy = Object.keys(result.metafile.inputs).filter(
  (f) => /node_modules\/(@electric-sql\/pglite|pg|probot|@octokit\/[^/]+)\//.test(f) || /^src\/(store|app)\//.test(f) || /node_modules\/ajv\/dist\/(core|compile\/index)\.js$/.test(f),
);
if (heavy.length) {
  console.error(`bundle: ${heavy.length} modules that only audit/org/report or the App need got into dist/cli.js, e.g. ${heavy.slice(0, 3).join(', ')}: load them with a dynamic import from run.ts`);
  process.exit(1);
}
// Start-up guard: one non-ASCII character (esbuild escapes strings, not regular expression literals)
// makes Node decode the whole bundle as UTF-8 into a two-byte string: 12 ms more at every start.
// (An unminified build, TW_BUNDLE_MINIFY=0, for profiling, keeps comments: not checked.)
if (process.env.TW_BUNDLE_MINIFY !== '0') {
  const text = readFileSync(bundleFile, 'utf8');
  const at = text.search(/[\u0080-\uffff]/);
  if (at !== -1) {
    const line = text.slice(0, at).split('\n').length;
    console.error(
      `bundle: a non-ASCII character in ${bundleFile} at line ${line}: "${text.slice(Math.max(0, at - 40), at + 10)}". Write it as a \\u escape in the source (a regular expression literal, most likely).`,
    );
    process.exit(1);
  }
}
// The launcher: plain JavaScript, no imports but node:module (and node:v8 past `--version`), the version baked in.
// A scan is a short process: V8's default tier-up sends the scanner's largest functions to its optimising
// compiler within the first few hundred milliseconds, then throws the code away and compiles again as
// new files bring new types (findAssignments, runRules and judgeSegment five to seven times each, some
// 1.5 s of compiler time for 24 MB). On two cores that compiling takes the second core a worker needs.
// Tiering up ~15 times later compiles only what stays hot: measured on Node 20 (interleaved runs,
// means), 24 MB of small files in 1.66 s with --jobs 2 against 1.84 s before with --jobs 1, and 2 MB
// in 0.46 s against 0.52 s; on Node 22 1.44 s with --jobs 2 against 1.64 s. V8 11 (Node 20) counts
// bytecode (--interrupt-budget, default 67,584); V8 12 and later count calls
// (--invocation-count-for-turbofan, default 3,000). An unknown flag is an error message: by version.
// The App's server (a long-lived process) keeps V8's defaults.
writeFileSync(
  launcherFile,
  `#!/usr/bin/env node
// Generated by scripts/bundle.mjs: the \`tokenwarden\` command. The program is ./${basename(bundleFile)}.
import module from 'node:module';
try {
  module.enableCompileCache?.();
} catch {
  // a read-only cache folder: run without it
}
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) process.stdout.write(${JSON.stringify(`${pkg.version}\n`)});
else {
  try {
    const { default: v8 } = await import('node:v8');
    v8.setFlagsFromString(Number(process.versions.v8.split('.')[0]) < 12 ? '--interrupt-budget=1048576' : '--invocation-count-for-turbofan=48000');
  } catch {
    // an engine without these flags: its defaults
  }
  await import('./${basename(bundleFile)}');
}
`,
);
chmodSync(launcherFile, 0o755);
const out = Object.keys(result.metafile.outputs).find((f) => f.endsWith('-main.js'));
console.log(`bundle: ${out} (${(statSync(out).size / 1024).toFixed(0)} KB, ${Object.keys(result.metafile.inputs).length} modules), launcher ${launcherFile}`);
