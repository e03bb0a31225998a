/**
 * Long-lived AWS IAM user access keys provisioned as code: Terraform `aws_iam_access_key`,
 * CloudFormation `AWS::IAM::AccessKey`. They never expire and work from anywhere; workloads should
 * assume roles (instance profiles, IRSA, OIDC federation from CI) instead. A key for the root user is
 * critical. A Terraform key replaced on a schedule (`lifecycle { replace_triggered_by =
 * [time_rotating.…] }`) is rotated and passes.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { attr, findBlocks, type HclFile, type HclValue } from '../../parse/hcl.js';
import { LONG_LIVED } from './lib/controls.js';
import { atBlock, atTemplate, blockJudgeable, cfnResources, isTemplatePath, isTerraformPath, resolve, stringOf, templateJudgeable, terraform, tfResources } from './lib/cloud.js';

/** The IAM user name a key belongs to: a literal, or `aws_iam_user.<x>.name` resolved in the file. */
function userName(tf: HclFile, v: HclValue | undefined): string | undefined {
  const r = resolve(tf, v);
  const s = stringOf(r);
  if (s !== undefined) return s;
  const m = r?.kind === 'expr' ? /^aws_iam_user\.([\w-]+)\.(?:name|id)$/.exec(r.text.trim()) : null;
  if (!m) return undefined;
  const user = findBlocks(tf.root, 'resource', 'aws_iam_user').find((b) => b.labels[1] === m[1]);
  return user ? stringOf(resolve(tf, attr(user, 'name')?.value)) : undefined;
}

const ROOT = /^root$/i;

const rule: Rule = {
  meta: {
    id: 'rotation/aws-iam-access-key',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Long-lived AWS IAM user access key provisioned in code (critical for the root user)',
    controls: [...LONG_LIVED, 'PCI-DSS-8.3.9'],
    remediation:
      'Replace the access key with short-lived credentials: an IAM role (instance profile, IRSA, ECS task role) or OIDC federation from CI (aws-actions/configure-aws-credentials with role-to-assume). If a key is unavoidable, rotate it at most every 90 days (time_rotating + replace_triggered_by) and record it in the token inventory.',
  },
  keywords: ['aws_iam_access_key', 'aws::iam::accesskey'],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || isTemplatePath(p),
  check(file) {
    const out: RawFinding[] = [];
    if (isTerraformPath(file.path)) {
      const tf = terraform(file);
      if (!tf) return [];
      for (const r of tfResources(tf, 'aws_iam_access_key')) {
        if (!blockJudgeable(file, r.block)) continue;
        const user = userName(tf, attr(r.block, 'user')?.value);
        const root = user !== undefined && ROOT.test(user);
        const triggers = findBlocks(r.block, 'lifecycle').map((l) => attr(l, 'replace_triggered_by')?.value);
        const rotated = triggers.some((t) => t && JSON.stringify(t).includes('time_rotating.'));
        if (rotated && !root) continue;
        out.push(
          atBlock(r.block, undefined, {
            message: root
              ? `\`${r.address}\` creates an access key for the AWS root user: full, unrestrictable control of the account, with no expiry.`
              : `\`${r.address}\` creates a long-lived access key${user ? ` for IAM user \`${user}\`` : ''}: it never expires and works from anywhere until someone deletes it.`,
            construct: `${r.address} access-key`,
            ...(root ? { severity: 'critical' as const, remediation: 'Delete the root access key (and never create one): use IAM roles, and lock the root user away with MFA.' } : {}),
          }),
        );
      }
      return out;
    }
    for (const r of cfnResources(file)) {
      if (r.type !== 'AWS::IAM::AccessKey' || !templateJudgeable(file, r)) continue;
      const user = r.doc.str(r.doc.get(r.properties, 'UserName'));
      const root = user !== undefined && ROOT.test(user);
      out.push(
        atTemplate(r, undefined, {
          message: root
            ? `\`${r.id}\` creates an access key for the AWS root user.`
            : `\`${r.id}\` creates a long-lived IAM access key${user ? ` for \`${user}\`` : ''}: it never expires and works from anywhere until someone deletes it.`,
          construct: `${r.id} access-key`,
          ...(root ? { severity: 'critical' as const } : {}),
        }),
      );
    }
    return out;
  },
};

export default rule;
