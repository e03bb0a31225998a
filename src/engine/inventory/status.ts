/**
 * Credential statuses: what an auditor (and the App's daily sweep) asks of every credential — is it
 * declared, complete, rotated in time, not expired, still used? Pure: entries, references and "today"
 * in; one status per credential out.
 */
import { nameMatches } from '../glob.js';
import type { CredentialState, CredentialStatus, InventoryEntry, SecretReference, SecretReferences, StatusOptions } from './types.js';
import { ALWAYS_EXEMPT, DEFAULT_WARN_DAYS, NEVER_EXPIRES_KINDS, maxRotationDaysFor } from './kinds.js';
import { addDays, daysBetween, isoDay } from './dates.js';
import { referenceMap } from './references.js';

/** Kinds whose issuer is not implied: the entry must name a `provider`. */
export const PROVIDER_KINDS: readonly string[] = ['api-key', 'cloud-access-key', 'service-account-key'];

const URGENCY: readonly Exclude<CredentialState, 'ok'>[] = ['expired', 'overdue', 'undeclared', 'due-soon', 'incomplete', 'stale'];

/** Whether a secret name needs no inventory entry: `GITHUB_TOKEN`, or a name matching an `exempt` glob. */
export function isExempt(name: string, exempt: readonly string[] = []): boolean {
  const up = name.toUpperCase();
  return ALWAYS_EXEMPT.includes(up) || exempt.some((g) => nameMatches(g, name, { nocase: true }));
}

/** What an owner must still fill in. */
export function missingFields(e: InventoryEntry): string[] {
  const out: string[] = [];
  if (!e.kind) out.push('kind');
  else if (!e.provider && PROVIDER_KINDS.includes(e.kind)) out.push('provider');
  if (!e.owner) out.push('owner');
  if (e.rotationDays === undefined) out.push('rotation_days');
  if (!e.lastRotated) out.push('last_rotated');
  if (!e.expires) out.push('expires');
  return out;
}

/** Dates derived from an entry: rotation due, and the earlier of that and expiry. */
export function dueDates(e: InventoryEntry): { rotationDue?: string; dueDate?: string; dueReason?: 'rotation' | 'expiry' } {
  const rotationDue = e.lastRotated && e.rotationDays !== undefined ? addDays(e.lastRotated, e.rotationDays) : undefined;
  const expiry = e.expires && e.expires !== 'never' ? e.expires : undefined;
  const out: { rotationDue?: string; dueDate?: string; dueReason?: 'rotation' | 'expiry' } = {};
  if (rotationDue) out.rotationDue = rotationDue;
  if (expiry && (!rotationDue || expiry <= rotationDue)) {
    out.dueDate = expiry;
    out.dueReason = 'expiry';
  } else if (rotationDue) {
    out.dueDate = rotationDue;
    out.dueReason = 'rotation';
  }
  return out;
}

/**
 * Whether nothing tells where an unreferenced entry is used besides workflows: no `used_in`, or only
 * workflow paths. Credentials declared for other places (a service, a cluster) are not stale just
 * because no workflow names them.
 */
