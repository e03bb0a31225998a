// npm's `prepack` (run by `npm pack` and `npm publish`, and when npm installs the package from git —
// `npx github:tokenwarden/tokenwarden`; the pre-commit framework runs `npm pack`): build dist/ so the
// `bin` is in the tarball. Not `prepare`: that would run on every `npm ci` (Docker's dependency layer,
// CI) and npm 11 lists it as an install script to approve. Skipped where there is nothing to build or
// nothing to build with:
// - no sources (Docker's dependency layer copies package*.json only, then builds itself);
// - no TypeScript (an install without devDependencies: the published package ships dist/);
// - TOKENWARDEN_SKIP_PREPACK=1.
// `npm pack` and `npm publish` always rebuild; otherwise (a git dependency) only when the bin is missing.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url);
const has = (p) => existsSync(new URL(p, root));
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const bin = Object.values(pkg.bin ?? {})[0];
const packing = ['pack', 'publish'].includes(process.env.npm_command ?? '');

if (process.env.TOKENWARDEN_SKIP_PREPACK === '1' || !has('src/cli/main.ts') || !has('tsconfig.build.json')) process.exit(0);
if (!has('node_modules/typescript')) {
  console.error('tokenwarden prepack: TypeScript is not installed (no devDependencies): not building dist/');
  process.exit(0);
}
if (!packing && bin && has(bin)) process.exit(0);
console.error(`tokenwarden prepack: building ${bin ?? 'dist/'} (npm run build)`);
const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: new URL('.', root).pathname, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
