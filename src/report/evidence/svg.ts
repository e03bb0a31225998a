/**
 * Inline SVG charts for the HTML report: no script, no font or image to fetch, readable when printed.
 * Every text is escaped; every number comes from the report model.
 */
import type { CredentialState } from '../../engine/inventory/types.js';
import type { Family, Severity } from '../../engine/finding.js';
import { CREDENTIAL_STATES, FAMILIES, SEVERITY_ORDER, type History } from './model.js';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export const SEVERITY_COLOR: Record<Severity, string> = { critical: '#7f1d1d', high: '#dc2626', medium: '#f59e0b', low: '#3b82f6', info: '#9ca3af' };
export const STATUS_COLOR: Record<CredentialState, string> = {
  expired: '#7f1d1d',
  overdue: '#dc2626',
  undeclared: '#c2410c',
  'due-soon': '#f59e0b',
  incomplete: '#a16207',
  stale: '#6b7280',
  ok: '#15803d',
};

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="11"';
const n1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Pass rate per bucket (line and points, 0–100 %), with the number of checks as grey bars below. */
export function passRateChart(h: History, label: string): string {
  const W = 640;
  const H = 220;
  const L = 44;
  const R = 16;
  const T = 16;
  const B = 40;
  const plotW = W - L - R;
  const plotH = H - T - B;
  const n = Math.max(1, h.buckets.length);
  const step = plotW / n;
  const x = (i: number): number => L + step * (i + 0.5);
  const y = (pct: number): number => T + plotH * (1 - pct / 100);
  const maxEvals = Math.max(1, ...h.buckets.map((b) => b.evaluations));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="pr-title" ${FONT}>`);
  out.push(`<title id="pr-title">${esc(label)}</title>`);
  for (const pct of [0, 25, 50, 75, 100]) {
    out.push(`<line x1="${L}" x2="${W - R}" y1="${n1(y(pct))}" y2="${n1(y(pct))}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${L - 6}" y="${n1(y(pct) + 4)}" text-anchor="end" fill="#374151">${pct}%</text>`);
  }
  // Volume: grey bars, scaled to the busiest bucket, in the lower quarter of the plot.
  h.buckets.forEach((b, i) => {
    if (!b.evaluations) return;
    const bh = (plotH / 4) * (b.evaluations / maxEvals);
    out.push(
      `<rect x="${n1(x(i) - step * 0.35)}" y="${n1(T + plotH - bh)}" width="${n1(step * 0.7)}" height="${n1(bh)}" fill="#d1d5db"><title>${esc(`${b.start}: ${b.evaluations} checks`)}</title></rect>`,
    );
  });
  // The rate: segments join consecutive buckets that had checks.
  let path = '';
  let prev = false;
  h.buckets.forEach((b, i) => {
    if (b.passRate === null) {
      prev = false;
      return;
    }
    path += `${prev ? 'L' : 'M'}${n1(x(i))} ${n1(y(b.passRate))} `;
    prev = true;
  });
  if (path) out.push(`<path d="${path.trim()}" fill="none" stroke="#1d4ed8" stroke-width="2"/>`);
  h.buckets.forEach((b, i) => {
    if (b.passRate === null) return;
    out.push(
      `<circle cx="${n1(x(i))}" cy="${n1(y(b.passRate))}" r="3.5" fill="${b.passRate >= 100 ? '#15803d' : b.passRate >= 80 ? '#1d4ed8' : '#dc2626'}"><title>${esc(`${b.start}: ${b.passRate.toFixed(1)}% of ${b.evaluations} checks passed`)}</title></circle>`,
    );
  });
  // A few date labels, evenly spread.
  const every = Math.max(1, Math.ceil(h.buckets.length / 8));
  h.buckets.forEach((b, i) => {
    if (i % every) return;
    out.push(`<text x="${n1(x(i))}" y="${H - B + 16}" text-anchor="middle" fill="#374151">${esc(h.granularity === 'month' ? b.start.slice(0, 7) : b.start.slice(5))}</text>`);
  });
  out.push(`<line x1="${L}" x2="${W - R}" y1="${T + plotH}" y2="${T + plotH}" stroke="#6b7280"/>`);
  if (!h.buckets.some((b) => b.evaluations)) out.push(`<text x="${L + plotW / 2}" y="${T + plotH / 2}" text-anchor="middle" fill="#6b7280" font-size="13">no checks recorded in this period</text>`);
  out.push(`<text x="${L}" y="${H - 6}" fill="#6b7280">per ${h.granularity}; grey bars: number of checks; points: share of checks that passed (verdict pass or warn)</text>`);
  out.push('</svg>');
  return out.join('');
}

/** One horizontal stacked bar per family, a segment per severity. */
export function findingsChart(bySeverity: Record<Family, Record<Severity, number>>, label: string): string {
  const W = 440;
  const rowH = 30;
  const L = 66;
  const R = 30;
  const T = 10;
  const H = T + FAMILIES.length * rowH + 36;
  const max = Math.max(1, ...FAMILIES.map((f) => SEVERITY_ORDER.reduce((s, v) => s + bySeverity[f][v], 0)));
  const scale = (W - L - R) / max;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="fs-title" ${FONT}>`, `<title id="fs-title">${esc(label)}</title>`];
  FAMILIES.forEach((f, i) => {
    const yy = T + i * rowH;
    out.push(`<text x="${L - 8}" y="${yy + 17}" text-anchor="end" fill="#111827" font-size="12">${f}</text>`);
    let xx = L;
    let total = 0;
    for (const s of SEVERITY_ORDER) {
      const v = bySeverity[f][s];
      if (!v) continue;
      total += v;
      out.push(`<rect x="${n1(xx)}" y="${yy + 4}" width="${n1(v * scale)}" height="${rowH - 10}" fill="${SEVERITY_COLOR[s]}"><title>${esc(`${f}, ${s}: ${v}`)}</title></rect>`);
      xx += v * scale;
    }
    out.push(`<text x="${n1(xx + 6)}" y="${yy + 17}" fill="#111827">${total}</text>`);
  });
  let lx = L;
  for (const s of SEVERITY_ORDER) {
    out.push(`<rect x="${lx}" y="${H - 22}" width="10" height="10" fill="${SEVERITY_COLOR[s]}"/><text x="${lx + 14}" y="${H - 13}" fill="#374151">${s}</text>`);
    lx += 72;
  }
  out.push('</svg>');
  return out.join('');
}

/** A bar per rotation status. */
export function credentialsChart(byStatus: Record<CredentialState, number>, label: string): string {
  const W = 440;
  const rowH = 24;
  const L = 86;
  const R = 30;
  const T = 8;
  const H = T + CREDENTIAL_STATES.length * rowH + 8;
  const max = Math.max(1, ...CREDENTIAL_STATES.map((s) => byStatus[s]));
  const scale = (W - L - R) / max;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="cs-title" ${FONT}>`, `<title id="cs-title">${esc(label)}</title>`];
  CREDENTIAL_STATES.forEach((s, i) => {
    const yy = T + i * rowH;
    const v = byStatus[s];
    out.push(`<text x="${L - 8}" y="${yy + 15}" text-anchor="end" fill="#111827" font-size="12">${s}</text>`);
    if (v) out.push(`<rect x="${L}" y="${yy + 3}" width="${n1(v * scale)}" height="${rowH - 8}" fill="${STATUS_COLOR[s]}"><title>${esc(`${s}: ${v}`)}</title></rect>`);
    out.push(`<text x="${n1(L + v * scale + 6)}" y="${yy + 15}" fill="#111827">${v}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
