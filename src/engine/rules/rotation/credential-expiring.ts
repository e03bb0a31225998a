/**
 * A credential of the token inventory that is due — for rotation or by its expiry — within the
 * warning window (default 14 days, today included), and not yet overdue or expired (that is
 * `rotation/credential-overdue`). The earlier of the two dates counts.
 *
 * ```yaml
 * rules:
 *   rotation/credential-expiring:
 *     options:
 *       warnDays: 14
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { DEFAULT_WARN_DAYS, daysBetween, dueDates, isoDay, warnDaysOption } from '../../inventory/index.js';
import { CREDENTIAL_ROTATION } from './lib/controls.js';
import { atEntry, isInventoryPath, label, loadInventory, ownerNote } from './lib/inventory-rule.js';

const rule: Rule = {
  meta: {
    id: 'rotation/credential-expiring',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Credential in the token inventory is due for rotation or expires within the warning window',
    controls: [...CREDENTIAL_ROTATION],
    remediation: 'Plan the rotation now: issue the successor, update the secret, revoke the old credential, and update `last_rotated` and `expires` in the inventory.',
    options: {
      warnDays: { description: 'How many days ahead (today included) a due rotation or expiry is reported.', type: 'integer', minimum: 0, default: DEFAULT_WARN_DAYS },
    },
  },
  keywords: ['credentials'],
  scope: 'file',
  appliesTo: isInventoryPath,
  context: isInventoryPath,
  check(file, ctx) {
    const l = loadInventory(file, ctx);
    if (!l) return [];
    const warnDays = warnDaysOption(ctx.options) ?? DEFAULT_WARN_DAYS;
    const today = isoDay(ctx.today);
    const out: RawFinding[] = [];
    for (const e of l.inv.entries) {
      const d = dueDates(e);
      if (!d.dueDate) continue;
      const expired = e.expires && e.expires !== 'never' && e.expires < today;
      const overdue = d.rotationDue !== undefined && d.rotationDue < today;
      if (expired || overdue) continue;
      const left = daysBetween(today, d.dueDate);
      if (left > warnDays) continue;
      const when = left === 0 ? 'today' : `in ${left} day${left === 1 ? '' : 's'} (${d.dueDate})`;
      const f = atEntry(l, e, d.dueReason === 'expiry' ? 'expires' : 'last_rotated', {
        message:
          d.dueReason === 'expiry'
            ? `Credential ${label(e)} expires ${when}: issue its successor before whatever uses it starts failing.${ownerNote(e)}`
            : `Credential ${label(e)} is due for rotation ${when} (every ${e.rotationDays} days since ${e.lastRotated}).${ownerNote(e)}`,
        construct: `entry:${e.name.toUpperCase()} ${d.dueReason === 'expiry' ? 'expires' : 'rotation-due'}:${d.dueDate}`,
      });
      if (f) out.push(f);
    }
    return out;
  },
};

export default rule;
