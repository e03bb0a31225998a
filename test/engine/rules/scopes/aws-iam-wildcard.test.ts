import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-iam-wildcard.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const TF = 'infra/iam.tf';
const tf = (code: string, extra: Record<string, unknown> = {}) => ({ code, path: TF, ...extra });

const adminHeredoc = y`
  resource "aws_iam_policy" "admin" {
    name   = "admin"
    policy = <<POLICY
  {
    "Version": "2012-10-17",
    "Statement": [
      {
        "Effect": "Allow",
        "Action": "*",
        "Resource": "*"
      }
    ]
  }
  POLICY
  }
`;

const jsonencoded = y`
  resource "aws_iam_role_policy" "app" {
    name = "app"
    role = aws_iam_role.app.id
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:PutObject"]
          Resource = "arn:aws:s3:::app-bucket/*"
        },
        {
          Effect   = "Allow"
          Action   = ["s3:*"]
          Resource = "*"
        },
      ]
    })
  }
`;

const dataDoc = y`
  data "aws_iam_policy_document" "ci" {
    statement {
      sid       = "Everything"
      actions   = ["*"]
      resources = ["arn:aws:s3:::ci-artifacts/*"]
    }
    statement {
      effect    = "Deny"
      actions   = ["*"]
      resources = ["*"]
    }
  }
`;

const cfn = y`
  AWSTemplateFormatVersion: "2010-09-09"
  Conditions:
    IsProd: !Equals [!Ref Env, prod]
  Resources:
    AppRole:
      Type: AWS::IAM::Role
      Properties:
        RoleName: !Sub "\${AWS::StackName}-app"
        AssumeRolePolicyDocument:
          Statement:
            - Effect: Allow
              Principal: { Service: lambda.amazonaws.com }
              Action: sts:AssumeRole
        Policies:
          - PolicyName: app
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: iam:*
                  Resource: "*"
                - Effect: Allow
                  Action: [dynamodb:GetItem]
                  Resource: !GetAtt Table.Arn
`;

const cfnSubString = y`
  Resources:
    ExecRole:
      Type: AWS::IAM::Role
      Properties:
        Policies: !If
          - CreateExecPolicy
          - - PolicyName: root
              PolicyDocument: !Sub |
                { "Version": "2012-10-17", "Statement": [
                  {
                    "Effect": "Allow",
                    "Action": "*",
                    "Resource": "*"
                  }
                ]}
          - !Ref AWS::NoValue
`;

const standalone = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: ['dynamodb:GetItem', 's3:ListAllMyBuckets'], Resource: '*' },
      { Sid: 'NotAct', Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' },
    ],
  },
  null,
  2,
);

