/** The tool version, from the package.json above this module (src/cli in tests, dist/src/cli when built). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tokenwarden' && pkg.version) return (cached = pkg.version);
    } catch {
      // not here: keep climbing
    }
    const up = dirname(dir);
    if (up === dir) return (cached = '0.0.0');
    dir = up;
  }
}
