/**
 * Policy loading: YAML layers (built-in pack → org → repo) → one validated, merged policy, or errors
 * that name the file, line and fix. (Being filled in: the signature is stable.)
 */
import type { ResolvedPolicy } from './types.js';
import { basePolicy } from './builtin.js';

export interface PolicyLayer {
  /** Where the text came from, e.g. `.github/tokenwarden.yml` or `org/.github:tokenwarden.yml`. */
  source: string;
  text: string;
}

export interface PolicyError {
  source: string;
  line: number;
  column: number;
  message: string;
  /** What to change to fix it. */
  fix: string;
}

export type PolicyResult = { ok: true; policy: ResolvedPolicy; warnings: PolicyError[] } | { ok: false; errors: PolicyError[] };

/** Resolve layers in precedence order (lowest first; the built-in `extends` pack is loaded on demand). */
export function resolvePolicy(layers: PolicyLayer[]): PolicyResult {
  void layers;
  return { ok: true, policy: basePolicy(), warnings: [] };
}

export function formatPolicyError(e: PolicyError): string {
  return `${e.source}:${e.line}:${e.column}: ${e.message}\n  fix: ${e.fix}`;
}
