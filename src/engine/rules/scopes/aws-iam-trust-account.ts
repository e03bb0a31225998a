/**
 * AWS role trust policies that trust a whole account without a condition: `"Principal": {"AWS":
 * "123456789012"}` or `"arn:aws:iam::123456789012:root"` on an `Allow` statement for `sts:AssumeRole`
 * (or `sts:*`, `*`). The root principal stands for the account, not its root user: any user or role in
 * that account whose own identity policies allow `sts:AssumeRole` on the role can assume it, so who can
 * is decided in the other account (medium). When that account is a third party's (a SaaS vendor, a
 * partner), a missing `sts:ExternalId` is the confused-deputy problem: the vendor's other customers
 * can have it assume the role for them. A condition (`sts:ExternalId`, `aws:PrincipalArn`,
 * `aws:PrincipalOrgID`, `aws:MultiFactorAuthPresent`, …) is taken as the narrowing: no finding.
 * The role's own account (`data.aws_caller_identity.*.account_id`, `${AWS::AccountId}`) is reported at
 * `ownAccountSeverity` (info, off in the default policy): its administrators can already grant
 * themselves anything. `"*"` and `arn:aws:iam::*:root` are `scopes/aws-iam-trust-public`'s; resource
 * policies (a KMS key policy naming the account root) are not trust policies. Terraform
 * (`aws_iam_role.assume_role_policy`, `data "aws_iam_policy_document"` used as a trust policy),
 * CloudFormation (`AssumeRolePolicyDocument`, YAML with short-form intrinsics or JSON) and JSON trust
 * policies; one finding per statement.
 *
 * ```yaml
 * rules:
 *   scopes/aws-iam-trust-account:
 *     options:
 *       allowAccounts: []          # account ids (globs) trusted without a condition, e.g. your organization's
 *       allowRoles: []             # role owners (aws_iam_role.x, CloudFormation ids) allowed to
 *       ownAccountSeverity: info   # the severity when the role trusts its own account
 * ```
 */
import type { Severity } from '../../finding.js';
import { SEVERITIES } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { severity, stringList } from '../../option-schema.js';
import { FEDERATED_TRUST } from './lib/cloud-controls.js';
import { appliesToIam, AWS_IAM_KEYWORDS, hasCondition, iamPolicies, statementKey, type IamStatement, type PStr } from './lib/iam-policy.js';
import { anyGlob, optList } from './lib/rule-options.js';

/** The role's own account, however it is written. */
const OWN = /^(?:data\.aws_caller_identity\.[\w-]+\.account_id|AWS::AccountId)$/;
const ROOT = /^arn:(?:aws[\w-]*|\$\{[^}]+\}):iam::(\d{12}|\$\{[^}]+\}):root$/;

interface Trusted {
  at: PStr;
  /** The account id, or the expression that names it. */
  account: string;
  own: boolean;
  dynamic: boolean;
}

/** An AWS principal value that names a whole account, or undefined. */
function accountOf(p: PStr): Trusted | undefined {
  const v = p.v.trim();
  if (!p.dynamic) {
    if (/^\d{12}$/.test(v)) return { at: p, account: v, own: false, dynamic: false };
    const m = ROOT.exec(v);
    return m ? { at: p, account: m[1]!, own: false, dynamic: false } : undefined;
  }
  // `!Ref AWS::AccountId`, `data.aws_caller_identity.current.account_id`
  if (OWN.test(v)) return { at: p, account: v, own: true, dynamic: true };
  const m = ROOT.exec(v);
  if (!m) return undefined;
  const inner = m[1]!.replace(/^\$\{|\}$/g, '');
  return { at: p, account: m[1]!, own: OWN.test(inner), dynamic: !/^\d{12}$/.test(m[1]!) };
}

/** The statement lets principals call `sts:AssumeRole` (not only the web-identity / SAML variants or TagSession). */
function allowsAssumeRole(s: IamStatement): boolean {
  if (!s.action) return false;
  return s.action.some((a) => !a.dynamic && /^(?:\*|sts:\*|sts:AssumeRole\*?|sts:Assume\*|sts:A\*)$/i.test(a.v.trim()));
}

