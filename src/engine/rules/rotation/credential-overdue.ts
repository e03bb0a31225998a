/**
 * A credential of the token inventory whose rotation is overdue (`last_rotated + rotation_days` is
 * before today) or that has expired (`expires` is before today). "Today" is the scan's `ctx.today`.
 * The finding is tied to the lapse (its due date), so a baseline or exception for one lapse does not
 * hide the next.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { daysBetween, dueDates, isoDay } from '../../inventory/index.js';
import { CREDENTIAL_ROTATION } from './lib/controls.js';
import { atEntry, isInventoryPath, label, loadInventory, ownerNote } from './lib/inventory-rule.js';

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

const rule: Rule = {
  meta: {
    id: 'rotation/credential-overdue',
    family: 'rotation',
    severity: 'high',
    confidence: 'high',
    description: 'Credential in the token inventory is past its rotation date or expired',
    controls: [...CREDENTIAL_ROTATION],
    remediation: 'Rotate the credential (issue a new one, update the secret, revoke the old one) and update `last_rotated` and `expires` in the inventory.',
  },
  keywords: ['credentials'],
  scope: 'file',
  appliesTo: isInventoryPath,
  context: isInventoryPath,
  check(file, ctx) {
    const l = loadInventory(file, ctx);
    if (!l) return [];
    const today = isoDay(ctx.today);
    const out: RawFinding[] = [];
    for (const e of l.inv.entries) {
      if (e.expires && e.expires !== 'never' && e.expires < today) {
        const f = atEntry(l, e, 'expires', {
          message: `Credential ${label(e)} expired on ${e.expires} (${days(daysBetween(e.expires, today))} ago): whatever uses it fails, and the inventory no longer describes what is deployed.${ownerNote(e)}`,
          construct: `entry:${e.name.toUpperCase()} expired:${e.expires}`,
          remediation:
            'Issue a new credential, store it where the old one was (the GitHub secret), revoke the old one if it still exists, and update `last_rotated` and `expires`. If it is no longer needed, delete the secret and the entry.',
        });
        if (f) out.push(f);
      }
      const { rotationDue } = dueDates(e);
      if (rotationDue && rotationDue < today) {
        const f = atEntry(l, e, 'last_rotated', {
          message: `Credential ${label(e)} was due for rotation on ${rotationDue} (every ${days(e.rotationDays!)} since ${e.lastRotated}; ${days(daysBetween(rotationDue, today))} overdue).${ownerNote(e)}`,
          construct: `entry:${e.name.toUpperCase()} rotation-due:${rotationDue}`,
          remediation: 'Rotate it: issue a new credential, update the secret, revoke the old one, then set `last_rotated` to today (and `expires` to the new expiry).',
        });
        if (f) out.push(f);
      }
    }
    return out;
  },
};

export default rule;
