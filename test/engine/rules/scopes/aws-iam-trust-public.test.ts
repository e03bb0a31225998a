import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-iam-trust-public.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';
import { y } from './helpers.js';

const role = (principal: string, condition = '') => y`
  resource "aws_iam_role" "shared" {
    name = "shared"
    assume_role_policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = ${principal}
        ${condition}
      }]
    })
  }
`;

ruleTester(rule, {
  valid: [
    { code: role('{ AWS = "arn:aws:iam::123456789012:role/ci" }'), path: 'iam.tf' },
    { code: role('{ Service = "lambda.amazonaws.com" }'), path: 'iam.tf' },
    { code: role('{ AWS = "*" }'), path: 'iam.tf', options: { allowRoles: ['aws_iam_role.shared'] } },
    // a bucket policy with Principal "*" is a resource policy, not a trust policy
    { code: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }] }), path: 'bucket-policy.json' },
    { code: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] }), path: 'trust.json' },
  ],
  invalid: [
    { code: role('{ AWS = "*" }'), path: 'iam.tf', count: 1, line: 8 },
    { code: role('{ AWS = ["arn:aws:iam::123456789012:root", "*"] }'), path: 'iam.tf', count: 1, line: 8 },
    {
      code: y`
        Resources:
          Shared:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sts:AssumeRole
      `,
      path: 'template.yaml',
      count: 1,
      line: 8,
    },
  ],
});

describe('scopes/aws-iam-trust-public severity', () => {
  it('is critical without a condition, low with one', () => {
    expect(runRule(rule, { code: role('{ AWS = "*" }'), path: 'iam.tf' })[0]!.severity).toBe('critical');
    const cond = role('{ AWS = "*" }', 'Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }');
    expect(runRule(rule, { code: cond, path: 'iam.tf' })[0]!.severity).toBe('low');
  });
});
