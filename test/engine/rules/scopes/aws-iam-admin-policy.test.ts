import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-iam-admin-policy.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const tf = y`
  resource "aws_iam_role_policy_attachment" "ci" {
    role       = aws_iam_role.ci.name
    policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
  }

  resource "aws_iam_role" "ops" {
    name                = "ops"
    assume_role_policy  = data.aws_iam_policy_document.trust.json
    managed_policy_arns = [
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "arn:\${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess",
    ]
  }

  data "aws_iam_policy" "iam_full" {
    name = "IAMFullAccess"
  }
`;

const cfn = y`
  Resources:
    DeployRole:
      Type: AWS::IAM::Role
      Properties:
        ManagedPolicyArns:
          - !Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess
`;

ruleTester(rule, {
  valid: [
    { code: 'resource "aws_iam_role_policy_attachment" "ro" {\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n', path: 'iam.tf' },
    // a similarly named managed policy is not the admin one
    { code: 'resource "aws_iam_role_policy_attachment" "amp" {\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess-Amplify"\n}\n', path: 'iam.tf' },
    // a break-glass role allowed by the policy
    { code: tf.split('\n\n')[0]!, path: 'iam.tf', options: { allow: ['aws_iam_role_policy_attachment.break*', 'aws_iam_role_policy_attachment.ci'] } },
    // prose is not configuration
    { code: 'Never attach AdministratorAccess to CI roles.', path: 'README.md' },
  ],
  invalid: [
    { code: tf, path: 'iam.tf', count: 3, line: 3 },
    { code: cfn, path: 'template.yaml', count: 1, line: 6 },
    { code: "const role = new iam.Role(this, 'Deploy', {\n  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],\n});\n", path: 'lib/stack.ts', count: 1, line: 2 },
  ],
});

describe('scopes/aws-iam-admin-policy severity', () => {
  it('grades AdministratorAccess critical, PowerUserAccess high, a lookup medium', () => {
    const found = runRule(rule, { code: tf, path: 'iam.tf' });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([
      [3, 'critical'],
      [11, 'high'],
      [16, 'medium'],
    ]);
    expect(found[0]!.message).toMatch(/aws_iam_role_policy_attachment\.ci/);
  });
});
