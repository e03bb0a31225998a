/**
 * AWS role trust policies that let anyone assume the role: `"Principal": "*"` or `{"AWS": "*"}` on an
 * `Allow` statement (checkov CKV_AWS_60). Without a condition any AWS account in the world can call
 * `sts:AssumeRole` on it (critical); a condition (`aws:PrincipalOrgID`, `sts:ExternalId`, …) narrows it,
 * but the principal should still name the accounts or roles expected (low). Terraform
 * (`aws_iam_role.assume_role_policy`, `data "aws_iam_policy_document"` used as a trust policy),
 * CloudFormation (`AssumeRolePolicyDocument`) and JSON trust policies.
 *
 * ```yaml
 * rules:
 *   scopes/aws-iam-trust-public:
 *     options:
 *       allowRoles: []   # globs of role owners (aws_iam_role.x, CloudFormation ids) allowed a public trust
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { FEDERATED_TRUST } from './lib/cloud-controls.js';
import { appliesToIam, AWS_IAM_KEYWORDS, hasCondition, iamPolicies, statementKey } from './lib/iam-policy.js';
import { anyGlob, optList } from './lib/rule-options.js';

const rule: Rule = {
  meta: {
    id: 'scopes/aws-iam-trust-public',
    family: 'scopes',
    severity: 'critical',
    confidence: 'high',
    description: 'AWS role trust policy allows any principal (`"Principal": {"AWS": "*"}`) to assume the role',
    controls: [...FEDERATED_TRUST],
    remediation:
      'Name the account, role or service that assumes the role (`"Principal": {"AWS": "arn:aws:iam::<account>:role/<name>"}`), and add `sts:ExternalId` for third parties or `aws:PrincipalOrgID` for your organization.',
    options: {
      allowRoles: stringList('Globs of role owners (`aws_iam_role.x`, CloudFormation logical ids) allowed a public trust policy.'),
    },
  },
  keywords: AWS_IAM_KEYWORDS,
  scope: 'file',
  globOptions: ['allowRoles'],
  appliesTo: appliesToIam,
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowRoles', []);
    const out: RawFinding[] = [];
    for (const policy of iamPolicies(file.path, file.text)) {
      if (policy.purpose !== 'trust' || anyGlob(allow, policy.owner)) continue;
      for (const s of policy.statements) {
        if (s.effect !== 'Allow') continue;
        const star = s.principals
          .filter((p) => p.type === '*' || p.type.toUpperCase() === 'AWS')
          .flatMap((p) => p.values)
          .find((v) => !v.dynamic && (v.v === '*' || /^arn:aws[\w-]*:iam::\*:root$/.test(v.v)));
        if (!star) continue;
        const conditioned = hasCondition(s);
        out.push({
          line: star.line,
          column: star.column,
          message: `${s.sid ? `Statement \`${s.sid}\`` : 'A statement'} of \`${policy.owner}\` lets any AWS principal assume the role${conditioned ? ' (narrowed only by a condition)' : ': every account in the world can call `sts:AssumeRole` on it'}.`,
          construct: `aws-trust-public:${statementKey(s)}`,
          severity: conditioned ? 'low' : 'critical',
        });
      }
    }
    return out;
  },
};

export default rule;
