import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-iam-admin-policy.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

// Built at run time so this file does not itself attach an admin policy as far as a scan can tell.
const ARN = (name: string, partition = 'aws'): string => ['arn', partition, 'iam', '', 'aws', `policy/${name}`].join(':');
const ADMIN = 'Administrator' + 'Access';
const POWER = 'PowerUser' + 'Access';
const IAM_FULL = 'IAMFull' + 'Access';

const tf = y`
  resource "aws_iam_role_policy_attachment" "ci" {
    role       = aws_iam_role.ci.name
    policy_arn = "${ARN(ADMIN)}"
  }

  resource "aws_iam_role" "ops" {
    name                = "ops"
    assume_role_policy  = data.aws_iam_policy_document.trust.json
    managed_policy_arns = [
      "${ARN('ReadOnlyAccess')}",
      "${ARN(POWER, '${data.aws_partition.current.partition}')}",
    ]
  }

  data "aws_iam_policy" "iam_full" {
    name = "${IAM_FULL}"
  }
`;

const cfn = y`
  Resources:
    DeployRole:
      Type: AWS::IAM::Role
      Properties:
        ManagedPolicyArns:
          - !Sub ${ARN(ADMIN, '${AWS::Partition}')}
`;

const cdk = `const role = new iam.Role(this, 'Deploy', {\n  managedPolicies: [iam.ManagedPolicy.${'fromAwsManaged' + 'PolicyName'}('${ADMIN}')],\n});\n`;

ruleTester(rule, {
  valid: [
    // A lookup table of managed policies, keyed by their names (SAM's aws_managed_policies.json): none attached.
    {
      code: `{\n  "aws": {\n    "AmazonS3ReadOnlyAccess": "${ARN('AmazonS3ReadOnlyAccess')}",\n    "IAMFullAccess": "${ARN('IAMFullAccess')}",\n    "${ADMIN}": "${ARN(ADMIN)}"\n  }\n}\n`,
      path: 'samtranslator/internal/data/aws_managed_policies.json',
    },
    {
      code: `policies:\n${Array.from({ length: 70 }, (_, i) => `  - ${ARN(`Policy${i}`)}`).join('\n')}\n  - ${ARN(ADMIN)}\n`,
      path: 'data/managed-policies.yaml',
    },
    { code: `resource "aws_iam_role_policy_attachment" "ro" {\n  policy_arn = "${ARN('ReadOnlyAccess')}"\n}\n`, path: 'iam.tf' },
    // a similarly named managed policy is not the admin one
    { code: `resource "aws_iam_role_policy_attachment" "amp" {\n  policy_arn = "${ARN(`${ADMIN}-Amplify`)}"\n}\n`, path: 'iam.tf' },
    // a break-glass role allowed by the policy
    { code: tf.split('\n\n')[0]!, path: 'iam.tf', options: { allow: ['aws_iam_role_policy_attachment.break*', 'aws_iam_role_policy_attachment.ci'] } },
    // prose and comments are not configuration
    { code: `Never attach ${ARN(ADMIN)} to CI roles.`, path: 'README.md' },
    { code: `// Rejects ${ARN(ADMIN)} in pull requests.\nexport const x = 1;\n`, path: 'src/check.ts' },
  ],
  invalid: [
    { code: tf, path: 'iam.tf', count: 3, line: 3 },
    { code: cfn, path: 'template.yaml', count: 1, line: 6 },
    { code: cdk, path: 'lib/stack.ts', count: 1, line: 2 },
    { code: `const arns = { managedPolicyArns: ['${ARN(IAM_FULL)}'] };\n`, path: 'index.ts', count: 1, line: 1 },
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

describe('scopes/aws-iam-admin-policy: SAM Policies naming the managed policy', () => {
  const sam = (policies: string) =>
    `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: python3.12\n      Policies:${policies}\n`;

  it('flags the name in a list or alone, at the name, held by the function', () => {
    const found = runRule(rule, { code: sam(`\n        - ${ADMIN}\n        - S3ReadPolicy:\n            BucketName: b`), path: 'template.yaml' });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([[9, 'critical']]);
    expect(found[0]!.message).toMatch(/^`Fn` attaches `AdministratorAccess`/);
    expect(runRule(rule, { code: sam(` ${POWER}`), path: 'template.yaml' }).map((f) => f.severity)).toEqual(['high']);
  });

  it('does not flag policy templates, other managed policies, or a document', () => {
    expect(runRule(rule, { code: sam('\n        - AWSLambdaBasicExecutionRole\n        - DynamoDBCrudPolicy:\n            TableName: t'), path: 'template.yaml' })).toEqual([]);
    expect(
      runRule(rule, {
        code: sam(`\n        - Statement:\n            - Effect: Allow\n              Action: s3:GetObject\n              Resource: arn:aws:s3:::b/*\n        # not ${ADMIN}`),
        path: 'template.yaml',
      }),
    ).toEqual([]);
  });
});
