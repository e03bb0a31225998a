/**
 * Google Cloud KMS keys without automatic rotation: Terraform `google_kms_crypto_key` without a
 * `rotation_period`, or with one over the policy maximum (default 90 days, CIS GCP). Asymmetric keys
 * (`ASYMMETRIC_SIGN`, `ASYMMETRIC_DECRYPT`) cannot rotate automatically and are skipped, as are
 * import-only keys.
 *
 * ```yaml
 * rules:
 *   rotation/gcp-kms-key-rotation:
 *     options:
 *       maxRotationDays: 90
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { positive } from '../../option-schema.js';
import { attr } from '../../parse/hcl.js';
import { KEY_ROTATION } from './lib/controls.js';
import { atBlock, blockJudgeable, boolOf, isTerraformPath, resolve, shown, stringOf, terraform, tfResources } from './lib/cloud.js';

const DEFAULT_MAX = 90;
const optionMax = (o: Record<string, unknown>): number => (typeof o.maxRotationDays === 'number' && o.maxRotationDays > 0 ? o.maxRotationDays : DEFAULT_MAX);

const rule: Rule = {
  meta: {
    id: 'rotation/gcp-kms-key-rotation',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Google Cloud KMS key without a rotation period, or with one over the maximum',
    controls: [...KEY_ROTATION],
    remediation: 'Set `rotation_period` on the key, in seconds, at most the policy maximum: `rotation_period = "7776000s"` (90 days).',
    options: {
      maxRotationDays: positive('The longest `rotation_period` allowed, in days.', DEFAULT_MAX),
    },
  },
  keywords: ['google_kms_crypto_key'],
  scope: 'file',
  appliesTo: isTerraformPath,
  check(file, ctx) {
    const max = optionMax(ctx.options);
    const tf = terraform(file);
    if (!tf) return [];
    const out: RawFinding[] = [];
    for (const r of tfResources(tf, 'google_kms_crypto_key')) {
      if (!blockJudgeable(file, r.block)) continue;
      const purpose = attr(r.block, 'purpose');
      const p = purpose ? stringOf(resolve(tf, purpose.value)) : 'ENCRYPT_DECRYPT';
      if (p === undefined || /^ASYMMETRIC_/i.test(p)) continue;
      if (boolOf(resolve(tf, attr(r.block, 'import_only')?.value)) === true) continue;
      const period = attr(r.block, 'rotation_period');
      if (!period) {
        out.push(atBlock(r.block, undefined, { message: `KMS key \`${r.address}\` has no \`rotation_period\`: its key material is never replaced.`, construct: `${r.address} rotation` }));
        continue;
      }
      const v = resolve(tf, period.value);
      const s = stringOf(v);
      const m = s !== undefined ? /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(s) : null;
      if (!m) {
        out.push(
          atBlock(r.block, period.pos, {
            message:
              s !== undefined || v?.kind === 'number'
                ? `KMS key \`${r.address}\` has \`rotation_period = ${shown(v)}\`, which is not a duration in seconds ("7776000s").`
                : `KMS key \`${r.address}\` has \`rotation_period = ${shown(v)}\`, which cannot be verified here.`,
            construct: `${r.address} rotation`,
            ...(s === undefined && v?.kind !== 'number' ? { confidence: 'low' as const } : {}),
          }),
        );
        continue;
      }
      const days = Number(m[1]) / 86_400;
      if (days > max) {
        out.push(
          atBlock(r.block, period.pos, {
            message: `KMS key \`${r.address}\` rotates every ${+days.toFixed(2)} days; the policy allows at most ${max}.`,
            construct: `${r.address} rotation`,
            remediation: `Set \`rotation_period = "${max * 86_400}s"\` (${max} days) or less.`,
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
