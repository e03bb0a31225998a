import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/scopes/aws-resource-policy-wildcard.js';
import { runRule, ruleTester } from '../../../helpers/rule-tester.js';

const TF = 'infra/main.tf';
const CFN = 'cfn/template.yaml';
const bucketPolicy = (statement: string) =>
  `resource "aws_s3_bucket_policy" "b" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [${statement}]\n  })\n}\n`;
const keyDoc = (principal: string, actions = '"kms:*"', pre = '') =>
  `${pre}data "aws_caller_identity" "current" {}\ndata "aws_partition" "current" {}\ndata "aws_iam_policy_document" "key" {\n  statement {\n    sid     = "Enable IAM User Permissions"\n    effect  = "Allow"\n    actions = [${actions}]\n    resources = ["*"]\n    principals {\n      type        = "AWS"\n      identifiers = [${principal}]\n    }\n  }\n}\nmodule "kms_key" {\n  source = "cloudposse/kms-key/aws"\n  policy = data.aws_iam_policy_document.key.json\n}\n`;
const cfn = (type: string, prop: string, statement: string) =>
  `Resources:\n  Res:\n    Type: ${type}\n    Properties:\n      ${prop}:\n        Version: "2012-10-17"\n        Statement:\n${statement}`;

ruleTester(rule, {
  valid: [
    // a named principal and named actions
    { code: bucketPolicy('{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:role/reader" }, Action = ["s3:GetObject"], Resource = "arn:aws:s3:::b/*" }'), path: TF },
    // the TLS-only deny every bucket policy has
    {
      code: bucketPolicy('{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }'),
      path: TF,
    },
    // a wildcard principal pinned to the VPC endpoints of one account
    {
      code: bucketPolicy('{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*", Condition = { StringEquals = { "aws:VpceAccount" = "123456789012" } } }'),
      path: TF,
    },
    // a wildcard principal pinned by a condition (CloudFront origin access control, an organization)
    {
      code: bucketPolicy(
        '{ Effect = "Allow", Principal = { Service = "cloudfront.amazonaws.com" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*", Condition = { StringEquals = { "AWS:SourceArn" = "arn:aws:cloudfront::123456789012:distribution/E1" } } }',
      ),
      path: TF,
    },
    {
      code: bucketPolicy('{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } } }'),
      path: TF,
    },
    // AWS's default key policy: kms:* for the account
    {
      code: cfn(
        'AWS::KMS::Key',
        'KeyPolicy',
        '          - Sid: Enable IAM User Permissions\n            Effect: Allow\n            Principal:\n              AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"\n            Action: "kms:*"\n            Resource: "*"\n',
      ),
      path: CFN,
    },
    // the same default key policy as a policy document: kms:* for the root of the deploying account
    { code: keyDoc('format("arn:${join("", data.aws_partition.current.*.partition)}:iam::%s:root", join("", data.aws_caller_identity.current.*.account_id))'), path: TF },
    { code: keyDoc('"arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"'), path: TF },
    { code: keyDoc('data.aws_caller_identity.current.account_id'), path: TF },
    {
      code: keyDoc(
        'local.account_principal',
        '"kms:*"',
        'locals {\n  account_id        = data.aws_caller_identity.current.account_id\n  account_principal = "arn:${data.aws_partition.current.partition}:iam::${local.account_id}:root"\n}\n',
      ),
      path: TF,
    },
    {
      code: cfn(
        'AWS::KMS::Key',
        'KeyPolicy',
        '          - Effect: Allow\n            Principal:\n              AWS: !Join ["", ["arn:aws:iam::", !Ref "AWS::AccountId", ":root"]]\n            Action: "kms:*"\n            Resource: "*"\n',
      ),
      path: CFN,
    },
    // a service principal with the source pinned
    {
      code: cfn(
        'AWS::SQS::QueuePolicy',
        'PolicyDocument',
        '          - Effect: Allow\n            Principal:\n              Service: sns.amazonaws.com\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n            Condition:\n              ArnEquals:\n                aws:SourceArn: !Ref Topic\n',
      ),
      path: CFN,
    },
    {
      code: 'resource "aws_lambda_permission" "s3" {\n  statement_id  = "AllowS3"\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.f.function_name\n  principal     = "s3.amazonaws.com"\n  source_arn    = aws_s3_bucket.b.arn\n}\n',
      path: TF,
    },
    // identity policies are other rules' business
    { code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n', path: TF },
    { code: bucketPolicy('{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::site/*" }'), path: TF, options: { allowPolicies: ['aws_s3_bucket_policy.b'] } },
  ],
  invalid: [
    // Conditions that pin nobody: a wildcard value, a negated operator, `ForAllValues:` on a single-valued key (true when absent).
    {
      code: bucketPolicy(
        '{ Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*", Condition = { ArnEquals = { "aws:PrincipalArn" = "arn:aws:iam::*" } } }',
      ),
      path: TF,
      count: 1,
      severity: 'high',
    },
    {
      code: bucketPolicy('{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*", Condition = { StringNotEquals = { "aws:SourceAccount" = "123456789012" } } }'),
      path: TF,
      count: 1,
    },
    {
      code: bucketPolicy(
        '{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*", Condition = { "ForAllValues:StringEquals" = { "aws:username" = "pull-user-1" } } }',
      ),
      path: TF,
      count: 1,
    },
    // `*` for the account inside a principal ARN: AWS rejects it, and as meant it is every account's role of that name.
    { code: bucketPolicy('{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::*:role/reader" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" }'), path: TF, count: 1, severity: 'high' },
    // public bucket (Terraform jsonencode)
    { code: bucketPolicy('{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" }'), path: TF, count: 1, line: 5 },
    // data "aws_iam_policy_document" with a "*" principal
    {
      code: 'data "aws_iam_policy_document" "q" {\n  statement {\n    actions = ["sqs:SendMessage"]\n    resources = ["*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n  }\n}\nresource "aws_sqs_queue_policy" "q" {\n  queue_url = aws_sqs_queue.q.id\n  policy    = data.aws_iam_policy_document.q.json\n}\n',
      path: TF,
      count: 1,
    },
    // every action of the service (SQS inline policy)
    {
      code: 'resource "aws_sqs_queue" "q" {\n  name   = "q"\n  policy = <<EOF\n{\n  "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "sqs:*", "Resource": "*" }]\n}\nEOF\n}\n',
      path: TF,
      count: 1,
    },
    // kms:* in a policy document for an account that is not (or not known to be) the deploying one
    { code: keyDoc('"arn:aws:iam::${var.account_id}:root"'), path: TF, count: 1, line: 7 },
    { code: keyDoc('"arn:aws:iam::111122223333:root"'), path: TF, count: 1, line: 7 },
    // … for a role of the account, not its root (not the default key policy)
    { code: keyDoc('"arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/admin"'), path: TF, count: 1, line: 7 },
    // … or with other services' actions beside it
    { code: keyDoc('"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"', '"kms:*", "s3:*"'), path: TF, count: 1 },
    // … or for anyone
    { code: keyDoc('"*"'), path: TF, count: 1, line: 11 },
    // KMS key policy with a wildcard principal
    { code: cfn('AWS::KMS::Key', 'KeyPolicy', '          - Effect: Allow\n            Principal: "*"\n            Action: "kms:*"\n            Resource: "*"\n'), path: CFN, count: 1, line: 9 },
    // SNS, S3, Secrets Manager in CloudFormation (short forms)
    {
      code: cfn(
        'AWS::SNS::TopicPolicy',
        'PolicyDocument',
        '          - Effect: Allow\n            Principal:\n              AWS: "*"\n            Action: sns:Publish\n            Resource: !Ref Topic\n',
      ),
      path: CFN,
      count: 1,
    },
    {
      code: cfn(
        'AWS::S3::BucketPolicy',
        'PolicyDocument',
        '          - Effect: Allow\n            Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }\n            Action: "*"\n            Resource: !Sub "${Bucket.Arn}/*"\n',
      ),
      path: CFN,
      count: 1,
    },
    {
      code: cfn(
        'AWS::SecretsManager::ResourcePolicy',
        'ResourcePolicy',
        '          - Effect: Allow\n            Principal: "*"\n            Action: secretsmanager:GetSecretValue\n            Resource: "*"\n',
      ),
      path: CFN,
      count: 1,
    },
    // JSON template, ECR policy as a JSON string
    {
      code: JSON.stringify(
        { Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryPolicyText: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":["ecr:BatchGetImage"]}]}' } } } },
        null,
        2,
      ),
      path: 'cfn/ecr.json',
      count: 1,
    },
    // Lambda permissions
    { code: 'resource "aws_lambda_permission" "any" {\n  action        = "lambda:InvokeFunction"\n  function_name = "f"\n  principal     = "*"\n}\n', path: TF, count: 1, line: 4 },
    { code: 'resource "aws_lambda_permission" "s3" {\n  action        = "lambda:InvokeFunction"\n  function_name = "f"\n  principal     = "s3.amazonaws.com"\n}\n', path: TF, count: 1 },
    { code: 'Resources:\n  P:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:*\n      FunctionName: !Ref F\n      Principal: "*"\n', path: CFN, count: 2 },
  ],
});

describe('scopes/aws-resource-policy-wildcard', () => {
  it('is critical for any principal with every action, high for a public read', () => {
    expect(runRule(rule, { code: bucketPolicy('{ Effect = "Allow", Principal = "*", Action = "*", Resource = "*" }'), path: TF })[0]!.severity).toBe('critical');
    const [f] = runRule(rule, { code: bucketPolicy('{ Effect = "Allow", Principal = { AWS = ["*"] }, Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" }'), path: TF });
    expect(f!.severity).toBe('high');
    expect(f!.message).toMatch(/any principal \(`\*`\)/);
  });
});

describe('scopes/aws-resource-policy-wildcard: a Lambda permission to `*` kept in check by its source', () => {
  const perm = (extra: string) => `resource "aws_lambda_permission" "p" {\n  action        = "lambda:InvokeFunction"\n  function_name = "f"\n  principal     = "*"\n${extra}}\n`;

  it('is low with a source account or ARN: the principal should name the service', () => {
    const found = runRule(rule, { code: perm('  source_account = "123456789012"\n'), path: TF });
    expect(found.map((f) => [f.startLine, f.severity])).toEqual([[4, 'low']]);
    expect(found[0]!.message).toMatch(/kept in check only by its source ARN or account/);
    expect(runRule(rule, { code: perm('  source_arn = aws_s3_bucket.b.arn\n'), path: TF }).map((f) => f.severity)).toEqual(['low']);
  });

  it('is not reported with an organization id or an event source token, nor for a service principal with its source', () => {
    expect(runRule(rule, { code: perm('  principal_org_id = "o-abc123"\n'), path: TF })).toEqual([]);
    expect(runRule(rule, { code: perm('  event_source_token = var.token\n'), path: TF })).toEqual([]);
    const cfn =
      'Resources:\n  P:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: !Ref F\n      Principal: events.amazonaws.com\n      SourceArn: !GetAtt Rule.Arn\n';
    expect(runRule(rule, { code: cfn, path: CFN })).toEqual([]);
  });
});

describe('scopes/aws-resource-policy-wildcard: Lambda function URLs without authentication', () => {
  const url = (auth: string, extra = '') => `resource "aws_lambda_function_url" "hook" {\n  function_name      = aws_lambda_function.hook.function_name\n  authorization_type = "${auth}"\n${extra}}\n`;
  const publicPerm =
    'resource "aws_lambda_permission" "url" {\n  action                 = "lambda:InvokeFunctionUrl"\n  function_name          = aws_lambda_function.hook.arn\n  principal              = "*"\n  function_url_auth_type = "NONE"\n}\n';

  it('flags auth type NONE at the auth type, high like a `*` permission', () => {
    const found = runRule(rule, { code: url('NONE'), path: TF });
    expect(found.map((f) => [f.startLine, f.startColumn, f.severity])).toEqual([[3, 24, 'high']]);
    expect(found[0]!.message).toBe('`aws_lambda_function_url.hook` is a function URL with no authentication (auth type `NONE`): anyone on the internet who has the URL can invoke the function.');
  });

  it('does not flag AWS_IAM (with CORS or not), a computed auth type, or an allowed URL', () => {
    expect(runRule(rule, { code: url('AWS_IAM', '  cors {\n    allow_origins = ["https://example.com"]\n  }\n'), path: TF })).toEqual([]);
    expect(runRule(rule, { code: url('AWS_IAM'), path: TF })).toEqual([]);
    expect(runRule(rule, { code: 'resource "aws_lambda_function_url" "u" {\n  function_name      = "f"\n  authorization_type = var.auth\n}\n', path: TF })).toEqual([]);
    expect(runRule(rule, { code: url('NONE') + publicPerm, path: TF, options: { allowPolicies: ['aws_lambda_function_url.hook'] } })).toEqual([]);
  });

  it('reports a URL and the `*` permission written for it once, at the URL, naming the permission', () => {
    const found = runRule(rule, { code: url('NONE') + publicPerm, path: TF });
    expect(found.map((f) => f.startLine)).toEqual([3]);
    expect(found[0]!.message).toMatch(/\(with the public permission `aws_lambda_permission\.url`\)\.$/);
    // the same permission on another function is its own grant
    const other = publicPerm.replace('aws_lambda_function.hook.arn', 'aws_lambda_function.other.arn');
    expect(runRule(rule, { code: url('NONE') + other, path: TF }).map((f) => f.startLine)).toEqual([3, 8]);
  });

  it('reads terraform-aws-lambda (authorization_type defaults to NONE there), AWS::Lambda::Url and SAM FunctionUrlConfig', () => {
    const mod = (extra: string) =>
      `module "hook" {\n  source                     = "terraform-aws-modules/lambda/aws"\n  function_name              = "hook"\n  create_lambda_function_url = true\n${extra}}\n`;
    expect(runRule(rule, { code: mod(''), path: TF }).map((f) => f.startLine)).toEqual([1]);
    expect(runRule(rule, { code: mod('  authorization_type = "NONE"\n'), path: TF }).map((f) => f.startLine)).toEqual([5]);
    expect(runRule(rule, { code: mod('  authorization_type = "AWS_IAM"\n'), path: TF })).toEqual([]);
    expect(runRule(rule, { code: mod('').replace('= true', '= false'), path: TF })).toEqual([]);
    const cfnUrl =
      'Resources:\n  HookUrl:\n    Type: AWS::Lambda::Url\n    Properties:\n      TargetFunctionArn: !GetAtt Hook.Arn\n      AuthType: NONE\n  HookUrlPermission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunctionUrl\n      FunctionName: !Ref Hook\n      Principal: "*"\n      FunctionUrlAuthType: NONE\n';
    const cf = runRule(rule, { code: cfnUrl, path: CFN });
    expect(cf.map((f) => [f.startLine, f.severity])).toEqual([[6, 'high']]);
    expect(cf[0]!.message).toMatch(/`HookUrlPermission`/);
    expect(runRule(rule, { code: cfnUrl.replace('AuthType: NONE', 'AuthType: AWS_IAM'), path: CFN }).map((f) => f.startLine)).toEqual([12]);
    const longForm = cfnUrl.replace('TargetFunctionArn: !GetAtt Hook.Arn', 'TargetFunctionArn:\n        Fn::GetAtt: [Hook, Arn]');
    expect(runRule(rule, { code: longForm, path: CFN }).map((f) => f.startLine)).toEqual([7]);
    const sam = (auth: string) =>
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  Hook:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      FunctionUrlConfig:\n        AuthType: ${auth}\n        Cors:\n          AllowOrigins: ["*"]\n`;
    expect(runRule(rule, { code: sam('NONE'), path: 'template.yaml' }).map((f) => f.startLine)).toEqual([9]);
    expect(runRule(rule, { code: sam('AWS_IAM'), path: 'template.yaml' })).toEqual([]);
  });
});
