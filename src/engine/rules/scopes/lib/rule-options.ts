/** Reading policy options for the cloud IAM and RBAC rules: tolerant of missing or mistyped values. */
import { wildcardMatch } from '../../../glob.js';

/** A list of strings (a single string counts as a one-item list); `fallback` when absent or mistyped. */
export function optList(options: Record<string, unknown>, key: string, fallback: readonly string[]): string[] {
  const v = options[key];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [...fallback];
}

export function optBool(options: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const v = options[key];
  return typeof v === 'boolean' ? v : fallback;
}

/** `true`, `false` or a list of names: `allowServiceWildcards: [logs, xray]`. */
export function optBoolOrList(options: Record<string, unknown>, key: string): { all: boolean; names: Set<string> } {
  const v = options[key];
  if (v === true) return { all: true, names: new Set() };
  if (typeof v === 'string') return { all: false, names: new Set([v.toLowerCase()]) };
  if (Array.isArray(v)) return { all: false, names: new Set(v.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase())) };
  return { all: false, names: new Set() };
}

/**
 * Case-insensitive `*` / `?` glob on a whole string. Linear matching, not a regular expression: the
 * value comes from the repository and may be long, and `.*a.*a.*b` backtracks polynomially on it.
 */
export function globMatch(pattern: string, value: string): boolean {
  return wildcardMatch(pattern, value, true);
}

export const anyGlob = (patterns: readonly string[], value: string): boolean => patterns.some((p) => globMatch(p, value));
