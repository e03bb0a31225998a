/**
 * The headline numbers every rendering shows, named by their path in the JSON, so the HTML and the
 * Markdown print exactly the JSON's values (the browser test reads `data-metric` elements back and
 * compares them with these paths).
 */
import type { EvidenceReport } from './model.js';

export interface Figure {
  /** Path in the JSON report, dot-separated. */
  path: string;
  label: string;
  /** How the number reads: a count, or a percent. */
  unit?: '%';
}

export const HEADLINE: readonly Figure[] = [
  { path: 'summary.repositories', label: 'Repositories' },
  { path: 'summary.checks.evaluations', label: 'Checks in the period' },
  { path: 'summary.checks.passRate', label: 'Pass rate', unit: '%' },
  { path: 'summary.checks.fail', label: 'Checks failed' },
  { path: 'summary.findings.open', label: 'Open findings' },
  { path: 'summary.findings.blocking', label: 'Open at level fail' },
  { path: 'summary.credentials.total', label: 'Credentials' },
  { path: 'summary.credentials.failing', label: 'Overdue, expired or undeclared' },
  { path: 'summary.exceptions.active', label: 'Active exceptions' },
  { path: 'summary.exceptions.expired', label: 'Expired exceptions' },
  { path: 'summary.issues.open', label: 'Open remediation issues' },
  { path: 'summary.controls.failing', label: 'Controls failing' },
  { path: 'summary.controls.passing', label: 'Controls passing' },
  { path: 'summary.controls.notEvaluated', label: 'Controls not evaluated' },
];

/** The value at a dot path (array indexes as numbers). */
export function valueAt(report: unknown, path: string): unknown {
  let v: unknown = report;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** A number as every rendering prints it: `—` for unknown, one decimal for a percent. */
export function shown(v: unknown, unit?: '%'): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return unit === '%' ? `${v.toFixed(1)}%` : String(v);
  // A path that holds no number: text and booleans as they are, anything else as its JSON (not "[object Object]").
  return typeof v === 'string' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export const headline = (r: EvidenceReport): Array<Figure & { value: unknown; text: string }> =>
  HEADLINE.map((f) => {
    const value = valueAt(r, f.path);
    return { ...f, value, text: shown(value, f.unit) };
  });

/** Short digest for display: the full one is always in the JSON and in a `title`. */
export const short = (digest: string, n = 12): string => (digest.length > n ? `${digest.slice(0, n)}…` : digest);

export const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '—');
