import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-iam-wildcard.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';
import { scanFiles } from '../../../../src/engine/scan.js';
import { basePolicy } from '../../../../src/engine/policy/builtin.js';

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
    // the Systems Manager agent's channels: no ssmmessages or ec2messages action takes a resource, so
    // their whole-service wildcards on "*" are the managed instance core policy, action by action
    {
      code: y`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: ssm
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action:
                          - 'ssmmessages:*'
                          - 'ec2messages:*'
                        Resource: '*'
      `,
      path: 'ec2/bastion.yaml',
    },
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
    // next to the agent channels, a service whose actions do take resources is still reported
    {
      code: y`
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: ssm
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action:
                          - 'ssmmessages:*'
                          - 'ssm:*'
                        Resource: '*'
      `,
      path: 'ec2/bastion.yaml',
      count: 1,
      line: 12,
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

describe('scopes/aws-iam-wildcard: read or write, from what the action does', () => {
  const doc = (...actions: string[]) => tf(`data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = [${actions.map((a) => `"${a}"`).join(', ')}]\n    resources = ["*"]\n  }\n}\n`);
  const one = (...actions: string[]) => {
    const found = runRule(rule, doc(...actions));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('grades reads whose verb does not say so as reads (info), never "changes any resource"', () => {
    for (const actions of [
      ['eks:Access*', 'eks:Get*', 'eks:Describe*', 'eks:List*'],
      ['logs:StartQuery', 'logs:Describe*', 'logs:Get*', 'logs:List*', 'logs:FilterLogEvents'],
      ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      ['ec2:ExportClientVpnClientConfiguration'],
    ]) {
      const f = one(...actions);
      expect(f.severity).toBe('info');
      expect(f.message).not.toMatch(/changes any resource/);
      expect(f.message).toMatch(/\(read-only\)\.$/);
    }
    expect(runRule(rule, { ...doc('eks:Access*', 'logs:StartQuery'), options: { ignoreReadOnly: true } })).toEqual([]);
  });

  it('says what kms:Decrypt and exports expose', () => {
    const decrypt = one('kms:Decrypt', 'kms:DescribeKey');
    expect(decrypt.severity).toBe('medium');
    expect(decrypt.message).toMatch(/`kms:Decrypt` decrypts whatever was encrypted under any KMS key/);
    expect(one('ec2:ExportImage').message).toMatch(/`ec2:ExportImage` copies the data of any resource of its type out/);
  });

  it('names the write of a statement that mixes reads and writes, whatever comes first', () => {
    const f = one('ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:PutImage');
    expect(f.severity).toBe('medium');
    expect(f.message).toMatch(/— `ecr:PutImage` changes any resource of its type/);
    expect(f.startLine).toBe(3);
    expect(one('logs:StartQuery', 'logs:PutLogEvents').message).toMatch(/`logs:PutLogEvents` changes/);
    // a wildcard that can match a write is a write
    expect(one('eks:A*').message).toMatch(/`eks:A\*` changes any resource of its type/);
  });
});

describe('scopes/aws-iam-wildcard: a policy in a quoted Terraform string (HCL escapes)', () => {
  const quoted = (doc: object) => `resource "aws_iam_group_policy" "p" {\n  group  = "ops"\n  policy = ${JSON.stringify(JSON.stringify(doc))}\n}\n`;

  it('reads the JSON under the escapes', () => {
    const found = runRule(rule, tf(quoted({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })));
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([[3, 'critical']]);
  });

  it('does not flag a scoped or denying policy written the same way, nor a heredoc holding backslashes', () => {
    expect(runRule(rule, tf(quoted({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*' }] })))).toEqual([]);
    expect(runRule(rule, tf(quoted({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] })))).toEqual([]);
    const heredoc = 'resource "aws_iam_policy" "p" {\n  policy = <<EOT\n{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/a\\\\"}]}\nEOT\n}\n';
    expect(runRule(rule, tf(heredoc))).toEqual([]);
  });
});

describe('scopes/aws-iam-wildcard: SAM function and state machine Policies', () => {
  const sam = (type: string, policies: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::${type}\n    Properties:\n      Policies:${policies}\n`;

  it('reads the policy documents in Policies (a list, or one document)', () => {
    const listed = runRule(rule, {
      code: sam('Function', '\n        - AWSLambdaBasicExecutionRole\n        - Statement:\n            - Effect: Allow\n              Action: "*"\n              Resource: "*"'),
      path: 'template.yaml',
    });
    expect(listed.map((f) => [f.startLine, f.severity])).toEqual([[10, 'critical']]);
    const single = runRule(rule, {
      code: sam('StateMachine', '\n        Statement:\n          - Effect: Allow\n            Action: [dynamodb:PutItem]\n            Resource: "*"'),
      path: 'template.yaml',
    });
    expect(single.map((f) => f.severity)).toEqual(['medium']);
  });

  it('does not flag policy templates or scoped documents', () => {
    const code = sam(
      'Function',
      '\n        - S3CrudPolicy:\n            BucketName: !Ref B\n        - Statement:\n            - Effect: Allow\n              Action: s3:GetObject\n              Resource: !Sub "arn:aws:s3:::${B}/*"',
    );
    expect(runRule(rule, { code, path: 'template.yaml' })).toEqual([]);
  });
});

describe('scopes/aws-iam-wildcard: analysis calls that change nothing', () => {
  it('grades rekognition:CompareFaces and textract:AnalyzeDocument on "*" as reads (info), not writes', () => {
    const code = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['rekognition:CompareFaces', 'rekognition:DetectFaces', 'textract:AnalyzeDocument'], Resource: '*' }] }, null, 2);
    expect(runRule(rule, { code, path: 'policy.json' }).map((f) => f.severity)).toEqual(['info']);
    const write = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['rekognition:DeleteCollection'], Resource: '*' }] }, null, 2);
    expect(runRule(rule, { code: write, path: 'policy.json' }).map((f) => f.severity)).not.toEqual(['info']);
  });
});

describe('scopes/aws-iam-wildcard: one policy shipped per partition', () => {
  const doc = (partition: string) =>
    JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['ec2:CreateTags', 'ec2:DeleteTags'], Resource: `arn:${partition}:ec2:*:*:security-group/*` },
          { Effect: 'Allow', Action: ['elasticloadbalancing:*'], Resource: '*' },
        ],
      },
      null,
      2,
    );
  it('is reported once, naming the other copies', () => {
    const files = [
      { path: 'docs/install/iam_policy.json', text: doc('aws') },
      { path: 'docs/install/iam_policy_cn.json', text: doc('aws-cn') },
      { path: 'docs/install/iam_policy_us-gov.json', text: doc('aws-us-gov') },
    ];
    const found = scanFiles(files, { policy: basePolicy(), rules: [rule], today: new Date('2026-06-15T12:00:00Z') }).findings;
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toMatch(/^docs\/install\/iam_policy/);
    expect(found[0]!.message).toMatch(/Also in 2 other files/);
  });
  it('two different documents with different grants stay two findings', () => {
    const other = doc('aws').replace('elasticloadbalancing:*', 'autoscaling:*');
    const found = scanFiles(
      [
        { path: 'a/iam_policy.json', text: doc('aws') },
        { path: 'b/iam_policy.json', text: other },
      ],
      { policy: basePolicy(), rules: [rule], today: new Date('2026-06-15T12:00:00Z') },
    ).findings;
    expect(found).toHaveLength(2);
  });
});
