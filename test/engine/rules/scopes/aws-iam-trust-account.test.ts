import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-iam-trust-account.js';
import publicRule from '../../../../src/engine/rules/scopes/aws-iam-trust-public.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const role = (principal: string, condition = '', action = '"sts:AssumeRole"', effect = 'Allow') => y`
  resource "aws_iam_role" "vendor" {
    name = "vendor"
    assume_role_policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "${effect}"
        Action    = ${action}
        Principal = ${principal}
        ${condition}
      }]
    })
  }
`;

const doc = (identifiers: string, extra = '', type = 'AWS', actions = '["sts:AssumeRole"]') => y`
  data "aws_iam_policy_document" "trust" {
    statement {
      actions = ${actions}
      principals {
        type        = "${type}"
        identifiers = ${identifiers}
      }
      ${extra}
    }
  }

  resource "aws_iam_role" "ci" {
    name               = "ci"
    assume_role_policy = data.aws_iam_policy_document.trust.json
  }
`;

const cfn = (principal: string, condition = '') => y`
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    CrossAccountRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal:
                AWS: ${principal}
              Action: sts:AssumeRole
              ${condition}
`;

ruleTester(rule, {
  valid: [
    // a named role, a service, a federated provider
    { code: role('{ AWS = "arn:aws:iam::123456789012:role/deployer" }'), path: 'iam.tf' },
    { code: role('{ Service = "ec2.amazonaws.com" }'), path: 'iam.tf' },
    { code: role('{ Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }', '', '"sts:AssumeRoleWithWebIdentity"'), path: 'iam.tf' },
    // conditions narrow it: external id (third parties), principal ARN or organization (own accounts), MFA
    { code: role('{ AWS = "arn:aws:iam::123456789012:root" }', 'Condition = { StringEquals = { "sts:ExternalId" = "example-external-id" } }'), path: 'iam.tf' },
    { code: role('{ AWS = "123456789012" }', 'Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::123456789012:role/ci-*" } }'), path: 'iam.tf' },
    { code: role('{ AWS = "123456789012" }', 'Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }'), path: 'iam.tf' },
    { code: doc('["arn:aws:iam::123456789012:root"]', 'condition {\n    test     = "StringEquals"\n    variable = "aws:PrincipalOrgID"\n    values   = ["o-example"]\n  }'), path: 'iam.tf' },
    // Deny statements take access away
    { code: role('{ AWS = "arn:aws:iam::123456789012:root" }', '', '"sts:AssumeRole"', 'Deny'), path: 'iam.tf' },
    // not an assume-role statement: TagSession alone
    { code: role('{ AWS = "arn:aws:iam::123456789012:root" }', '', '"sts:TagSession"'), path: 'iam.tf' },
    // `*` is aws-iam-trust-public's
    { code: role('{ AWS = "*" }'), path: 'iam.tf' },
    { code: role('{ AWS = "arn:aws:iam::*:root" }'), path: 'iam.tf' },
    // a KMS key policy naming the account root is a resource policy (the default key policy)
    {
      code: JSON.stringify(
        { Version: '2012-10-17', Statement: [{ Sid: 'Enable IAM policies', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }] },
        null,
        2,
      ),
      path: 'key-policy.json',
    },
    { code: doc('["arn:aws:iam::123456789012:root"]', '', 'AWS', '["kms:*"]'), path: 'kms.tf' },
    // an account id or ARN held in a variable: unknown (it may name one role)
    { code: doc('[var.trusted_principal]'), path: 'iam.tf' },
    { code: cfn('!Ref TrustedPrincipalArn'), path: 'template.yaml' },
    // allowed by policy
    { code: role('{ AWS = "arn:aws:iam::123456789012:root" }'), path: 'iam.tf', options: { allowAccounts: ['1234567890*'] } },
    { code: role('{ AWS = "arn:aws:iam::123456789012:root" }'), path: 'iam.tf', options: { allowRoles: ['aws_iam_role.vendor'] } },
    // with a condition in CloudFormation
    { code: cfn('arn:aws:iam::123456789012:root', 'Condition:\n                StringEquals:\n                  sts:ExternalId: example-external-id'), path: 'template.yaml' },
  ],
  invalid: [
    { code: role('{ AWS = "arn:aws:iam::123456789012:root" }'), path: 'iam.tf', count: 1, line: 8 },
    { code: role('{ AWS = "123456789012" }'), path: 'iam.tf', count: 1, line: 8 },
    { code: role('{ AWS = ["arn:aws:iam::111122223333:role/ci", "arn:aws:iam::123456789012:root"] }'), path: 'iam.tf', count: 1, line: 8 },
    { code: role('"123456789012"'), path: 'iam.tf', count: 1, line: 8 },
    { code: role('{ AWS = "arn:aws-us-gov:iam::123456789012:root" }', '', '"sts:*"'), path: 'iam.tf', count: 1 },
    { code: role('{ AWS = "arn:aws:iam::123456789012:root" }', '', '["sts:AssumeRole", "sts:TagSession"]'), path: 'iam.tf', count: 1 },
    { code: role('{ AWS = "arn:aws:iam::123456789012:root" }', '', '"*"'), path: 'iam.tf', count: 1 },
    // heredoc JSON
    {
      code: y`
        resource "aws_iam_role" "vendor" {
          assume_role_policy = <<EOF
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
              "Action": "sts:AssumeRole"
            }
          ]
        }
        EOF
        }
      `,
      path: 'iam.tf',
      count: 1,
      line: 8,
    },
    { code: doc('["arn:aws:iam::123456789012:root"]'), path: 'iam.tf', count: 1, line: 6 },
    // an account held in a variable, written as a root ARN: still a whole account
    { code: doc('["arn:aws:iam::${var.tooling_account_id}:root"]'), path: 'iam.tf', count: 1, line: 6 },
    { code: cfn('arn:aws:iam::123456789012:root'), path: 'template.yaml', count: 1, line: 11 },
    { code: cfn('"123456789012"'), path: 'template.yaml', count: 1, line: 11 },
    { code: cfn('!Sub arn:${AWS::Partition}:iam::${ToolingAccountId}:root'), path: 'template.yaml', count: 1, line: 11 },
    {
      code: JSON.stringify(
        {
          Resources: {
            CrossAccountRole: {
              Type: 'AWS::IAM::Role',
              Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::123456789012:root'] }, Action: ['sts:AssumeRole'] }] } },
            },
          },
        },
        null,
        2,
      ),
      path: 'template.json',
      count: 1,
    },
    // the own account, when the policy asks for it
    { code: cfn('!Ref AWS::AccountId'), path: 'template.yaml', count: 1, options: { ownAccountSeverity: 'low' } },
  ],
});

describe('scopes/aws-iam-trust-account messages and severity', () => {
  const one = (code: string, path = 'iam.tf', options: Record<string, unknown> = {}) => runRule(rule, { code, path, options })[0]!;

  it('is medium, names the account and the confused deputy', () => {
    const f = one(role('{ AWS = "arn:aws:iam::123456789012:root" }'));
    expect(f.severity).toBe('medium');
    expect(f.confidence).toBe('high');
    expect(f.message).toMatch(/^A statement of `aws_iam_role\.vendor` lets the account `123456789012` assume the role with no condition/);
    expect(f.message).toMatch(/confused-deputy problem: require `sts:ExternalId`/);
    expect(f.remediation).toMatch(/Name the roles of `123456789012`/);
  });

  it('has medium confidence when the account is only known as an expression', () => {
    const f = one(doc('["arn:aws:iam::${var.tooling_account_id}:root"]'));
    expect(f.confidence).toBe('medium');
    expect(f.message).toMatch(/the account `\$\{var\.tooling_account_id\}`/);
  });

  it('reports the own account as info (off in the default policy) unless ownAccountSeverity says otherwise', () => {
    for (const [code, path] of [
      [doc('["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]'), 'iam.tf'],
      [cfn('!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root'), 'template.yaml'],
      [cfn('!Ref AWS::AccountId'), 'template.yaml'],
    ] as const) {
      const found = runRule(rule, { code, path });
      expect(found.map((f) => f.severity)).toEqual(['info']);
    }
  });

  it('reports the own account at ownAccountSeverity', () => {
    const f = one(cfn('!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root'), 'template.yaml', { ownAccountSeverity: 'low' });
    expect(f.severity).toBe('low');
    expect(f.message).toMatch(/any user or role of its own account/);
  });

  it('leaves `*` to aws-iam-trust-public and does not report it twice', () => {
    const code = role('{ AWS = ["*", "arn:aws:iam::123456789012:root"] }');
    expect(runRule(publicRule, { code, path: 'iam.tf' })).toHaveLength(1);
    // the same statement also trusts one account: a distinct fact with its own fix
    expect(runRule(rule, { code, path: 'iam.tf' })).toHaveLength(1);
    expect(runRule(rule, { code: role('{ AWS = "*" }'), path: 'iam.tf' })).toHaveLength(0);
  });
});
