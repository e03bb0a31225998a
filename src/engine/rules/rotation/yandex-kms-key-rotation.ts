/**
 * Yandex Cloud KMS symmetric keys without automatic rotation: Terraform `yandex_kms_symmetric_key`
 * without `rotation_period` (omitting it disables rotation), or with one — a Go duration such as "8760h"
 * — over the policy maximum. Asymmetric keys are other resource types and are not judged.
 *
 * ```yaml
 * rules:
 *   rotation/yandex-kms-key-rotation:
 *     options:
 *       maxRotationDays: 365
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { positive } from '../../option-schema.js';
import { attr } from '../../parse/hcl.js';
import { KEY_ROTATION } from './lib/controls.js';
import { GO_DURATION_UNITS, atBlock, blockJudgeable, durationDays, isTerraformPath, resolve, shown, stringOf, terraform, tfResources } from './lib/cloud.js';

const DEFAULT_MAX = 365;
const optionMax = (o: Record<string, unknown>): number => (typeof o.maxRotationDays === 'number' && o.maxRotationDays > 0 ? o.maxRotationDays : DEFAULT_MAX);

const rule: Rule = {
  meta: {
    id: 'rotation/yandex-kms-key-rotation',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Yandex Cloud KMS symmetric key without a rotation period, or with one over the maximum',
    controls: [...KEY_ROTATION],
    remediation:
      'Set `rotation_period` on the key, in hours, at most the policy maximum: `rotation_period = "8760h"` (365 days). KMS then creates a new key version each period and keeps the old ones for decryption.',
    options: {
      maxRotationDays: positive('The longest `rotation_period` allowed, in days.', DEFAULT_MAX),
    },
  },
  keywords: ['yandex_kms_symmetric_key'],
  scope: 'file',
  appliesTo: isTerraformPath,
  check(file, ctx) {
    const max = optionMax(ctx.options);
    const tf = terraform(file);
    if (!tf) return [];
    const out: RawFinding[] = [];
    for (const r of tfResources(tf, 'yandex_kms_symmetric_key')) {
      if (!blockJudgeable(file, r.block)) continue;
      const construct = `${r.address} rotation`;
      const period = attr(r.block, 'rotation_period');
      if (!period) {
        out.push(atBlock(r.block, undefined, { message: `KMS key \`${r.address}\` has no \`rotation_period\`: its key material is never replaced.`, construct }));
        continue;
      }
      const v = resolve(tf, period.value);
      const s = stringOf(v);
      const days = s !== undefined ? durationDays(s, GO_DURATION_UNITS) : undefined;
      if (days === undefined) {
        const literal = s !== undefined || v?.kind === 'number';
        out.push(
          atBlock(r.block, period.pos, {
            message: literal
              ? `KMS key \`${r.address}\` has \`rotation_period = ${shown(v)}\`, which is not a duration such as "8760h".`
              : `KMS key \`${r.address}\` has \`rotation_period = ${shown(v)}\`, which cannot be verified here to be at most ${max} days.`,
            construct,
            ...(literal ? {} : { confidence: 'low' as const }),
          }),
        );
      } else if (days > max) {
        out.push(
          atBlock(r.block, period.pos, {
            message: `KMS key \`${r.address}\` rotates every ${+days.toFixed(2)} days; the policy allows at most ${max}.`,
            construct,
            remediation: `Set \`rotation_period = "${max * 24}h"\` (${max} days) or less.`,
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
