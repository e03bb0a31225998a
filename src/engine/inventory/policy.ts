/**
 * Status options from a resolved policy, so the CLI, the App's sweep and the scan judge credentials
 * alike: each option lives with the rule that enforces it.
 *
 * ```yaml
 * rules:
 *   rotation/credential-expiring:     { options: { warnDays: 14 } }
 *   rotation/rotation-period-too-long: { options: { maxRotationDays: { classic-pat: 30, default: 90 } } }
 *   rotation/inventory-incomplete:    { options: { allowNeverExpires: [deploy-key, github-app] } }
 *   rotation/inventory-missing:       { options: { exempt: [SLACK_CHANNEL_ID, "*_URL"] } }
 * ```
 */
import type { ResolvedPolicy } from '../policy/types.js';
import type { StatusOptions } from './types.js';

export const RULE_IDS = {
  missing: 'rotation/inventory-missing',
  invalid: 'rotation/inventory-invalid',
  incomplete: 'rotation/inventory-incomplete',
  periodTooLong: 'rotation/rotation-period-too-long',
  overdue: 'rotation/credential-overdue',
  expiring: 'rotation/credential-expiring',
  stale: 'rotation/stale-credential',
} as const;

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const positive = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

export function warnDaysOption(options: Record<string, unknown> | undefined): number | undefined {
  return positive(options?.warnDays);
}

export function maxRotationDaysOption(options: Record<string, unknown> | undefined): Record<string, number> | undefined {
  const v = options?.maxRotationDays;
  if (typeof v === 'number' && v > 0) return { default: v };
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));
}

export function allowNeverExpiresOption(options: Record<string, unknown> | undefined): string[] | undefined {
  return strings(options?.allowNeverExpires);
}

export function exemptOption(options: Record<string, unknown> | undefined): string[] | undefined {
  return strings(options?.exempt);
}

/** `StatusOptions` (without `today` and `referenced`) from the policy's rotation rule options. */
export function statusOptionsFromPolicy(policy: Pick<ResolvedPolicy, 'rules'>): Omit<StatusOptions, 'today' | 'referenced'> {
  const opt = (id: string): Record<string, unknown> | undefined => policy.rules[id]?.options;
  const out: Omit<StatusOptions, 'today' | 'referenced'> = {};
  const warn = warnDaysOption(opt(RULE_IDS.expiring));
  if (warn !== undefined) out.warnDays = warn;
  const max = maxRotationDaysOption(opt(RULE_IDS.periodTooLong));
  if (max) out.maxRotationDays = max;
  const never = allowNeverExpiresOption(opt(RULE_IDS.incomplete));
  if (never) out.allowNeverExpires = never;
  const exempt = exemptOption(opt(RULE_IDS.missing));
  if (exempt) out.exempt = exempt;
  return out;
}
