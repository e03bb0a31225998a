/**
 * Account password policies that let passwords live forever or longer than the maximum: Terraform
 * `aws_iam_account_password_policy` (IAM users; `MaxPasswordAge` 1–1095, absent means passwords never
 * expire), `alicloud_ram_account_password_policy` and `alicloud_ram_password_policy` (RAM users; 0 — the
 * default — means never) with `max_password_age` missing, 0, or over `maxPasswordAgeDays` (default 90).
 *
 * PCI DSS 8.3.9 asks for a change at least every 90 days where a password is the only factor; NIST SP
 * 800-63B advises against forced periodic changes when MFA and breached-password screening are in
 * place. Teams on the NIST model turn the rule off in their policy and say why.
 *
 * ```yaml
 * rules:
 *   rotation/password-policy-max-age:
 *     options:
 *       maxPasswordAgeDays: 90
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { positive } from '../../option-schema.js';
import { attr } from '../../parse/hcl.js';
import { CREDENTIAL_ROTATION } from './lib/controls.js';
import { atBlock, blockJudgeable, isTerraformPath, numberOf, resolve, shown, stringOf, terraform, tfResources } from './lib/cloud.js';

const DEFAULT_MAX = 90;
const optionMax = (o: Record<string, unknown>): number => (typeof o.maxPasswordAgeDays === 'number' && o.maxPasswordAgeDays > 0 ? o.maxPasswordAgeDays : DEFAULT_MAX);

const TYPES = ['aws_iam_account_password_policy', 'alicloud_ram_account_password_policy', 'alicloud_ram_password_policy'];

const REMEDIATION =
  'Set `max_password_age` to a number of days no larger than the policy maximum (90 by default), e.g. `max_password_age = 90`. PCI DSS 8.3.9 requires passwords to be changed at least every 90 days where a password is the only authentication factor. ' +
  'If you follow NIST SP 800-63B instead (no forced periodic changes; MFA and screening against breached passwords), switch the rule off in `.github/tokenwarden.yml` (`rotation/password-policy-max-age: off`) with a comment that records the justification.';

const rule: Rule = {
  meta: {
    id: 'rotation/password-policy-max-age',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Cloud account password policy whose passwords never expire, or expire later than the maximum age',
    controls: [...CREDENTIAL_ROTATION],
    remediation: REMEDIATION,
    options: {
      maxPasswordAgeDays: positive('The longest `max_password_age` allowed, in days.', DEFAULT_MAX),
    },
  },
  keywords: ['_password_policy'],
  scope: 'file',
  appliesTo: isTerraformPath,
  check(file, ctx) {
    const max = optionMax(ctx.options);
    const tf = terraform(file);
    if (!tf) return [];
    const out: RawFinding[] = [];
    for (const r of tfResources(tf, ...TYPES)) {
      if (!blockJudgeable(file, r.block)) continue;
      const users = r.type.startsWith('aws_') ? 'IAM user' : 'RAM user';
      const construct = `${r.address} max_password_age`;
      const age = attr(r.block, 'max_password_age');
      if (!age) {
        out.push(
          atBlock(r.block, undefined, {
            message: `Password policy \`${r.address}\` sets no \`max_password_age\`: ${users} passwords never expire.`,
            construct,
          }),
        );
        continue;
      }
      const v = resolve(tf, age.value);
      const days = numberOf(v);
      if (days === undefined) {
        const literal = stringOf(v) !== undefined;
        out.push(
          atBlock(r.block, age.pos, {
            message: literal
              ? `Password policy \`${r.address}\` has \`max_password_age = ${shown(v)}\`, which is not a number of days.`
              : `Password policy \`${r.address}\` has \`max_password_age = ${shown(v)}\`, which cannot be verified here to be at most ${max} days.`,
            construct,
            ...(literal ? {} : { confidence: 'low' as const }),
          }),
        );
        continue;
      }
      if (days === 0) {
        out.push(atBlock(r.block, age.pos, { message: `Password policy \`${r.address}\` has \`max_password_age = 0\`: ${users} passwords never expire.`, construct }));
      } else if (days > max) {
        out.push(
          atBlock(r.block, age.pos, {
            message: `Password policy \`${r.address}\` lets ${users} passwords live ${days} days; the policy allows at most ${max}.`,
            construct,
            remediation: `Set \`max_password_age = ${max}\` or less. ${REMEDIATION.slice(REMEDIATION.indexOf('PCI DSS'))}`,
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
