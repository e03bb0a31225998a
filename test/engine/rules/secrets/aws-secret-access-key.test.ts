import rule from '../../../../src/engine/rules/secrets/aws-secret-access-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64, HEX } from '../../../helpers/tokens.js';

const s1 = rand(40, B64, 'aws-secret-1');
const s2 = rand(40, B64, 'aws-secret-2');
const s3 = rand(40, B64, 'aws-secret-3');

ruleTester(rule, {
  valid: [
    `provider "aws" {\n  secret_key = var.secret_key\n}\nvariable "other" {\n  default = "${s1}"\n}`, // a variable, and the value outside the block
    `aws_secret_access_key = ${cat('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY')}`, // documented example
    `aws_secret_access_key='${cat('zuf+tfteSlswRu7BJ86w', 'ekitnifILbZam1KYY3TG')}',`, // MinIO's public playground
    `AWS_SECRET_ACCESS_KEY = ${rand(54, B64, 'kms')}==`, // KMS ciphertext: longer than a key
    `aws_secret_access_key = ${rand(39, B64, 'short')}`,
    `aws_commit_sha = "${rand(40, HEX, 'sha')}"`, // a hex digest, not base64
    `aws_secret_access_key = ${'x'.repeat(40)}`,
    `ANY_KEY = ${s1}`, // no AWS name: left to the generic rules
    'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
    'awsSecret: {{ .Values.aws.secretKey }}',
    `aws_secret_access_key = "${rand(20, B64, 'a')}${rand(20, B64, 'b')}x"`, // 41 characters
    `aws:\n  region: ${s1}`, // nested, not a credential key
    `aws:\n  client_id: ${s1}`, // nested, an id
    `aws:\n  secret_access_key: ${'a'.repeat(40)}`, // nested placeholder
    // An ARN's account field is `aws` for AWS-managed policies: not an assignment.
    `managed_policy_arns:\n  - arn:aws:iam::aws:policy/AmazonWorkSpacesSelfServiceAccess\n  - "arn:aws-us-gov:iam::aws:policy/service-role/AWSConfigRulesExecutionRole"`,
  ],
  invalid: [
    { code: `provider "aws" {\n  region = "eu-1"\n  secret_key = "${s1}"\n}`, path: 'providers.tf', secret: s1, line: 3, count: 1 },
    { code: `[default]\naws_access_key_id = AKIA...\naws_secret_access_key = ${s1}\n`, path: '.aws/credentials', secret: s1, line: 3, count: 1 },
    { code: `AWS_SECRET_ACCESS_KEY=${s2}`, path: '.env', secret: s2 },
    { code: `role_arn: arn:aws:iam::123456789012:role/ci\naws_secret_access_key: ${s2}`, path: 'ci.yml', secret: s2, line: 2 },
    { code: `const awsSecretKey = "${s3}";`, secret: s3 },
    { code: `{"AccessKey": {"UserName": "ci", "SecretAccessKey": "${s1}", "Status": "Active"}}`, path: 'key.json', secret: s1 },
    { code: `aws:\n  secret_access_key: '${s2}'\n`, path: 'config.yml', secret: s2, line: 2 },
    { code: `System.setProperty("AWS_SECRET_KEY", "${s3}");`, path: 'App.java', secret: s3 },
    { code: `<awsSecretKey>\n    ${s1}\n</awsSecretKey>`, path: 'settings.xml', secret: s1, line: 2 },
    { code: `aws:\n  secret_access_key: ${s1}\n`, path: 'config.yml', secret: s1, count: 1 },
    { code: `[aws]\nsecret_access_key = "${s1}"\n`, path: 'settings.toml', secret: s1 },
    { code: `services:\n  - aws:\n      secret_access_key: ${s1}\n`, path: 'config.yml', secret: s1 },
  ],
});
