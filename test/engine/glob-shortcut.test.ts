/**
 * globMatches answers the common glob shapes with string tests instead of minimatch's regular
 * expressions: the answers must be minimatch's, for every shape, on ordinary and awkward paths alike.
 */
import { Minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { compileGlob, globMatches } from '../../src/engine/glob.js';

const PATTERNS = [
  '**/node_modules/**',
  '**/vendor/**',
  '**/*.min.js.map',
  '**/*.map',
  '**/go.sum',
  '**/package-lock.json',
  'docs/**',
  'test/fixtures/**',
  'README.md',
  'src/a.ts',
  '**/*',
  '**',
  '*.md',
  'src/*.ts',
  '**/test/**/*.ts',
  '**/{a,b}.lock',
  '**/[ab].txt',
  '!docs/**',
  '#comment',
  '**/.env',
  '**/.github/**',
];

const SUBJECTS = [
  'node_modules',
  'node_modules/',
  'node_modules/a.js',
  'a/node_modules',
  'a/node_modules/b/c.js',
  'xnode_modules/a.js',
  'node_modulesx/a.js',
  'a/xnode_modules/b',
  'vendor/x',
  'src/vendor.ts',
  'x.min.js.map',
  'a/b/x.min.js.map',
  '.min.js.map',
  'a/.min.js.map',
  'min.js.map',
  'a.map/b',
  '.map',
  'a/.map',
  'go.sum',
  'a/go.sum',
  'a/go.sum/b',
  'ago.sum',
  'a/bgo.sum',
  './go.sum',
  '/go.sum',
  'a//go.sum',
  'a/../go.sum',
  'a/./go.sum',
  'docs',
  'docs/',
  'docs/a.md',
  'docs/a/b.md',
  'a/docs/b.md',
  'docsx/a.md',
  'test/fixtures/x.json',
  'test/fixtures',
  'test/fixturesx/a',
  'README.md',
  'a/README.md',
  'README.mdx',
  'src/a.ts',
  'src/a.tsx',
  '.env',
  'a/.env',
  '.envrc',
  '.github/workflows/a.yml',
  'a/.github/x',
  'package-lock.json',
  'sub/package-lock.json',
  '',
  '.',
  '..',
  'a/',
];

describe('globMatches shortcuts', () => {
  it('give minimatch’s answer for every pattern and path (plain, nocase, matchBase)', () => {
    let compared = 0;
    for (const opts of [{}, { nocase: true }, { matchBase: true }]) {
      for (const p of PATTERNS) {
        const m = compileGlob(p, opts);
        if (!m) continue;
        const reference = new Minimatch(p, { dot: true, noext: true, matchBase: !!(opts as { matchBase?: boolean }).matchBase, nocase: !!(opts as { nocase?: boolean }).nocase });
        for (const s of SUBJECTS) {
          expect(globMatches(m, s, false), `${p} ${JSON.stringify(opts)} on ${JSON.stringify(s)}`).toBe(reference.match(s));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('a shortcut is really taken for the default policy’s shapes (and still agrees)', () => {
    // A path no minimatch regex would ever be asked about twice: the answers are checked above; here
    // we only make sure the common shapes match and miss as a user expects.
    const m = compileGlob('**/node_modules/**')!;
    expect(globMatches(m, 'web/node_modules/react/index.js', false)).toBe(true);
    expect(globMatches(m, 'web/node_modules_cache/react.js', false)).toBe(false);
    expect(globMatches(compileGlob('**/*.min.js.map')!, 'dist/app.min.js.map', false)).toBe(true);
    expect(globMatches(compileGlob('docs/**')!, 'docs', false)).toBe(new Minimatch('docs/**', { dot: true }).match('docs'));
  });
});
