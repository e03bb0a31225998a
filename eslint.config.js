// ESLint (flat config): typescript-eslint's type-aware recommended rules over src/. `npm run lint`.
// Kept modest on purpose so it passes on the code as it is and stays passing while people add code:
// rules that catch bugs stay on (errors), those that flag code in flight are warnings until their
// places are fixed by their owners, and a rule is turned off only with its reason. Not in .ci/run yet:
// tests, scripts and bench are not linted (JSON fixtures make the no-unsafe-* rules noisy there).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tokenwarden/**', 'tmp/**', 'test/**', 'bench/**', 'scripts/**', '*.config.*', '.ci/**'] },
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
      // A warning: control bytes are matched on purpose in places (binary sniffing); say so with a disable comment.
      'no-control-regex': 'warn',
      // Warnings, not errors, until fixed where they are (code owned by several people, in flight):
      // 27 places, autofixable in one sweep (`eslint --fix`) when the tree is quiet.
      '@typescript-eslint/no-unnecessary-type-assertion': 'warn',
      // Possibly real: an object interpolated as "[object Object]".
      '@typescript-eslint/no-base-to-string': 'warn',
      // Possibly real: a method passed around without its `this`.
      '@typescript-eslint/unbound-method': 'warn',
      '@typescript-eslint/prefer-promise-reject-errors': 'warn',
      '@typescript-eslint/no-unsafe-assignment': 'warn',
      '@typescript-eslint/no-unsafe-argument': 'warn',
      '@typescript-eslint/no-unused-expressions': 'warn',
      'prefer-const': 'warn',
    },
  },
);
