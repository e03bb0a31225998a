import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * A clean install on every supported Node: each locked package's `engines.node` admits the lowest
 * version of each line `package.json` supports (else `npm ci` prints EBADENGINE there), and dependencies
 * are pinned exactly. The lockfile is npm-shrinkwrap.json and ships in the package: the `overrides` that
 * keep content-type on a Node 20 release apply only to our own install, a published shrinkwrap applies
 * to users' installs from the registry too.
 */
const require = createRequire(import.meta.url);
const semver = require('semver') as { satisfies(v: string, range: string, o?: object): boolean; minVersion(range: string): { version: string } | null };
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../npm-shrinkwrap.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};

/** The first version of each line the range admits: `^20.19.0 || >=22.12.0` → 20.19.0, 22.12.0. */
const floors = (range: string): string[] => range.split('||').map((part) => semver.minVersion(part.trim())!.version);

describe('engines', () => {
  it('every locked package admits the lowest supported Node of each line', () => {
    const supported = floors(pkg.engines.node);
    expect(supported).toEqual(['20.19.0', '22.12.0']);
    const refused: string[] = [];
    for (const [path, m] of Object.entries(lock.packages)) {
      const node = !Array.isArray(m.engines) ? m.engines?.node : undefined;
      if (!path || !node) continue;
      for (const v of supported) if (!semver.satisfies(v, node, { includePrerelease: true })) refused.push(`${path.replace(/^.*node_modules\//, '')}@${m.version} needs ${node} (not ${v})`);
    }
    expect(refused).toEqual([]);
  });

  it('the lockfile is a shrinkwrap that ships in the package, and it honours the overrides', () => {
    expect(pkg.files).toContain('npm-shrinkwrap.json');
    for (const [name, nested] of Object.entries((pkg.overrides ?? {}) as Record<string, Record<string, string>>)) {
      for (const [dep, version] of Object.entries(nested)) {
        const entries = Object.entries(lock.packages).filter(([path]) => path.endsWith(`node_modules/${name}/node_modules/${dep}`) || path === `node_modules/${dep}`);
        expect(
          entries.some(([, m]) => m.version === version),
          `${name} → ${dep}@${version}`,
        ).toBe(true);
      }
    }
  });

  it('dependencies are pinned to exact versions', () => {
    for (const deps of [pkg.dependencies, pkg.devDependencies]) for (const [name, v] of Object.entries(deps as Record<string, string>)) expect(v, name).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });
});
