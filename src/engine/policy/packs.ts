/** Built-in policy packs ship as YAML in `policies/` next to the package root. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACK_NAMES = ['default', 'sox', 'finra', 'ffiec', 'pci-dss', 'soc2'] as const;

let dir: string | undefined;

/** `policies/` is two levels above src/ and three above dist/src/: walk up rather than guess. */
export function policiesDir(): string {
  if (dir) return dir;
  let d = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(d, 'policies', 'default.yml'))) return (dir = join(d, 'policies'));
    d = dirname(d);
  }
  throw new Error('cannot find the built-in policies/ directory');
}

const cache = new Map<string, string>();

export function readPack(name: string): string {
  if (!(PACK_NAMES as readonly string[]).includes(name)) throw new Error(`unknown policy pack ${name}`);
  let text = cache.get(name);
  if (text === undefined) cache.set(name, (text = readFileSync(join(policiesDir(), `${name}.yml`), 'utf8')));
  return text;
}