const rule: Rule = {
  meta: {
    id: 'scopes/aws-iam-trust-account',
    family: 'scopes',
    severity: 'medium',
    confidence: 'high',
    description: 'AWS role trust policy trusts a whole account (`"AWS": "<account-id>"` or `…:root`) without a condition such as `sts:ExternalId` or `aws:PrincipalArn`',
    controls: [...FEDERATED_TRUST],
    remediation:
      'Name the roles that assume it (`"Principal": {"AWS": "arn:aws:iam::<account>:role/<name>"}`) or add a condition: `sts:ExternalId` for a third party, `aws:PrincipalArn` or `aws:PrincipalOrgID` for your own accounts.',
    options: {
      allowAccounts: stringList('Account ids (globs) that may be trusted without a condition, e.g. the accounts of your organization.'),
      allowRoles: stringList('Globs of role owners (`aws_iam_role.x`, CloudFormation logical ids) allowed to trust a whole account.'),
      ownAccountSeverity: severity('The severity when a role trusts its own account (`data.aws_caller_identity`, `${AWS::AccountId}`); `info` is off in the default policy.', 'info'),
    },
  },
  keywords: AWS_IAM_KEYWORDS,
  scope: 'file',
  globOptions: ['allowAccounts', 'allowRoles'],
  appliesTo: appliesToIam,
  check(file, ctx) {
    const allowAccounts = optList(ctx.options, 'allowAccounts', []);
    const allowRoles = optList(ctx.options, 'allowRoles', []);
    const given = ctx.options.ownAccountSeverity;
    const ownOpt = typeof given === 'string' ? given.toLowerCase() : 'info';
    const ownSeverity: Severity = (SEVERITIES as readonly string[]).includes(ownOpt) ? (ownOpt as Severity) : 'info';
    const out: RawFinding[] = [];
    for (const policy of iamPolicies(file.path, file.text)) {
      if (policy.purpose !== 'trust' || anyGlob(allowRoles, policy.owner)) continue;
      for (const s of policy.statements) {
        if (s.effect !== 'Allow' || s.notPrincipal || hasCondition(s) || !allowsAssumeRole(s)) continue;
        const trusted = s.principals
          .filter((p) => p.type.toUpperCase() === 'AWS')
          .flatMap((p) => p.values)
          .map(accountOf)
          .filter((t): t is Trusted => !!t && !(!t.dynamic && anyGlob(allowAccounts, t.account)));
        if (!trusted.length) continue;
        const others = trusted.filter((t) => !t.own);
        const first = others[0] ?? trusted[0]!;
        const shown = others.length ? others : trusted.slice(0, 1);
        const accounts =
          shown
            .slice(0, 3)
            .map((t) => (t.own ? 'its own account' : `the account \`${t.account}\``))
            .join(', ') + (shown.length > 3 ? ' …' : '');
        const who = `${s.sid ? `Statement \`${s.sid}\`` : 'A statement'} of \`${policy.owner}\``;
        const literal = others.find((t) => !t.dynamic);
        out.push({
          line: first.at.line,
          column: first.at.column,
          message: others.length
            ? `${who} lets ${accounts} assume the role with no condition: any user or role there whose own policies allow \`sts:AssumeRole\` on it can, so who gets the role is decided in that account. If it is a third party's account, this is the confused-deputy problem: require \`sts:ExternalId\`.`
            : `${who} lets any user or role of ${accounts} whose own policies allow \`sts:AssumeRole\` assume the role, with no condition.`,
          construct: `aws-trust-account:${statementKey(s)}`,
          severity: others.length ? 'medium' : ownSeverity,
          confidence: others.length && !literal ? 'medium' : 'high',
          remediation: others.length
            ? `Name the roles of ${literal ? `\`${literal.account}\`` : 'that account'} that assume it (\`arn:aws:iam::<account>:role/<name>\`) or add a condition: \`sts:ExternalId\` (a third party's account), \`aws:PrincipalArn\` or \`aws:PrincipalOrgID\` (your own).`
            : 'Name the roles that assume it (`arn:aws:iam::<account>:role/<name>`), or add an `aws:PrincipalArn` condition.',
        });
      }
    }
    return out;
  },
};

export default rule;
