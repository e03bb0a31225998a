/**
 * AWS IAM users provisioned as code for day-to-day access, where roles would do: a user is a standing
 * identity with long-lived credentials (access keys, a console password) that someone must rotate,
 * while people sign in through IAM Identity Center (SSO) and workloads assume roles with temporary
 * credentials. Terraform `aws_iam_user` and CloudFormation `AWS::IAM::User`.
 *
 * Medium when the same file gives the user credentials (an access key: `aws_iam_access_key`,
 * `AWS::IAM::AccessKey`; a console password: `aws_iam_user_login_profile`, `LoginProfile`) and
 * permissions (policies attached to it, inline `Policies`, `ManagedPolicyArns`, groups); low for a
 * user without either in the file (the credentials and permissions may be made elsewhere). IAM
 * Identity Center users (`aws_identitystore_user`) and `data "aws_iam_user"` lookups are not
 * reported.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { attr, type HclFile } from '../../parse/hcl.js';
import { LONG_LIVED } from './lib/controls.js';
import { atBlock, atTemplate, blockJudgeable, cfnRefTarget, cfnResources, isTemplatePath, isTerraformPath, templateJudgeable, terraform, tfResources } from './lib/cloud.js';

/** Resources that refer to `aws_iam_user.<name>` (through its name, id or arn) in their `user`/`users` attributes. */
function referrers(tf: HclFile, types: readonly string[], name: string): string[] {
  const re = new RegExp(`\\baws_iam_user\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:name|id|arn|unique_id)\\b`);
  const out: string[] = [];
  for (const r of tfResources(tf, ...types)) {
    const v = attr(r.block, 'user')?.value ?? attr(r.block, 'users')?.value;
    if (v && re.test(JSON.stringify(v))) out.push(r.type);
  }
  return out;
}

const CREDENTIALS = ['aws_iam_access_key', 'aws_iam_user_login_profile', 'aws_iam_service_specific_credential', 'aws_iam_signing_certificate', 'aws_iam_user_ssh_key'];
const PERMISSIONS = ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_user_group_membership', 'aws_iam_group_membership'];

const FIX =
  'Give people access through IAM Identity Center (SSO) permission sets and workloads an IAM role (instance profile, IRSA, ECS task role, OIDC federation from CI); if an IAM user must stay (a third-party tool that only takes keys), keep its permissions minimal, rotate its key at most every 90 days and record it in the token inventory.';

const rule: Rule = {
  meta: {
    id: 'rotation/aws-iam-user',
    family: 'rotation',
    severity: 'medium',
    confidence: 'medium',
    description: 'AWS IAM user with long-lived credentials provisioned for day-to-day access where SSO or an IAM role would do',
    controls: [...LONG_LIVED],
    remediation: FIX,
  },
  keywords: ['aws_iam_user', 'aws::iam::user'],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || isTemplatePath(p),
  check(file) {
    const out: RawFinding[] = [];
    if (isTerraformPath(file.path)) {
      const tf = terraform(file);
      if (!tf) return [];
      for (const r of tfResources(tf, 'aws_iam_user')) {
        if (!blockJudgeable(file, r.block)) continue;
        const creds = referrers(tf, CREDENTIALS, r.name);
        const perms = referrers(tf, PERMISSIONS, r.name);
        const label = attr(r.block, 'name')?.value;
        const userName = label?.kind === 'string' ? ` (\`${label.value}\`)` : '';
        const what = [
          creds.includes('aws_iam_access_key') ? 'an access key' : '',
          creds.includes('aws_iam_user_login_profile') ? 'a console password' : '',
          creds.some((c) => !['aws_iam_access_key', 'aws_iam_user_login_profile'].includes(c)) ? 'other long-lived credentials' : '',
        ]
          .filter(Boolean)
          .join(' and ');
        const daily = creds.length > 0 && perms.length > 0;
        out.push(
          atBlock(r.block, undefined, {
            message: daily
              ? `\`${r.address}\`${userName} is an IAM user with ${what} and permissions of its own: a standing identity with credentials that never expire, where SSO (people) or a role (workloads) gives temporary ones.`
              : `\`${r.address}\`${userName} is an IAM user: a standing identity whose credentials never expire, where SSO (people) or a role (workloads) gives temporary ones.`,
            construct: `${r.address} iam-user`,
            severity: daily ? 'medium' : 'low',
          }),
        );
      }
      return out;
    }
    const resources = cfnResources(file);
    for (const r of resources) {
      if (r.type !== 'AWS::IAM::User' || !templateJudgeable(file, r)) continue;
      const doc = r.doc;
      const key = resources.some((k) => k.type === 'AWS::IAM::AccessKey' && cfnRefTarget(doc, doc.get(k.properties, 'UserName')) === r.id);
      const login = doc.has(r.properties, 'LoginProfile');
      const perms =
        doc.items(doc.get(r.properties, 'Policies')).length > 0 ||
        doc.items(doc.get(r.properties, 'ManagedPolicyArns')).length > 0 ||
        doc.items(doc.get(r.properties, 'Groups')).length > 0 ||
        resources.some((p) => /^AWS::IAM::(?:Policy|ManagedPolicy|UserToGroupAddition)$/.test(p.type) && doc.items(doc.get(p.properties, 'Users')).some((u) => cfnRefTarget(doc, u) === r.id));
      const what = [key ? 'an access key' : '', login ? 'a console password' : ''].filter(Boolean).join(' and ');
      const daily = (key || login) && perms;
      out.push(
        atTemplate(r, undefined, {
          message: daily
            ? `\`${r.id}\` is an IAM user with ${what} and permissions of its own: a standing identity with credentials that never expire, where SSO (people) or a role (workloads) gives temporary ones.`
            : `\`${r.id}\` is an IAM user: a standing identity whose credentials never expire, where SSO (people) or a role (workloads) gives temporary ones.`,
          construct: `${r.id} iam-user`,
          severity: daily ? 'medium' : 'low',
        }),
      );
    }
    return out;
  },
};

export default rule;
