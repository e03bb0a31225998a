/**
 * Which policy a scan runs with: --config FILE, else .github/tokenwarden.yml|.yaml in the scan root
 * (at BASE for a --diff scan), else the built-in default. A broken policy stops the scan (exit 2).
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { formatPolicyError, resolvePolicy, type PolicyError, type PolicyLayer } from '../engine/policy/load.js';
import type { ResolvedPolicy } from '../engine/policy/types.js';
import { CliError } from './io.js';
import { showAtRevision } from './git.js';

export const CONFIG_CANDIDATES = ['.github/tokenwarden.yml', '.github/tokenwarden.yaml'];

/** Errors already printed in `file:line:col: message` + `fix:` form. */
export class PolicyErrors extends Error {
  constructor(readonly errors: PolicyError[]) {
    super(errors.map(formatPolicyError).join('\n'));
  }
}

export interface PolicySource {
  cwd: string;
  root: string;
  /** --config, relative to cwd. */
  explicit?: string;
  /** Read the repository's config at this revision instead of the work tree. */
  revision?: string;
  today: Date;
}

export interface LoadedPolicy {
  policy: ResolvedPolicy;
  warnings: PolicyError[];
}

/** How a path is shown in messages: relative to where the user is, so `file:line` is clickable. */
const shown = (cwd: string, abs: string): string => relative(cwd, abs) || abs;

async function findLayer(src: PolicySource): Promise<PolicyLayer | undefined> {
  if (src.explicit) {
    const abs = resolve(src.cwd, src.explicit);
    try {
      return { source: shown(src.cwd, abs), text: await readFile(abs, 'utf8') };
    } catch (e) {
      throw new CliError(
        `cannot read --config ${src.explicit}: ${(e as NodeJS.ErrnoException).code ?? e}`,
        'pass an existing policy file, or omit --config to use .github/tokenwarden.yml or the built-in default',
      );
    }
  }
  for (const candidate of CONFIG_CANDIDATES) {
    if (src.revision) {
      const text = await showAtRevision(src.root, src.revision, candidate);
      if (text !== null) return { source: `${src.revision}:${candidate}`, text };
      continue;
    }
    const abs = join(src.root, candidate);
    try {
      return { source: shown(src.cwd, abs), text: await readFile(abs, 'utf8') };
    } catch {
      // not there: try the next name
    }
  }
  return undefined;
}

export async function loadPolicy(src: PolicySource): Promise<LoadedPolicy> {
  const layer = await findLayer(src);
  const r = resolvePolicy(layer ? [layer] : [], { today: src.today });
  if (!r.ok) throw new PolicyErrors(r.errors);
  return { policy: r.policy, warnings: r.warnings };
}
