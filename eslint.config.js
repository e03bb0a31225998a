// ESLint (flat config): typescript-eslint's type-aware recommended rules over src/, test/, bench/ and
// scripts/. `npm run lint` allows no warnings: a rule is an error, or off with its reason here.
// A place where a rule is wrong says so where it is: `// eslint-disable-next-line rule -- why`.
// Tests (and the App bench) get the same rules less a few that tests break on purpose (their block).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's globals the plain-JavaScript scripts use (`.mjs`: no TypeScript to know them). */
const NODE_GLOBALS = Object.fromEntries(['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'].map((g) => [g, 'readonly']));

export default tseslint.config(
  // test/fixtures/**: data (webhook payloads, SARIF), read by tests, not code we write.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tokenwarden/**', 'tmp/**', 'test/fixtures/**', '*.config.*', '.ci/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a binding left out on purpose (a rest sibling dropped, an interface's argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Off: async functions that await nothing implement Promise-returning interfaces (stores, stubs, handlers).
      '@typescript-eslint/require-await': 'off',
      // Off: error messages interpolate an unknown cause on purpose (`${code ?? e}`); numbers and booleans are fine.
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Off: `'classic-pat' | … | string` documents the known values of an open set.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Off: escapes in regular expressions (`[\-/]`) are read as intended; rewriting them is churn.
      'no-useless-escape': 'off',
      // The rules below are errors, as in the preset; they were warnings until their places were fixed.
      // Control bytes matched on purpose (NUL in canonical JSON) say so with a disable comment and its reason.
      'no-control-regex': 'error',
      // An assertion the checker does not need hides the places where a type really changes.
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // An object interpolated as "[object Object]"; a value that prints well by its own toString says so.
      '@typescript-eslint/no-base-to-string': 'error',
      // A method passed around without its `this`: bind it, wrap it, or declare it a function property.
      '@typescript-eslint/unbound-method': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unused-expressions': 'error',
      // A `let x!: T` that a closure (a server's handler) reads before its one assignment stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests and the fakes and helpers they share (and the App bench, which drives the same fakes): the same
    // rules, less these.
    files: ['test/**/*.ts', 'bench/app/**/*.ts'],
    rules: {
      // Off: tests read parsed JSON (CLI output, the fake GitHub's request bodies, SARIF, webhook payloads, a
      // browser's protocol messages) by path, typed `any`; a wrong path fails the assertion that reads it.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Off: tests turn what a stub received (a fetch body, a parsed YAML field) into text to compare it;
      // "[object Object]" fails the comparison rather than passing unnoticed.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Plain JavaScript (`.mjs` scripts and helpers): tsconfig does not cover it, so no type information.
    ...tseslint.configs.disableTypeChecked,
    files: ['**/*.mjs'],
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: NODE_GLOBALS },
  },
);
