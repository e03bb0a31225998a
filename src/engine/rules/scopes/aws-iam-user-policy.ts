/**
 * AWS policies attached directly to IAM users (CIS AWS 1.15: users get permissions through groups,
 * workloads through roles): a user's permissions then live in many places, survive role changes, and
 * usually come with long-lived access keys. Terraform `aws_iam_user_policy`,
 * `aws_iam_user_policy_attachment`, `aws_iam_user_policy_attachments_exclusive`, `aws_iam_policy_attachment`
 * with `users`; CloudFormation `AWS::IAM::User` with `Policies` / `ManagedPolicyArns`, and
 * `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy` with `Users`.
 *
 * ```yaml
 * rules:
 *   scopes/aws-iam-user-policy:
 *     options:
 *       allowUsers: []   # globs of users (name, Terraform address or CloudFormation id) that may hold policies, e.g. [ci-deployer]
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { attr, parseHcl, type HclValue } from '../../parse/hcl.js';
import { AWS_USER_POLICY } from './lib/cloud-controls.js';
import { cfnResources } from './lib/iam-policy.js';
import { anyGlob, optList } from './lib/rule-options.js';

const REMEDIATION =
  'Attach the policy to an IAM group and add the user to it (`aws_iam_group_policy_attachment` + `aws_iam_user_group_membership`), or move the workload to a role it assumes (OIDC federation for CI) so no user holds long-lived keys.';

/** Literal names in a value (`"alice"`, `["alice", aws_iam_user.bob.name]`): references count as names. */
function names(v: HclValue | undefined): string[] {
  if (!v) return [];
  switch (v.kind) {
    case 'string':
    case 'template':
      return [v.value];
    case 'tuple':
      return v.items.flatMap(names);
    case 'expr':
      return v.text === 'null' ? [] : [v.text];
    case 'null':
      return [];
    default:
      return ['?'];
  }
}

const rule: Rule = {
  meta: {
    id: 'scopes/aws-iam-user-policy',
    family: 'scopes',
    severity: 'medium',
    confidence: 'high',
    description: 'AWS IAM policy attached directly to a user instead of a group or role',
    controls: [...AWS_USER_POLICY],
    remediation: REMEDIATION,
    options: {
      allowUsers: stringList('Globs of users (name, Terraform address or CloudFormation id) that may hold policies, e.g. `[ci-deployer]`.'),
    },
  },
  keywords: ['aws_iam_user_policy', 'aws_iam_policy_attachment', 'aws::iam::user', 'aws::iam::policy', 'aws::iam::managedpolicy'],
  scope: 'file',
  globOptions: ['allowUsers'],
  appliesTo: (path) => /\.(?:tf|ya?ml|json|template)$/i.test(path),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowUsers', []);
    const allowed = (users: string[], address: string): boolean =>
      anyGlob(allow, address) || (users.length > 0 && users.every((u) => anyGlob(allow, u) || anyGlob(allow, u.replace(/^aws_iam_user\.([\w-]+)\..*$/, '$1'))));
    const out: RawFinding[] = [];
    const push = (line: number, column: number, address: string, users: string[], what: string): void => {
      if (allowed(users, address)) return;
      const who = users.length ? users.map((u) => `\`${u}\``).join(', ') : 'a user';
      out.push({
        line,
        column,
        message: `\`${address}\` ${what} directly to ${users.length > 1 ? 'users' : 'user'} ${who}; grant it through a group or a role instead.`,
        construct: `aws-user-policy:${address}`,
      });
    };

    if (/\.tf$/i.test(file.path)) {
      const hcl = parseHcl(file.text);
      for (const b of hcl?.root.blocks ?? []) {
        if (b.type !== 'resource' || b.labels.length < 2) continue;
        const [type, name] = b.labels as [string, string];
        const address = `${type}.${name}`;
        if (type === 'aws_iam_user_policy') {
          const u = attr(b, 'user');
          push(u?.pos.line ?? b.pos.line, u?.pos.column ?? 1, address, names(u?.value), 'attaches an inline policy');
        } else if (type === 'aws_iam_user_policy_attachment' || type === 'aws_iam_user_policy_attachments_exclusive') {
          const u = attr(b, 'user') ?? attr(b, 'user_name');
          push(u?.pos.line ?? b.pos.line, u?.pos.column ?? 1, address, names(u?.value), 'attaches a managed policy');
        } else if (type === 'aws_iam_policy_attachment') {
          const u = attr(b, 'users');
          const users = names(u?.value);
          if (u && users.length) push(u.pos.line, u.pos.column, address, users, 'attaches a managed policy');
        }
      }
      return out;
    }

    for (const r of cfnResources(file.text, file.path)) {
      const { doc } = r;
      const props = r.properties;
      if (r.type === 'AWS::IAM::User') {
        for (const key of ['Policies', 'ManagedPolicyArns']) {
          const e = doc.entry(props, key);
          if (!e || (doc.isSeq(e.value) && !doc.items(e.value).length) || doc.isNull(e.value)) continue;
          const userName = doc.str(doc.get(props, 'UserName'));
          const p = doc.pos(e.keyNode) ?? { line: r.line, column: 1 };
          push(p.line, p.column, r.id, [userName ?? r.id], key === 'Policies' ? 'attaches inline policies' : 'attaches managed policies');
        }
      } else if (r.type === 'AWS::IAM::Policy' || r.type === 'AWS::IAM::ManagedPolicy') {
        const e = doc.entry(props, 'Users');
        if (!e || doc.isNull(e.value)) continue;
        const users = doc.isSeq(e.value) ? doc.items(e.value).map((u) => doc.str(u) ?? doc.source(u)?.trim() ?? '?') : [doc.str(e.value) ?? '?'];
        if (!users.length) continue;
        const p = doc.pos(e.keyNode) ?? { line: r.line, column: 1 };
        push(p.line, p.column, r.id, users, r.type === 'AWS::IAM::Policy' ? 'attaches an inline policy' : 'attaches a managed policy');
      }
    }
    return out;
  },
};

export default rule;
