/** Calendar dates as YYYY-MM-DD strings, in UTC: no time zones, no clocks. */

const DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of a valid YYYY-MM-DD at UTC midnight, or `undefined`. */
export function parseDate(s: string): number | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s ? t : undefined;
}

export const isDate = (s: unknown): s is string => typeof s === 'string' && parseDate(s) !== undefined;

/** The UTC calendar day of an instant. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return new Date(parseDate(date)! + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to)! - parseDate(from)!) / DAY);
}
