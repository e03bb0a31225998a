import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-iam-privilege-escalation.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const TF = 'iam.tf';

const passRoleLambda = y`
  data "aws_iam_policy_document" "deployer" {
    statement {
      sid = "Deploy"
      actions = [
        "iam:PassRole",
        "lambda:CreateFunction",
        "lambda:CreateEventSourceMapping",
      ]
      resources = ["*"]
    }
  }
`;

const createPolicyVersion = y`
  resource "aws_iam_policy" "ops" {
    policy = jsonencode({
      Statement = [
        { Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::b/*" },
        { Effect = "Allow", Action = ["iam:CreatePolicyVersion", "iam:ListPolicies"], Resource = "*" },
      ]
    })
  }
`;

const cfnAssumeAnything = y`
  Resources:
    CiUser:
      Type: AWS::IAM::ManagedPolicy
      Properties:
        PolicyDocument:
          Statement:
            - Effect: Allow
              Action:
                - sts:AssumeRole
              Resource: "*"
`;

const splitStatements = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      { Effect: 'Allow', Action: ['ec2:RunInstances'], Resource: '*' },
    ],
  },
  null,
  2,
);

ruleTester(rule, {
  valid: [
    // PassRole scoped to one role, with the service condition
    {
      code: y`
        data "aws_iam_policy_document" "ok" {
          statement {
            actions   = ["iam:PassRole"]
            resources = ["arn:aws:iam::123456789012:role/app-task"]
          }
          statement {
            actions   = ["lambda:CreateFunction", "lambda:UpdateFunctionCode"]
            resources = ["arn:aws:lambda:eu-west-1:123456789012:function:app-*"]
          }
        }
      `,
      path: TF,
    },
    // credentials for the registry are exempt by default; a condition narrows "*"
    {
      code: y`
        data "aws_iam_policy_document" "pull" {
          statement {
            actions   = ["ecr:GetAuthorizationToken"]
            resources = ["*"]
          }
          statement {
            actions   = ["sts:AssumeRole"]
            resources = ["*"]
            condition {
              test     = "StringEquals"
              variable = "aws:ResourceTag/team"
              values   = ["ci"]
            }
          }
        }
      `,
      path: TF,
    },
    // an explicit deny takes the action away
    {
      code: JSON.stringify({
        Statement: [
          { Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' },
          { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
        ],
      }),
      path: 'p.json',
    },
    // allowed by the policy
    { code: cfnAssumeAnything, path: 'stack.yaml', options: { allowActions: ['sts:AssumeRole'] } },
    // a service-linked role's policies are the service's, and only the service assumes it (a controller's
    // iam:CreateServiceLinkedRole on "*" is an ordinary write, for scopes/aws-iam-wildcard)
    {
      code: y`
        data "aws_iam_policy_document" "gateway_api_controller" {
          statement {
            actions   = ["vpc-lattice:*", "iam:CreateServiceLinkedRole", "ec2:DescribeVpcs"]
            resources = ["*"]
          }
        }
      `,
      path: TF,
    },
    // sts:GetSessionToken returns the caller's own temporary credentials (an MFA sign-in), on "*" by necessity
    {
      code: y`
        data "aws_iam_policy_document" "read_only" {
          statement {
            sid       = "STS"
            actions   = ["sts:GetCallerIdentity", "sts:GetSessionToken"]
            resources = ["*"]
          }
        }
      `,
      path: TF,
    },
    // `*` is full admin: reported by scopes/aws-iam-wildcard, not twice
    { code: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), path: 'admin.json' },
  ],
  invalid: [
    { code: passRoleLambda, path: TF, count: 1, line: 5 },
    { code: createPolicyVersion, path: TF, count: 1, line: 5 },
    { code: cfnAssumeAnything, path: 'stack.yaml', count: 1, line: 9 },
    { code: splitStatements, path: 'policy.json', count: 1, line: 6 },
    // a role of one's own making is still a permission change
    {
      code: y`
        data "aws_iam_policy_document" "roles" {
          statement {
            actions   = ["iam:CreateServiceLinkedRole", "iam:CreateRole"]
            resources = ["*"]
          }
        }
      `,
      path: TF,
      count: 1,
      line: 3,
    },
  ],
});

describe('scopes/aws-iam-privilege-escalation severity', () => {
  it('is critical for one-action escalations, high for PassRole combinations', () => {
    expect(runRule(rule, { code: createPolicyVersion, path: TF })[0]!.severity).toBe('critical');
    const f = runRule(rule, { code: passRoleLambda, path: TF })[0]!;
    expect(f.severity).toBe('high');
    expect(f.message).toMatch(/iam:PassRole/);
    expect(f.remediation).toMatch(/iam:PassedToService/);
  });

  it('names iam:CreateRole, not iam:CreateServiceLinkedRole, as the permission change', () => {
    const code = y`
      data "aws_iam_policy_document" "roles" {
        statement {
          actions   = ["iam:CreateServiceLinkedRole", "iam:CreateRole"]
          resources = ["*"]
        }
      }
    `;
    const [f] = runRule(rule, { code, path: TF });
    expect(f!.message).toMatch(/`iam:CreateRole`/);
    expect(f!.message).not.toMatch(/ServiceLinked/);
  });

  it('reports credentials on "*" as high for STS', () => {
    const f = runRule(rule, { code: cfnAssumeAnything, path: 'stack.yaml' })[0]!;
    expect(f.severity).toBe('high');
    expect(f.message).toMatch(/sts:AssumeRole/);
  });
});

describe('scopes/aws-iam-privilege-escalation: actions that take no resource', () => {
  it('names logs:PutResourcePolicy at low, since log delivery needs it on "*"', () => {
    const code = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogDelivery', 'logs:PutResourcePolicy'], Resource: '*' }] }, null, 2);
    const [f] = runRule(rule, { code, path: 'policy.json' });
    expect(f!.severity).toBe('low');
    expect(f!.message).toMatch(/logs:PutResourcePolicy/);
    // a resource-scopable permission change on "*" stays medium
    const scopable = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['secretsmanager:PutResourcePolicy'], Resource: '*' }] }, null, 2);
    expect(runRule(rule, { code: scopable, path: 'policy.json' })[0]!.severity).toBe('medium');
  });
});
