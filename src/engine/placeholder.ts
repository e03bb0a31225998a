/**
 * Placeholder and example detection: the first thing users of every peer complain about is a scanner
 * that flags `your_api_key`, `${TOKEN}` or a vendor's documented example key.
 */
import { longestTrivialRun } from './entropy.js';

/**
 * Values vendors publish in their docs; reporting them is pure noise. (Split so that naive
 * credential greps, ours included, do not stop at this file.)
 */
const DOCUMENTED_EXAMPLES = new Set([
  'AKIA' + 'IOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'ASIAIOSFODNN7EXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);

// Words that, inside a value, mark it as an illustration rather than a credential.
const PLACEHOLDER_WORDS =
  /example|sample|placeholder|dummy|redacted|changeme|change[_-]?me|replace[_-]?me|your[_-]?(?:api|secret|access|own|token|key|pass|client|app|auth)|insert[_-]?(?:your|here)|put[_-]?your|fill[_-]?me|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([^)]*\)s|\$\([^)]*\)|\bnull\b|\bnone\b|\bundefined\b|\btodo\b|\bfixme\b|fake|notreal|not[_-]?a[_-]?real|\*{3,}|x{5,}|X{5,}|\.{3,}|…/i;

/**
 * True when a candidate secret is evidently not a real one. `strict` is for provider rules whose
 * format is already distinctive: only strong markers count there, so `sk_test_…` style keys still fire.
 */
/** Edited copies of the AWS documentation keys (`…/K7MDENG/bPxRfiCYSECRETSKEY`) are examples too. */
const DOCUMENTED_PREFIXES = ['AKIAIOSFODNN7', 'wJalrXUtnFEMI/K7MDENG', 'je7MtGbClwBF/2Zp9Utk'];

export function isPlaceholder(value: string, strict = false): boolean {
  if (DOCUMENTED_EXAMPLES.has(value) || DOCUMENTED_PREFIXES.some((p) => value.startsWith(p))) return true;
  if (/example/i.test(value)) return true;
  if (/x{6,}|X{6,}|\*{4,}|0{10,}/.test(value)) return true;
  const body = value.replace(/^[A-Za-z]{2,10}[_-]/, '');
  if (body.length >= 8 && longestTrivialRun(body) >= Math.max(6, Math.floor(body.length / 2))) return true;
  if (strict) return false;
  return PLACEHOLDER_WORDS.test(value);
}

/** Template or variable references: the value is looked up elsewhere, so nothing is committed. */
export function isReference(value: string): boolean {
  return (
    // $VAR / ${VAR}: a shell-style name (all one case), so a password like `$YYbMDot25P` is not one.
    /^\$\{[A-Za-z_][\w.]*\}$|^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)$/.test(value) ||
    /^\$\{\{.*\}\}$/.test(value) || // ${{ secrets.X }}
    /^\{\{.*\}\}$/.test(value) || // {{ .Values.x }}
    /^%[A-Za-z_]+%$/.test(value) || // %VAR%
    /^<%=.*%>$/.test(value) ||
    /^#\{.*\}$/.test(value) ||
    /^(?:process\.env|os\.environ|env|ENV|System\.getenv|getenv|secrets|vault)[.[(]/.test(value)
  );
}
