import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-oidc-trust-unscoped.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const doc = (conditions: string) => y`
  data "aws_iam_policy_document" "gha" {
    statement {
      actions = ["sts:AssumeRoleWithWebIdentity"]
      principals {
        type        = "Federated"
        identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
      }
      ${conditions}
    }
  }
`;
const cond = (test: string, variable: string, value: string) => `condition {\n      test     = "${test}"\n      variable = "${variable}"\n      values   = ["${value}"]\n    }`;
const SUB = 'token.actions.githubusercontent.com:sub';
const AUD = 'token.actions.githubusercontent.com:aud';

const role = (sub: string) => y`
  resource "aws_iam_role" "deploy" {
    name = "deploy"
    assume_role_policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Action    = "sts:AssumeRoleWithWebIdentity"
        Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
        Condition = {
          StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
          StringLike   = { "token.actions.githubusercontent.com:sub" = "${sub}" }
        }
      }]
    })
  }
`;

const cfn = y`
  Resources:
    GithubRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Statement:
            - Effect: Allow
              Action: sts:AssumeRoleWithWebIdentity
              Principal:
                Federated: !Sub arn:aws:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
              Condition:
                StringEquals:
                  token.actions.githubusercontent.com:aud: sts.amazonaws.com
`;

const eks = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/CLUSTER1' }, Action: 'sts:AssumeRoleWithWebIdentity' }],
  },
  null,
  2,
);

ruleTester(rule, {
  valid: [
    { code: doc(`${cond('StringEquals', AUD, 'sts.amazonaws.com')}\n    ${cond('StringLike', SUB, 'repo:my-org/app:*')}`), path: 'oidc.tf' },
    { code: doc(cond('StringEquals', SUB, 'repo:my-org/app:environment:prod')), path: 'oidc.tf' },
    { code: doc(cond('StringEquals', 'token.actions.githubusercontent.com/my-enterprise:sub', 'repo:my-org/app:ref:refs/heads/main')), path: 'oidc.tf' },
    { code: doc(cond('StringEquals', SUB, '${var.subject}')), path: 'oidc.tf' },
    { code: role('repo:my-org/app:ref:refs/heads/main'), path: 'role.tf' },
    // the sub condition in a dynamic block, filled from a variable
    {
      code: y`
        data "aws_iam_policy_document" "this" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = ["arn:aws:iam::123456789012:oidc-provider/\${var.github_provider}"]
            }
            dynamic "condition" {
              for_each = length(var.subjects) > 0 ? [1] : []
              content {
                test     = "StringEquals"
                variable = "\${var.github_provider}:sub"
                values   = var.subjects
              }
            }
          }
        }
      `,
      path: 'modules/role/main.tf',
    },
    { code: eks.replace('"Action"', '"Condition": {"StringEquals": {"oidc.eks.eu-west-1.amazonaws.com/id/CLUSTER1:sub": "system:serviceaccount:app:web"}},\n      "Action"'), path: 'trust.json' },
  ],
  invalid: [
    { code: doc(''), path: 'oidc.tf', count: 1, line: 6 },
    { code: doc(cond('StringEquals', SUB, '*')), path: 'oidc.tf', count: 1, line: 11 },
    { code: doc(cond('StringLike', SUB, 'repo:my-org*')), path: 'oidc.tf', count: 1, line: 11 },
    { code: doc(cond('StringEquals', SUB, 'environment:prod')), path: 'oidc.tf', count: 1, line: 11 },
    { code: role('repo:*'), path: 'role.tf', count: 1, line: 11 },
    { code: cfn, path: 'template.yaml', count: 1, line: 10 },
    { code: eks, path: 'trust.json', count: 1, line: 7 },
    { code: role('repo:my-org/*'), path: 'role.tf', options: { orgWideSeverity: 'medium' }, count: 1, line: 11 },
  ],
});

describe('scopes/aws-oidc-trust-unscoped severity', () => {
  it('grades by breadth', () => {
    const sev = (code: string, options = {}) => runRule(rule, { code, path: 'x.tf', options })[0]?.severity;
    expect(sev(doc(''))).toBe('critical');
    expect(sev(role('repo:*'))).toBe('critical');
    expect(sev(doc(cond('StringLike', SUB, 'repo:my-org*')))).toBe('high');
    expect(sev(doc(cond('StringEquals', SUB, 'workflow:deploy')))).toBe('high');
    expect(sev(role('repo:my-org/*'))).toBe('info');
    expect(sev(doc(`${cond('StringEquals', AUD, '*')}\n    ${cond('StringEquals', SUB, 'repo:o/r:ref:refs/heads/main')}`))).toBe('low');
  });
});
