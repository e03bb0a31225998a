/**
 * AWS identity policies that let the holder raise its own privileges or mint credentials, judged like
 * cloudsplaining (and so checkov's CKV_AWS_107–110 / 286–289): the actions allowed without a resource
 * constraint — resource-scopable actions on `"Resource": "*"` and actions AWS cannot scope, in
 * statements without a condition, minus unconditioned denies — are matched against
 *
 * - the privilege-escalation methods published by Rhino Security Labs: one action is enough for
 *   `iam:CreatePolicyVersion`, `iam:SetDefaultPolicyVersion`, `iam:Attach{User,Group,Role}Policy`,
 *   `iam:Put{User,Group,Role}Policy`, `iam:UpdateAssumeRolePolicy`, `iam:CreateAccessKey`,
 *   `iam:{Create,Update}LoginProfile`, `iam:AddUserToGroup` (critical); `iam:PassRole` with a service
 *   that runs code as the passed role (`ec2:RunInstances`, `lambda:CreateFunction` +
 *   `lambda:InvokeFunction`, `glue:CreateDevEndpoint`, `cloudformation:CreateStack`, …),
 *   `lambda:UpdateFunctionCode`, `ssm:SendCommand` … (high);
 * - `iam:PassRole` on `*` alone (high);
 * - actions that return credentials (`sts:AssumeRole` on `*`, `iam:CreateServiceSpecificCredential`,
 *   `redshift:GetClusterCredentials`, … — high for IAM/STS/SSO, medium otherwise);
 * - permission-management actions (`s3:PutBucketPolicy`, `kms:CreateGrant`, `lambda:AddPermission`,
 *   … — high for IAM/Organizations/SSO, medium otherwise).
 *
 * One finding per statement, at the line of the action that grants it. The same statements scoped to
 * ARNs (`iam:PassRole` on one role) are least privilege and pass.
 *
 * ```yaml
 * rules:
 *   scopes/aws-iam-privilege-escalation:
 *     options:
 *       allowPolicies: []                       # globs of policy owners (aws_iam_role_policy.deployer, CFN logical ids)
 *       allowActions: []                        # action globs not counted, e.g. [sts:AssumeRole]
 *       credentialExempt: [ecr:GetAuthorizationToken]   # credential-returning actions accepted on "*"
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { codeList } from './lib/aws-actions.js';
import { analyseEscalation, DEFAULT_ESCALATION_OPTIONS, type EscalationHit } from './lib/aws-escalation.js';
import { AWS_ESCALATION } from './lib/cloud-controls.js';
import { appliesToIam, AWS_IAM_KEYWORDS, iamPolicies, standaloneStatementKey, statementKey, type IamStatement } from './lib/iam-policy.js';
import { anyGlob, optList } from './lib/rule-options.js';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

const HOW: Record<string, string> = {
  CreateAccessKey: 'create access keys for any user, administrators included',
  CreateLoginProfile: 'set a console password for any user',
  UpdateLoginProfile: 'change the console password of any user',
  AddUserToGroup: 'add itself to any group, an administrators group included',
  CreateNewPolicyVersion: 'rewrite any customer-managed policy, its own included, and make the new version the default',
  SetExistingDefaultPolicyVersion: 'switch any policy to an older, broader version',
  AttachUserPolicy: 'attach `AdministratorAccess` to any user, itself included',
  AttachGroupPolicy: 'attach `AdministratorAccess` to any group',
  AttachRolePolicy: 'attach `AdministratorAccess` to any role',
  PutUserPolicy: 'write an inline admin policy on any user',
  PutGroupPolicy: 'write an inline admin policy on any group',
  PutRolePolicy: 'write an inline admin policy on any role',
  UpdateRolePolicyToAssumeIt: 'rewrite any role’s trust policy to let itself assume it',
  EditExistingLambdaFunctionWithRole: 'replace the code of any Lambda function and run it as that function’s role',
  UpdateExistingGlueDevEndpoint: 'add its SSH key to any Glue endpoint and act as its role',
  SSMSendCommand: 'run commands on any managed instance as the instance role',
  SSMStartSession: 'open a shell on any managed instance',
  ECSExecuteCommand: 'open a shell in any ECS task',
  EC2InstanceConnect: 'push an SSH key to any instance',
};

function describe(h: EscalationHit): string {
  switch (h.kind) {
    case 'escalation':
      return HOW[h.name] ? `${codeList(h.needs as string[])} (${HOW[h.name]})` : `${codeList(h.needs as string[])} (pass an existing role to a new resource that runs code as it)`;
    case 'passrole':
      return '`iam:PassRole` on every role (hand any role, an admin role included, to a service)';
    case 'credentials':
      return `\`${h.name}\` (returns credentials)`;
    case 'permissions':
      return `\`${h.name}\` (changes who may access what)`;
  }
}

function remediationFor(hits: EscalationHit[]): string {
  const parts: string[] = [];
  const needs = new Set(hits.flatMap((h) => h.needs.map((n) => n.toLowerCase())));
  if (needs.has('iam:passrole')) parts.push('scope `iam:PassRole` to the ARNs of the roles the workload hands over, with an `iam:PassedToService` condition');
  if (needs.has('sts:assumerole')) parts.push('scope `sts:AssumeRole` to the role ARNs it assumes');
  if (hits.some((h) => h.needs.some((n) => /^iam:(?:Create|Update)(?:AccessKey|LoginProfile)$/i.test(n))))
    parts.push('scope user and credential management to `arn:aws:iam::<account>:user/${aws:username}` (self-service) or drop it');
  if (hits.some((h) => h.needs.some((n) => /^iam:(?:Attach|Put|Detach|Delete)\w*Policy|^iam:(?:CreatePolicyVersion|SetDefaultPolicyVersion|UpdateAssumeRolePolicy|AddUserToGroup)$/i.test(n))))
    parts.push('keep policy management to an administrator role with MFA, or scope it to specific ARNs with a permissions boundary condition (`iam:PermissionsBoundary`)');
  parts.push('replace `"Resource": "*"` with the specific ARNs for the rest');
  return `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
}

const rule: Rule = {
  meta: {
    id: 'scopes/aws-iam-privilege-escalation',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'AWS IAM policy allows privilege escalation, credential minting or permission management on every resource',
    controls: [...AWS_ESCALATION],
    remediation: 'Scope the actions to the specific ARNs they are needed on (`iam:PassRole` to one role with `iam:PassedToService`), or remove them; keep IAM administration to a role with MFA.',
    options: {
      allowPolicies: stringList('Globs of policy owners not reported (`aws_iam_role_policy.deployer`, CloudFormation logical ids).'),
      allowActions: stringList('Action globs not counted, e.g. `[sts:AssumeRole]`.'),
      credentialExempt: stringList('Credential-returning actions accepted on `"*"`.', DEFAULT_ESCALATION_OPTIONS.credentialExempt),
    },
  },
  keywords: AWS_IAM_KEYWORDS,
  scope: 'file',
  globOptions: ['allowPolicies', 'allowActions', 'credentialExempt'],
  appliesTo: appliesToIam,
  check(file, ctx) {
    const allowPolicies = optList(ctx.options, 'allowPolicies', []);
    const opts = {
      ...DEFAULT_ESCALATION_OPTIONS,
      allow: optList(ctx.options, 'allowActions', []),
      credentialExempt: optList(ctx.options, 'credentialExempt', DEFAULT_ESCALATION_OPTIONS.credentialExempt),
    };
    const out: RawFinding[] = [];
    for (const policy of iamPolicies(file.path, file.text)) {
      if (policy.purpose !== 'identity' || anyGlob(allowPolicies, policy.owner)) continue;
      const byStatement = new Map<IamStatement, EscalationHit[]>();
      for (const h of analyseEscalation(policy, opts)) {
        const list = byStatement.get(h.statement) ?? [];
        list.push(h);
        byStatement.set(h.statement, list);
      }
      for (const [s, hits] of byStatement) {
        hits.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
        const top = hits[0]!;
        const at = top.grants.find((g) => g.line >= s.line) ?? top.grants[0]!;
        const shown = hits.slice(0, 4).map(describe);
        const more = hits.length > 4 ? ` and ${hits.length - 4} more` : '';
        const kind = top.kind === 'escalation' || top.kind === 'passrole' ? 'privilege escalation' : top.kind === 'credentials' ? 'credentials for other identities' : 'permission changes';
        out.push({
          line: at.line,
          column: at.column,
          message: `${s.sid ? `Statement \`${s.sid}\`` : 'A statement'} of \`${policy.owner}\` allows ${kind} without a resource constraint: ${shown.join('; ')}${more}.`,
          construct: `aws-escalation:${statementKey(s)}`,
          ...(standaloneStatementKey(s) !== undefined ? { sameAs: standaloneStatementKey(s) } : {}),
          severity: top.severity,
          remediation: remediationFor(hits),
        });
      }
    }
    return out;
  },
};

export default rule;