ruleTester(rule, {
  valid: [
    // least privilege: named actions on named ARNs
    tf(y`
      resource "aws_iam_policy" "ok" {
        policy = jsonencode({
          Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::b/*"] }]
        })
      }
    `),
    // deny statements and trust policies are not grants
    tf(y`
      resource "aws_iam_policy" "guard" {
        policy = <<EOF
      {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}
      EOF
      }
    `),
    tf(y`
      resource "aws_iam_role" "r" {
        assume_role_policy = jsonencode({
          Statement = [{ Effect = "Allow", Action = "*", Principal = { Service = "ec2.amazonaws.com" } }]
        })
      }
    `),
    // actions AWS cannot scope to a resource are fine on "*"
    tf(y`
      data "aws_iam_policy_document" "xray" {
        statement {
          actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "s3:ListAllMyBuckets"]
          resources = ["*"]
        }
      }
    `),
    // a condition narrows "*"
    tf(y`
      data "aws_iam_policy_document" "tagged" {
        statement {
          actions   = ["ec2:StopInstances"]
          resources = ["*"]
          condition {
            test     = "StringEquals"
            variable = "aws:ResourceTag/team"
            values   = ["payments"]
          }
        }
      }
    `),
    // a break-glass policy allowed by the policy
    { ...tf(adminHeredoc), options: { allowPolicies: ['aws_iam_policy.admin'] } },
    // read-only actions on "*" can be waved through
    { code: standalone.replace(/,\s*\{\s*"Sid": "NotAct"[\s\S]*?\}(?=\s*\])/, ''), path: 'policies/read.json', options: { ignoreReadOnly: true } },
    // generic modules fill actions or not_actions from variables: unknown, not a wildcard
    tf(y`
      data "aws_iam_policy_document" "inline" {
        dynamic "statement" {
          for_each = var.statements
          content {
            actions       = statement.value.actions
            not_actions   = statement.value.not_actions
            resources     = statement.value.resources
            not_resources = statement.value.not_resources
          }
        }
      }
    `),
    // samples with made-up services are not AWS actions
    { code: '{"Statement": [{"Effect": "Allow", "Action": ["some:action"], "Resource": "*"}]}', path: 'sample.json' },
    // not an IAM policy
    { code: '{"Statement": "we will ship on Friday"}', path: 'notes.json' },
  ],
  invalid: [
    { ...tf(adminHeredoc), count: 1, line: 9 },
    { ...tf(jsonencoded), count: 1, line: 14 },
    { ...tf(dataDoc), count: 1, line: 4 },
    { code: cfn, path: 'stack/template.yaml', count: 1, line: 20 },
    { code: cfnSubString, path: 'stack/exec.yaml', count: 1, line: 12 },
    { code: standalone, path: 'policies/ops.json', count: 2, line: 8 },
    // Serverless Framework: per-function statements and \${self:custom.…} variables
    {
      code: y`
        service: api
        custom:
          everything: "*"
        provider:
          name: aws
          iam:
            role:
              statements:
                - Effect: Allow
                  Action: [s3:GetObject]
                  Resource: arn:aws:s3:::api-assets/*
        functions:
          worker:
            handler: worker.handle
            iamRoleStatements:
              - Effect: Allow
                Action: \${self:custom.everything}
                Resource: "*"
      `,
      path: 'serverless.yml',
      count: 1,
      line: 17,
    },
    // a service wildcard on one bucket is info (off in the default policy)
    tf(
      y`
      resource "aws_iam_policy" "bucket" {
        policy = jsonencode({
          Statement = [{ Effect = "Allow", Action = "s3:*", Resource = ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] }]
        })
      }
    `,
      { count: 1, line: 3 },
    ),
  ],
});

describe('scopes/aws-iam-wildcard severity and remediation', () => {
  it('is critical for full admin, high for every action on named ARNs', () => {
    expect(runRule(rule, tf(adminHeredoc))[0]!.severity).toBe('critical');
    const data = runRule(rule, tf(dataDoc))[0]!;
    expect(data.severity).toBe('high');
    expect(data.message).toMatch(/Everything/);
    expect(data.remediation).toMatch(/s3:GetObject/);
  });

  it('names the actions to grant instead of a service wildcard, and the ARN shape for "*"', () => {
    const f = runRule(rule, tf(jsonencoded))[0]!;
    expect(f.severity).toBe('high');
    expect(f.remediation).toMatch(/arn:aws:s3:::<bucket>/);
    expect(f.remediation).toMatch(/s3:GetObject/);
  });

  it('treats iam:* as critical on "*" and reads on "*" as info', () => {
    expect(runRule(rule, { code: cfn, path: 'template.yaml' })[0]!.severity).toBe('critical');
    const found = runRule(rule, { code: standalone, path: 'policy.json' });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([
      [8, 'info'],
      [16, 'high'],
    ]);
  });

  it('reports service wildcards on named ARNs at info, or not at all when allowed', () => {
    const code = y`
      resource "aws_iam_policy" "bucket" {
        policy = jsonencode({
          Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::b/*" }]
        })
      }
    `;
    expect(runRule(rule, tf(code))[0]!.severity).toBe('info');
    expect(runRule(rule, tf(code, { options: { allowServiceWildcards: ['s3'] } }))).toEqual([]);
  });
});
