/**
 * AWS KMS customer managed keys without automatic rotation: Terraform `aws_kms_key` without
 * `enable_key_rotation = true`, CloudFormation `AWS::KMS::Key` without `EnableKeyRotation: true` — or
 * with a `rotation_period_in_days` / `RotationPeriodInDays` over the policy maximum. Only symmetric
 * encryption keys can rotate automatically: asymmetric (RSA/ECC/SM2), HMAC, imported (EXTERNAL) and
 * custom-key-store keys are skipped.
 *
 * ```yaml
 * rules:
 *   rotation/aws-kms-key-rotation:
 *     options:
 *       maxRotationDays: 365   # AWS's default period; 90–2560 are allowed
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { positive } from '../../option-schema.js';
import { attr } from '../../parse/hcl.js';
import { KEY_ROTATION } from './lib/controls.js';
import {
  atBlock,
  atTemplate,
  blockJudgeable,
  boolOf,
  cfnResources,
  isTemplatePath,
  isTerraformPath,
  numberOf,
  resolve,
  shown,
  stringOf,
  templateBool,
  templateJudgeable,
  terraform,
  tfResources,
} from './lib/cloud.js';

const DEFAULT_MAX = 365;
const optionMax = (o: Record<string, unknown>): number => (typeof o.maxRotationDays === 'number' && o.maxRotationDays > 0 ? o.maxRotationDays : DEFAULT_MAX);

/** Key specs and usages that cannot rotate automatically. */
const cannotRotate = (spec: string | undefined, usage: string | undefined): boolean =>
  (spec !== undefined && !/^SYMMETRIC_DEFAULT$/i.test(spec)) || (usage !== undefined && !/^ENCRYPT_DECRYPT$/i.test(usage));

const REMEDIATION =
  'Turn on automatic rotation (`enable_key_rotation = true`, or `EnableKeyRotation: true` in CloudFormation); AWS then replaces the key material every year (or every `rotation_period_in_days`) and keeps old material for decryption.';

const rule: Rule = {
  meta: {
    id: 'rotation/aws-kms-key-rotation',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'AWS KMS symmetric key without automatic key rotation (or with a rotation period over the maximum)',
    controls: [...KEY_ROTATION],
    remediation: REMEDIATION,
    options: {
      maxRotationDays: positive('The longest rotation period allowed, in days (AWS accepts 90 to 2560).', DEFAULT_MAX),
    },
  },
  keywords: ['aws_kms_key', 'aws::kms::key'],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || isTemplatePath(p),
  check(file, ctx) {
    const max = optionMax(ctx.options);
    const out: RawFinding[] = [];
    if (isTerraformPath(file.path)) {
      const tf = terraform(file);
      if (!tf) return [];
      for (const r of tfResources(tf, 'aws_kms_key')) {
        if (!blockJudgeable(file, r.block)) continue;
        const specAttr = attr(r.block, 'customer_master_key_spec') ?? attr(r.block, 'key_spec');
        const spec = specAttr ? stringOf(resolve(tf, specAttr.value)) : undefined;
        const usage = attr(r.block, 'key_usage') ? stringOf(resolve(tf, attr(r.block, 'key_usage')!.value)) : undefined;
        // Unresolvable spec/usage (a variable without default): the key may not support rotation.
        if ((specAttr && spec === undefined) || (attr(r.block, 'key_usage') && usage === undefined)) continue;
        if (cannotRotate(spec, usage) || attr(r.block, 'custom_key_store_id') || attr(r.block, 'xks_key_id')) continue;
        const en = attr(r.block, 'enable_key_rotation');
        const value = en ? resolve(tf, en.value) : undefined;
        const on = boolOf(value);
        if (on !== true) {
          out.push(
            atBlock(r.block, en?.pos, {
              message: !en
                ? `KMS key \`${r.address}\` does not rotate: \`enable_key_rotation\` is not set (it defaults to false).`
                : on === false
                  ? `KMS key \`${r.address}\` has automatic rotation turned off (\`enable_key_rotation = false\`).`
                  : `KMS key \`${r.address}\` sets \`enable_key_rotation = ${shown(value)}\`, which cannot be verified to be true here.`,
              construct: `${r.address} rotation`,
              ...(on === undefined && en ? { confidence: 'low' as const } : {}),
            }),
          );
          continue;
        }
        const period = attr(r.block, 'rotation_period_in_days');
        const days = period ? numberOf(resolve(tf, period.value)) : undefined;
        if (period && days !== undefined && days > max) {
          out.push(
            atBlock(r.block, period.pos, {
              message: `KMS key \`${r.address}\` rotates every ${days} days; the policy allows at most ${max}.`,
              construct: `${r.address} period`,
              remediation: `Set \`rotation_period_in_days = ${max}\` or less.`,
            }),
          );
        }
      }
      return out;
    }
    for (const r of cfnResources(file)) {
      if (r.type !== 'AWS::KMS::Key' || !templateJudgeable(file, r)) continue;
      const { doc, properties: p } = r;
      const spec = doc.str(doc.get(p, 'KeySpec')) ?? doc.str(doc.get(p, 'CustomerMasterKeySpec'));
      const usage = doc.str(doc.get(p, 'KeyUsage'));
      if (cannotRotate(spec, usage) || /^EXTERNAL$/i.test(doc.str(doc.get(p, 'Origin')) ?? '')) continue;
      if ((doc.has(p, 'KeySpec') && spec === undefined) || (doc.has(p, 'KeyUsage') && usage === undefined)) continue;
      const en = doc.entry(p, 'EnableKeyRotation');
      const on = templateBool(doc, en?.value);
      if (on !== true) {
        out.push(
          atTemplate(r, en?.keyNode, {
            message: !en
              ? `KMS key \`${r.id}\` does not rotate: \`EnableKeyRotation\` is not set (it defaults to false).`
              : on === false
                ? `KMS key \`${r.id}\` has automatic rotation turned off (\`EnableKeyRotation: false\`).`
                : `KMS key \`${r.id}\` sets \`EnableKeyRotation\` to a value that cannot be verified to be true here.`,
            construct: `${r.id} rotation`,
            ...(on === undefined && en ? { confidence: 'low' as const } : {}),
          }),
        );
        continue;
      }
      const period = doc.entry(p, 'RotationPeriodInDays');
      const days = Number(doc.str(period?.value));
      if (period && Number.isFinite(days) && days > max) {
        out.push(
          atTemplate(r, period.keyNode, {
            message: `KMS key \`${r.id}\` rotates every ${days} days; the policy allows at most ${max}.`,
            construct: `${r.id} period`,
            remediation: `Set \`RotationPeriodInDays: ${max}\` or less.`,
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
