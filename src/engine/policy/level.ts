/** The level a policy gives a rule or finding: rule setting, else family, else (family `auto`) severity. */
import type { Family, Level, Severity } from '../finding.js';
import type { ResolvedPolicy } from './types.js';

export function levelFor(policy: ResolvedPolicy, id: string, family: Family, severity: Severity): Level {
  const explicit = policy.rules[id]?.level;
  if (explicit) return explicit;
  const fam = policy.families[family];
  return fam === 'auto' ? policy.severityLevels[severity] : fam;
}

/** Whether `id` (a rule id or a family) is locked by `locked` (rule ids and families). */
export const isLocked = (locked: readonly string[], id: string): boolean => locked.includes(id) || locked.includes(id.split('/')[0]!);
