/**
 * Alibaba Cloud KMS keys without automatic rotation: Terraform `alicloud_kms_key` without
 * `automatic_rotation = "Enabled"` (the default is "Disabled"), or with a `rotation_interval` ("365d",
 * "2592000s"; d, h, m or s) over the policy maximum. Only symmetric keys with KMS-generated material can
 * rotate: asymmetric key specs (RSA_2048, RSA_3072, EC_P256, EC_P256K, EC_SM2), `key_usage = "SIGN/VERIFY"`
 * and imported material (`origin = "EXTERNAL"`) are skipped.
 *
 * ```yaml
 * rules:
 *   rotation/alicloud-kms-key-rotation:
 *     options:
 *       maxRotationDays: 365   # Alibaba Cloud accepts 7 to 730 days
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { positive } from '../../option-schema.js';
import { attr } from '../../parse/hcl.js';
import { KEY_ROTATION } from './lib/controls.js';
import { atBlock, blockJudgeable, durationDays, isTerraformPath, resolve, shown, stringOf, terraform, tfResources } from './lib/cloud.js';

const DEFAULT_MAX = 365;
const optionMax = (o: Record<string, unknown>): number => (typeof o.maxRotationDays === 'number' && o.maxRotationDays > 0 ? o.maxRotationDays : DEFAULT_MAX);

const rule: Rule = {
  meta: {
    id: 'rotation/alicloud-kms-key-rotation',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Alibaba Cloud KMS symmetric key without automatic rotation (or with a rotation interval over the maximum)',
    controls: [...KEY_ROTATION],
    remediation:
      'Turn on automatic rotation: `automatic_rotation = "Enabled"` with `rotation_interval = "365d"` (or less; 7d to 730d are accepted). KMS then creates a new key version at each interval and keeps the old ones for decryption.',
    options: {
      maxRotationDays: positive('The longest `rotation_interval` allowed, in days (Alibaba Cloud accepts 7 to 730).', DEFAULT_MAX),
    },
  },
  keywords: ['alicloud_kms_key'],
  scope: 'file',
  appliesTo: isTerraformPath,
  check(file, ctx) {
    const max = optionMax(ctx.options);
    const tf = terraform(file);
    if (!tf) return [];
    const out: RawFinding[] = [];
    for (const r of tfResources(tf, 'alicloud_kms_key')) {
      if (!blockJudgeable(file, r.block)) continue;
      // Keys that cannot rotate; a setting that cannot be read here may be one of them.
      const setting = (name: string): string | null | undefined => {
        const a = attr(r.block, name);
        return a ? (stringOf(resolve(tf, a.value)) ?? null) : undefined;
      };
      const spec = setting('key_spec');
      const usage = setting('key_usage');
      const origin = setting('origin');
      if (spec === null || usage === null || origin === null) continue;
      if ((spec !== undefined && !/^Aliyun_/i.test(spec)) || (usage !== undefined && /SIGN/i.test(usage)) || /^EXTERNAL$/i.test(origin ?? '')) continue;
      const construct = `${r.address} rotation`;
      const auto = attr(r.block, 'automatic_rotation');
      const v = auto ? resolve(tf, auto.value) : undefined;
      const s = stringOf(v);
      if (s === undefined || !/^Enabled$/i.test(s)) {
        out.push(
          atBlock(r.block, auto?.pos, {
            message: !auto
              ? `KMS key \`${r.address}\` does not rotate: \`automatic_rotation\` is not set (it defaults to "Disabled").`
              : s !== undefined
                ? `KMS key \`${r.address}\` has automatic rotation turned off (\`automatic_rotation = ${shown(v)}\`).`
                : `KMS key \`${r.address}\` sets \`automatic_rotation = ${shown(v)}\`, which cannot be verified to be "Enabled" here.`,
            construct,
            ...(auto && s === undefined ? { confidence: 'low' as const } : {}),
          }),
        );
        continue;
      }
      const interval = attr(r.block, 'rotation_interval');
      if (!interval) continue; // required with "Enabled": the provider rejects the key without it
      const iv = resolve(tf, interval.value);
      const is = stringOf(iv);
      const days = is !== undefined ? durationDays(is, ['d', 'h', 'm', 's'], true) : undefined;
      if (days === undefined) {
        out.push(
          atBlock(r.block, interval.pos, {
            message:
              is !== undefined
                ? `KMS key \`${r.address}\` has \`rotation_interval = ${shown(iv)}\`, which is not an interval such as "365d" or "31536000s".`
                : `KMS key \`${r.address}\` has \`rotation_interval = ${shown(iv)}\`, which cannot be verified here to be at most ${max} days.`,
            construct,
            ...(is === undefined ? { confidence: 'low' as const } : {}),
          }),
        );
      } else if (days > max) {
        out.push(
          atBlock(r.block, interval.pos, {
            message: `KMS key \`${r.address}\` rotates every ${+days.toFixed(2)} days; the policy allows at most ${max}.`,
            construct,
            remediation: `Set \`rotation_interval = "${max}d"\` or less.`,
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