export function workflowBound(e: InventoryEntry): boolean {
  return e.usedIn.every((u) => /(?:^|\/)\.github\/workflows\//.test(u));
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
const ago = (n: number): string => (n === 0 ? 'today' : n > 0 ? `in ${plural(n, 'day')}` : `${plural(-n, 'day')} ago`);

/**
 * One status per inventory entry (in file order), then one per referenced secret without an entry
 * (`undeclared`, sorted by name).
 *
 * - `expired`: `expires` is before today; `overdue`: `last_rotated + rotation_days` is before today;
 * - `due-soon`: the earlier of the two is within `warnDays` (0 = due today);
 * - `incomplete`: kind, owner, rotation_days, last_rotated or expires is missing (or `last_rotated` lies
 *   in the future), or `expires: never` for a kind that can expire;
 * - `stale`: no workflow references it and `used_in` names nothing but workflows (only decided when
 *   `referenced` is given — and, for a `referencedSecrets()` result, when it read at least one
 *   workflow and none hands every secret on);
 * - `undeclared`: a workflow references it and no entry declares it (only with `referenced`).
 */
export function credentialStatuses(entries: readonly InventoryEntry[], opts: StatusOptions): CredentialStatus[] {
  const today = isoDay(opts.today);
  const warnDays = opts.warnDays ?? DEFAULT_WARN_DAYS;
  const allowNever = opts.allowNeverExpires ?? NEVER_EXPIRES_KINDS;
  const refs = opts.referenced ? referenceMap(opts.referenced) : undefined;
  const full = opts.referenced && !(opts.referenced instanceof Map) ? (opts.referenced as SecretReferences) : undefined;
  // Every secret may be in use (`secrets: inherit` outward, `toJSON(secrets)`), or no workflow was read at all.
  const staleUnknown = !!full && (full.open.length > 0 || full.files.length === 0 || !!full.notJudged?.length);
  const out: CredentialStatus[] = [];
  const declared = new Set<string>();

  for (const e of entries) {
    for (const n of e.secretNames) declared.add(n.toUpperCase());
    const references: SecretReference[] = refs ? e.secretNames.flatMap((n) => refs.get(n.toUpperCase()) ?? []) : [];
    const conditions = new Set<Exclude<CredentialState, 'ok'>>();
    const sentences: string[] = [];
    const problems: string[] = [];
    const missing = missingFields(e);
    const d = dueDates(e);
    let daysLeft: number | undefined;

    if (e.lastRotated && e.lastRotated > today) {
      missing.push('last_rotated (in the future)');
    }
    if (e.expires && e.expires !== 'never' && e.expires < today) {
      conditions.add('expired');
      sentences.push(`Expired ${e.expires} (${ago(daysBetween(today, e.expires))}): workflows using it fail; issue a new one and update \`expires\`.`);
    }
    if (d.rotationDue && d.rotationDue < today) {
      conditions.add('overdue');
      sentences.push(
        `Rotation was due ${d.rotationDue} (${ago(daysBetween(today, d.rotationDue))}; every ${plural(e.rotationDays!, 'day')} since ${e.lastRotated}): rotate it and update \`last_rotated\`.`,
      );
    }
    if (d.dueDate) {
      daysLeft = daysBetween(today, d.dueDate);
      if (!conditions.size && daysLeft <= warnDays) {
        conditions.add('due-soon');
        sentences.push(d.dueReason === 'expiry' ? `Expires ${d.dueDate} (${ago(daysLeft)}): issue its successor before then.` : `Rotation due ${d.dueDate} (${ago(daysLeft)}).`);
      }
    }
    if (e.expires === 'never' && !(e.kind && allowNever.includes(e.kind))) {
      conditions.add('incomplete');
      problems.push(`declares no expiry (\`expires: never\`)${e.kind ? ` although a ${e.kind} can have one` : ''}`);
    }
    const max = maxRotationDaysFor(e.kind, opts.maxRotationDays);
    if (e.rotationDays !== undefined && e.rotationDays > max) problems.push(`rotates every ${e.rotationDays} days, more than the policy maximum of ${max} for ${e.kind ?? 'this kind'}`);
    if (missing.length) {
      conditions.add('incomplete');
      sentences.push(`Missing: ${missing.join(', ')}.`);
    }
    if (refs && !references.length && !staleUnknown && workflowBound(e)) {
      conditions.add('stale');
      sentences.push('No workflow uses it: revoke it and remove the entry, or say in `used_in` where it is used.');
    }
    if (problems.length) sentences.push(`It ${problems.join(', and ')}.`);
    const ordered = URGENCY.filter((c) => conditions.has(c));
    const status: CredentialState = ordered[0] ?? 'ok';
    if (status === 'ok') sentences.unshift(d.dueDate ? `Next due ${d.dueDate} (${d.dueReason}, ${ago(daysLeft!)}).` : 'OK.');

    const s: CredentialStatus = { name: e.name, status, conditions: ordered, key: `credential:${e.name.toUpperCase()}`, missing, problems, line: e.line, references, message: sentences.join(' ') };
    if (e.kind) s.kind = e.kind;
    if (e.provider) s.provider = e.provider;
    if (e.owner) s.owner = e.owner;
    if (e.rotationDays !== undefined) s.rotationDays = e.rotationDays;
    if (e.lastRotated) s.lastRotated = e.lastRotated;
    if (e.expires) s.expires = e.expires;
    if (d.rotationDue) s.rotationDue = d.rotationDue;
    if (d.dueDate) {
      s.dueDate = d.dueDate;
      s.dueReason = d.dueReason!;
      s.daysLeft = daysLeft!;
    }
    out.push(s);
  }

  if (refs) {
    const undeclared = [...refs.keys()].filter((k) => !declared.has(k) && refs.get(k)!.length && !isExempt(refs.get(k)![0]!.name, opts.exempt)).sort();
    for (const k of undeclared) {
      const references = refs.get(k)!;
      const name = references[0]!.name;
      const files = [...new Set(references.map((r) => r.path))];
      out.push({
        name,
        status: 'undeclared',
        conditions: ['undeclared'],
        key: `credential:${k}`,
        missing: [],
        problems: [],
        references,
        message: `Used in ${files.join(', ')} but not in the token inventory: add an entry with its owner, rotation period and expiry.`,
      });
    }
  }
  return out;
}
