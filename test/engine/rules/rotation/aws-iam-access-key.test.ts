import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/aws-iam-access-key.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'iam/users.tf';

ruleTester(rule, {
  valid: [
    { code: 'resource "aws_iam_user" "ci" {\n  name = "ci"\n}\n', path: TF },
    // replaced on a schedule by Terraform
    {
      code: 'resource "time_rotating" "r" {\n  rotation_days = 60\n}\nresource "aws_iam_access_key" "k" {\n  user = "ci"\n  lifecycle {\n    replace_triggered_by = [time_rotating.r]\n  }\n}\n',
      path: TF,
    },
    { code: 'data "aws_iam_access_keys" "k" {\n  user = "ci"\n}\n', path: TF },
    { code: 'Resources:\n  U:\n    Type: AWS::IAM::User\n', path: 'cfn/iam.yml' },
  ],
  invalid: [
    { code: 'resource "aws_iam_access_key" "ci" {\n  user = aws_iam_user.ci.name\n}\n', path: TF, count: 1, line: 1 },
    { code: 'resource "aws_iam_access_key" "r" {\n  user = "root"\n}\n', path: TF, count: 1 },
    { code: 'resource "aws_iam_user" "u" {\n  name = "root"\n}\nresource "aws_iam_access_key" "r" {\n  user = aws_iam_user.u.name\n}\n', path: TF, count: 1, line: 4 },
    { code: 'Resources:\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: !Ref CiUser\n', path: 'cfn/iam.yml', count: 1, line: 2 },
  ],
});

describe('rotation/aws-iam-access-key', () => {
  it('makes a root key critical', () => {
    const [root] = runRule(rule, { code: 'resource "aws_iam_user" "u" {\n  name = "root"\n}\nresource "aws_iam_access_key" "r" {\n  user = aws_iam_user.u.name\n}\n', path: TF });
    expect(root!.severity).toBe('critical');
    expect(root!.message).toMatch(/root user/);
    const [user] = runRule(rule, { code: 'resource "aws_iam_user" "u" {\n  name = "deployer"\n}\nresource "aws_iam_access_key" "k" {\n  user = aws_iam_user.u.name\n}\n', path: TF });
    expect(user!.severity).toBe('medium');
    expect(user!.message).toBe('`aws_iam_access_key.k` creates a long-lived access key for IAM user `deployer`: it never expires and works from anywhere until someone deletes it.');
  });
});
