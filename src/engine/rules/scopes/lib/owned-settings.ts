/**
 * Rules that report one setting of a named resource (a cluster with RBAC off, a pool open to guests): each
 * place it is set, unless the resource is allow-listed by one of the rule's globs.
 */
import type { RawFinding } from '../../../rule.js';
import { anyGlob } from './rule-options.js';

/** Where a setting is, and the resource it belongs to (Terraform address, template resource name). */
export interface OwnedSetting {
  line: number;
  column: number;
  owner: string;
}

/** One finding per setting whose owner no `allow` glob matches; `construct` names it for cross-run comparison. */
export function ownedSettingFindings(hits: readonly OwnedSetting[], allow: readonly string[], construct: string, message: (owner: string) => string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const h of hits) {
    if (anyGlob(allow, h.owner)) continue;
    out.push({ line: h.line, column: h.column, message: message(h.owner), construct: `${construct}:${h.owner}` });
  }
  return out;
}
