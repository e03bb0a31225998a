/**
 * A token inventory entry whose declared rotation period is longer than the policy allows for its
 * kind (defaults: 90 days for PATs, API keys, passwords and cloud keys; 180 for OAuth app secrets; a
 * year for deploy keys, SSH keys, GitHub App private keys, webhook and signing secrets).
 *
 * ```yaml
 * rules:
 *   rotation/rotation-period-too-long:
 *     options:
 *       maxRotationDays:            # per kind; `default` covers kinds not named; a number sets `default`
 *         classic-pat: 30
 *         github-app: 180
 *         default: 90
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { CREDENTIAL_KINDS, DEFAULT_MAX_ROTATION_DAYS, maxRotationDaysFor, maxRotationDaysOption } from '../../inventory/index.js';
import { CREDENTIAL_ROTATION } from './lib/controls.js';
import { atEntry, isInventoryPath, label, loadInventory } from './lib/inventory-rule.js';

const rule: Rule = {
  meta: {
    id: 'rotation/rotation-period-too-long',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Token inventory entry rotates less often than the policy maximum for its kind',
    controls: [...CREDENTIAL_ROTATION],
    remediation: 'Shorten `rotation_days` to the policy maximum (and rotate on that schedule), or raise `maxRotationDays` for the kind in `rotation/rotation-period-too-long` with a justification.',
    options: {
      maxRotationDays: {
        description: 'The longest rotation period allowed, in days, per credential kind (`default` covers the kinds not named); a number sets `default`.',
        anyOf: [
          { type: 'number', exclusiveMinimum: 0 },
          { type: 'object', propertyNames: { enum: [...CREDENTIAL_KINDS, 'default'] }, additionalProperties: { type: 'number', exclusiveMinimum: 0 } },
        ],
        default: { ...DEFAULT_MAX_ROTATION_DAYS },
      },
    },
  },
  keywords: ['rotation_days'],
  scope: 'file',
  appliesTo: isInventoryPath,
  context: isInventoryPath,
  check(file, ctx) {
    const l = loadInventory(file, ctx);
    if (!l) return [];
    const overrides = maxRotationDaysOption(ctx.options);
    const out: RawFinding[] = [];
    for (const e of l.inv.entries) {
      if (e.rotationDays === undefined) continue;
      const max = maxRotationDaysFor(e.kind, overrides);
      if (e.rotationDays <= max) continue;
      const f = atEntry(l, e, 'rotation_days', {
        message: `Credential ${label(e)} rotates every ${e.rotationDays} days; the policy allows at most ${max} for ${e.kind ?? 'credentials of unknown kind'}.`,
        construct: `entry:${e.name.toUpperCase()} rotation_days:${e.rotationDays}`,
        remediation: `Set \`rotation_days: ${max}\` (or less) and rotate on that schedule${e.kind ? `, or raise \`maxRotationDays.${e.kind}\`` : ''} in \`rotation/rotation-period-too-long\` with a justification.`,
      });
      if (f) out.push(f);
    }
    return out;
  },
};

export default rule;
