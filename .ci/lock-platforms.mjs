// npm 11 leaves out of the lockfile (npm-shrinkwrap.json) the optional per-platform packages its registry mirror does
// not serve (rollup's @rollup/rollup-<os>-<cpu>), and `npm ci` then refuses the lock as out of sync.
// Add the missing entries with their os/cpu/libc so npm ci skips them on other platforms.
// Idempotent; prints what it added. Run after `npm install` (CI runs it before `npm ci`).
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../npm-shrinkwrap.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pk = lock.packages;
const OS = new Set(['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd']);
const added = [];
for (const [key, entry] of Object.entries(pk)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (pk[`node_modules/${name}`] || pk[`${key}/node_modules/${name}`]) continue;
    const tail = name
      .split('/')
      .pop()
      .replace(/^rollup-/, '');
    const [os, cpu, abi] = tail.split('-');
    if (!OS.has(os) || !cpu) continue;
    const stub = { version, cpu: [cpu], optional: true, os: [os] };
    if (entry.dev) stub.dev = true;
    if (/^gnu/.test(abi ?? '')) stub.libc = ['glibc'];
    if (/^musl/.test(abi ?? '')) stub.libc = ['musl'];
    pk[`node_modules/${name}`] = stub;
    added.push(`${name}@${version}`);
  }
}
if (added.length) {
  lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`lock-platforms: added ${added.length} optional platform entries (${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''})`);
}
